"""
Statutory rules of the Finnish school year and its public holidays.

These are the parts of the school year that only change when the law does; the
local decisions (first day, breaks, days off) live in
`oppilashuolto.model.schoolcalendar` and are combined with these rules in
`oppilashuolto.schoolyear.SchoolYear`.

References:
    Perusopetuslaki (Basic Education Act) 628/1998, 23 §: the school year runs
    from 1 August to 31 July and has 190 working days; Independence Day, Epiphany
    and May Day reduce the count when they fall on a weekday other than Saturday.

    Perusopetusasetus (Basic Education Decree) 852/1998, 7 §: school work ends
    on the last weekday (Mon-Sat) of ISO week 22.

    Opetushallitus, "Työajat",
    https://www.oph.fi/fi/koulutus-ja-tutkinnot/tyoajat.

    vacanza/holidays, ``holidays/countries/finland.py`` (public holidays).
"""

from __future__ import annotations

import datetime as dt
import functools

from types import MappingProxyType
from typing import Literal

from attrs import frozen

from oppilashuolto.errors import ValidationError
from oppilashuolto.model.schoolcalendar import parse_school_year


__all__ = [
    "FIRST_YEAR",
    "HOLIDAY_LANGUAGES",
    "LAST_YEAR",
    "WORKING_DAYS",
    "Language",
    "PublicHoliday",
    "public_holidays",
    "required_working_days",
    "statutory_end",
    "to_language",
    "to_year",
    "week_of_school_year",
    "working_day_reductions",
]

Language = Literal["fi", "sv", "en"]

HOLIDAY_LANGUAGES = MappingProxyType({"fi": "fi", "sv": "sv_FI", "en": "en_US"})
"""
Our language codes and the ``language=`` of the `holidays` package.

Passed explicitly every time: left unset, the package picks the names from the
process locale (Finnish under ``LANG=C``, English under ``LANG=C.UTF-8``), and
``"sv"`` is not one of its Finnish languages.
"""

WORKING_DAYS = 190
"""Working days of a school year before reductions (Basic Education Act 23 §)."""

FIRST_YEAR = 1999
"""First school year modelled: the Basic Education Act 628/1998 came into force 1.1.1999."""

LAST_YEAR = 9998
"""Last school year modelled: its spring ends in year 9999, the last `datetime.date` year."""

_LANGUAGES: dict[str, Language] = {"fi": "fi", "sv": "sv", "en": "en"}

# (month, day, offset from the first calendar year of the school year)
_REDUCING_DAYS = ((12, 6, 0), (1, 6, 1), (5, 1, 1))


def _is_int(value: object) -> bool:
    # bool is an int subclass, but True is no year or week
    return isinstance(value, int) and not isinstance(value, bool)


@frozen(kw_only=True)
class PublicHoliday:
    """
    A public holiday, named in one language.

    Attributes:
        date: The day.
        name: Its name, such as ``"Itsenäisyyspäivä"``.

    Examples:
        >>> PublicHoliday(date=dt.date(2025, 12, 6), name="Itsenäisyyspäivä").name
        'Itsenäisyyspäivä'
    """

    date: dt.date
    name: str


def to_year(value: int | str) -> int:
    """
    Return the first calendar year of a school year given as ``2026`` or ``"2026-2027"``.

    Args:
        value: The first calendar year, or the school year as text.

    Returns:
        The first calendar year.

    Raises:
        ValidationError: If *value* is neither, or lies outside
            `FIRST_YEAR`-`LAST_YEAR`.

    Examples:
        >>> to_year("2026-2027"), to_year(2026)
        (2026, 2026)
        >>> to_year("2026/27")
        Traceback (most recent call last):
        ...
        oppilashuolto.errors.ValidationError: school_year must look like '2026-2027' (got '2026/27')
    """
    year = parse_school_year(value) if isinstance(value, str) else value
    if not _is_int(year):
        msg = f"year must be a year like 2026 or a text like '2026-2027' (got a value of type {type(year).__name__})"
        raise ValidationError(msg)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        msg = f"year must be between {FIRST_YEAR} and {LAST_YEAR} (got {year})"
        raise ValidationError(msg)
    return year


def to_language(value: str) -> Language:
    """
    Return *value* as a `Language`, or raise if it is not one.

    Examples:
        >>> to_language("sv")
        'sv'
    """
    for code, language in _LANGUAGES.items():  # by ==: value may be unhashable
        if value == code:
            return language
    msg = f"Unknown language {value!r}; expected one of: en, fi, sv"
    raise ValidationError(msg)


