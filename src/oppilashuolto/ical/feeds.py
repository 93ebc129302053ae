"""
Feeds of yearly clocks, group meetings, project milestones and audiences.

A feed is one VCALENDAR for one school year: the items that
`oppilashuolto.resolve` gives, written by these rules:

- **UIDs** come from each item's stable key (`event_uid`), so a feed
  regenerated after an edit updates its events; a series of meetings is one
  event with RRULE and EXDATE under the key of its cadence and school year.
- **DTSTAMP = LAST-MODIFIED** is the record's own ``updated`` (clock entries),
  else *stamp*, else the structure's ``updated``; never the clock. The
  calendar's LAST-MODIFIED is *stamp*, else the structure's ``updated``.
- **SEQUENCE** is the record's revision; regenerated over a *previous* feed,
  an event whose DTSTART, DTEND, RRULE, EXDATE or LOCATION changed gets one
  more than it had there, and none goes down.
- All-day items are DATE values with an exclusive DTEND; timed items carry
  ``TZID=Europe/Helsinki`` with the VTIMEZONE of
  `oppilashuolto.ical.HELSINKI_VTIMEZONE`.
- A ring becomes a CATEGORIES value (with the kind of source) and its colour
  the nearest CSS3 COLOR. Summaries and descriptions are in *language*,
  falling back to Finnish; a moved item says in its description where from.
- Events are sorted by start, then UID; each UID appears once, however many
  sources share the event.
"""

from __future__ import annotations

import datetime as dt
import operator

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from attrs import frozen
from icalendar import Calendar, Event

from oppilashuolto.errors import UnknownIdError, ValidationError
from oppilashuolto.ical._colours import css_colour_name
from oppilashuolto.ical._components import (
    DEFAULT_DOMAIN,
    DEFAULT_TTL,
    event_uid,
    new_calendar,
    new_event,
    start_text,
    to_utc,
)
from oppilashuolto.ical._sequence import (
    apply_sequences,
    calendar_events,
    previous_events,
)
from oppilashuolto.ical._texts import (
    FEED_KINDS,
    WORDS,
    FeedKind,
    categories,
    description,
    feed_title,
    summary,
)
from oppilashuolto.model.structure import WelfareStructure
from oppilashuolto.resolve import (
    HELSINKI,
    Item,
    Language,
    for_audience,
    resolve_clock,
    resolve_group,
    resolve_project,
    resolve_structure,
    school_year_for,
)


__all__ = [
    "FEED_KINDS",
    "WORDS",
    "Feed",
    "build_feeds",
    "calendar_events",
    "to_calendar",
]

_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@frozen(kw_only=True)
class Feed:
    """
    One generated feed.

    Attributes:
        name: File name stem, such as ``"clock-kangasala-vuosikello"``.
        kind: ``"clock"``, ``"group"``, ``"project"``, ``"audience"`` or ``"structure"``.
        record_ids: The records it is for.
        calendar: The calendar.
        events: How many VEVENTs it holds.
    """

    name: str
    kind: str
    record_ids: tuple[str, ...]
    calendar: Calendar
    events: int

    def to_ical(self) -> bytes:
        """Return the feed's bytes (CRLF, folded at 75 octets, UTF-8)."""
        data: bytes = self.calendar.to_ical()
        return data


