"""
Publishing feeds to a CalDAV server, with the standard library only.

Each feed becomes one calendar collection named after it (``clock-ID``…) in
the user's calendar home, and each event one resource ``UID.ics`` holding a
VCALENDAR with that event and the Europe/Helsinki VTIMEZONE, so that a
republished structure updates events in place:

- the calendar home is found from the URL: its ``calendar-home-set``, else
  that of its ``current-user-principal``, else the URL itself;
- a missing collection is created with MKCALENDAR, or with an extended MKCOL
  where the server has no MKCALENDAR;
- the events already there are listed with one ``calendar-query`` REPORT
  (href, ETag and data);
- an event is PUT only when it differs from the server's copy, compared as
  iCalendar components since servers re-serialise what they store; an update
  goes to the resource that holds the UID with ``If-Match`` on its ETag, a new
  event to ``UID.ics`` with ``If-None-Match: *``;
- resources whose UID is no longer in the feed, and extra copies of a UID,
  are deleted (``If-Match`` again).

SEQUENCE numbers continue from the events on the server, as
`oppilashuolto.ical.write_feeds` continues them from files. Every failure is a
`PublishError` that names the method, the URL (never its credentials), the
status and what was expected.

References:
    RFC 4918 (WebDAV), RFC 4791 (CalDAV: one calendar object resource per
    UID), RFC 5689 (extended MKCOL), RFC 6764 §6 (finding the calendar
    home), RFC 7617 (Basic authentication).
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import http.client
import importlib
import socket
import ssl
import xml.etree.ElementTree as ET

from collections.abc import Callable, Iterable, Mapping, Sequence
from http import HTTPStatus
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit
from xml.sax.saxutils import escape

from attrs import frozen
from icalendar import Calendar, Component, Event

from oppilashuolto.errors import OppilashuoltoError, ValidationError
from oppilashuolto.ical._components import (
    DEFAULT_DOMAIN,
    DEFAULT_TTL,
    PRODID,
    helsinki_timezone,
)
from oppilashuolto.ical.feeds import Feed, build_feeds
from oppilashuolto.model.structure import WelfareStructure
from oppilashuolto.resolve import Language


__all__ = [
    "DEFAULT_TIMEOUT",
    "PublishError",
    "PublishedFeed",
    "event_resource",
    "publish_feeds",
]

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for the server to connect or answer, per request."""

_DAV = "{DAV:}"
_CALDAV = "{urn:ietf:params:xml:ns:caldav}"
_MAX_BODY = 64 * 1024 * 1024  # a 10,000-event collection is about 3 MiB
_MAX_REDIRECTS = 5
_XML = {"Content-Type": 'application/xml; charset="utf-8"'}

_HOME_PROPS = b"""<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:resourcetype/><D:current-user-principal/><C:calendar-home-set/></D:prop>
</D:propfind>
"""

_COLLECTION_PROPS = b"""<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:displayname/></D:prop></D:propfind>
"""

_EVENT_QUERY = b"""<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter>
</C:calendar-query>
"""


class PublishError(OppilashuoltoError):
    """
    A CalDAV request failed or the server answered what publishing cannot use.

    Attributes:
        method: The HTTP method, such as ``"PUT"``.
        url: The URL requested, without credentials.
        status: The HTTP status, or ``None`` when no answer came.
    """

    def __init__(
        self, message: str, *, method: str, url: str, status: int | None = None
    ) -> None:
        super().__init__(message)
        self.method = method
        self.url = url
        self.status = status


@frozen(kw_only=True)
class PublishedFeed:
    """
    What `publish_feeds` did with one feed's collection.

    Attributes:
        name: The feed and collection name.
        added: Events created.
        updated: Events replaced in place.
        removed: Events deleted because the feed no longer has them (and extra
            copies of one UID, which a conforming server never holds).
        unchanged: Events left as they were.
    """

    name: str
    added: int
    updated: int
    removed: int
    unchanged: int


def event_resource(event: Event) -> bytes:
    """Return the VCALENDAR resource for one event: the event and its VTIMEZONE."""
    cal = Calendar.new(prodid=PRODID, uid=str(event["UID"]))
    cal.pop("UID")  # a resource's VCALENDAR carries no UID of its own
    if "TZID=" in event.to_ical().decode("utf-8"):
        cal.add_component(helsinki_timezone())
    cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


