"""
Meeting cadences of a group resolved into concrete meetings of one school year.

Two kinds of cadence:

- **Fixed weekday rules** become series of meetings that a calendar states as
  one RRULE: a weekday with an *ordinal* ("first Tuesday of the month",
  ``FREQ=MONTHLY;BYDAY=1TU``), or a weekday with ``per="week"`` and at most
  one meeting a week (``FREQ=WEEKLY``). The rule runs over the whole school
  year (1.8-31.7), limited to *months* and to the periods of the cadence and
  the group. With *except_breaks* (the default), meetings that fall on a day
  without school work (a break, a public holiday, a local day off, the
  summer) are skipped, as the cadence says, and listed in the series as
  skipped candidates (EXDATE in a feed); without it they are kept.
- **Counts** ("2-3 times a year", "at least once a term") become an even
  spread. The count is the upper bound of *times* when it has one ("2-3" plans
  3), otherwise the lower bound (">0", at least once, plans 1); no *times*
  means once per unit when a weekday is given and no meeting otherwise. Each
  unit (the school-work period for ``per="year"``, each term, each month or
  each ISO week) is cut into its school weeks (ISO weeks with at least one
  school day in the unit, within *months* and the periods); meeting *i* of *n*
  goes to the week at the centre of the *i*-th of *n* equal parts
  (index ``(2i + 1) * W // (2n)`` of *W* weeks). In that week it falls on the
  cadence's weekday, or when that is no school day on the next school day of
  the week (else the previous one), recorded as moved; without a weekday on the
  middle school day of the week (Wednesday in a full week). With more meetings
  than weeks, or ``per="week"``, the school days themselves are spread.
  Meetings of a count fall on school days whatever *except_breaks* says.

Timed meetings use *start_time* and *end_time* in Europe/Helsinki (one hour
when there is no end time); without a start time meetings are all-day.
"""

from __future__ import annotations

import datetime as dt
import itertools

from collections.abc import Iterator

from oppilashuolto.model.group import WEEKDAYS, Cadence, Group
from oppilashuolto.resolve._clock import timed
from oppilashuolto.resolve._items import Item, Rule, Texts
from oppilashuolto.resolve._placement import move_reason
from oppilashuolto.schoolyear import SchoolYear


__all__ = ["planned_count", "resolve_cadences"]

_DAY = dt.timedelta(days=1)


def planned_count(cadence: Cadence) -> int:
    """
    Return how many meetings per unit a count cadence plans.

    Examples:
        >>> from oppilashuolto.model import Count
        >>> planned_count(Cadence(times=Count.from_text("2-3"), per="year"))
        3
        >>> planned_count(Cadence(times=Count.from_text(">0"), per="term"))
        1
    """
    times = cadence.times
    if times is None:
        return 1 if cadence.weekday else 0
    if times.maximum is not None:
        return times.maximum
    return times.minimum or 0


def _is_rule(cadence: Cadence) -> bool:
    if not cadence.weekday:
        return False
    if cadence.ordinal is not None:
        return True
    return cadence.per == "week" and (
        cadence.times is None or cadence.times.maximum == 1
    )


def _nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> dt.date | None:
    first = dt.date(year, month, 1)
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    if ordinal > 0:
        day = first + dt.timedelta(
            days=(weekday - first.weekday()) % 7 + 7 * (ordinal - 1)
        )
        return day if day < following else None
    last = following - _DAY
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _months_of(sy: SchoolYear) -> list[tuple[int, int]]:
    return [(sy.year, m) for m in range(8, 13)] + [
        (sy.year + 1, m) for m in range(1, 8)
    ]


def _title(group: Group, cadence: Cadence) -> Texts:
    def join(name: str) -> str:
        return f"{name} \N{EN DASH} {cadence.label}" if name and cadence.label else name

    return Texts(fi=join(group.name), sv=join(group.name_sv), en=join(group.name_en))