def statutory_end(year: int) -> dt.date:
    """
    Return the statutory last day of school work: the Saturday of ISO week 22.

    *Weekday* (*arkipäivä*) means Monday-Saturday in Finnish law, so the last
    weekday of ISO week 22 is its Saturday.

    Args:
        year: First calendar year of the school year.

    Examples:
        >>> statutory_end(2026)
        datetime.date(2027, 6, 5)

    References:
        Basic Education Decree 852/1998, 7 §; oph.fi työajat.
    """
    return dt.date.fromisocalendar(year + 1, 22, 6)


def working_day_reductions(year: int) -> tuple[dt.date, ...]:
    """
    Return which of 6.12, 6.1 and 1.5 fall Monday-Friday in a school year.

    Args:
        year: First calendar year of the school year.

    Examples:
        >>> working_day_reductions(2025)
        (datetime.date(2026, 1, 6), datetime.date(2026, 5, 1))

    References:
        Basic Education Act 628/1998, 23 §; oph.fi työajat.
    """
    days = (dt.date(year + k, m, d) for m, d, k in _REDUCING_DAYS)
    return tuple(day for day in days if day.weekday() < 5)


def required_working_days(year: int) -> int:
    """
    Return the statutory working days: 190 less each reduction.

    Args:
        year: First calendar year of the school year.

    Examples:
        >>> required_working_days(2025), required_working_days(2026)
        (188, 189)

    References:
        Basic Education Act 628/1998, 23 §; oph.fi työajat.
    """
    return WORKING_DAYS - len(working_day_reductions(year))


def week_of_school_year(year: int, iso_week: int) -> tuple[dt.date, dt.date]:
    """
    Return the Monday and Sunday of an ISO week of a school year.

    Weeks 31-53 are taken from the autumn (ISO year *year*), weeks 1-30 from
    the spring (ISO year *year* + 1). Week 31 can begin in late July and week
    30 end in early August: the week is returned whole.

    Args:
        year: First calendar year of the school year.
        iso_week: The ISO week number.

    Raises:
        ValidationError: If the ISO year has no such week.

    Examples:
        >>> week_of_school_year(2025, 42)
        (datetime.date(2025, 10, 13), datetime.date(2025, 10, 19))
        >>> week_of_school_year(2025, 53)
        Traceback (most recent call last):
        ...
        oppilashuolto.errors.ValidationError: iso_week must be a week 1-52 of the ISO year 2025 (got 53)
    """
    if not _is_int(iso_week) or not 1 <= iso_week <= 53:
        msg = f"iso_week must be an ISO week number 1-53 (got {iso_week!r})"
        raise ValidationError(msg)
    iso_year = year if iso_week >= 31 else year + 1
    # 28 December always lies in the last ISO week of its year
    weeks = dt.date(iso_year, 12, 28).isocalendar().week
    if iso_week > weeks:
        msg = f"iso_week must be a week 1-{weeks} of the ISO year {iso_year} (got {iso_week})"
        raise ValidationError(msg)
    monday = dt.date.fromisocalendar(iso_year, iso_week, 1)
    return monday, monday + dt.timedelta(days=6)


@functools.cache
def public_holidays(year: int, language: Language) -> tuple[PublicHoliday, ...]:
    """
    Return the Finnish public holidays from 1.8 to 31.7 of a school year.

    The names come from ``holidays.country_holidays("FI", language=...)`` with
    the language given explicitly (see `HOLIDAY_LANGUAGES`), never from the
    process locale. The category is ``PUBLIC``, which includes *Juhannusaatto*
    and *Jouluaatto*.

    Args:
        year: First calendar year of the school year.
        language: ``"fi"``, ``"sv"`` or ``"en"``.

    Returns:
        The holidays in date order.

    Examples:
        >>> [h.name for h in public_holidays(2025, "sv")][:2]
        ['Alla helgons dag', 'Självständighetsdagen']

    References:
        vacanza/holidays, ``holidays/countries/finland.py``.
    """
    # imported here: `import oppilashuolto` must not import holidays
    import holidays

    table = holidays.country_holidays(
        "FI", years=(year, year + 1), language=HOLIDAY_LANGUAGES[language]
    )
    start, end = dt.date(year, 8, 1), dt.date(year + 1, 7, 31)
    return tuple(
        PublicHoliday(date=day, name=name)
        for day, name in sorted(table.items())
        if start <= day <= end
    )
