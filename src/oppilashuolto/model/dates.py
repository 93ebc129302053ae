"""
Partial dates and half-open periods: the EDTF subset the sources need.

Historical sources give dates such as "spring 2014", "from the autumn term 2014"
or "since 2002".
They are stored as EDTF (ISO 8601-2) strings of a small subset and parsed by our
own parser:

========================  ===========================================
``2014``                  a year
``2014-03``               a month
``2014-03-05``            a day
``2014-21`` … ``2014-24`` spring, summer, autumn, winter (EDTF level 1)
``2014~`` ``2014?``       approximate, uncertain (``%`` is both)
``2014-21/2017``          an interval (see `Period`)
``2002/..`` ``../2008``   open ends; an empty side is *unknown*
========================  ===========================================

Seasons follow the meteorological reading: spring is March–May, summer June–August,
autumn September–November and winter December to the end of the next February.

References:
    Library of Congress, Extended Date/Time Format (EDTF) Specification, 2019,
    levels 0 and 1.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from functools import lru_cache
from typing import Any

import attrs

from attrs import field, frozen

from oppilashuolto.errors import ValidationError


__all__ = ["PartialDate", "Period"]

_DATE = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<mid>\d{2})(?:-(?P<day>\d{2}))?)?(?P<q>[~?%])?$"
)
_SEASONS = {
    21: ((3, 1), (5, 31), 0),
    22: ((6, 1), (8, 31), 0),
    23: ((9, 1), (11, 30), 0),
    24: ((12, 1), None, 1),  # winter runs into the next year's February
}
_PRECISIONS = ("year", "month", "day", "season")


def _parse(text: str) -> tuple[dt.date, dt.date, str, bool, bool]:
    m = _DATE.match(text)
    if m is None:
        msg = (
            f"date must be an EDTF date like '2014', '2014-03', '2014-03-05' or "
            f"'2014-21' (spring), optionally ending in '~' or '?' (got {text!r})"
        )
        raise ValidationError(msg)
    year = int(m["year"])
    q = m["q"] or ""
    approximate = q in ("~", "%")
    uncertain = q in ("?", "%")
    try:
        if m["mid"] is None:
            return (
                dt.date(year, 1, 1),
                dt.date(year, 12, 31),
                "year",
                approximate,
                uncertain,
            )
        mid = int(m["mid"])
        if m["day"] is not None:
            day = dt.date(year, mid, int(m["day"]))
            return day, day, "day", approximate, uncertain
        if 1 <= mid <= 12:
            last = calendar.monthrange(year, mid)[1]
            return (
                dt.date(year, mid, 1),
                dt.date(year, mid, last),
                "month",
                approximate,
                uncertain,
            )
        if mid in _SEASONS:
            (sm, sd), end, carry = _SEASONS[mid]
            if end is None:
                feb = calendar.monthrange(year + carry, 2)[1]
                latest = dt.date(year + carry, 2, feb)
            else:
                latest = dt.date(year, *end)
            return dt.date(year, sm, sd), latest, "season", approximate, uncertain
    except ValueError:
        pass
    msg = (
        f"date must be a real calendar date, month 01–12 or season 21–24 (got {text!r})"
    )
    raise ValidationError(msg)


@frozen(order=False)
class PartialDate:
    """
    A date known to a year, a season, a month or a day, possibly approximate.

    Build one with `PartialDate.from_edtf` (cached) or ``PartialDate("2014-21")``.

    Attributes:
        edtf: The EDTF text, such as ``"2014-23"`` (autumn 2014).
        earliest: The first day the date may denote.
        latest: The last day the date may denote.
        precision: ``"year"``, ``"season"``, ``"month"`` or ``"day"``.
        approximate: The source says "about" (``~``).
        uncertain: The source is unsure (``?``).

    Examples:
        >>> autumn = PartialDate.from_edtf("2014-23")
        >>> autumn.earliest, autumn.latest
        (datetime.date(2014, 9, 1), datetime.date(2014, 11, 30))
        >>> PartialDate.from_edtf("2014-13")
        Traceback (most recent call last):
        ...
        oppilashuolto.errors.ValidationError: date must be a real calendar date, month 01–12 or season 21–24 (got '2014-13')
    """

    edtf: str
    earliest: dt.date = field(init=False, repr=False, eq=False)
    latest: dt.date = field(init=False, repr=False, eq=False)
    precision: str = field(init=False, repr=False, eq=False)
    approximate: bool = field(init=False, repr=False, eq=False)
    uncertain: bool = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        edtf: object = self.edtf
        if not isinstance(edtf, str):
            msg = f"date must be an EDTF string (got a value of type {type(edtf).__name__})"
            raise ValidationError(msg)
        earliest, latest, precision, approximate, uncertain = _parse(self.edtf)
        setter = object.__setattr__
        setter(self, "earliest", earliest)
        setter(self, "latest", latest)
        setter(self, "precision", precision)
        setter(self, "approximate", approximate)
        setter(self, "uncertain", uncertain)

    @classmethod
    def from_edtf(cls, text: str) -> PartialDate:
        """Parse an EDTF date; equal texts give the same (shared) object."""
        return _cached_date(text)

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        """Return the day-precision date of *day*."""
        return _cached_date(day.isoformat())

    def __str__(self) -> str:
        return self.edtf

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Return a key that orders dates by their earliest, then latest day."""
        return (self.earliest, self.latest)


