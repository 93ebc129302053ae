"""
Building blocks of our feeds: UIDs, the Europe/Helsinki VTIMEZONE, calendar
properties with the icalendar 7.3.x workarounds, and checked events.

References:
    RFC 5545 (iCalendar), RFC 7986 (new properties: NAME, COLOR,
    REFRESH-INTERVAL), RFC 5546 §2.1.4 (SEQUENCE).

    collective/icalendar#1445 and PR #1450 (7.3.x writes NAME, X-WR-CALNAME
    and X-WR-CALDESC verbatim).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import pickle
import re
import uuid

from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vDDDTypes, vText

from oppilashuolto.errors import ValidationError


__all__ = [
    "DEFAULT_DOMAIN",
    "DEFAULT_TTL",
    "HELSINKI_VTIMEZONE",
    "NAMESPACE",
    "PRODID",
    "TZID",
    "clean_text",
    "event_uid",
    "helsinki_timezone",
    "new_calendar",
    "new_event",
    "set_calendar_text",
    "set_refresh",
    "sort_key",
    "start_text",
    "to_utc",
]

NAMESPACE = uuid.UUID("5d0e5a1c-3c49-5b1e-9d8a-6f1b2e7c4a10")
"""The library's uuid5 namespace; each owner's domain gets its own inside it."""

DEFAULT_DOMAIN = "oppilashuolto.invalid"
"""The domain used when the owner names none (``.invalid`` is reserved, RFC 2606)."""

DEFAULT_TTL = dt.timedelta(hours=12)
"""How often subscribers are asked to refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL)."""

PRODID = "-//oppilashuolto//oppilashuolto feeds 1.0//FI"
"""The product identifier written into every feed."""

TZID = "Europe/Helsinki"

HELSINKI_VTIMEZONE = (
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Helsinki\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0300\r\n"
    "TZNAME:EEST\r\n"
    # RFC 5545 §3.6.5 reads this local time in TZOFFSETFROM: 03:00+02 = 01:00Z
    "DTSTART:19700329T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0300\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:EET\r\n"
    # 04:00+03 = 01:00Z, the EU rule since 1996
    "DTSTART:19701025T040000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)
"""
The Europe/Helsinki VTIMEZONE in the RRULE form, valid since 1996.

icalendar's ``add_missing_timezones()`` writes DTSTART + RDATE lists that
Outlook is reported to shift and whose DAYLIGHT onset is an hour late for
clients that follow RFC 5545 §3.6.5; this form has neither problem. The tests
check it against `zoneinfo` around every change of 2020-2035.
"""

# RFC 5545 §3.3.11: TEXT may hold any character but the CONTROLs other than HTAB
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# what clean_text changes: those, CR (among them) and the backslash of \N
_UNCLEAN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\\]")


def clean_text(text: str) -> str:
    r"""
    Return *text* as an iCalendar TEXT value can carry it.

    CRLF and CR become LF (the only line break TEXT has); other control
    characters except tab are removed, since RFC 5545 does not allow them.
    The two characters ``\N`` also become LF, because `icalendar.vText` reads
    them as a line break before escaping; doing it here keeps the intended text
    equal to what every reader gets back.
    Escaping of ``\``, ``;``, ``,`` and line breaks is left to `icalendar.vText`.

    Examples:
        >>> clean_text("a\r\nb\rc\x00d")
        'a\nb\ncd'
        >>> clean_text("a\\Nb")
        'a\nb'
    """
    if _UNCLEAN.search(text) is None:
        return text  # the common case: nothing to change
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\\N", "\n")
    return _CONTROL.sub("", text)


def event_uid(key: Sequence[str], *, domain: str = DEFAULT_DOMAIN) -> str:
    """
    Return the UID of the event with the stable *key* in the owner's *domain*.

    The UID is a uuid5 in the namespace of *domain*, itself a uuid5 in
    `NAMESPACE`, so that two owners never collide and a regenerated feed
    updates its events instead of duplicating them.

    Examples:
        >>> event_uid(("demo", "clock", "vk", "teema", "2026-2027"))
        '...-...-5...-...-...'
        >>> event_uid(("a",)) == event_uid(("a",), domain="koulu.example.fi")
        False
    """
    # uuid.uuid5 written out (RFC 9562 §5.5), with the domain's namespace
    # computed once: the same value, in half the time
    name = _owner(domain) + "\x1f".join(key).encode()
    h = hashlib.sha1(name, usedforsecurity=False).hexdigest()
    variant = "89ab"[int(h[16], 16) & 3]
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{variant}{h[17:20]}-{h[20:32]}"


@functools.lru_cache(maxsize=64)
def _owner(domain: str) -> bytes:
    return uuid.uuid5(NAMESPACE, domain.strip().lower()).bytes


@functools.cache
def _timezone_pickle() -> bytes:
    return pickle.dumps(
        Timezone.from_ical(HELSINKI_VTIMEZONE), protocol=pickle.HIGHEST_PROTOCOL
    )


def helsinki_timezone() -> Timezone:
    """
    Return a new VTIMEZONE component for Europe/Helsinki (`HELSINKI_VTIMEZONE`).

    Each call gives its own component, free to change: a copy of the one
    parsed from `HELSINKI_VTIMEZONE` on the first call, made by unpickling,
    which is several times faster than parsing the text again.
    """
    timezone: Timezone = pickle.loads(_timezone_pickle())  # noqa: S301 - our own bytes
    return timezone


def to_utc(value: dt.datetime) -> dt.datetime:
    """Return *value* in UTC; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def set_calendar_text(cal: Calendar, *, name: str, description: str) -> None:
    """
    Set NAME, X-WR-CALNAME, DESCRIPTION and X-WR-CALDESC, escaped as TEXT.

    icalendar 7.3.x writes NAME and the X- properties verbatim: a comma or
    semicolon goes out unescaped and a line break fails. Writing them as
    `icalendar.vText` restores RFC 5545 escaping.
    """
    name, description = clean_text(name), clean_text(description)
    for prop in ("NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC"):
        cal.pop(prop, None)
    cal.add("NAME", vText(name))
    cal.add("X-WR-CALNAME", vText(name))
    if description:
        cal.add("DESCRIPTION", vText(description))
        cal.add("X-WR-CALDESC", vText(description))


