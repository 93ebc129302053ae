"""Publishing to a real CalDAV server: Radicale on 127.0.0.1, started and stopped by PID."""

import datetime as dt
import socket
import subprocess
import sys
import time

import attrs
import pytest

from icalendar import Calendar

from oppilashuolto.ical import event_uid
from oppilashuolto.model import Timing

from .conftest import demo_structure


caldav = pytest.importorskip("caldav")
pytest.importorskip("radicale")

YEAR = "2026-2027"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    log = (tmp_path / "radicale.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--config",
            "",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--auth-type",
            "none",
            "--rights-type",
            "owner_write",
            "--storage-filesystem-folder",
            str(tmp_path / "collections"),
            "--web-type",
            "none",
            "--logging-level",
            "warning",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        "Radicale did not start: "
                        + (tmp_path / "radicale.log").read_text()
                    )
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()  # by PID: only the server this fixture started
        proc.wait(timeout=10)
        log.close()


def server_events(url, name):
    client = caldav.DAVClient(url=url, username="tester", password="x")
    calendar = client.principal().calendar(cal_id=name)
    found = {}
    for obj in calendar.events():
        for event in Calendar.from_ical(obj.data).events:
            assert str(event["UID"]) not in found, "duplicate UID on the server"
            found[str(event["UID"])] = event
    return found


class TestPublish:
    def test_publish_update_remove(self, server):
        """Publishing twice updates moved events in place, duplicates none and deletes removed ones."""
        from oppilashuolto.ical.publish import publish_feeds

        demo = demo_structure()
        first = {
            p.name: p
            for p in publish_feeds(
                demo,
                server,
                year=YEAR,
                municipality_code="211",
                username="tester",
                password="x",
            )
        }
        assert 9 == first["clock-vuosikello"].added
        before = server_events(server, "clock-vuosikello")
        assert 9 == len(before)

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
        changed = attrs.evolve(changed, clocks=[clock])
        second = {
            p.name: p
            for p in publish_feeds(
                changed,
                server,
                year=YEAR,
                municipality_code="211",
                username="tester",
                password="x",
            )
        }
        assert (0, 1, 1, 7) == (
            second["clock-vuosikello"].added,
            second["clock-vuosikello"].updated,
            second["clock-vuosikello"].removed,
            second["clock-vuosikello"].unchanged,
        )
        after = server_events(server, "clock-vuosikello")
        syys = event_uid(("demo", "clock", "vuosikello", "syyskuu", YEAR))
        kesa = event_uid(("demo", "clock", "vuosikello", "kesa", YEAR))
        assert set(before) - {kesa} == set(after)
        assert (dt.date(2026, 10, 1), 1) == (after[syys].start, after[syys].sequence)
        assert (dt.date(2026, 9, 1), 0) == (before[syys].start, before[syys].sequence)

        third = publish_feeds(
            changed,
            server,
            year=YEAR,
            municipality_code="211",
            username="tester",
            password="x",
        )
        assert {0} == {p.added + p.updated + p.removed for p in third}
