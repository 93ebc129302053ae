"""
The Finnish school year: statutory rules, local breaks and public holidays.

A `SchoolYear` combines the rules that only the law changes (1.8-31.7, 190
working days less the weekday holidays 6.12, 6.1 and 1.5, the end on the
Saturday of ISO week 22) with defaults for what each municipality decides
(first day, breaks), which its `oppilashuolto.model.schoolcalendar.SchoolCalendar`
overrides. Holiday names come from the ``holidays`` package, always with an
explicit language and imported only when first needed.

Examples:
    >>> sy = school_year("2026-2027", municipality_code="211")
    >>> sy.first_day, sy.last_day, sy.working_day_count
    (datetime.date(2026, 8, 12), datetime.date(2027, 6, 5), 189)
    >>> sy.event("winter_break")
    (datetime.date(2027, 3, 1), datetime.date(2027, 3, 5))

References:
    Perusopetuslaki (Basic Education Act) 628/1998, 23 §.

    Perusopetusasetus (Basic Education Decree) 852/1998, 7 §.

    Opetushallitus, "Työajat", https://www.oph.fi/fi/koulutus-ja-tutkinnot/tyoajat.

    vacanza/holidays, ``holidays/countries/finland.py``.
"""

from __future__ import annotations

from oppilashuolto.schoolyear._core import (
    ANCHORS,
    DEFAULT_WEEKS,
    Anchor,
    SchoolYear,
    school_year,
)
from oppilashuolto.schoolyear._format import LABELS, format_school_year
from oppilashuolto.schoolyear._rules import (
    HOLIDAY_LANGUAGES,
    WORKING_DAYS,
    Language,
    PublicHoliday,
    public_holidays,
    required_working_days,
    statutory_end,
    week_of_school_year,
    working_day_reductions,
)


__all__ = [
    "ANCHORS",
    "DEFAULT_WEEKS",
    "HOLIDAY_LANGUAGES",
    "LABELS",
    "WORKING_DAYS",
    "Anchor",
    "Language",
    "PublicHoliday",
    "SchoolYear",
    "format_school_year",
    "public_holidays",
    "required_working_days",
    "school_year",
    "statutory_end",
    "week_of_school_year",
    "working_day_reductions",
]
