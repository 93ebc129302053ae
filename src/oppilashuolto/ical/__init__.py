"""
iCalendar feeds of yearly clocks, meeting cadences and project milestones.

Feeds follow RFC 5545 and RFC 7986 with the workarounds that icalendar 7.3.x
needs: stable uuid5 UIDs, DTSTAMP from the data, an RRULE-form VTIMEZONE for
Europe/Helsinki, escaped NAME / X-WR-CALNAME / X-WR-CALDESC, REFRESH-INTERVAL
with ``VALUE=DURATION`` and X-PUBLISHED-TTL, all-day DATE events with an
exclusive end, sorted components, and bytes that depend only on the input.

This package imports icalendar; ``import oppilashuolto`` does not.

Examples:
    >>> import datetime as dt
    >>> from oppilashuolto.model import (ClockEntry, Timing, WelfareStructure,
    ...                                  YearlyClock)
    >>> clock = YearlyClock(id="vk", name="Vuosikello", entries=[
    ...     ClockEntry(id="alku", title="Koulun aloitus",
    ...                timing=Timing(anchor="first_school_day"))])
    >>> s = WelfareStructure(id="demo", name="Demo", clocks=[clock],
    ...                      updated=dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    >>> data = to_calendar(s, "vk", year="2026-2027").to_ical()
    >>> [line for line in data.decode().splitlines() if line.startswith("DT")][2:]
    ['DTSTART;VALUE=DATE:20260812', 'DTEND;VALUE=DATE:20260813', 'DTSTAMP:20260601T000000Z']
"""

from __future__ import annotations

from oppilashuolto.ical._colours import css_colour_name
from oppilashuolto.ical._components import (
    DEFAULT_DOMAIN,
    DEFAULT_TTL,
    HELSINKI_VTIMEZONE,
    NAMESPACE,
    PRODID,
    clean_text,
    event_uid,
    helsinki_timezone,
    new_calendar,
    new_event,
    set_calendar_text,
    set_refresh,
)
from oppilashuolto.ical.feeds import (
    FEED_KINDS,
    WORDS,
    Feed,
    build_feeds,
    calendar_events,
    to_calendar,
)
from oppilashuolto.ical.publish import (
    PublishedFeed,
    PublishError,
    event_resource,
    publish_feeds,
)
from oppilashuolto.ical.write import WrittenFeed, write_calendar, write_feeds


__all__ = [
    "DEFAULT_DOMAIN",
    "DEFAULT_TTL",
    "FEED_KINDS",
    "HELSINKI_VTIMEZONE",
    "NAMESPACE",
    "PRODID",
    "WORDS",
    "Feed",
    "PublishError",
    "PublishedFeed",
    "WrittenFeed",
    "build_feeds",
    "calendar_events",
    "clean_text",
    "css_colour_name",
    "event_resource",
    "event_uid",
    "helsinki_timezone",
    "new_calendar",
    "new_event",
    "publish_feeds",
    "set_calendar_text",
    "set_refresh",
    "to_calendar",
    "write_calendar",
    "write_feeds",
]