# --- HTTP -------------------------------------------------------------------


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def _expected(accept: Iterable[int]) -> str:
    return " or ".join(f"{code} {HTTPStatus(code).phrase}" for code in accept)


_HINTS = {
    400: "the server could not use the request",
    401: "the server refused the user name or password",
    403: "the user may not do this here",
    404: "nothing at this URL: check it",
    405: "the server does not allow this method here: is the URL a CalDAV server?",
    409: "it conflicts with what the server holds, such as the UID under another name or a missing parent collection",
    412: "it changed on the server meanwhile: publish again",
    415: "the server does not take this content",
    501: "the server does not speak this part of WebDAV or CalDAV: is the URL a CalDAV server?",
    507: "the server has no room left",
}


@frozen
class _Response:
    url: str
    status: int
    reason: str
    headers: http.client.HTTPMessage
    body: bytes


class _Client:
    """One connection per origin, Basic authentication, timeouts, our errors."""

    def __init__(self, *, username: str, password: str, timeout: float) -> None:
        self.timeout = timeout
        self.authorization = ""
        if username or password:
            token = base64.b64encode(f"{username}:{password}".encode()).decode()
            self.authorization = f"Basic {token}"
        self.connections: dict[tuple[str, str, int], http.client.HTTPConnection] = {}

    def close(self) -> None:
        for connection in self.connections.values():
            connection.close()
        self.connections.clear()

    def request(
        self,
        method: str,
        url: str,
        *,
        doing: str,
        accept: Sequence[int],
        body: bytes = b"",
        headers: Mapping[str, str] | None = None,
    ) -> _Response:
        """Send a request; raise `PublishError` unless its status is in *accept*."""
        for _ in range(_MAX_REDIRECTS + 1):
            response = self._send(method, url, body, headers or {})
            location = response.headers.get("Location")
            if (
                response.status in accept
                or method != "PROPFIND"  # only discovery follows redirects
                or response.status not in (301, 302, 307, 308)
                or not location
            ):
                break
            target = urljoin(url, location)
            if _origin(target) != _origin(url):
                msg = (
                    f"{doing}: {method} {_without_credentials(url)} redirects to "
                    f"another server, {_without_credentials(target)}: give that URL instead"
                )
                raise PublishError(
                    msg, method=method, url=_without_credentials(url), status=None
                )
            url = target
        if response.status in accept:
            return response
        hint = _HINTS.get(response.status, "")
        if response.status >= 500 and not hint:
            hint = "the server failed"
        shown = _without_credentials(url)
        msg = (
            f"{doing}: {method} {shown} answered {response.status} {response.reason}, "
            f"expected {_expected(accept)}" + (f" ({hint})" if hint else "")
        )
        raise PublishError(msg, method=method, url=shown, status=response.status)

    def _connection(self, url: str) -> http.client.HTTPConnection:
        key = _origin(url)
        connection = self.connections.get(key)
        if connection is None:
            scheme, host, port = key
            if scheme == "https":
                connection = http.client.HTTPSConnection(
                    host,
                    port,
                    timeout=self.timeout,
                    context=ssl.create_default_context(),
                )
            else:
                connection = http.client.HTTPConnection(
                    host, port, timeout=self.timeout
                )
            self.connections[key] = connection
        return connection

    def _send(
        self, method: str, url: str, body: bytes, headers: Mapping[str, str]
    ) -> _Response:
        parts = urlsplit(url)
        target = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        sent = {"User-Agent": "oppilashuolto", **headers}
        if self.authorization:
            sent["Authorization"] = self.authorization
        for attempt in range(2):
            connection = self._connection(url)
            reused = connection.sock is not None
            try:
                connection.request(method, target, body=body or None, headers=sent)
                answer = connection.getresponse()
                data = answer.read(_MAX_BODY + 1)
            except (ConnectionResetError, BrokenPipeError) as exc:
                connection.close()
                if reused and attempt == 0:
                    continue  # the server closed a kept-alive connection: once more
                raise self._failure(method, url, exc) from None
            except (OSError, http.client.HTTPException) as exc:
                connection.close()
                raise self._failure(method, url, exc) from None
            if len(data) > _MAX_BODY:
                connection.close()
                msg = (
                    f"{method} {_without_credentials(url)} answered more than "
                    f"{_MAX_BODY // 2**20} MiB"
                )
                raise PublishError(
                    msg,
                    method=method,
                    url=_without_credentials(url),
                    status=answer.status,
                )
            reason = answer.reason or HTTPStatus(answer.status).phrase
            return _Response(url, answer.status, reason, answer.headers, data)
        raise AssertionError  # pragma: no cover - the loop returns or raises

    def _failure(self, method: str, url: str, exc: Exception) -> PublishError:
        shown = _without_credentials(url)
        if isinstance(exc, ConnectionRefusedError):
            why = "connection refused: is the server running and the URL right?"
        elif isinstance(exc, TimeoutError):
            why = f"no answer within {self.timeout:g} s"
        elif isinstance(exc, socket.gaierror):
            why = f"unknown host {urlsplit(url).hostname!r}"
        elif isinstance(exc, ssl.SSLError):
            why = f"TLS failed: {exc.reason or exc}"
        elif isinstance(exc, http.client.RemoteDisconnected):
            why = "the server closed the connection without answering"
        elif isinstance(exc, http.client.HTTPException):
            why = f"not an HTTP answer ({type(exc).__name__})"
        else:
            why = str(
                exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            )
        msg = f"cannot reach the CalDAV server: {method} {shown} failed: {why}"
        return PublishError(msg, method=method, url=shown, status=None)


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    default = 443 if parts.scheme == "https" else 80
    return parts.scheme, parts.hostname or "", parts.port or default


