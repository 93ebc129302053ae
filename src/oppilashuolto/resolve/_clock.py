"""
Yearly-clock entries resolved into the items of one school year.

How each kind of `Timing` becomes spans (both days inclusive) before the moving
rule of `oppilashuolto.resolve.place` applies:

- ``months``: each run of consecutive months (August-July of the school year;
  months 8-12 in its first calendar year, 1-7 in its second) is one span.
- ``weeks``: each run of consecutive ISO weeks (Monday-Sunday) is one span;
  weeks 31-53 lie in the autumn, 1-30 in the spring.
- ``term``: ``whole`` is the term; ``start`` and ``end`` are its first and
  last *duration* (one week by default) counted from its first or last
  school day; ``middle`` is that long from the Monday of the week holding the
  term's midpoint. With ``every_term`` recurrence both terms are resolved.
- ``anchor``: the event of `SchoolYear.event` (a day or a break), shifted by
  *offset_weeks* and *offset_days*, lasting *duration* or the event's own
  length. With ``every_term``, term-start and term-end anchors are mirrored
  into the other term.
- ``dates``: each explicit period that starts in the school year, never moved.

A *weekday* narrows a span to the first such weekday on or after its start;
a timed entry (with *start_time*) falls on one day, that weekday or the first
school day of its placed span, lasting to *end_time* or `DEFAULT_DURATION`.
``every_other_year`` keeps spans that start in a calendar year of the anchor
year's parity; ``once`` keeps only its school year. Other timings under
``every_term`` resolve as under ``yearly``.

Occurrence keys: the school year for the first span of an entry (``"2026-2027"``),
``"2026-2027.2"`` and so on for further spans, ``"2026-2027.autumn"`` /
``".spring"`` for per-term items, and the ISO date for explicit dates.
"""

from __future__ import annotations

import datetime as dt
import functools

from collections.abc import Iterator

from oppilashuolto.model.dates import Period
from oppilashuolto.model.group import WEEKDAYS
from oppilashuolto.model.yearly_clock import Timing, YearlyClock
from oppilashuolto.resolve._items import HELSINKI, Item, Texts
from oppilashuolto.resolve._placement import place
from oppilashuolto.schoolyear import SchoolYear


__all__ = ["DEFAULT_DURATION", "resolve_clock_entries", "span_keys", "timed"]

DEFAULT_DURATION = dt.timedelta(hours=1)
"""Length of a timed item that has a start time but no end time."""

_DAY = dt.timedelta(days=1)
_MIRROR = {
    "autumn_term_start": "spring_term_start",
    "autumn_term_end": "spring_term_end",
    "spring_term_start": "autumn_term_start",
    "spring_term_end": "autumn_term_end",
}


def timed(
    day: dt.date, start: dt.time, end: dt.time | None
) -> tuple[dt.datetime, dt.datetime]:
    """Return the Europe/Helsinki start and end of a meeting on *day*."""
    begins = dt.datetime.combine(day, start, tzinfo=HELSINKI)
    if end is None:
        # add in UTC: wall-clock arithmetic would be off on DST days
        ends = (begins.astimezone(dt.UTC) + DEFAULT_DURATION).astimezone(HELSINKI)
    else:
        ends = dt.datetime.combine(day, end, tzinfo=HELSINKI)
    return begins, ends