class _Builder:
    """Turns items into VEVENTs for one feed."""

    def __init__(
        self,
        *,
        language: Language,
        domain: str,
        stamp: dt.datetime | None,
        structure_updated: dt.datetime | None,
    ) -> None:
        self.language = language
        self.domain = domain
        self.stamp = stamp
        self.structure_updated = structure_updated

    def stamp_of(self, item: Item) -> dt.datetime:
        found = item.updated or self.stamp or self.structure_updated
        if found is None:
            msg = (
                f"event {item.key!r} needs a stamp: set the structure's updated time, "
                "the entry's updated time, or pass stamp="
            )
            raise ValidationError(msg)
        return to_utc(found)

    def event(self, item: Item, uid: str) -> Event:
        language = self.language
        return new_event(
            uid=uid,
            stamp=self.stamp_of(item),
            start=item.start,
            end=item.end,
            summary=summary(item, language),
            description=description(item, language),
            location=item.location,
            categories=categories(item, language),
            color=css_colour_name(item.colour) if item.colour else "",
            sequence=item.revision,
        )

    def series(self, items: list[Item], uid: str) -> Event:
        first, last = items[0], items[-1]
        rule = first.rule
        assert rule is not None  # noqa: S101 - grouped by rule
        event = self.event(first, uid)
        if len(items) == 1:
            return event
        byday = _WEEKDAY_CODES[rule.weekday]
        if rule.ordinal is not None:
            byday = f"{rule.ordinal}{byday}"
        recur: dict[str, Any] = {"freq": rule.frequency, "byday": byday}
        if rule.months:
            recur["bymonth"] = list(rule.months)
        # RFC 5545: UNTIL is UTC when DTSTART has a zone, a DATE for all-day
        recur["until"] = (
            to_utc(last.start) if isinstance(last.start, dt.datetime) else last.start
        )
        event.add("rrule", recur)
        kept = {item.first_day for item in items}
        skipped = [d for d in rule.candidates if d not in kept]
        if skipped:
            start = first.start
            if isinstance(start, dt.datetime):
                local = start.astimezone(HELSINKI).timetz()
                event.add(
                    "exdate",
                    [
                        dt.datetime.combine(
                            d, local.replace(tzinfo=None), tzinfo=HELSINKI
                        )
                        for d in skipped
                    ],
                )
            else:
                event.add("exdate", skipped)
        return event


_start_and_uid = operator.itemgetter(0, 1)


def _events(items: Sequence[Item], builder: _Builder) -> list[Event]:
    domain = builder.domain
    singles: dict[str, Item] = {}
    series: dict[str, list[Item]] = {}
    series_uids: dict[tuple[str, ...], str] = {}
    for item in items:
        if item.rule is None:
            singles[event_uid(item.key, domain=domain)] = item
            continue
        # the members of a series share its key: one UID for all of them
        key = item.rule.key
        uid = series_uids.get(key)
        if uid is None:
            uid = series_uids[key] = event_uid(key, domain=domain)
        series.setdefault(uid, []).append(item)
    # in the order of `sort_key` (start as written, then UID), known before building
    keyed = [
        (start_text(item.start), uid, builder.event(item, uid))
        for uid, item in singles.items()
    ]
    for uid, members in series.items():
        members.sort(key=Item.sort_key)
        keyed.append((start_text(members[0].start), uid, builder.series(members, uid)))
    keyed.sort(key=_start_and_uid)
    return [event for _, _, event in keyed]


def _select(
    structure: WelfareStructure,
    record_id: str | None,
    audience: Sequence[str],
    year: int | str,
    municipality_code: str | None,
) -> tuple[FeedKind, tuple[Item, ...]]:
    if record_id is not None and audience:
        msg = "give either record_id or audience, not both"
        raise ValidationError(msg)
    if audience:
        for audience_id in audience:
            structure.get(audience_id)
        items = resolve_structure(
            structure, year=year, municipality_code=municipality_code
        )
        return "audience", for_audience(items, audience)
    if record_id is None:
        return "structure", resolve_structure(
            structure, year=year, municipality_code=municipality_code
        )
    collection = structure.collection_of(record_id)
    if collection == "clocks":
        return "clock", resolve_clock(
            structure, record_id, year=year, municipality_code=municipality_code
        )
    if collection == "groups":
        return "group", resolve_group(
            structure, record_id, year=year, municipality_code=municipality_code
        )
    if collection == "projects":
        return "project", resolve_project(
            structure, record_id, year=year, municipality_code=municipality_code
        )
    msg = f"{record_id!r} is a record of {collection}; feeds are made of clocks, groups and projects"
    raise UnknownIdError(msg)


