"""Plain-text summary of a school year in Finnish, Swedish or English."""

from __future__ import annotations

import datetime as dt

from types import MappingProxyType

import attrs

from oppilashuolto.model.schoolcalendar import Break
from oppilashuolto.schoolyear._core import SchoolYear
from oppilashuolto.schoolyear._rules import Language, to_language


__all__ = ["LABELS", "format_school_year"]

LABELS = MappingProxyType(
    {
        "fi": MappingProxyType(
            {
                "school_year": "Lukuvuosi",
                "municipality": "Kunta",
                "first_day": "Koulutyö alkaa",
                "last_day": "Koulutyö päättyy",
                "autumn_term": "Syyslukukausi",
                "spring_term": "Kevätlukukausi",
                "breaks": "Lomat",
                "holidays": "Pyhäpäivät koulutyön aikana",
                "working_days": "Työpäiviä",
                "required": "lain mukaan",
                "autumn": "syysloma",
                "christmas": "joululoma",
                "winter": "talviloma",
                "easter": "pääsiäinen",
                "other": "muu loma",
                "weekdays": "ma ti ke to pe la su",
            }
        ),
        "sv": MappingProxyType(
            {
                "school_year": "Läsår",
                "municipality": "Kommun",
                "first_day": "Skolarbetet börjar",
                "last_day": "Skolarbetet slutar",
                "autumn_term": "Hösttermin",
                "spring_term": "Vårtermin",
                "breaks": "Lov",
                "holidays": "Helgdagar under skolarbetet",
                "working_days": "Arbetsdagar",
                "required": "enligt lag",
                "autumn": "höstlov",
                "christmas": "jullov",
                "winter": "sportlov",
                "easter": "påsk",
                "other": "annat lov",
                "weekdays": "mån tis ons tors fre lör sön",
            }
        ),
        "en": MappingProxyType(
            {
                "school_year": "School year",
                "municipality": "Municipality",
                "first_day": "School work begins",
                "last_day": "School work ends",
                "autumn_term": "Autumn term",
                "spring_term": "Spring term",
                "breaks": "Breaks",
                "holidays": "Public holidays during school work",
                "working_days": "Working days",
                "required": "required by law",
                "autumn": "autumn break",
                "christmas": "Christmas break",
                "winter": "winter break",
                "easter": "Easter",
                "other": "other break",
                "weekdays": "Mon Tue Wed Thu Fri Sat Sun",
            }
        ),
    }
)
"""Labels of `format_school_year`, by language; Finnish is the source."""

_DASH = "\N{EN DASH}"
_DEFAULT_BREAK_NAMES = frozenset(
    LABELS["fi"][k] for k in ("autumn", "christmas", "winter", "easter")
)


def format_school_year(sy: SchoolYear, *, language: Language) -> str:
    """
    Return a readable summary of a school year, for the command line.

    Lists the span, first and last day of school work, the terms, the breaks,
    the public holidays between the first and last day and the working-day
    count. Labels, weekday names and holiday names follow *language*; dates are
    written ``6.8.2025`` in Finnish and Swedish and ``2025-08-06`` in English,
    without the process locale.

    Args:
        sy: The school year.
        language: ``"fi"``, ``"sv"`` or ``"en"``.

    Raises:
        ValidationError: If *language* is unknown.

    Examples:
        >>> from oppilashuolto.schoolyear import school_year
        >>> lines = format_school_year(school_year(2025), language="en").splitlines()
        >>> lines[1]
        'School work begins:    Wed 2025-08-06'
        >>> lines[-1]
        'Working days:          188 (required by law: 188)'
    """
    language = to_language(language)
    if sy.language != language:
        sy = attrs.evolve(sy, language=language)
    labels = LABELS[language]
    weekdays = labels["weekdays"].split()

    def day(d: dt.date) -> str:
        text = d.isoformat() if language == "en" else f"{d.day}.{d.month}.{d.year}"
        return f"{weekdays[d.weekday()]} {text}"

    def span(first: dt.date, last: dt.date) -> str:
        return day(first) if first == last else f"{day(first)} {_DASH} {day(last)}"

    def break_label(b: Break) -> str:
        own = f" ({b.name})" if b.name and b.name not in _DEFAULT_BREAK_NAMES else ""
        return labels[b.kind] + own

    rows: list[tuple[str, str]] = [
        (
            f"{labels['school_year']} {sy.year}{_DASH}{sy.year + 1}",
            span(sy.start, sy.end),
        ),
    ]
    if sy.municipality_code is not None:
        rows.append((labels["municipality"], sy.municipality_code))
    rows += [
        (labels["first_day"], day(sy.first_day)),
        (labels["last_day"], day(sy.last_day)),
        (labels["autumn_term"], span(*sy.autumn_term)),
        (labels["spring_term"], span(*sy.spring_term)),
        (labels["breaks"], ""),
        *((f"  {break_label(b)}", span(b.start, b.end)) for b in sy.breaks),
        (labels["holidays"], ""),
        *(
            (f"  {day(h.date)}", h.name)
            for h in sy.holidays
            if sy.first_day <= h.date <= sy.last_day
        ),
        (
            labels["working_days"],
            f"{sy.working_day_count} ({labels['required']}: {sy.required_working_days})",
        ),
    ]
    # sub-rows (breaks, holidays) are indented and carry no colon
    cells = [
        (label if label.startswith(" ") else f"{label}:", value)
        for label, value in rows
    ]
    width = max(len(label) for label, value in cells if value) + 1
    return "\n".join(f"{label:<{width}}{value}".rstrip() for label, value in cells)