class _Maker:
    """Builds the items of one cadence."""

    def __init__(
        self,
        structure_id: str,
        group: Group,
        index: int,
        cadence: Cadence,
        sy: SchoolYear,
    ) -> None:
        self.structure_id = structure_id
        self.group = group
        self.entry_id = f"cadence-{index + 1}"
        self.cadence = cadence
        self.sy = sy
        self.title = _title(group, cadence)
        self.description = Texts(fi=cadence.description)
        self.involved = frozenset(
            {group.id, *group.organiser_ids}
            | ({cadence.location_id} if cadence.location_id else set())
        )

    def active(self, day: dt.date) -> bool:
        c = self.cadence
        return (
            self.sy.start <= day <= self.sy.end
            and c.period.contains(day)
            and self.group.period.contains(day)
            and (not c.months or day.month in c.months)
        )

    def item(
        self,
        occurrence: str,
        day: dt.date,
        rule: Rule | None = None,
        moved_from: dt.date | None = None,
    ) -> Item:
        c = self.cadence
        start: dt.date | dt.datetime
        end: dt.date | dt.datetime
        if c.start_time is not None:
            start, end = timed(day, c.start_time, c.end_time)
        else:
            start, end = day, day + _DAY
        return Item(
            structure_id=self.structure_id,
            source="group",
            record_id=self.group.id,
            entry_id=self.entry_id,
            occurrence=occurrence,
            start=start,
            end=end,
            title=self.title,
            description=self.description,
            location=c.location,
            revision=c.revision,
            moved_from=None if moved_from is None else (moved_from, moved_from),
            moved_because=""
            if moved_from is None
            else move_reason(self.sy, moved_from, moved_from),
            involved_ids=self.involved,
            rule=rule,
        )

    def series(self) -> Iterator[Item]:
        c, sy = self.cadence, self.sy
        weekday = WEEKDAYS.index(c.weekday)
        if c.ordinal is not None:
            found = (_nth_weekday(y, m, weekday, c.ordinal) for y, m in _months_of(sy))
            candidates = [d for d in found if d is not None and self.active(d)]
            frequency = "monthly"
        else:
            first = sy.start + dt.timedelta(days=(weekday - sy.start.weekday()) % 7)
            days = itertools.takewhile(
                lambda d: d <= sy.end,
                (first + dt.timedelta(weeks=i) for i in itertools.count()),
            )
            candidates = [d for d in days if self.active(d)]
            frequency = "weekly"
        kept = [d for d in candidates if not c.except_breaks or sy.is_school_day(d)]
        if not kept:
            return
        rule = Rule(
            key=(self.structure_id, "group", self.group.id, self.entry_id, sy.label),
            frequency=frequency,  # type: ignore[arg-type]
            weekday=weekday,
            ordinal=c.ordinal,
            months=tuple(sorted(set(c.months))),
            candidates=tuple(d for d in candidates if kept[0] <= d <= kept[-1]),
        )
        for day in kept:
            yield self.item(day.isoformat(), day, rule)

    def units(self) -> list[tuple[str, dt.date, dt.date]]:
        sy, per = self.sy, self.cadence.per
        if per == "year":
            return [(sy.label, sy.first_day, sy.last_day)]
        if per == "term":
            return [
                (f"{sy.label}.autumn", *sy.autumn_term),
                (f"{sy.label}.spring", *sy.spring_term),
            ]
        if per == "month":
            out = []
            for y, m in _months_of(sy):
                first = dt.date(y, m, 1)
                last = (first.replace(day=28) + dt.timedelta(days=4)).replace(
                    day=1
                ) - _DAY
                out.append((f"{y:04d}-{m:02d}", first, last))
            return out
        monday = sy.first_day - dt.timedelta(days=sy.first_day.weekday())
        out = []
        while monday <= sy.last_day:
            iso = monday.isocalendar()
            out.append(
                (
                    f"{iso.year:04d}-W{iso.week:02d}",
                    monday,
                    monday + dt.timedelta(days=6),
                )
            )
            monday += dt.timedelta(weeks=1)
        return out

    def spread(self) -> Iterator[Item]:
        n = planned_count(self.cadence)
        if n <= 0:
            return
        sy = self.sy
        for key, lo, hi in self.units():
            days = [d for d in sy.school_days if lo <= d <= hi and self.active(d)]
            if not days:
                continue
            weeks = [
                list(group)
                for _, group in itertools.groupby(
                    days, key=lambda d: d.isocalendar()[:2]
                )
            ]
            if self.cadence.per == "week" or n > len(weeks):
                weeks = [[d] for d in days]
            count = len(weeks)
            chosen = sorted({(2 * i + 1) * count // (2 * n) for i in range(n)})
            for number, index in enumerate(chosen, start=1):
                day, moved = self.day_in(weeks[index])
                yield self.item(f"{key}#{number}", day, moved_from=moved)

    def day_in(self, week: list[dt.date]) -> tuple[dt.date, dt.date | None]:
        if len(week) == 1 or not self.cadence.weekday:
            return week[len(week) // 2], None
        monday = week[0] - dt.timedelta(days=week[0].weekday())
        target = monday + dt.timedelta(days=WEEKDAYS.index(self.cadence.weekday))
        if target in week:
            return target, None
        later = [d for d in week if d > target]
        return (later[0] if later else week[-1]), target


def resolve_cadences(structure_id: str, group: Group, sy: SchoolYear) -> Iterator[Item]:
    """Yield the meetings of every cadence of *group* in the school year *sy*."""
    for index, cadence in enumerate(group.cadences):
        maker = _Maker(structure_id, group, index, cadence, sy)
        if _is_rule(cadence):
            yield from maker.series()
        else:
            yield from maker.spread()