def to_calendar(
    structure: WelfareStructure,
    record_id: str | None = None,
    *,
    audience: Iterable[str] = (),
    year: int | str,
    municipality_code: str | None = None,
    language: Language = "fi",
    domain: str = DEFAULT_DOMAIN,
    stamp: dt.datetime | None = None,
    previous: Calendar | bytes | str | None = None,
    ttl: dt.timedelta = DEFAULT_TTL,
) -> Calendar:
    """
    Return the feed of a clock, a group, a project, an audience or a whole structure.

    Args:
        structure: The structure.
        record_id: A yearly clock, group or project; ``None`` with no
            *audience* gives every item of the structure.
        audience: Ids of groups or organisations: the combined feed of every
            item that involves any of them, each event once.
        year: The school year, ``2026`` or ``"2026-2027"``.
        municipality_code: Whose school calendar to apply.
        language: Language of names, summaries and descriptions.
        domain: The owner's domain, part of every UID.
        stamp: When the data last changed, used where a record has no
            ``updated`` of its own (overrides the structure's ``updated``).
        previous: The feed as published before (a calendar or its bytes), to
            continue its SEQUENCE numbers.
        ttl: Refresh interval asked of subscribers.

    Returns:
        The calendar; ``.to_ical()`` gives its bytes.

    Raises:
        UnknownIdError: If an id is unknown or *record_id* is not a clock,
            group or project.
        ValidationError: If no stamp can be found for an event or the
            calendar, or the arguments conflict.

    Examples:
        >>> import datetime as dt
        >>> from oppilashuolto.model import (Cadence, Count, Group,
        ...                                  WelfareStructure)
        >>> g = Group(id="ohr", kind="school_welfare_group", name="OHR",
        ...           cadences=[Cadence(times=Count.from_text("2-3"), per="year",
        ...                             start_time=dt.time(14), end_time=dt.time(15, 30))])
        >>> s = WelfareStructure(id="demo", name="Demo", groups=[g],
        ...                      updated=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
        >>> cal = to_calendar(s, "ohr", year="2026-2027")
        >>> [str(e.start) for e in cal.events]
        ['2026-09-23 14:00:00+03:00', '2027-01-13 14:00:00+02:00', '2027-04-21 14:00:00+03:00']
    """
    audience = tuple(audience)
    kind, items = _select(structure, record_id, audience, year, municipality_code)
    ids = audience or ((record_id,) if record_id else ())
    return _calendar(
        structure,
        kind,
        ids,
        items,
        year=year,
        municipality_code=municipality_code,
        language=language,
        domain=domain,
        stamp=stamp,
        previous=previous,
        ttl=ttl,
    )


def _calendar(
    structure: WelfareStructure,
    kind: FeedKind,
    ids: tuple[str, ...],
    items: Sequence[Item],
    *,
    year: int | str,
    municipality_code: str | None,
    language: Language,
    domain: str,
    stamp: dt.datetime | None,
    previous: Calendar | bytes | str | None,
    ttl: dt.timedelta,
) -> Calendar:
    sy = school_year_for(structure, year, municipality_code)
    calendar_stamp = stamp or structure.updated
    if calendar_stamp is None:
        msg = "the feed needs a stamp: set the structure's updated time or pass stamp="
        raise ValidationError(msg)
    name, text = feed_title(structure, kind, ids, sy.label, language)
    uid = event_uid(
        (structure.id, "feed", kind, *ids, sy.label, municipality_code or "", language),
        domain=domain,
    )
    calendar = new_calendar(
        uid=uid,
        name=name,
        description=text,
        last_modified=calendar_stamp,
        ttl=ttl,
    )
    builder = _Builder(
        language=language,
        domain=domain,
        stamp=stamp,
        structure_updated=structure.updated,
    )
    events = _events(items, builder)
    apply_sequences(events, previous_events(previous))
    for event in events:
        calendar.add_component(event)
    return calendar