# --- WebDAV XML -------------------------------------------------------------


@functools.cache
def _xml_parser() -> Callable[[bytes], ET.Element]:
    # the answers come from the server we publish to; defusedxml, where it is
    # installed (it comes with Radicale), also refuses entity tricks
    try:
        module = importlib.import_module("defusedxml.ElementTree")
    except ImportError:
        return ET.fromstring
    parse: Callable[[bytes], ET.Element] = module.fromstring
    return parse


@frozen
class _DavResource:
    url: str
    props: Mapping[str, ET.Element]


def _status_ok(line: str | None) -> bool:
    fields = (line or "").split()
    return len(fields) >= 2 and fields[1].startswith("2")


def _multistatus(response: _Response, method: str, doing: str) -> list[_DavResource]:
    """Return the resources of a 207 answer with their successfully read properties."""
    shown = _without_credentials(response.url)
    try:
        root = _xml_parser()(response.body)
    except (ET.ParseError, ValueError) as exc:
        msg = f"{doing}: {method} {shown} answered 207 with no WebDAV XML ({exc})"
        raise PublishError(msg, method=method, url=shown, status=207) from None
    if root.tag != f"{_DAV}multistatus":
        msg = f"{doing}: {method} {shown} answered {root.tag}, expected DAV:multistatus"
        raise PublishError(msg, method=method, url=shown, status=207)
    found = []
    for item in root.iter(f"{_DAV}response"):
        href = (item.findtext(f"{_DAV}href") or "").strip()
        if not href or (
            item.find(f"{_DAV}status") is not None
            and not _status_ok(item.findtext(f"{_DAV}status"))
        ):
            continue
        props: dict[str, ET.Element] = {}
        for propstat in item.iter(f"{_DAV}propstat"):
            prop = propstat.find(f"{_DAV}prop")
            if prop is not None and _status_ok(propstat.findtext(f"{_DAV}status")):
                props.update((child.tag, child) for child in prop)
        found.append(_DavResource(urljoin(response.url, href), props))
    return found


def _path(url: str) -> str:
    return unquote(urlsplit(url).path).rstrip("/")


def _same_path(a: str, b: str) -> bool:
    return _path(a) == _path(b)


def _this(resources: Sequence[_DavResource], url: str) -> _DavResource | None:
    """Return the resource that *url* names, or the only one there is."""
    for resource in resources:
        if _same_path(resource.url, url):
            return resource
    return resources[0] if len(resources) == 1 else None


