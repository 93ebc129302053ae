"""Findings as text, JSON or Markdown, with headings in Finnish, Swedish and English."""

from __future__ import annotations

import datetime as dt
import json

from collections.abc import Mapping, Sequence
from typing import Any

from oppilashuolto.checks._core import Finding
from oppilashuolto.errors import ValidationError
from oppilashuolto.vocab import Language


__all__ = ["FORMATS", "format_findings", "words"]

FORMATS = ("text", "json", "markdown")

_WORDS = {
    "fi": {
        "none": "Ei havaintoja.",
        "error": "virhe",
        "warning": "varoitus",
        "errors": "virheitä",
        "warnings": "varoituksia",
        "code": "Koodi",
        "severity": "Vakavuus",
        "section": "Pykälä",
        "record": "Tietue",
        "message": "Havainto",
        "title": "Tarkistukset",
        "as_of": "tilanne",
    },
    "sv": {
        "none": "Inga anmärkningar.",
        "error": "fel",
        "warning": "varning",
        "errors": "fel",
        "warnings": "varningar",
        "code": "Kod",
        "severity": "Allvarlighet",
        "section": "Paragraf",
        "record": "Post",
        "message": "Anmärkning",
        "title": "Kontroller",
        "as_of": "läge",
    },
    "en": {
        "none": "No findings.",
        "error": "error",
        "warning": "warning",
        "errors": "errors",
        "warnings": "warnings",
        "code": "Code",
        "severity": "Severity",
        "section": "Section",
        "record": "Record",
        "message": "Finding",
        "title": "Checks",
        "as_of": "as of",
    },
}


def words(language: Language) -> Mapping[str, str]:
    """Return the headings the formats use, in *language*."""
    return _WORDS[language]


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def format_findings(
    findings: Sequence[Finding],
    fmt: str = "text",
    *,
    language: Language = "fi",
    title: str = "",
    on: dt.date | None = None,
) -> str:
    """
    Return findings as ``"text"`` (one line each), ``"json"`` or ``"markdown"``.

    Args:
        findings: The findings, as `run_checks` returns them.
        fmt: ``"text"``, ``"json"`` or ``"markdown"``.
        language: Language of the headings.
        title: A heading for the markdown form, such as the structure's name.
        on: The day checked, shown in the markdown and JSON forms.

    Raises:
        ValidationError: If *fmt* is unknown.
    """
    w = _WORDS[language]
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    if fmt == "json":
        document: dict[str, Any] = {
            "on": None if on is None else on.isoformat(),
            "errors": errors,
            "warnings": warnings,
            "findings": [f.to_dict() for f in findings],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        lines = [
            f"{f.code} {w[f.severity]} [{f.section or '-'}] {f.record_id}: {f.message}"
            for f in findings
        ]
        lines.append(
            f"{w['errors']}: {errors}, {w['warnings']}: {warnings}"
            if findings
            else w["none"]
        )
        return "\n".join(lines) + "\n"
    if fmt == "markdown":
        heading = f"# {w['title']}"
        if title:
            heading += f": {title}"
        if on is not None:
            heading += f" ({w['as_of']} {on.isoformat()})"
        lines = [heading, ""]
        if not findings:
            lines.append(w["none"])
            return "\n".join(lines) + "\n"
        lines.append(f"{w['errors']}: {errors}, {w['warnings']}: {warnings}")
        lines.append("")
        lines.append(
            f"| {w['code']} | {w['severity']} | {w['section']} | {w['record']} | {w['message']} |"
        )
        lines.append("| --- | --- | --- | --- | --- |")
        lines.extend(
            f"| {f.code} | {w[f.severity]} | {_md_cell(f.section or '-')} | "
            f"`{f.record_id}` | {_md_cell(f.message)} |"
            for f in findings
        )
        return "\n".join(lines) + "\n"
    msg = f"Unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}"
    raise ValidationError(msg)