class _FeedIndex:
    """The items of every feed, from one resolution of the whole structure."""

    def __init__(self, structure: WelfareStructure, items: Sequence[Item]) -> None:
        self.own: dict[tuple[str, str], list[Item]] = {}
        self.involving: dict[str, list[Item]] = {}
        for item in items:
            self.own.setdefault((item.source, item.record_id), []).append(item)
            if item.source == "activity":
                activity = structure.get(item.record_id)
                for group_id in activity.organiser_ids:
                    self.own.setdefault(("group", group_id), []).append(item)
                if activity.project_id:
                    self.own.setdefault(("project", activity.project_id), []).append(
                        item
                    )
            for involved in item.involved_ids:
                self.involving.setdefault(involved, []).append(item)

    def items(
        self, kind: str, record_id: str | None, audience: tuple[str, ...]
    ) -> list[Item]:
        if record_id is not None:
            return self.own.get((kind, record_id), [])
        unique = {i.key: i for a in audience for i in self.involving.get(a, [])}
        return list(unique.values())


def _feed_ids(structure: WelfareStructure, items: Sequence[Item]) -> list[str]:
    # an audience feed is worth it when an id takes part in two or more records
    sources: dict[str, set[tuple[str, str]]] = {}
    for item in items:
        for involved in item.involved_ids:
            sources.setdefault(involved, set()).add((item.source, item.record_id))
    return sorted(
        i
        for i, found in sources.items()
        if len(found) > 1 and _collection(structure, i) in ("groups", "organisations")
    )


def _collection(structure: WelfareStructure, record_id: str) -> str | None:
    try:
        return structure.collection_of(record_id)
    except UnknownIdError:
        return None


def build_feeds(
    structure: WelfareStructure,
    *,
    year: int | str,
    municipality_code: str | None = None,
    language: Language = "fi",
    domain: str = DEFAULT_DOMAIN,
    stamp: dt.datetime | None = None,
    previous: Mapping[str, bytes] | None = None,
    ttl: dt.timedelta = DEFAULT_TTL,
) -> tuple[Feed, ...]:
    """
    Return every feed of a structure for a school year, by name.

    One feed per yearly clock (``clock-ID``), per group that has cadences or
    organises activities (``group-ID``), per project with activities or
    deliverables (``project-ID``), and a combined feed (``audience-ID``) for
    each group or organisation involved in items of two or more records.

    Args:
        previous: Bytes of feeds published before, by name, to continue their
            SEQUENCE numbers.

    The other arguments are those of `to_calendar`.
    """
    previous = previous or {}
    wanted: list[tuple[FeedKind, str, str | None, tuple[str, ...]]] = []
    wanted += [("clock", f"clock-{c.id}", c.id, ()) for c in structure.clocks]
    organisers = {i for a in structure.activities for i in a.organiser_ids}
    wanted += [
        ("group", f"group-{g.id}", g.id, ())
        for g in structure.groups
        if g.cadences or g.id in organisers
    ]
    in_projects = {a.project_id for a in structure.activities}
    wanted += [
        ("project", f"project-{p.id}", p.id, ())
        for p in structure.projects
        if p.id in in_projects or any(d.due is not None for d in p.deliverables)
    ]
    items = resolve_structure(structure, year=year, municipality_code=municipality_code)
    wanted += [
        ("audience", f"audience-{i}", None, (i,)) for i in _feed_ids(structure, items)
    ]
    # resolved once: each feed takes its items from this index
    index = _FeedIndex(structure, items)
    feeds = []
    for kind, name, record_id, audience in sorted(wanted, key=lambda w: w[1]):
        calendar = _calendar(
            structure,
            kind,
            (record_id,) if record_id else audience,
            index.items(kind, record_id, audience),
            year=year,
            municipality_code=municipality_code,
            language=language,
            domain=domain,
            stamp=stamp,
            previous=previous.get(name),
            ttl=ttl,
        )
        feeds.append(
            Feed(
                name=name,
                kind=kind,
                record_ids=(record_id,) if record_id else audience,
                calendar=calendar,
                events=len(calendar.events),
            )
        )
    return tuple(feeds)
