"""
One municipality's school year: defaults from the rules, overridden by its calendar.

References:
    Basic Education Act 628/1998, 23 §; Basic Education Decree 852/1998, 7 §;
    Opetushallitus, "Työajat", https://www.oph.fi/fi/koulutus-ja-tutkinnot/tyoajat.
"""

from __future__ import annotations

import bisect
import datetime as dt

from typing import Any, Literal, get_args

import attrs

from attrs import field, frozen

from oppilashuolto.errors import ValidationError
from oppilashuolto.model.identifiers import is_valid_municipality_code
from oppilashuolto.model.schoolcalendar import Break, SchoolCalendar
from oppilashuolto.schoolyear._rules import (
    Language,
    PublicHoliday,
    public_holidays,
    required_working_days,
    statutory_end,
    to_language,
    to_year,
    week_of_school_year,
    working_day_reductions,
)


__all__ = ["ANCHORS", "DEFAULT_WEEKS", "Anchor", "SchoolYear", "school_year"]

Anchor = Literal[
    "first_school_day",
    "last_school_day",
    "autumn_term",
    "spring_term",
    "autumn_term_start",
    "autumn_term_end",
    "spring_term_start",
    "spring_term_end",
    "autumn_break",
    "christmas_break",
    "winter_break",
    "easter",
]
ANCHORS: tuple[Anchor, ...] = get_args(Anchor)
"""School-year events that `SchoolYear.event` resolves to dates."""

DEFAULT_WEEKS = {"autumn": 42, "winter": 9}
"""ISO weeks of the default autumn and winter breaks (Monday-Friday)."""

# Finnish names are the holidays package's own source strings, stable across releases
_GOOD_FRIDAY, _EASTER_MONDAY = "Pitkäperjantai", "Toinen pääsiäispäivä"
_DEFAULT_NAMES = {
    "autumn": "syysloma",
    "christmas": "joululoma",
    "winter": "talviloma",
    "easter": "pääsiäinen",
}
# not strftime("%A"): that follows the process locale
_WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


def _is_code(value: object) -> bool:
    return is_valid_municipality_code(value)


def _municipality(value: str | None) -> str | None:
    if value is not None and not _is_code(value):
        msg = f"municipality_code must be a 3-digit municipality code like '211' or empty (got {value!r})"
        raise ValidationError(msg)
    return value


def _from_calendar(instance: SchoolYear) -> str | None:
    return instance.calendar.municipality_code if instance.calendar else None