def _duration_text(ttl: dt.timedelta) -> str:
    seconds = int(ttl.total_seconds())
    if seconds <= 0 or seconds != ttl.total_seconds():
        msg = f"ttl must be a positive whole number of seconds (got {ttl})"
        raise ValidationError(msg)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    clock = "".join(
        f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (secs, "S")) if n
    )
    return "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")


def set_refresh(cal: Calendar, ttl: dt.timedelta) -> None:
    """
    Set REFRESH-INTERVAL with ``VALUE=DURATION`` (RFC 7986 §5.7) and X-PUBLISHED-TTL.

    icalendar writes REFRESH-INTERVAL without the parameter that the RFC
    requires; Outlook and Nextcloud read X-PUBLISHED-TTL instead.
    """
    cal.pop("REFRESH-INTERVAL", None)
    cal.pop("X-PUBLISHED-TTL", None)
    cal.add("REFRESH-INTERVAL", ttl, parameters={"VALUE": "DURATION"})
    cal.add("X-PUBLISHED-TTL", _duration_text(ttl))


def new_calendar(
    *,
    uid: str,
    name: str,
    description: str,
    last_modified: dt.datetime,
    ttl: dt.timedelta = DEFAULT_TTL,
) -> Calendar:
    """Return an empty feed calendar with our properties and the Helsinki VTIMEZONE."""
    cal = Calendar.new(
        prodid=PRODID,
        uid=uid,
        calscale="GREGORIAN",
        method="PUBLISH",
        last_modified=to_utc(last_modified),
    )
    set_calendar_text(cal, name=name, description=description)
    set_refresh(cal, ttl)
    cal.add("X-WR-TIMEZONE", TZID)
    cal.add_component(helsinki_timezone())
    return cal


def _check_span(uid: str, start: dt.date, end: dt.date) -> None:
    for value in (start, end):
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            msg = f"event {uid}: times must carry a time zone (got a floating {value.isoformat()})"
            raise ValidationError(msg)
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        msg = f"event {uid}: start and end must both be dates or both be times"
        raise ValidationError(msg)
    if end <= start:
        msg = f"event {uid}: end must come after start (got {start.isoformat()} to {end.isoformat()})"
        raise ValidationError(msg)


def new_event(
    *,
    uid: str,
    stamp: dt.datetime,
    start: dt.date,
    end: dt.date,
    summary: str,
    description: str = "",
    location: str = "",
    categories: Iterable[str] = (),
    color: str = "",
    sequence: int = 0,
) -> Event:
    """
    Return a VEVENT with a fixed UID and DTSTAMP = LAST-MODIFIED = *stamp*.

    Dates make an all-day event, whose *end* is exclusive; datetimes must be
    aware (no floating times).

    Raises:
        ValidationError: If a time is floating, the kinds of *start* and
            *end* differ, or *end* does not come after *start* (a zero-length
            all-day event).
    """
    _check_span(uid, start, end)
    utc = to_utc(stamp)
    return Event.new(
        uid=uid,
        stamp=utc,
        last_modified=utc,
        start=start,
        end=end,
        summary=clean_text(summary),
        description=clean_text(description) or None,
        location=clean_text(location) or None,
        categories=[clean_text(c) for c in categories] or None,  # type: ignore[arg-type]
        color=color or None,
        sequence=sequence,
    )


def sort_key(event: Event) -> tuple[str, str]:
    """Return a key ordering events by start (as written), then UID."""
    start = event["DTSTART"].to_ical()
    text = start.decode() if isinstance(start, bytes) else str(start)
    return (text, str(event["UID"]))


def start_text(start: dt.date) -> str:
    """
    Return DTSTART's value as `new_event` writes it for *start*.

    The key of `sort_key`, without building the event first.

    Examples:
        >>> start_text(dt.date(2026, 9, 1))
        '20260901'
        >>> start_text(dt.datetime(2026, 9, 1, 18, tzinfo=dt.UTC))
        '20260901T180000Z'
    """
    day = f"{start.year:04}{start.month:02}{start.day:02}"
    if not isinstance(start, dt.datetime):
        return day
    zone = start.tzinfo
    if not isinstance(zone, ZoneInfo) or zone.key is None:
        written: bytes = vDDDTypes(start).to_ical()
        return written.decode()
    return f"{day}T{start.hour:02}{start.minute:02}{start.second:02}{_suffix(zone)}"


@functools.lru_cache(maxsize=64)
def _suffix(zone: ZoneInfo) -> str:
    # icalendar writes a Z for the zones it takes for UTC, which it tells by
    # a keyed ZoneInfo's key alone: any time in the zone gives the answer
    sample = dt.datetime(2000, 1, 1, tzinfo=zone)
    return "Z" if vDDDTypes(sample).to_ical().endswith(b"Z") else ""