def _href(resource: _DavResource, tag: str) -> str | None:
    element = resource.props.get(tag)
    text = None if element is None else element.findtext(f"{_DAV}href")
    return urljoin(resource.url, text.strip()) if text and text.strip() else None


def _is_calendar(resource: _DavResource) -> bool:
    kinds = resource.props.get(f"{_DAV}resourcetype")
    return kinds is not None and kinds.find(f"{_CALDAV}calendar") is not None


def _folder(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else f"{parts.path}/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _find_home(client: _Client, url: str) -> str:
    """Return the calendar home of the user at *url*, the URL itself by default."""
    doing = f"cannot find the calendars at {_without_credentials(url)}"
    headers = {**_XML, "Depth": "0"}
    response = client.request(
        "PROPFIND", url, doing=doing, accept=(207,), body=_HOME_PROPS, headers=headers
    )
    here = _this(_multistatus(response, "PROPFIND", doing), response.url)
    if here is None:
        return _folder(response.url)
    if _is_calendar(here):
        msg = (
            f"{_without_credentials(url)} is a calendar: give the server's URL or "
            "the user's calendar home, in which each feed gets a calendar of its own"
        )
        raise PublishError(msg, method="PROPFIND", url=_without_credentials(url))
    home = _href(here, f"{_CALDAV}calendar-home-set")
    principal = _href(here, f"{_DAV}current-user-principal")
    if home is None and principal is not None and not _same_path(principal, here.url):
        response = client.request(
            "PROPFIND",
            principal,
            doing=doing,
            accept=(207,),
            body=_HOME_PROPS,
            headers=headers,
        )
        there = _this(_multistatus(response, "PROPFIND", doing), response.url)
        home = None if there is None else _href(there, f"{_CALDAV}calendar-home-set")
        home = home or _folder(principal)
    return _folder(home or response.url)


# --- collections and events -------------------------------------------------


def _calendar_props(feed: Feed) -> str:
    name = escape(str(feed.calendar.get("X-WR-CALNAME", feed.name)))
    text = escape(str(feed.calendar.get("X-WR-CALDESC", "")))
    description = (
        f"<C:calendar-description>{text}</C:calendar-description>" if text else ""
    )
    return f"<D:displayname>{name}</D:displayname>{description}"


def _create_collection(client: _Client, url: str, feed: Feed) -> None:
    doing = f"cannot create calendar {feed.name}"
    props = _calendar_props(feed)
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
        f"<D:set><D:prop>{props}</D:prop></D:set></C:mkcalendar>\n"
    )
    response = client.request(
        "MKCALENDAR",
        url,
        doing=doing,
        accept=(201, 405, 501),
        body=body.encode(),
        headers=_XML,
    )
    if response.status == 201:
        return
    # no MKCALENDAR here: an extended MKCOL with the calendar resource type
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
        "<D:set><D:prop><D:resourcetype><D:collection/><C:calendar/></D:resourcetype>"
        f"{props}</D:prop></D:set></D:mkcol>\n"
    )
    client.request(
        "MKCOL", url, doing=doing, accept=(201,), body=body.encode(), headers=_XML
    )


def _collection(client: _Client, home: str, feed: Feed) -> tuple[str, bool]:
    """Return the URL of the feed's collection and whether it was just created."""
    url = urljoin(home, quote(feed.name, safe="") + "/")
    doing = f"cannot open calendar {feed.name}"
    response = client.request(
        "PROPFIND",
        url,
        doing=doing,
        accept=(207, 404),
        body=_COLLECTION_PROPS,
        headers={**_XML, "Depth": "0"},
    )
    if response.status == 404:
        _create_collection(client, url, feed)
        return url, True
    url = response.url
    here = _this(_multistatus(response, "PROPFIND", doing), url)
    if here is None or not _is_calendar(here):
        msg = (
            f"{doing}: {_without_credentials(url)} exists but is not a calendar "
            "collection; move it away or publish to another calendar home"
        )
        raise PublishError(msg, method="PROPFIND", url=_without_credentials(url))
    shown = here.props.get(f"{_DAV}displayname")
    wanted = str(feed.calendar.get("X-WR-CALNAME", feed.name))
    if shown is not None and (shown.text or "") != wanted:
        body = (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<D:propertyupdate xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
            f"<D:set><D:prop>{_calendar_props(feed)}</D:prop></D:set></D:propertyupdate>\n"
        )
        # a server that keeps its own names refuses inside the 207: that is fine
        client.request(
            "PROPPATCH",
            url,
            doing=f"cannot rename calendar {feed.name}",
            accept=(207,),
            body=body.encode(),
            headers=_XML,
        )
    return url, False


