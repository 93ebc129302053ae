"""Cross-checks with independent readers: recurring-ical-events, ical (allenporter) and vobject."""

import datetime as dt

import icalendar
import pytest
import recurring_ical_events  # type: ignore[import-untyped]
import vobject  # type: ignore[import-untyped]

from ical.calendar_stream import IcsCalendarStream

from oppilashuolto import examples
from oppilashuolto.ical import build_feeds, event_uid
from oppilashuolto.resolve import (
    for_audience,
    resolve_clock,
    resolve_group,
    resolve_project,
    resolve_structure,
    school_year_for,
)

from .conftest import demo_structure


STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
MARGIN = dt.timedelta(days=31)


def norm(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            msg = f"floating time {value.isoformat()}"
            raise AssertionError(msg)
        return value.astimezone(dt.UTC)
    return value


def occurrences_rie(data, start, end):
    cal = icalendar.Calendar.from_ical(data)
    return {
        (str(e["UID"]), norm(e.start), norm(e.end))
        for e in recurring_ical_events.of(cal).between(start, end)
        if str(e.get("STATUS", "")).upper() != "CANCELLED"
    }


def occurrences_ical(data, start, end):
    cal = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    first, last = (dt.datetime.combine(d, dt.time(), dt.UTC) for d in (start, end))
    return {
        (e.uid, norm(e.start), norm(e.end))
        for e in cal.timeline.overlapping(first, last)
        if not (e.status and str(e.status).upper().endswith("CANCELLED"))
    }


def library_items(structure, feed, year, municipality_code):
    args = {"year": year, "municipality_code": municipality_code}
    if feed.kind == "clock":
        return resolve_clock(structure, feed.record_ids[0], **args)
    if feed.kind == "group":
        return resolve_group(structure, feed.record_ids[0], **args)
    if feed.kind == "project":
        return resolve_project(structure, feed.record_ids[0], **args)
    return for_audience(resolve_structure(structure, **args), feed.record_ids)


def occurrences_library(items):
    return {(event_uid(i.event_key), norm(i.start), norm(i.end)) for i in items}


def cross_check(structure, year, municipality_code=None):
    """Return {feed name: (library, recurring-ical-events, ical) occurrence counts}, asserting the sets agree."""
    sy = school_year_for(structure, year, municipality_code)
    start, end = sy.start - MARGIN, sy.end + MARGIN
    counts = {}
    for feed in build_feeds(
        structure, year=year, municipality_code=municipality_code, stamp=STAMP
    ):
        data = feed.to_ical()
        ours = occurrences_library(
            library_items(structure, feed, year, municipality_code)
        )
        rie = occurrences_rie(data, start, end)
        other = occurrences_ical(data, start, end)
        assert ours == rie, feed.name
        assert ours == other, feed.name
        parsed = list(vobject.readComponents(data.decode("utf-8")))
        assert 1 == len(parsed)
        vevents = parsed[0].contents.get("vevent", [])
        assert feed.events == len(vevents)
        assert all(v.uid.value and v.dtstart.value for v in vevents)
        counts[feed.name] = (len(ours), len(rie), len(other))
    return counts


class TestReaders:
    @pytest.mark.parametrize("municipality_code", ["211", "091"])
    @pytest.mark.parametrize("year", [2025, 2026, 2027])
    def test_demo_feeds(self, year, municipality_code):
        """Every demo feed expands to the same occurrences in both readers and the library."""
        counts = cross_check(demo_structure(), year, municipality_code)
        assert {
            "clock-vuosikello",
            "group-ohr-koulu",
            "group-verkosto",
            "audience-testikunta",
        } <= set(counts)
        assert 0 < counts["group-ohr-koulu"][0]

    def test_demo_counts(self):
        """With winter break in week 8 the first-Tuesday series has 9 meetings, plus the seminar; the audience adds two clock items."""
        counts = cross_check(demo_structure(), 2026, "211")
        assert (10, 10, 10) == counts["group-ohr-koulu"]
        assert (12, 12, 12) == counts["audience-ohr-koulu"]
        assert (16, 16, 16) == counts["audience-testikunta"]

    @pytest.mark.parametrize("year", [2007, 2018, 2019, 2025, 2026, 2027])
    @pytest.mark.parametrize("name", examples.names())
    def test_example_feeds(self, name, year):
        """Every feed of every bundled example reads the same in both readers as in the library."""
        cross_check(examples.load(name), year)

    def test_weekly_series_with_months(self):
        """A weekly series limited to autumn months (BYMONTH) expands alike in all three."""
        from oppilashuolto.model import Cadence, Group, WelfareStructure

        group = Group(
            id="g",
            kind="network",
            name="G",
            cadences=[
                Cadence(
                    weekday="wednesday",
                    per="week",
                    months=(9, 10, 11),
                    start_time=dt.time(8, 15),
                )
            ],
        )
        counts = cross_check(
            WelfareStructure(id="s", name="S", groups=[group], updated=STAMP), 2026
        )
        assert (12, 12, 12) == counts["group-g"]

    def test_all_day_series(self):
        """An all-day monthly series (DATE values, UNTIL a DATE) expands alike in all three."""
        from oppilashuolto.model import Cadence, Group, WelfareStructure

        group = Group(
            id="g",
            kind="network",
            name="G",
            cadences=[Cadence(weekday="friday", ordinal=-1)],
        )
        counts = cross_check(
            WelfareStructure(id="s", name="S", groups=[group], updated=STAMP), 2026
        )
        assert (8, 8, 8) == counts["group-g"]