def _days_between(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


@frozen(kw_only=True)
class _Days:
    first_day: dt.date
    last_day: dt.date
    breaks: tuple[Break, ...]
    holidays: tuple[PublicHoliday, ...]
    school_days: tuple[dt.date, ...]
    school_day_set: frozenset[dt.date]
    autumn_term: tuple[dt.date, dt.date]
    spring_term: tuple[dt.date, dt.date]


@frozen(kw_only=True)
class SchoolYear:
    """
    The school year of one municipality: its days of school work, terms and breaks.

    Build it with `school_year` or `SchoolYear.for_year`. Every field set in
    *calendar* overrides a default; the statutory count and end date do not
    change (see `required_working_days` and `statutory_end`).

    Defaults:

    - **Last day**: the Saturday of ISO week 22 (Decree 7 §).
    - **Breaks**: autumn break Monday-Friday of ISO week 42, Christmas break
      22.12-6.1, winter break Monday-Friday of ISO week 9, and Easter from
      Good Friday to Easter Monday as given by the ``holidays`` package.
      Municipalities choose weeks 41-43 and 8-10 (school-year.md §2), so give
      theirs in the calendar; breaks given as dates replace the default of
      their kind.
    - **First day**: counted backwards from the last day, it is the latest
      day from which the school days up to the last day number exactly the
      statutory count, 190 less each of 6.12, 6.1 and 1.5 falling Monday-Friday
      (Act 23 §). A school day is a Monday-Friday that is not a public holiday,
      a break day or a day off, plus the last day when it is a Saturday (the
      Decree makes that Saturday a working day) and any extra school day of the
      calendar. This reproduces the published first days: Wednesday 6.8.2025
      (188 days) and Wednesday 12.8.2026 (189 days) of peda.net/id/3b671b7e9a0;
      for 2020-2030 it is the Wednesday or Thursday of ISO week 32. If the
      calendar removes so many days that the count cannot be met within the
      school year, the first day is the earliest school day and
      `working_day_count` falls short of `required_working_days`.
    - **Terms**: the autumn term runs from the first day to the last school
      day before the Christmas break, the spring term from the first school
      day after it to the last day.

    Attributes:
        year: First calendar year, such as ``2026`` for 2026-2027.
        calendar: The municipality's or provider's own decisions, if any.
        municipality_code: 3-digit municipality code; taken from *calendar*
            when not given.
        language: Language of holiday names: ``"fi"``, ``"sv"`` or ``"en"``.

    Examples:
        >>> sy = school_year("2025-2026")
        >>> sy.first_day, sy.last_day, sy.working_day_count
        (datetime.date(2025, 8, 6), datetime.date(2026, 5, 30), 188)
        >>> sy.autumn_term
        (datetime.date(2025, 8, 6), datetime.date(2025, 12, 19))

    References:
        Basic Education Act 628/1998, 23 §; Basic Education Decree 852/1998,
        7 §; oph.fi/fi/koulutus-ja-tutkinnot/tyoajat;
        peda.net/id/3b671b7e9a0 (published 2025-2026 and 2026-2027 calendars).
    """

    year: int = field(converter=to_year)
    calendar: SchoolCalendar | None = field(default=None)
    municipality_code: str | None = field(
        default=attrs.Factory(_from_calendar, takes_self=True),
        converter=_municipality,
    )
    language: Language = field(default="fi", converter=to_language)
    _days: _Days = field(init=False, repr=False, eq=False)

    @calendar.validator
    def _check_calendar(
        self, _: attrs.Attribute[Any], value: SchoolCalendar | None
    ) -> None:
        if value is not None and value.school_year != self.label:
            msg = f"calendar.school_year must be {self.label!r} (got {value.school_year!r})"
            raise ValidationError(msg)

    @municipality_code.validator
    def _check_municipality(self, _: attrs.Attribute[Any], value: str | None) -> None:
        own = _from_calendar(self)
        if value is not None and own is not None and value != own:
            msg = f"municipality_code must match calendar.municipality_code {own!r} (got {value!r})"
            raise ValidationError(msg)

    def __attrs_post_init__(self) -> None:
        # frozen: attrs documents object.__setattr__ for derived values
        object.__setattr__(self, "_days", _compute(self))

    @classmethod
    def for_year(
        cls,
        year: int | str,
        *,
        municipality_code: str | None = None,
        calendar: SchoolCalendar | None = None,
        language: Language = "fi",
    ) -> SchoolYear:
        """
        Return the school year beginning in *year*, such as ``2026`` or ``"2026-2027"``.

        Args:
            year: First calendar year, or the school year as text.
            municipality_code: 3-digit municipality code, if any.
            calendar: Local decisions that override the defaults.
            language: Language of holiday names.

        Raises:
            ValidationError: If an argument is malformed, or *calendar* is for
                another school year or municipality, or puts dates outside the
                school year, or names a first or last day that is no school day.

        Examples:
            >>> SchoolYear.for_year(2026).last_day
            datetime.date(2027, 6, 5)
        """
        if municipality_code is None:
            return cls(year=year, calendar=calendar, language=language)
        return cls(
            year=year,
            calendar=calendar,
            municipality_code=municipality_code,
            language=language,
        )

    @property
    def label(self) -> str:
        """The school year as text, such as ``"2026-2027"``."""
        return f"{self.year}-{self.year + 1}"

    @property
    def start(self) -> dt.date:
        """1 August, the first day of the school year (Act 23 §)."""
        return dt.date(self.year, 8, 1)

    @property
    def end(self) -> dt.date:
        """31 July, the last day of the school year (Act 23 §)."""
        return dt.date(self.year + 1, 7, 31)

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        """The school year from 1.8 to 31.7, both inclusive."""
        return self.start, self.end

    @property
    def first_day(self) -> dt.date:
        """The first day of school work."""
        return self._days.first_day

    @property
    def last_day(self) -> dt.date:
        """The last day of school work."""
        return self._days.last_day

    @property
    def statutory_end(self) -> dt.date:
        """The Saturday of ISO week 22, whatever the calendar says (Decree 7 §)."""
        return statutory_end(self.year)

    @property
    def autumn_term(self) -> tuple[dt.date, dt.date]:
        """The autumn term (*syyslukukausi*), both days inclusive."""
        return self._days.autumn_term

    @property
    def spring_term(self) -> tuple[dt.date, dt.date]:
        """The spring term (*kevätlukukausi*), both days inclusive."""
        return self._days.spring_term

    @property
    def breaks(self) -> tuple[Break, ...]:
        """The breaks in date order, each with kind, start, end and name."""
        return self._days.breaks

    @property
    def holidays(self) -> tuple[PublicHoliday, ...]:
        """The public holidays of the school year, named in `language`."""
        return self._days.holidays

    @property
    def reductions(self) -> tuple[dt.date, ...]:
        """The days among 6.12, 6.1 and 1.5 that fall Monday-Friday (Act 23 §)."""
        return working_day_reductions(self.year)

    @property
    def required_working_days(self) -> int:
        """The statutory count: 190 less each reduction (Act 23 §)."""
        return required_working_days(self.year)

    @property
    def school_days(self) -> tuple[dt.date, ...]:
        """Every day of school work, in date order."""
        return self._days.school_days

    @property
    def working_day_count(self) -> int:
        """The number of `school_days`; equal to `required_working_days` by default."""
        return len(self._days.school_days)

    def is_school_day(self, day: dt.date) -> bool:
        """
        Tell whether *day* is a day of school work.

        Examples:
            >>> sy = school_year(2025)
            >>> sy.is_school_day(dt.date(2026, 5, 30)), sy.is_school_day(dt.date(2026, 5, 1))
            (True, False)
        """
        return day in self._days.school_day_set

    def next_school_day(self, day: dt.date) -> dt.date | None:
        """
        Return the first school day after *day*, or ``None`` after the last one.

        Examples:
            >>> school_year(2025).next_school_day(dt.date(2025, 12, 19))
            datetime.date(2026, 1, 7)
        """
        days = self._days.school_days
        i = bisect.bisect_right(days, day)
        return days[i] if i < len(days) else None

    def previous_school_day(self, day: dt.date) -> dt.date | None:
        """
        Return the last school day before *day*, or ``None`` before the first one.

        Examples:
            >>> school_year(2025).previous_school_day(dt.date(2025, 10, 20))
            datetime.date(2025, 10, 10)
        """
        days = self._days.school_days
        i = bisect.bisect_left(days, day)
        return days[i - 1] if i > 0 else None

    def break_containing(self, day: dt.date) -> Break | None:
        """
        Return the break that *day* falls in, or ``None``.

        Examples:
            >>> school_year(2025).break_containing(dt.date(2026, 2, 25)).kind
            'winter'
        """
        for b in self._days.breaks:
            if b.start <= day <= b.end:
                return b
        return None

    def event(self, anchor: Anchor) -> tuple[dt.date, dt.date]:
        """
        Return the first and last day of an event of the school year.

        Single days (``"first_school_day"``, ``"autumn_term_start"`` …) give the
        same date twice. A break kind given more than once spans all of them.

        Args:
            anchor: One of `ANCHORS`.

        Raises:
            ValidationError: If *anchor* is unknown.

        Examples:
            >>> school_year(2025).event("easter")
            (datetime.date(2026, 4, 3), datetime.date(2026, 4, 6))
            >>> school_year(2025).event("spring_term_start")
            (datetime.date(2026, 1, 7), datetime.date(2026, 1, 7))
        """
        autumn, spring = self.autumn_term, self.spring_term
        days: dict[str, tuple[dt.date, dt.date]] = {
            "first_school_day": (self.first_day, self.first_day),
            "last_school_day": (self.last_day, self.last_day),
            "autumn_term": autumn,
            "spring_term": spring,
            "autumn_term_start": (autumn[0], autumn[0]),
            "autumn_term_end": (autumn[1], autumn[1]),
            "spring_term_start": (spring[0], spring[0]),
            "spring_term_end": (spring[1], spring[1]),
        }
        if anchor not in ANCHORS:
            msg = f"Unknown anchor {anchor!r}; expected one of: {', '.join(sorted(ANCHORS))}"
            raise ValidationError(msg)
        if anchor in days:
            return days[anchor]
        return _span_of(self._days.breaks, anchor.removesuffix("_break"))

    def week_range(self, iso_week: int) -> tuple[dt.date, dt.date]:
        """
        Return the Monday and Sunday of an ISO week of this school year.

        Weeks 31-53 lie in the autumn, weeks 1-30 in the spring; see
        `week_of_school_year`.

        Raises:
            ValidationError: If the ISO year has no such week.

        Examples:
            >>> school_year(2026).week_range(53)
            (datetime.date(2026, 12, 28), datetime.date(2027, 1, 3))
        """
        return week_of_school_year(self.year, iso_week)


def school_year(
    year: int | str,
    *,
    municipality_code: str | None = None,
    calendar: SchoolCalendar | None = None,
    language: Language = "fi",
) -> SchoolYear:
    """
    Return the school year beginning in *year*; see `SchoolYear.for_year`.

    Examples:
        >>> school_year("2026-2027").working_day_count
        189
    """
    return SchoolYear.for_year(
        year, municipality_code=municipality_code, calendar=calendar, language=language
    )


def _span_of(breaks: tuple[Break, ...], kind: str) -> tuple[dt.date, dt.date]:
    # every anchor kind has a default, and calendars only replace defaults
    mine = [b for b in breaks if b.kind == kind]
    return min(b.start for b in mine), max(b.end for b in mine)


def _default_breaks(sy: SchoolYear, cal: SchoolCalendar) -> dict[str, list[Break]]:
    out: dict[str, list[Break]] = {}
    weeks = {
        "autumn": cal.autumn_break_week or DEFAULT_WEEKS["autumn"],
        "winter": cal.winter_break_week or DEFAULT_WEEKS["winter"],
    }
    for kind, week in weeks.items():
        monday, _ = week_of_school_year(sy.year, week)
        friday = monday + dt.timedelta(days=4)
        out[kind] = [
            Break(kind=kind, start=monday, end=friday, name=_DEFAULT_NAMES[kind])
        ]
    out["christmas"] = [
        Break(
            kind="christmas",
            start=dt.date(sy.year, 12, 22),
            end=dt.date(sy.year + 1, 1, 6),
            name=_DEFAULT_NAMES["christmas"],
        )
    ]
    fi = {h.name: h.date for h in public_holidays(sy.year, "fi")}
    out["easter"] = [
        Break(
            kind="easter",
            start=fi[_GOOD_FRIDAY],
            end=fi[_EASTER_MONDAY],
            name=_DEFAULT_NAMES["easter"],
        )
    ]
    return out


def _check_inside(sy: SchoolYear, what: str, days: list[dt.date]) -> None:
    for day in days:
        if not sy.start <= day <= sy.end:
            msg = f"calendar.{what} must lie within the school year {sy.start}-{sy.end} (got {day})"
            raise ValidationError(msg)


def _compute(sy: SchoolYear) -> _Days:
    cal = sy.calendar or SchoolCalendar(id="defaults", school_year=sy.label)
    _check_inside(sy, "first_day", [d for d in (cal.first_day,) if d])
    _check_inside(sy, "last_day", [d for d in (cal.last_day,) if d])
    _check_inside(sy, "breaks", [d for b in cal.breaks for d in (b.start, b.end)])
    _check_inside(sy, "days_off", list(cal.days_off))
    _check_inside(sy, "school_days", list(cal.school_days))

    by_kind = _default_breaks(sy, cal)
    for b in cal.breaks:  # breaks given as dates replace the default of their kind
        by_kind[b.kind] = []
    for b in cal.breaks:
        by_kind[b.kind].append(b)
    breaks = tuple(
        sorted(
            (b for bs in by_kind.values() for b in bs), key=lambda b: (b.start, b.end)
        )
    )

    last = cal.last_day or statutory_end(sy.year)
    extra = frozenset(cal.school_days)
    off = {h.date for h in public_holidays(sy.year, "fi")} | set(cal.days_off)
    for b in breaks:
        off.update(_days_between(b.start, b.end))

    def is_school_day(day: dt.date) -> bool:
        # explicit school days win; otherwise Mon-Fri, and the last day if a Saturday
        if day in extra:
            return True
        return day not in off and (
            day.weekday() < 5 or (day == last and day.weekday() == 5)
        )

    candidates = [d for d in _days_between(sy.start, last) if is_school_day(d)]
    if cal.first_day is not None:
        first = cal.first_day
    elif candidates:
        # count backwards from the last day until the statutory count is met
        first = candidates[max(0, len(candidates) - required_working_days(sy.year))]
    else:
        msg = f"calendar leaves no school days in {sy.label} before {last}"
        raise ValidationError(msg)
    if first > last:
        msg = (
            f"calendar.first_day must not come after the last day {last} (got {first})"
        )
        raise ValidationError(msg)
    for what, day in (("first_day", first), ("last_day", last)):
        if not is_school_day(day):
            msg = f"calendar.{what} must be a school day (got {day}, a {_WEEKDAYS[day.weekday()]})"
            raise ValidationError(msg)

    days = tuple(d for d in candidates if d >= first)
    xmas_start, xmas_end = _span_of(breaks, "christmas")
    autumn = [d for d in days if d < xmas_start]
    spring = [d for d in days if d > xmas_end]
    if not autumn or not spring:
        msg = f"calendar must leave school days before and after the Christmas break {xmas_start}-{xmas_end}"
        raise ValidationError(msg)
    return _Days(
        first_day=first,
        last_day=last,
        breaks=breaks,
        holidays=public_holidays(sy.year, sy.language),
        school_days=days,
        school_day_set=frozenset(days),
        autumn_term=(autumn[0], autumn[-1]),
        spring_term=(spring[0], spring[-1]),
    )
