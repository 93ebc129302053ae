"""
Yearly clocks, meeting cadences and dated records resolved into concrete items.

Resolving turns a structure's timings ("ISO week 42", "the week before the
winter break", "first Tuesday of the month 14:00-15:30 except in breaks",
"2-3 times a year") into `Item` objects for one school year and
municipality: all-day date spans with an exclusive end, or timed
Europe/Helsinki meetings. The school year comes from
`oppilashuolto.schoolyear`, with the structure's own `SchoolCalendar` for that
year and municipality applied.

Rules, each documented where it applies:

- **Moving** (`place`): items of yearly clocks that fall wholly on days without
  school work move to the next school day; spans are trimmed to school days.
  Nothing is dropped silently: a moved item says where it came from.
- **Cadences** (`oppilashuolto.resolve._cadence`): fixed weekday rules give
  series (skipping breaks when the cadence says so); counts give an even
  spread over the school weeks.
- **Dated records**: activities and deliverables known to the day are kept as
  they are.

Every item has a stable key (structure, source, record, entry, occurrence) that
survives edits of its time, from which feeds derive UIDs.

Examples:
    >>> import datetime as dt
    >>> from oppilashuolto.model import (ClockEntry, Timing, WelfareStructure,
    ...                                  YearlyClock)
    >>> clock = YearlyClock(id="vk", name="Vuosikello", entries=[
    ...     ClockEntry(id="teema", title="Hyvinvointiviikko",
    ...                timing=Timing(weeks=(42,)))])
    >>> s = WelfareStructure(id="demo", name="Demo", clocks=[clock])
    >>> [(i.start, i.end, i.moved_because) for i in resolve_clock(s, "vk", year=2026)]
    [(datetime.date(2026, 10, 19), datetime.date(2026, 10, 24), 'autumn')]
"""

from __future__ import annotations

from collections.abc import Iterable

from oppilashuolto.errors import UnknownIdError
from oppilashuolto.model.structure import WelfareStructure
from oppilashuolto.resolve._cadence import planned_count, resolve_cadences
from oppilashuolto.resolve._clock import (
    DEFAULT_DURATION,
    resolve_clock_entries,
    span_keys,
)
from oppilashuolto.resolve._dated import resolve_activity, resolve_deliverables
from oppilashuolto.resolve._items import (
    HELSINKI,
    MOVE_REASONS,
    SOURCES,
    Item,
    Language,
    Rule,
    Texts,
)
from oppilashuolto.resolve._placement import (
    Placement,
    calendar_for,
    move_reason,
    place,
    school_year_for,
    to_year,
)


__all__ = [
    "DEFAULT_DURATION",
    "HELSINKI",
    "MOVE_REASONS",
    "SOURCES",
    "Item",
    "Language",
    "Placement",
    "Rule",
    "Texts",
    "calendar_for",
    "for_audience",
    "move_reason",
    "place",
    "planned_count",
    "resolve_clock",
    "resolve_group",
    "resolve_project",
    "resolve_structure",
    "school_year_for",
    "span_keys",
    "to_year",
]


def _sorted(items: Iterable[Item]) -> tuple[Item, ...]:
    unique = {item.key: item for item in items}
    return tuple(sorted(unique.values(), key=Item.sort_key))


def _record(structure: WelfareStructure, record_id: str, collection: str) -> object:
    record = structure.get(record_id)
    if structure.collection_of(record_id) != collection:
        msg = f"{record_id!r} is not in {collection} (it is in {structure.collection_of(record_id)})"
        raise UnknownIdError(msg)
    return record


def resolve_clock(
    structure: WelfareStructure,
    clock_id: str,
    *,
    year: int | str,
    municipality_code: str | None = None,
) -> tuple[Item, ...]:
    """
    Return the items of one yearly clock in a school year, by date.

    Args:
        structure: The structure holding the clock and its school calendars.
        clock_id: Id of the clock.
        year: ``2026`` or ``"2026-2027"``.
        municipality_code: Whose school calendar to apply.

    Raises:
        UnknownIdError: If *clock_id* names no yearly clock.
    """
    clock = _record(structure, clock_id, "clocks")
    sy = school_year_for(structure, year, municipality_code)
    return _sorted(resolve_clock_entries(structure.id, clock, sy))  # type: ignore[arg-type]


def resolve_group(
    structure: WelfareStructure,
    group_id: str,
    *,
    year: int | str,
    municipality_code: str | None = None,
) -> tuple[Item, ...]:
    """
    Return the meetings of one group in a school year, by date.

    These are the meetings of its cadences and the activities it organises.

    Raises:
        UnknownIdError: If *group_id* names no group.
    """
    group = structure.group(group_id)
    sy = school_year_for(structure, year, municipality_code)
    items = list(resolve_cadences(structure.id, group, sy))
    for activity in structure.activities:
        if group_id in activity.organiser_ids:
            items.extend(resolve_activity(structure.id, activity, sy))
    return _sorted(items)


def resolve_project(
    structure: WelfareStructure,
    project_id: str,
    *,
    year: int | str,
    municipality_code: str | None = None,
) -> tuple[Item, ...]:
    """
    Return the milestones of one project in a school year, by date.

    These are its activities (``Activity.project_id``) and its deliverables
    due on a known day.

    Raises:
        UnknownIdError: If *project_id* names no project.
    """
    project = structure.project(project_id)
    sy = school_year_for(structure, year, municipality_code)
    items = list(resolve_deliverables(structure.id, project, sy))
    for activity in structure.activities:
        if activity.project_id == project_id:
            items.extend(resolve_activity(structure.id, activity, sy))
    return _sorted(items)


def resolve_structure(
    structure: WelfareStructure,
    *,
    year: int | str,
    municipality_code: str | None = None,
) -> tuple[Item, ...]:
    """
    Return every item of a structure in a school year, each once, by date.

    Examples:
        >>> from oppilashuolto.model import Cadence, Count, Group, WelfareStructure
        >>> g = Group(id="ohr", kind="school_welfare_group", name="OHR",
        ...           cadences=[Cadence(times=Count.from_text("2-3"), per="year")])
        >>> s = WelfareStructure(id="demo", name="Demo", groups=[g])
        >>> [i.occurrence for i in resolve_structure(s, year="2026-2027")]
        ['2026-2027#1', '2026-2027#2', '2026-2027#3']
    """
    sy = school_year_for(structure, year, municipality_code)
    sid = structure.id
    items: list[Item] = []
    for clock in structure.clocks:
        items.extend(resolve_clock_entries(sid, clock, sy))
    for group in structure.groups:
        items.extend(resolve_cadences(sid, group, sy))
    for project in structure.projects:
        items.extend(resolve_deliverables(sid, project, sy))
    for activity in structure.activities:
        items.extend(resolve_activity(sid, activity, sy))
    return _sorted(items)


def for_audience(
    items: Iterable[Item], audience_ids: Iterable[str]
) -> tuple[Item, ...]:
    """
    Return the items that involve any of *audience_ids*, each once, by date.

    An item involves the records in its `Item.involved_ids`: a clock's owners
    and the groups responsible or partnering for an entry, a group's own
    meetings, an activity's organisers and audiences, a project's owners and
    groups. An item that several sources share appears once.
    """
    wanted = frozenset(audience_ids)
    return _sorted(item for item in items if item.involved_ids & wanted)