@frozen
class _Stored:
    url: str
    etag: str | None
    uid: str
    events: tuple[Event, ...]
    canonical: tuple[object, ...]


def _canonical_component(component: Component) -> tuple[object, ...]:
    lines = sorted(
        str(component.content_line(name, value))
        for name, value in component.property_items(recursive=False)
        if name not in ("BEGIN", "END")
    )
    subs = sorted(
        (_canonical_component(sub) for sub in component.subcomponents), key=repr
    )
    return (component.name, tuple(lines), tuple(subs))


def _canonical(calendar: Calendar) -> tuple[object, ...]:
    # servers re-serialise what they store (Radicale reorders properties and
    # VTIMEZONE parts), so compare the components, not the bytes; the
    # VCALENDAR's own properties (PRODID) are the server's business
    return tuple(
        sorted((_canonical_component(c) for c in calendar.subcomponents), key=repr)
    )


def _stored_events(client: _Client, url: str, feed: Feed) -> list[_Stored]:
    doing = f"cannot list the events of calendar {feed.name}"
    response = client.request(
        "REPORT",
        url,
        doing=doing,
        accept=(207,),
        body=_EVENT_QUERY,
        headers={**_XML, "Depth": "1"},
    )
    found = []
    for resource in _multistatus(response, "REPORT", doing):
        if _same_path(resource.url, url):
            continue
        etag_element = resource.props.get(f"{_DAV}getetag")
        etag = (etag_element.text or "").strip() if etag_element is not None else ""
        data_element = resource.props.get(f"{_CALDAV}calendar-data")
        data = data_element.text if data_element is not None else None
        if data is None:  # the server lists without data: fetch it
            got = client.request("GET", resource.url, doing=doing, accept=(200,))
            data = got.body.decode("utf-8", "replace")
            etag = etag or (got.headers.get("ETag") or "")
        try:
            calendar = Calendar.from_ical(data)
        except ValueError:
            continue  # not iCalendar that we can read: not ours to judge or delete
        events = tuple(calendar.events)
        uids = {str(e["UID"]) for e in events if "UID" in e}
        if len(uids) != 1:
            continue
        found.append(
            _Stored(
                url=resource.url,
                # If-Match compares strongly: a weak ETag would never match
                etag=etag if etag and not etag.startswith("W/") else None,
                uid=uids.pop(),
                events=events,
                canonical=_canonical(calendar),
            )
        )
    return found


def _put(
    client: _Client,
    url: str,
    body: bytes,
    etag: str | None,
    *,
    create: bool,
    doing: str,
) -> None:
    headers = {"Content-Type": "text/calendar; charset=utf-8"}
    if create:
        headers["If-None-Match"] = "*"
    elif etag:
        headers["If-Match"] = etag
    client.request(
        "PUT", url, doing=doing, accept=(200, 201, 204), body=body, headers=headers
    )


def _delete(client: _Client, stored: _Stored, feed: Feed) -> bool:
    headers = {"If-Match": stored.etag} if stored.etag else {}
    response = client.request(
        "DELETE",
        stored.url,
        doing=f"cannot delete event {stored.uid} from calendar {feed.name}",
        accept=(200, 204, 404),
        headers=headers,
    )
    return response.status != 404  # gone already: someone else removed it


