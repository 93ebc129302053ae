"""
Publishing to a real CalDAV server: Radicale on 127.0.0.1, started and stopped by PID.

What the server holds is read back with plain HTTP (a calendar-query REPORT,
PROPFIND and GET written here, independent of the library's client).
"""

import base64
import datetime as dt
import http.client
import http.server
import importlib.util
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote, unquote, urljoin, urlsplit

import attrs
import pytest

from icalendar import Calendar, Event

from oppilashuolto.cli import main
from oppilashuolto.errors import ValidationError
from oppilashuolto.ical import build_feeds, event_resource, event_uid
from oppilashuolto.ical import publish as publish_module
from oppilashuolto.ical.publish import PublishError, publish_feeds
from oppilashuolto.io import dumps
from oppilashuolto.model import Timing

from .conftest import demo_structure


YEAR = "2026-2027"
USER = "tester"
PASSWORD = "s3cret, with spaces"
DAV = "{DAV:}"
CALDAV = "{urn:ietf:params:xml:ns:caldav}"
SYYS = event_uid(("demo", "clock", "vuosikello", "syyskuu", YEAR))
KESA = event_uid(("demo", "clock", "vuosikello", "kesa", YEAR))


# --- the server -------------------------------------------------------------


@dataclass(frozen=True)
class Server:
    url: str  # the root, as a user would give it
    home: str  # the user's calendar home

    def calendar(self, name):
        return urljoin(self.home, quote(name) + "/")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def need_radicale():
    """Skip without Radicale, but fail in CI, where the tests group installs it."""
    if importlib.util.find_spec("radicale") is None:
        msg = (
            "the CalDAV tests need the package radicale (>=3.9, in the tests "
            "dependency group): pip install 'radicale>=3.9'"
        )
        if os.environ.get("CI"):
            pytest.fail(msg, pytrace=False)
        pytest.skip(msg)


@pytest.fixture
def server(tmp_path):
    need_radicale()
    port = free_port()
    users = tmp_path / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    config = tmp_path / "radicale.ini"
    config.write_text(
        textwrap.dedent(
            f"""\
            [server]
            hosts = 127.0.0.1:{port}
            [auth]
            type = htpasswd
            htpasswd_filename = {users}
            htpasswd_encryption = plain
            delay = 0
            [rights]
            type = owner_only
            [storage]
            filesystem_folder = {tmp_path / "collections"}
            [web]
            type = none
            [logging]
            level = warning
            """
        ),
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "RADICALE_CONFIG"}
    log_path = tmp_path / "radicale.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        pytest.fail(
                            "Radicale did not start:\n"
                            + log_path.read_text(errors="replace"),
                            pytrace=False,
                        )
                    time.sleep(0.05)
            url = f"http://127.0.0.1:{port}/"
            yield Server(url=url, home=urljoin(url, f"{USER}/"))
        finally:
            proc.terminate()  # by PID: only the server this fixture started
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


# --- reading the server back ------------------------------------------------

AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()

QUERY = b"""<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"/></C:filter>
</C:calendar-query>"""