def _merge(spans: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + _DAY:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def span_keys(label: str, count: int) -> list[str]:
    """
    Return the occurrence keys of *count* spans of one entry in a school year.

    The first span is keyed by the school year alone, so that an entry that
    gains a second span keeps the UID of its first.

    Examples:
        >>> span_keys("2026-2027", 3)
        ['2026-2027', '2026-2027.2', '2026-2027.3']
    """
    return [label if i == 0 else f"{label}.{i + 1}" for i in range(count)]


def _length(timing: Timing) -> int:
    return (timing.duration_weeks or 0) * 7 + (timing.duration_days or 0)


def _term_span(sy: SchoolYear, term: str, timing: Timing) -> tuple[dt.date, dt.date]:
    first, last = sy.autumn_term if term == "autumn" else sy.spring_term
    days = (last - first).days + 1
    length = min(_length(timing) or 7, days)
    if timing.term_part == "whole":
        start, length = first, (_length(timing) or days)
    elif timing.term_part == "start":
        start = first
    elif timing.term_part == "end":
        start = last - dt.timedelta(days=length - 1)
    else:  # middle: from the Monday of the week holding the term's midpoint
        midpoint = first + dt.timedelta(days=(days - 1) // 2)
        start = midpoint - dt.timedelta(days=midpoint.weekday())
    start += dt.timedelta(days=timing.offset_weeks * 7 + timing.offset_days)
    return start, start + dt.timedelta(days=length - 1)


def _anchor_span(
    sy: SchoolYear, anchor: str, timing: Timing
) -> tuple[dt.date, dt.date]:
    first, last = sy.event(anchor)  # type: ignore[arg-type]
    length = _length(timing) or (last - first).days + 1
    start = first + dt.timedelta(days=timing.offset_weeks * 7 + timing.offset_days)
    return start, start + dt.timedelta(days=length - 1)


def _spans(
    sy: SchoolYear, timing: Timing, every_term: bool
) -> Iterator[tuple[str, dt.date, dt.date, bool]]:
    """Yield (occurrence key, first day, last day, movable) for one school year."""
    label = sy.label
    kind = timing.kind
    if kind == "dates":
        for period in timing.dates:
            start, end = _bounds(period)
            if sy.start <= start <= sy.end:
                yield start.isoformat(), start, end, False
        return
    if kind == "term":
        terms = ("autumn", "spring") if every_term else (timing.term,)
        for term in terms:
            key = f"{label}.{term}" if every_term else label
            yield (key, *_term_span(sy, term, timing), True)
        return
    if kind == "anchor":
        anchors = [timing.anchor]
        if every_term and timing.anchor in _MIRROR:
            anchors = sorted({timing.anchor, _MIRROR[timing.anchor]}, key=_term_order)
        for anchor in anchors:
            key = f"{label}.{anchor.split('_')[0]}" if len(anchors) > 1 else label
            yield (key, *_anchor_span(sy, anchor, timing), True)
        return
    if kind == "months":
        raw = []
        for month in timing.months:
            year = sy.year if month >= 8 else sy.year + 1
            first = dt.date(year, month, 1)
            raw.append((first, _month_end(first)))
    else:
        raw = [sy.week_range(week) for week in timing.weeks]
    merged = _merge(raw)
    for key, (start, end) in zip(span_keys(label, len(merged)), merged, strict=True):
        yield key, start, end, True


def _term_order(anchor: str) -> int:
    return 0 if anchor.startswith("autumn") else 1


def _month_end(first: dt.date) -> dt.date:
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - _DAY


def _bounds(period: Period) -> tuple[dt.date, dt.date]:
    # Timing checks that its dates are bounded
    assert period.start is not None  # noqa: S101
    assert period.end is not None  # noqa: S101
    return period.start.earliest, period.end.latest


def _first_school_day(sy: SchoolYear, first: dt.date, last: dt.date) -> dt.date:
    # a timed item falls on one day: the span's first school day, if it has one
    if sy.is_school_day(first):
        return first
    following = sy.next_school_day(first)
    return following if following is not None and following <= last else first


def _on_weekday(start: dt.date, weekday: str) -> dt.date:
    wanted = WEEKDAYS.index(weekday)
    return start + dt.timedelta(days=(wanted - start.weekday()) % 7)


def resolve_clock_entries(
    structure_id: str, clock: YearlyClock, sy: SchoolYear
) -> Iterator[Item]:
    """
    Yield the items of every entry of *clock* in the school year *sy*.

    Each entry's timing gives spans (one per run of consecutive months or
    weeks, per term part, anchor or explicit date); the recurrence keeps those
    of the school year; *weekday* narrows a span to its first such weekday and
    timed entries fall on one day (that weekday, or the span's first school
    day). Spans then move off non-school days by the rule of
    `oppilashuolto.resolve.place`, except explicit dates.
    """
    rings = {
        r.id: (Texts(fi=r.name, sv=r.name_sv, en=r.name_en), r.colour)
        for r in clock.rings
    }
    no_ring = (Texts(), "")
    owners = frozenset(clock.owner_ids)
    for entry in clock.entries:
        recurrence = entry.recurrence
        if recurrence.frequency == "once" and recurrence.school_year != sy.label:
            continue
        ring_name, colour = (
            rings.get(entry.ring_id, no_ring) if entry.ring_id is not None else no_ring
        )
        title = Texts(fi=entry.title, sv=entry.title_sv, en=entry.title_en)
        description = Texts(
            fi=entry.description, sv=entry.description_sv, en=entry.description_en
        )
        involved = owners | {clock.id, *entry.responsible_ids, *entry.partner_ids}
        timing = entry.timing
        every_term = recurrence.frequency == "every_term"
        # times with a zone can be equal with other wall-clock times: not shared
        shared = _is_naive(timing.start_time) and _is_naive(timing.end_time)
        placing = _placed if shared else _place
        for key, start, begins, ends, moved_from, because in placing(
            sy, timing, every_term
        ):
            if not recurrence.occurs_in_year(start.year):
                continue
            if not clock.period.contains(start):
                continue
            yield Item(
                structure_id=structure_id,
                source="clock",
                record_id=clock.id,
                entry_id=entry.id,
                occurrence=key,
                start=begins,
                end=ends,
                title=title,
                description=description,
                ring_id=entry.ring_id,
                ring_name=ring_name,
                colour=colour,
                revision=entry.revision,
                updated=entry.updated,
                moved_from=moved_from,
                moved_because=because,
                involved_ids=involved,
            )


_Placed = tuple[
    str,
    dt.date,
    dt.date | dt.datetime,
    dt.date | dt.datetime,
    tuple[dt.date, dt.date] | None,
    str,
]
"""Occurrence key, unplaced first day, start, end, moved from and why."""


def _place(sy: SchoolYear, timing: Timing, every_term: bool) -> tuple[_Placed, ...]:
    """Return the spans of *timing* in *sy*, placed: what entries of equal timing share."""
    placed: list[_Placed] = []
    for key, start, end, movable in _spans(sy, timing, every_term):
        first, last = start, end
        if timing.weekday:
            first = last = _on_weekday(start, timing.weekday)
        moved_from, because = None, ""
        if movable:
            where = place(sy, first, last)
            first, last = where.start, where.end
            if where.moved_from is not None:
                moved_from, because = where.moved_from, where.moved_because
        if timing.is_timed() and not timing.weekday:
            first = _first_school_day(sy, first, last)
        begins: dt.date | dt.datetime
        ends: dt.date | dt.datetime
        if timing.start_time is not None:
            begins, ends = timed(first, timing.start_time, timing.end_time)
        else:
            begins, ends = first, last + _DAY
        placed.append((key, start, begins, ends, moved_from, because))
    return tuple(placed)


_placed = functools.lru_cache(maxsize=4096)(_place)
"""
`_place` cached by value.

The entries of a template recur in every school's clock, and a placement
depends only on the school year and the timing, both immutable and compared
by value. What it returns is immutable too: tuples of dates, times and text.
"""


def _is_naive(value: dt.time | None) -> bool:
    return value is None or value.tzinfo is None