def _sync(
    client: _Client, url: str, feed: Feed, stored: Sequence[_Stored]
) -> PublishedFeed:
    by_uid: dict[str, list[_Stored]] = {}
    for item in stored:
        by_uid.setdefault(item.uid, []).append(item)
    added = updated = removed = unchanged = 0
    wanted = {str(e["UID"]): e for e in feed.calendar.events}
    for uid, event in wanted.items():
        body = event_resource(event)
        target = urljoin(url, quote(uid, safe="") + ".ics")
        # the copy at UID.ics first, else the first by URL; others are extra
        copies = sorted(
            by_uid.get(uid, ()), key=lambda s: (not _same_path(s.url, target), s.url)
        )
        for extra in copies[1:]:
            removed += _delete(client, extra, feed)
        if not copies:
            doing = f"cannot add event {uid} to calendar {feed.name}"
            _put(client, target, body, None, create=True, doing=doing)
            added += 1
        elif copies[0].canonical != _canonical(Calendar.from_ical(body)):
            doing = f"cannot update event {uid} in calendar {feed.name}"
            _put(client, copies[0].url, body, copies[0].etag, create=False, doing=doing)
            updated += 1
        else:
            unchanged += 1
    for uid, copies in sorted(by_uid.items()):
        if uid not in wanted:
            for item in copies:
                removed += _delete(client, item, feed)
    return PublishedFeed(
        name=feed.name,
        added=added,
        updated=updated,
        removed=removed,
        unchanged=unchanged,
    )


def _split_url(url: str) -> tuple[str, str, str]:
    """Return *url* without credentials or fragment, and its user name and password."""
    try:
        parts = urlsplit(url.strip())
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.hostname or not port_ok:
        shown = _without_credentials(url.strip()) if "://" in url else url
        msg = f"expected the http:// or https:// URL of a CalDAV server (got {shown!r})"
        raise ValidationError(msg)
    netloc = parts.netloc.rpartition("@")[2]
    base = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    return base, unquote(parts.username or ""), unquote(parts.password or "")


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
    timeout: float = DEFAULT_TIMEOUT,
) -> tuple[PublishedFeed, ...]:
    """
    Push every feed of a structure to a CalDAV server, one collection per feed.

    SEQUENCE numbers continue from the events on the server, as
    `oppilashuolto.ical.write_feeds` continues them from files.

    Args:
        structure: The structure.
        url: The CalDAV server: its root, the user's principal or calendar home.
            Credentials in it are used when *username* and *password* are not
            given, and never shown in messages.
        year: The school year.
        municipality_code: Whose school calendar to apply.
        language: Language of names, summaries and descriptions.
        domain: The owner's domain, part of every UID.
        stamp: When the data last changed (see `oppilashuolto.ical.to_calendar`).
        username: CalDAV user name (HTTP Basic authentication).
        password: CalDAV password.
        ttl: Refresh interval written into the feeds.
        timeout: Seconds to wait for the server, per request.

    Returns:
        One `PublishedFeed` per feed, by name.

    Raises:
        ValidationError: If *url* is not an http(s) URL or *timeout* is not positive.
        PublishError: If the server cannot be reached or refuses a request.
    """
    base, url_username, url_password = _split_url(url)
    if not timeout > 0:
        msg = f"timeout must be a positive number of seconds (got {timeout!r})"
        raise ValidationError(msg)

    def build(previous: Mapping[str, bytes] | None = None) -> tuple[Feed, ...]:
        return build_feeds(
            structure,
            year=year,
            municipality_code=municipality_code,
            language=language,
            domain=domain,
            stamp=stamp,
            previous=previous,
            ttl=ttl,
        )

    feeds = build()
    client = _Client(
        username=username or url_username,
        password=password or url_password,
        timeout=timeout,
    )
    try:
        home = _find_home(client, base)
        collections: dict[str, str] = {}
        stored: dict[str, list[_Stored]] = {}
        for feed in feeds:
            collection, created = _collection(client, home, feed)
            collections[feed.name] = collection
            stored[feed.name] = (
                [] if created else _stored_events(client, collection, feed)
            )
        previous = {
            name: Calendar.new(
                prodid=PRODID,
                uid=name,
                subcomponents=[e for item in items for e in item.events],
            ).to_ical()
            for name, items in stored.items()
            if items
        }
        if previous:  # continue SEQUENCE from the server's copies
            feeds = build(previous)
        return tuple(
            _sync(client, collections[feed.name], feed, stored[feed.name])
            for feed in feeds
        )
    finally:
        client.close()