def dav(method, url, body=None, **headers):
    request = urllib.request.Request(
        url, data=body, method=method, headers={"Authorization": AUTH, **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers, exc.read()


def members(url):
    """Return the hrefs in a collection (PROPFIND Depth 1), and its resourcetype."""
    status, _, body = dav("PROPFIND", url, Depth="1")
    assert 207 == status
    hrefs, kinds = [], None
    for response in ET.fromstring(body).iter(f"{DAV}response"):
        href = urljoin(url, response.findtext(f"{DAV}href"))
        if unquote(urlsplit(href).path) == unquote(urlsplit(url).path):
            resourcetype = response.find(f".//{DAV}resourcetype")
            assert resourcetype is not None
            kinds = {e.tag for e in resourcetype}
        else:
            hrefs.append(href)
    return sorted(hrefs), kinds


def stored(server, name):
    """Return ``{uid: [(href, etag, event)…]}`` of a calendar, by REPORT."""
    status, _, body = dav(
        "REPORT",
        server.calendar(name),
        QUERY,
        Depth="1",
        **{"Content-Type": "application/xml"},
    )
    assert 207 == status
    found: dict[str, list[tuple[str, str | None, Event]]] = {}
    for response in ET.fromstring(body).iter(f"{DAV}response"):
        href = urljoin(server.url, response.findtext(f"{DAV}href"))
        etag = response.findtext(f".//{DAV}getetag")
        data = response.findtext(f".//{CALDAV}calendar-data")
        assert data is not None, href
        events = Calendar.from_ical(data).events
        assert 1 == len({str(e["UID"]) for e in events}), href
        found.setdefault(str(events[0]["UID"]), []).append((href, etag, events[0]))
    return found


def get_event(href):
    status, headers, body = dav("GET", href)
    assert 200 == status
    assert headers["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(body).events
    return event


def assert_mirrors(server, structure):
    """The server holds every feed as a calendar: each UID once, nothing else."""
    feeds = build_feeds(structure, year=YEAR, municipality_code="211")
    calendars, _ = members(server.home)
    assert sorted(server.calendar(f.name) for f in feeds) == calendars
    for feed in feeds:
        hrefs, kinds = members(server.calendar(feed.name))
        assert {f"{DAV}collection", f"{CALDAV}calendar"} <= kinds
        held = stored(server, feed.name)
        assert {1} == {len(copies) for copies in held.values()}, "duplicate UIDs"
        assert sorted(hrefs) == sorted(c[0] for copies in held.values() for c in copies)
        assert {str(e["UID"]) for e in feed.calendar.events} == set(held)
        counts = Counter(unquote(urlsplit(h).path) for h in hrefs)
        assert {1} == set(counts.values())


def uids(structure):
    feeds = build_feeds(structure, year=YEAR, municipality_code="211")
    return {f.name: {str(e["UID"]) for e in f.calendar.events} for f in feeds}


def counts(results):
    return {p.name: (p.added, p.updated, p.removed, p.unchanged) for p in results}


def publish(server, structure, **kwargs):
    options = {
        "year": YEAR,
        "municipality_code": "211",
        "username": USER,
        "password": PASSWORD,
    }
    return publish_feeds(structure, kwargs.pop("url", server.url), **options | kwargs)


def changed_structure():
    """The demo with the September entry moved to October and the summer one removed."""
    demo = demo_structure()
    entries = {e.id: e for e in demo.clocks[0].entries}
    changed = demo_structure(
        entries={
            "syyskuu": attrs.evolve(entries["syyskuu"], timing=Timing(months=(10,)))
        }
    )
    clock = attrs.evolve(
        changed.clocks[0],
        entries=[e for e in changed.clocks[0].entries if e.id != "kesa"],
    )
    return attrs.evolve(changed, clocks=[clock])


# --- publishing -------------------------------------------------------------


class TestPublish:
    def test_first_publish_adds_every_event(self, server):
        """The first run creates one calendar per feed and one resource per event."""
        demo = demo_structure()
        feeds = build_feeds(demo, year=YEAR, municipality_code="211")
        results = publish(server, demo)
        assert {f.name: (f.events, 0, 0, 0) for f in feeds} == counts(results)
        assert 9 == len(stored(server, "clock-vuosikello"))
        assert_mirrors(server, demo)

    def test_second_publish_changes_nothing(self, server):
        """Publishing the same structure again leaves every resource untouched."""
        demo = demo_structure()
        publish(server, demo)
        before = {f: stored(server, f) for f in counts(publish(server, demo))}
        again = publish(server, demo)
        assert {0} == {a + u + r for a, u, r, _ in counts(again).values()}
        assert sum(p.unchanged for p in again) == sum(
            len(held) for held in before.values()
        )
        after = {f: stored(server, f) for f in before}
        etags = {
            f: {u: c[0][:2] for u, c in held.items()} for f, held in before.items()
        }
        assert etags == {
            f: {u: c[0][:2] for u, c in held.items()} for f, held in after.items()
        }
        assert_mirrors(server, demo)

    def test_moved_event_is_updated_in_place(self, server):
        """A changed time replaces the event under its UID with a higher SEQUENCE."""
        publish(server, demo_structure())
        ((href, etag, old),) = stored(server, "clock-vuosikello")[SYYS]
        assert (dt.date(2026, 9, 1), 0) == (old.start, old.sequence)

        changed = changed_structure()
        results = counts(publish(server, changed))
        assert (0, 1, 1, 7) == results["clock-vuosikello"]
        ((href2, etag2, new),) = stored(server, "clock-vuosikello")[SYYS]
        assert href == href2 == server.calendar("clock-vuosikello") + f"{SYYS}.ics"
        assert etag != etag2
        assert (dt.date(2026, 10, 1), 1) == (new.start, new.sequence)
        got = get_event(href)
        assert (SYYS, dt.date(2026, 10, 1), 1) == (
            str(got["UID"]),
            got.start,
            got.sequence,
        )
        # every feed that shows the entry updated it; those with the summer one removed it
        before, after = uids(demo_structure()), uids(changed)
        assert {
            name: (
                0,
                int(SYYS in after[name]),
                int(KESA in before[name]),
                len(after[name]) - int(SYYS in after[name]),
            )
            for name in after
        } == results
        assert_mirrors(server, changed)

        third = publish(server, changed)  # SEQUENCE stays: nothing to do
        assert {0} == {a + u + r for a, u, r, _ in counts(third).values()}
        assert 1 == get_event(href).sequence

    def test_removed_entry_is_deleted(self, server):
        """An entry gone from the structure is gone from the server."""
        publish(server, demo_structure())
        ((href, _, _),) = stored(server, "clock-vuosikello")[KESA]
        results = counts(publish(server, changed_structure()))
        assert 1 == results["clock-vuosikello"][2]
        assert KESA not in stored(server, "clock-vuosikello")
        assert 404 == dav("GET", href)[0]
        assert all(KESA not in stored(server, name) for name in results)
        assert_mirrors(server, changed_structure())

    def test_existing_resources_are_reused_and_strays_deleted(self, server):
        """An event stored under another name is updated there; foreign UIDs go."""
        assert 201 == dav("MKCALENDAR", server.calendar("clock-vuosikello"))[0]
        demo = demo_structure()
        (feed,) = (
            f
            for f in build_feeds(demo, year=YEAR, municipality_code="211")
            if f.name == "clock-vuosikello"
        )
        (event,) = (e for e in feed.calendar.events if str(e["UID"]) == SYYS)
        old = copy_event(event)
        old.pop("SUMMARY")
        old.add("SUMMARY", "Vanha nimi")
        legacy = server.calendar("clock-vuosikello") + "legacy%20name.ics"
        stray = server.calendar("clock-vuosikello") + "stray.ics"
        for href, body in (
            (legacy, event_resource(old)),
            (stray, event_resource(with_uid(event, "muu@example.fi"))),
        ):
            assert 201 == dav("PUT", href, body, **{"Content-Type": "text/calendar"})[0]

        results = counts(publish(server, demo))
        assert (8, 1, 1, 0) == results["clock-vuosikello"]
        held = stored(server, "clock-vuosikello")
        ((href, _, now),) = held[SYYS]
        assert unquote(legacy) == unquote(href)
        assert "Ryhmäytyminen" == str(now["SUMMARY"])
        assert 404 == dav("GET", stray)[0]
        assert_mirrors(server, demo)

    def test_calendar_made_with_mkcol_without_mkcalendar(self, server, monkeypatch):
        """Where MKCALENDAR is not allowed, an extended MKCOL makes the calendar."""
        request = publish_module._Client.request
        seen = []

        def no_mkcalendar(self, method, url, **kwargs):
            seen.append(method)
            if method == "MKCALENDAR":
                return publish_module._Response(
                    url, 405, "Method Not Allowed", http.client.HTTPMessage(), b""
                )
            return request(self, method, url, **kwargs)

        monkeypatch.setattr(publish_module._Client, "request", no_mkcalendar)
        demo = demo_structure()
        publish(server, demo)
        assert seen.count("MKCALENDAR") == seen.count("MKCOL") == 9
        assert_mirrors(server, demo)

    def test_renamed_clock_renames_its_calendar(self, server):
        """The collection's display name follows the feed's name."""
        publish(server, demo_structure())
        publish(server, demo_structure(clock_name="Uusi vuosikello"))
        body = dav("PROPFIND", server.calendar("clock-vuosikello"), Depth="0")[2]
        name = ET.fromstring(body).findtext(f".//{DAV}displayname")
        assert name is not None
        assert name.startswith("Uusi vuosikello")


def copy_event(event):
    copy = Event.from_ical(event.to_ical())
    assert isinstance(copy, Event)
    return copy


def with_uid(event, uid):
    """Return a copy of *event* with another UID."""
    copy = copy_event(event)
    copy.pop("UID")
    copy.add("UID", uid)
    return copy


# --- errors -----------------------------------------------------------------


class TestErrors:
    def test_wrong_password(self, server):
        """401 is our error, with the URL and status and without the password."""
        with pytest.raises(PublishError) as info:
            publish(server, demo_structure(), password="wrong")
        message = str(info.value)
        assert 401 == info.value.status
        assert "PROPFIND" == info.value.method
        assert f"PROPFIND {server.url} answered 401 Unauthorized" in message
        assert "expected 207 Multi-Status" in message
        assert "user name or password" in message
        assert "wrong" not in message

    def test_credentials_in_url_are_used_and_never_shown(self, server):
        """user:password@ in the URL authenticates and is stripped from messages."""
        port = urlsplit(server.url).port
        secret = quote(PASSWORD, safe="")
        publish(
            server,
            demo_structure(),
            url=f"http://{USER}:{secret}@127.0.0.1:{port}/",
            username="",
            password="",
        )
        with pytest.raises(PublishError) as info:
            publish(
                server,
                demo_structure(),
                url=f"http://{USER}:hunter2@127.0.0.1:{port}/",
                username="",
                password="",
            )
        assert 401 == info.value.status
        assert "hunter2" not in str(info.value)
        assert "@" not in info.value.url

    def test_server_down(self):
        """Nothing listening: our error says so and names the URL."""
        url = f"http://127.0.0.1:{free_port()}/dav/"
        with pytest.raises(PublishError) as info:
            publish_feeds(demo_structure(), url, year=YEAR, timeout=5)
        assert info.value.status is None
        assert f"PROPFIND {url} failed: connection refused" in str(info.value)

    def test_no_answer_times_out(self):
        """A server that accepts but never answers fails after the timeout."""
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen()
            url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
            start = time.monotonic()
            with pytest.raises(PublishError, match=r"no answer within 0\.3 s"):
                publish_feeds(demo_structure(), url, year=YEAR, timeout=0.3)
            assert time.monotonic() - start < 5

    def test_other_users_home(self, server):
        """Another user's URL is forbidden: 403 with what was expected."""
        with pytest.raises(PublishError) as info:
            publish(server, demo_structure(), url=server.url + "someone/")
        assert 403 == info.value.status
        assert f"PROPFIND {server.url}someone/ answered 403 Forbidden" in str(
            info.value
        )

    def test_calendar_url_is_refused(self, server):
        """A calendar's own URL cannot hold one calendar per feed."""
        publish(server, demo_structure())
        url = server.calendar("clock-vuosikello")
        with pytest.raises(PublishError, match="is a calendar: give the server's URL"):
            publish(server, demo_structure(), url=url)

    def test_not_a_caldav_server(self):
        """A plain web server answers PROPFIND with 501: our error says what was expected."""

        class Quiet(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            url = f"http://127.0.0.1:{httpd.server_address[1]}/"
            with pytest.raises(PublishError) as info:
                publish_feeds(demo_structure(), url, year=YEAR, timeout=5)
        finally:
            httpd.shutdown()
            thread.join()
            httpd.server_close()
        assert 501 == info.value.status
        assert "expected 207 Multi-Status" in str(info.value)
        assert "is the URL a CalDAV server?" in str(info.value)

    @pytest.mark.parametrize(
        "url", ["ftp://example.fi/", "example.fi/dav", "http://:80/", "http://h:99999/"]
    )
    def test_bad_url(self, url):
        """Only http(s) URLs with a host are taken."""
        with pytest.raises(
            ValidationError, match="expected the http:// or https:// URL"
        ):
            publish_feeds(demo_structure(), url, year=YEAR)

    def test_bad_timeout(self):
        with pytest.raises(ValidationError, match="timeout must be a positive"):
            publish_feeds(demo_structure(), "http://127.0.0.1:9/", year=YEAR, timeout=0)


# --- the command line -------------------------------------------------------


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "demo.toml"
    path.write_text(dumps(demo_structure(), "toml"), encoding="utf-8")
    return path


@pytest.fixture
def password_file(tmp_path):
    path = tmp_path / "password"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return path


def cli(source, url, *extra):
    args = ["publish", str(source), "--year", YEAR, "--municipality", "211"]
    return main([*args, "--caldav", url, *extra])


class TestCli:
    def test_publish_then_nothing_to_do(self, server, source, password_file, capsys):
        """publish exits 0 and says what it did per calendar."""
        login = ("--username", USER, "--password-file", str(password_file))
        assert 0 == cli(source, server.url, *login)
        out = capsys.readouterr().out
        assert "clock-vuosikello: 9 added, 0 updated, 0 removed, 0 unchanged" in out
        assert 0 == cli(source, server.url, *login, "--timeout", "10")
        out = capsys.readouterr().out
        assert "clock-vuosikello: 0 added, 0 updated, 0 removed, 9 unchanged" in out
        assert_mirrors(server, demo_structure())

    def test_refused_login_exits_1(self, server, source, tmp_path, capsys):
        wrong = tmp_path / "wrong"
        wrong.write_text("wrong\n", encoding="utf-8")
        code = cli(
            source, server.url, "--username", USER, "--password-file", str(wrong)
        )
        err = capsys.readouterr().err
        assert 1 == code
        assert err.startswith("oppilashuolto publish: cannot find the calendars at")
        assert "401 Unauthorized" in err
        assert "Traceback" not in err

    def test_server_down_exits_1(self, source, capsys):
        url = f"http://127.0.0.1:{free_port()}/"
        assert 1 == cli(source, url, "--timeout", "5")
        err = capsys.readouterr().err
        assert "cannot reach the CalDAV server" in err
        assert "connection refused" in err
        assert "Traceback" not in err

    def test_usage_errors_exit_2(self, source, tmp_path, capsys):
        """A missing password file, a password in the URL or a bad timeout is usage."""
        url = "http://127.0.0.1:9/"
        missing = str(tmp_path / "nope")
        assert 2 == cli(source, url, "--password-file", missing)
        assert "cannot read the password file" in capsys.readouterr().err
        assert 2 == cli(source, "http://me:secret@127.0.0.1:9/")
        err = capsys.readouterr().err
        assert "--password-file" in err
        assert "secret" not in err
        assert 2 == cli(source, url, "--timeout", "0")
        assert "positive number of seconds" in capsys.readouterr().err

    def test_bad_url_exits_1(self, source, capsys):
        assert 1 == cli(source, "ftp://example.fi/")
        assert "http:// or https://" in capsys.readouterr().err
