"""
Where an item lands in a school year: the moving rule and the school-year lookup.

The rule (`place`):

1. A span that lies wholly outside school work (before the first or after the
   last day of school work, such as a July task) stays where it is.
2. Otherwise each end that falls inside school work moves inwards to a school
   day: the start forward to the first school day on or after it, the end back
   to the last school day on or before it. A theme week of Monday-Sunday thus
   becomes Monday-Friday, and December ends before the Christmas break.
3. A span with no school day left (a day on a holiday or weekend, a week in a
   break) moves forward: it restarts on the next school day after it and keeps
   its length in calendar days, trimmed again by rule 2 (one always follows:
   the last day of school work is a school day). The item records where it came from and why (`Item.moved_from`,
   `Item.moved_because`); nothing is dropped.

Explicit dates (`Timing.dates`, activities, deliverables) are facts and never move.
"""

from __future__ import annotations

import datetime as dt
import functools

from oppilashuolto.errors import ValidationError
from oppilashuolto.model.identifiers import is_ascii_digits
from oppilashuolto.model.schoolcalendar import SchoolCalendar, parse_school_year
from oppilashuolto.model.structure import WelfareStructure
from oppilashuolto.schoolyear import SchoolYear, school_year


__all__ = [
    "Placement",
    "calendar_for",
    "move_reason",
    "place",
    "school_year_for",
    "to_year",
]

_DAY = dt.timedelta(days=1)


def to_year(year: int | str) -> int:
    """
    Return the first calendar year of a school year given as ``2026`` or ``"2026-2027"``.

    Examples:
        >>> to_year("2026-2027"), to_year(2026)
        (2026, 2026)
    """
    if isinstance(year, bool) or not isinstance(year, (int, str)):
        msg = f"year must be a year like 2026 or a school year like '2026-2027' (got a value of type {type(year).__name__})"
        raise ValidationError(msg)
    if isinstance(year, str):
        return parse_school_year(year) if "-" in year else _int_year(year)
    return year


def _int_year(text: str) -> int:
    if not is_ascii_digits(text) or len(text) != 4:
        msg = f"year must be a year like 2026 or a school year like '2026-2027' (got {text!r})"
        raise ValidationError(msg)
    return int(text)


def calendar_for(
    structure: WelfareStructure, year: int, municipality_code: str | None
) -> SchoolCalendar | None:
    """
    Return the structure's school calendar for a school year and municipality.

    With *municipality_code* given, the calendar of that municipality for the
    year (or ``None``: the defaults apply). Without it, the calendar that names
    no municipality, or else the only calendar of the year.
    """
    label = f"{year}-{year + 1}"
    mine = [c for c in structure.school_calendars if c.school_year == label]
    if municipality_code is not None:
        matching = [c for c in mine if c.municipality_code == municipality_code]
    else:
        matching = [c for c in mine if c.municipality_code is None]
        if not matching and len(mine) == 1:
            matching = mine
    return min(matching, key=lambda c: c.id) if matching else None


@functools.lru_cache(maxsize=256)
def _cached_year(
    year: int, municipality_code: str | None, calendar: SchoolCalendar | None
) -> SchoolYear:
    if calendar is not None and calendar.municipality_code is not None:
        municipality_code = None  # taken from the calendar
    return school_year(year, municipality_code=municipality_code, calendar=calendar)


def school_year_for(
    structure: WelfareStructure, year: int | str, municipality_code: str | None = None
) -> SchoolYear:
    """
    Return the school year of *structure* for *year*, with its local calendar applied.

    Args:
        structure: The structure whose ``school_calendars`` override the defaults.
        year: ``2026`` or ``"2026-2027"``.
        municipality_code: The municipality whose calendar to use, if any.

    Examples:
        >>> from oppilashuolto.model import WelfareStructure
        >>> school_year_for(WelfareStructure(id="s", name="S"), "2026-2027").first_day
        datetime.date(2026, 8, 12)
    """
    first = to_year(year)
    return _cached_year(
        first, municipality_code, calendar_for(structure, first, municipality_code)
    )


class Placement:
    """The result of `place`: the span and, if it moved, where from and why."""

    __slots__ = ("end", "moved_because", "moved_from", "start")

    def __init__(
        self,
        start: dt.date,
        end: dt.date,
        moved_from: tuple[dt.date, dt.date] | None = None,
        moved_because: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.moved_from = moved_from
        self.moved_because = moved_because


def _trim(sy: SchoolYear, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    lo, hi = sy.first_day, sy.last_day
    if lo <= start <= hi and not sy.is_school_day(start):
        start = sy.next_school_day(start) or end + _DAY
    if lo <= end <= hi and not sy.is_school_day(end):
        end = sy.previous_school_day(end) or start - _DAY
    return start, end


def move_reason(sy: SchoolYear, start: dt.date, end: dt.date) -> str:
    """
    Return why a span without school days has none: one of `MOVE_REASONS`.

    The first Monday-Friday inside school work explains it (a break kind, a
    public holiday or a local day off); a span of only weekend days gives
    ``"weekend"``.
    """
    day = max(start, sy.first_day)
    holidays = {h.date for h in sy.holidays}
    while day <= min(end, sy.last_day):
        if day.weekday() < 5:
            found = sy.break_containing(day)
            if found is not None:
                return found.kind
            return "holiday" if day in holidays else "day_off"
        day += _DAY
    return "weekend"


def place(sy: SchoolYear, start: dt.date, end: dt.date) -> Placement:
    """
    Place the span *start*-*end* (both inclusive) on school days by the moving rule.

    Examples:
        >>> sy = school_year(2026)
        >>> p = place(sy, dt.date(2026, 10, 13), dt.date(2026, 10, 13))  # autumn break
        >>> p.start, p.moved_because
        (datetime.date(2026, 10, 19), 'autumn')
        >>> p = place(sy, dt.date(2027, 7, 1), dt.date(2027, 7, 31))  # summer
        >>> p.start, p.end, p.moved_from
        (datetime.date(2027, 7, 1), datetime.date(2027, 7, 31), None)
    """
    if end < sy.first_day or start > sy.last_day:
        return Placement(start, end)
    s, e = _trim(sy, start, end)
    if s <= e:
        return Placement(s, e)
    length = end - start
    why = move_reason(sy, start, end)
    after = sy.next_school_day(end)
    # a span inside school work always has a school day after it: the last
    # day of school work is one, and a span holding it is not empty
    assert after is not None  # noqa: S101
    s, e = _trim(sy, after, after + length)
    return Placement(s, max(s, e), (start, end), why)
