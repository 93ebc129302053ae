"""
Reports of a structure as of a day, in Markdown and as one self-contained HTML page.

A report lists the organisations and their groups, each group's members by
role, the service arrangements, the projects with their goal trees, the plans,
the check findings (passed in, so that this adapter needs no other) and each
yearly clock in force as a wheel (`oppilashuolto.render.wheel`) with its entries.

The HTML page needs no network and no script: its style sheet and wheels are
inline, it reflows on a phone, and a row of buttons switches between Finnish,
Swedish and English (radio buttons and CSS). People are shown by title and
profession; their names only with *include_personal*.

Examples:
    >>> import datetime as dt
    >>> from oppilashuolto.model import Group, Organisation, WelfareStructure
    >>> s = WelfareStructure(id="demo", name="Demo", organisations=[
    ...     Organisation(id="koulu", kind="school", name="Koulu")], groups=[
    ...     Group(id="ohr", kind="school_welfare_group", name="Koulun OHR",
    ...           organiser_ids=["koulu"])])
    >>> md = to_markdown(s, on=dt.date(2024, 1, 1), language="en")
    >>> "### Koulun OHR" in md, "Koulu" in md
    (True, True)
    >>> html = to_html(s, on=dt.date(2024, 1, 1))
    >>> html.startswith("<!DOCTYPE html>"), "<script" in html, html.count("<article")
    (True, False, 3)
"""

from __future__ import annotations

import datetime as dt

from oppilashuolto.model import WelfareStructure
from oppilashuolto.render._report_build import Builder, FindingLike, Findings
from oppilashuolto.render._report_text import CSS, LANGUAGE_NAMES, WORDS
from oppilashuolto.render._report_write import escape, html_blocks, markdown
from oppilashuolto.render._wheel_text import Language, localised


__all__ = ["FindingLike", "to_html", "to_markdown"]

_LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")


def to_markdown(
    structure: WelfareStructure,
    *,
    on: dt.date,
    language: Language = "fi",
    findings: Findings | None = None,
    include_personal: bool = False,
) -> str:
    """
    Return a Markdown report of a structure as of a day.

    Args:
        structure: The structure.
        on: The day.
        language: ``"fi"``, ``"sv"`` or ``"en"``.
        findings: Check findings by language (as from
            ``{lang: checks.run_checks(s, on=on, language=lang)}``), or ``None``.
        include_personal: Show people's names (personal data) beside their titles.

    Returns:
        CommonMark text; each wheel is an inline ``data:`` image.
    """
    blocks = Builder(
        structure, on, language, findings=findings, include_personal=include_personal
    ).build()
    return markdown(blocks, language)


def to_html(
    structure: WelfareStructure,
    *,
    on: dt.date,
    findings: Findings | None = None,
    include_personal: bool = False,
    language: Language = "fi",
) -> str:
    """
    Return a self-contained HTML report in Finnish, Swedish and English.

    The page holds the report in all three languages; buttons at the top
    switch between them without script, and *language* is shown first.

    Args:
        structure: The structure.
        on: The day.
        findings: Check findings by language, or ``None``.
        include_personal: Show people's names (personal data) beside their titles.
        language: The language shown when the page opens.

    Returns:
        An HTML5 document with inline CSS and SVG: no scripts, no fetches.
    """
    title = f"{localised(structure, 'name', language)} – {on.day}.{on.month}.{on.year}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{language}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
    ]
    out += [
        f'<input type="radio" name="lang" id="lang-{lang}" class="lang-radio"'
        f'{" checked" if lang == language else ""} aria-label="{LANGUAGE_NAMES[lang]}">'
        for lang in _LANGUAGES
    ]
    labels = "".join(
        f'<label for="lang-{lang}" lang="{lang}">{LANGUAGE_NAMES[lang]}</label>'
        for lang in _LANGUAGES
    )
    out.append(
        f'<nav class="switch" aria-label="Kieli / Språk / Language">{labels}</nav>'
    )
    for lang in _LANGUAGES:
        blocks = Builder(
            structure, on, lang, findings=findings, include_personal=include_personal
        ).build()
        out.append(f'<article class="lang lang-{lang}" lang="{lang}">')
        out += html_blocks(blocks)
        out.append(f"<footer>{escape(WORDS[lang]['footer'])}</footer>")
        out.append("</article>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
