"""
Publishing feeds to a CalDAV collection (optional extra ``oppilashuolto[caldav]``).

Each feed becomes one calendar collection named after it (``clock-ID``…) and each
event one resource holding a VCALENDAR with that event and the Europe/Helsinki
VTIMEZONE, so that a republished structure updates events in place: events
whose bytes are unchanged are left alone, changed ones are replaced under
their UID, and events no longer in the feed are deleted.

References:
    RFC 4791 (CalDAV): one calendar object resource per UID.
"""

from __future__ import annotations

import datetime as dt
import importlib

from typing import Any

from attrs import frozen
from icalendar import Calendar, Event

from oppilashuolto.errors import ExtraNotInstalledError
from oppilashuolto.ical._components import (
    DEFAULT_DOMAIN,
    DEFAULT_TTL,
    PRODID,
    helsinki_timezone,
)
from oppilashuolto.ical.feeds import Feed, build_feeds
from oppilashuolto.model.structure import WelfareStructure
from oppilashuolto.resolve import Language


__all__ = ["PublishedFeed", "event_resource", "publish_feeds"]


@frozen(kw_only=True)
class PublishedFeed:
    """
    What `publish_feeds` did with one feed's collection.

    Attributes:
        name: The feed and collection name.
        added: Events created.
        updated: Events replaced in place.
        removed: Events deleted because the feed no longer has them.
        unchanged: Events left as they were.
    """

    name: str
    added: int
    updated: int
    removed: int
    unchanged: int


def _caldav() -> Any:
    try:
        return importlib.import_module("caldav")
    except ImportError as exc:
        raise ExtraNotInstalledError("publishing to CalDAV", "caldav") from exc


def event_resource(event: Event) -> bytes:
    """Return the VCALENDAR resource for one event: the event and its VTIMEZONE."""
    cal = Calendar.new(prodid=PRODID, uid=str(event["UID"]))
    cal.pop("UID")  # a resource's VCALENDAR carries no UID of its own
    if "TZID=" in event.to_ical().decode("utf-8"):
        cal.add_component(helsinki_timezone())
    cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def _normalised(data: str | bytes) -> bytes:
    # compare events, not the server's framing of them
    events = Calendar.from_ical(data).events
    return b"".join(e.to_ical() for e in events)


def _collection(principal: Any, feed: Feed, caldav: Any) -> Any:
    calendar = principal.calendar(cal_id=feed.name)
    try:
        calendar.get_display_name()
    except caldav.lib.error.NotFoundError:
        name = str(feed.calendar.get("X-WR-CALNAME", feed.name))
        calendar = principal.make_calendar(name=name, cal_id=feed.name)
    return calendar


def _publish(calendar: Any, feed: Feed) -> PublishedFeed:
    # increase_seqno=False: caldav 3.x raises SEQUENCE on every save by
    # default; ours already comes from the data and the previous feed
    present: dict[str, tuple[Any, bytes]] = {}
    for obj in calendar.events():
        data = obj.data
        for event in Calendar.from_ical(data).events:
            present[str(event["UID"])] = (obj, _normalised(data))
    added = updated = unchanged = 0
    wanted = {str(e["UID"]): e for e in feed.calendar.events}
    for uid, event in wanted.items():
        body = event_resource(event)
        if uid not in present:
            calendar.add_event(body.decode("utf-8"), increase_seqno=False)
            added += 1
        elif present[uid][1] != _normalised(body):
            calendar.add_event(body.decode("utf-8"), increase_seqno=False)
            updated += 1
        else:
            unchanged += 1
    removed = 0
    for uid, (obj, _) in sorted(present.items()):
        if uid not in wanted:
            obj.delete()
            removed += 1
    return PublishedFeed(
        name=feed.name,
        added=added,
        updated=updated,
        removed=removed,
        unchanged=unchanged,
    )


def publish_feeds(
    structure: WelfareStructure,
    url: str,
    *,
    year: int | str,
    municipality_code: str | None = None,
    language: Language = "fi",
    domain: str = DEFAULT_DOMAIN,
    stamp: dt.datetime | None = None,
    username: str = "",
    password: str = "",
    ttl: dt.timedelta = DEFAULT_TTL,
) -> tuple[PublishedFeed, ...]:
    """
    Push every feed of a structure to a CalDAV server, one collection per feed.

    SEQUENCE numbers continue from the events on the server, as
    `oppilashuolto.ical.write_feeds` continues them from files.

    Args:
        structure: The structure.
        url: The CalDAV server (its root or a principal URL).
        year: The school year.
        municipality_code: Whose school calendar to apply.
        language: Language of names, summaries and descriptions.
        domain: The owner's domain, part of every UID.
        stamp: When the data last changed (see `oppilashuolto.ical.to_calendar`).
        username: CalDAV user name.
        password: CalDAV password.
        ttl: Refresh interval written into the feeds.

    Returns:
        One `PublishedFeed` per feed, by name.

    Raises:
        ExtraNotInstalledError: If the ``caldav`` extra is not installed.
    """
    caldav = _caldav()
    client = caldav.DAVClient(
        url=url, username=username or None, password=password or None
    )
    principal = client.principal()
    first = build_feeds(
        structure,
        year=year,
        municipality_code=municipality_code,
        language=language,
        domain=domain,
        stamp=stamp,
        ttl=ttl,
    )
    previous: dict[str, bytes] = {}
    collections = {}
    for feed in first:
        collection = _collection(principal, feed, caldav)
        collections[feed.name] = collection
        events = [
            e
            for obj in collection.events()
            for e in Calendar.from_ical(obj.data).events
        ]
        holder = Calendar.new(prodid=PRODID, uid=feed.name, subcomponents=events)
        previous[feed.name] = holder.to_ical()
    feeds = build_feeds(
        structure,
        year=year,
        municipality_code=municipality_code,
        language=language,
        domain=domain,
        stamp=stamp,
        previous=previous,
        ttl=ttl,
    )
    return tuple(_publish(collections[feed.name], feed) for feed in feeds)