@lru_cache(maxsize=65536)
def _cached_date(text: str) -> PartialDate:
    return PartialDate(text)


def _check_order(
    instance: Period, _: attrs.Attribute[Any], end: PartialDate | None
) -> None:
    start = instance.start
    if start is not None and end is not None and end.latest < start.earliest:
        msg = f"period end {end.edtf!r} must not come before its start {start.edtf!r}"
        raise ValidationError(msg)


@frozen(kw_only=True)
class Period:
    """
    When something exists: from *start* to *end*, as EDTF ``"start/end"``.

    An EDTF interval includes the whole granule it ends in: ``"2019/2022"`` runs
    to the last day of 2022.
    Queries use the half-open form ``[start_bound, end_bound)``, where
    `end_bound` is the day after the last day, so that ``"2019/2022"`` and
    ``"2023/.."`` meet without overlapping.
    An open side (``..``) means "ongoing" or "since ever"; an empty side means
    "unknown" and is treated as open by queries.

    Attributes:
        start: The first date, or ``None`` if open or unknown.
        end: The last date (inclusive granule), or ``None`` if open or unknown.
        start_unknown: The start is unknown (EDTF empty) rather than open (``..``).
        end_unknown: The end is unknown (EDTF empty) rather than open (``..``).

    Examples:
        >>> p = Period.from_edtf("2014-23/..")
        >>> p.contains(dt.date(2017, 10, 27)), p.contains(dt.date(2014, 8, 31))
        (True, False)
        >>> str(Period.from_edtf("2019/2022").end_bound)
        '2023-01-01'
    """

    start: PartialDate | None = None
    end: PartialDate | None = field(default=None, validator=_check_order)
    start_unknown: bool = False
    end_unknown: bool = False

    @classmethod
    def from_edtf(cls, text: str) -> Period:
        """Parse ``"start/end"``, or a single date meaning that one granule."""
        return _cached_period(text)

    @classmethod
    def always(cls) -> Period:
        """Return the period open at both ends (``"../.."``)."""
        return _cached_period("../..")

    @classmethod
    def from_dates(cls, start: dt.date | None, end: dt.date | None) -> Period:
        """Return the period from day *start* to day *end*, both inclusive."""
        return cls(
            start=None if start is None else PartialDate.from_date(start),
            end=None if end is None else PartialDate.from_date(end),
        )

    def to_edtf(self) -> str:
        """Return the EDTF interval text."""
        if self.start is not None and self.end is not None and self.start == self.end:
            return self.start.edtf
        left = self.start.edtf if self.start else ("" if self.start_unknown else "..")
        right = self.end.edtf if self.end else ("" if self.end_unknown else "..")
        return f"{left}/{right}"

    def __str__(self) -> str:
        return self.to_edtf()

    @property
    def start_bound(self) -> dt.date | None:
        """The first day of the period, or ``None`` if open."""
        return None if self.start is None else self.start.earliest

    @property
    def end_bound(self) -> dt.date | None:
        """The day after the last day of the period, or ``None`` if open."""
        if self.end is None or self.end.latest == dt.date.max:
            return None
        return self.end.latest + dt.timedelta(days=1)

    def contains(self, on: dt.date) -> bool:
        """Tell whether the day *on* lies in the period."""
        start = self.start
        if start is not None and on < start.earliest:
            return False
        end = self.end
        return end is None or on <= end.latest

    def overlaps(self, other: Period) -> bool:
        """Tell whether the two periods share at least one day."""
        a0, a1 = self.start_bound, self.end_bound
        b0, b1 = other.start_bound, other.end_bound
        return (a1 is None or b0 is None or b0 < a1) and (
            b1 is None or a0 is None or a0 < b1
        )

    def within(self, other: Period) -> bool:
        """Tell whether every day of this period lies in *other*."""
        a0, a1 = self.start_bound, self.end_bound
        b0, b1 = other.start_bound, other.end_bound
        starts_ok = b0 is None or (a0 is not None and a0 >= b0)
        ends_ok = b1 is None or (a1 is not None and a1 <= b1)
        return starts_ok and ends_ok

    def overlap_days(self, other: Period, *, clip: Period) -> int:
        """Count the days both periods share inside the bounded period *clip*."""
        lo = [d for d in (self.start_bound, other.start_bound, clip.start_bound) if d]
        hi = [d for d in (self.end_bound, other.end_bound, clip.end_bound) if d]
        if clip.start_bound is None or clip.end_bound is None:
            msg = f"clip must be a bounded period (got {clip.to_edtf()!r})"
            raise ValidationError(msg)
        return max(0, (min(hi) - max(lo)).days)


def _side(text: str) -> tuple[PartialDate | None, bool]:
    if text == "..":
        return None, False
    if text == "":
        return None, True
    return PartialDate.from_edtf(text), False


@lru_cache(maxsize=65536)
def _cached_period(text: object) -> Period:
    if not isinstance(text, str):
        msg = (
            f"period must be an EDTF string (got a value of type {type(text).__name__})"
        )
        raise ValidationError(msg)
    if "/" not in text:
        day = PartialDate.from_edtf(text)
        return Period(start=day, end=day)
    left, _, right = text.partition("/")
    if "/" in right:
        msg = f"period must be 'start/end' with one '/' (got {text!r})"
        raise ValidationError(msg)
    start, start_unknown = _side(left)
    end, end_unknown = _side(right)
    return Period(
        start=start, end=end, start_unknown=start_unknown, end_unknown=end_unknown
    )
