import datetime as dt
import os
import re
import subprocess
import sys

from pathlib import Path

import attrs
import pytest

from hypothesis import example, given
from hypothesis import strategies as st
from icalendar import Calendar

from oppilashuolto.errors import UnknownIdError, ValidationError
from oppilashuolto.ical import (
    build_feeds,
    calendar_events,
    clean_text,
    event_uid,
    to_calendar,
)
from oppilashuolto.io import dumps
from oppilashuolto.model import (
    Activity,
    Cadence,
    ClockEntry,
    Group,
    Period,
    Ring,
    Timing,
    WelfareStructure,
    YearlyClock,
)

from .conftest import UPDATED, demo_structure


DATA = Path(__file__).parent.parent / "data"
YEAR = "2026-2027"
GOLDEN = [
    ("clock-vuosikello", "fi"),
    ("clock-vuosikello", "sv"),
    ("clock-vuosikello", "en"),
    ("group-ohr-koulu", "fi"),
    ("group-verkosto", "fi"),
    ("group-ohjausryhma", "fi"),
    ("project-hanke", "fi"),
    ("audience-ohr-koulu", "en"),
    ("audience-testikunta", "fi"),
]


def golden_path(name, language):
    return DATA / f"ical-demo-{name}-{language}.ics"


def feeds_by_name(structure, **kwargs):
    kwargs.setdefault("year", YEAR)
    kwargs.setdefault("municipality_code", "211")
    return {f.name: f for f in build_feeds(structure, **kwargs)}


def events_of(data):
    return calendar_events(Calendar.from_ical(data))


def summaries(data):
    return sorted(str(e["SUMMARY"]) for e in events_of(data).values())


class TestGolden:
    @pytest.mark.parametrize(("name", "language"), GOLDEN)
    def test_bytes(self, demo, name, language):
        """Each feed of the demo structure equals its golden file byte for byte."""
        data = feeds_by_name(demo, language=language)[name].to_ical()
        path = golden_path(name, language)
        if os.environ.get("OPPILASHUOLTO_REGENERATE_GOLDEN") == "1":  # pragma: no cover
            path.write_bytes(data)
        assert path.read_bytes() == data

    def test_feed_set(self, demo):
        """The demo gives one feed per clock, group with meetings, project and shared audience."""
        assert [
            "audience-ohjausryhma",
            "audience-ohr-koulu",
            "audience-testikunta",
            "audience-verkosto",
            "clock-vuosikello",
            "group-ohjausryhma",
            "group-ohr-koulu",
            "group-verkosto",
            "project-hanke",
        ] == sorted(feeds_by_name(demo))

    def test_golden_files_are_crlf(self):
        """Golden files keep CRLF line endings (.gitattributes: -text)."""
        for name, language in GOLDEN:
            data = golden_path(name, language).read_bytes()
            assert data.count(b"\n") == data.count(b"\r\n")

    def test_parse_and_reserialise(self, demo):
        """Parsing a feed and writing it again gives the same bytes."""
        data = feeds_by_name(demo)["group-ohr-koulu"].to_ical()
        assert data == Calendar.from_ical(data).to_ical()


STRUCTURE_SCRIPT = """
import sys
from oppilashuolto.cli import main
sys.exit(main(sys.argv[1:]))
"""


class TestDeterminism:
    @pytest.fixture
    def source(self, tmp_path, demo):
        path = tmp_path / "demo.json"
        path.write_text(dumps(demo, "json"), encoding="utf-8")
        return path

    def run(self, source, out, **env):
        out.mkdir()
        full = {
            k: v for k, v in os.environ.items() if k not in ("PYTHONHASHSEED", "TZ")
        }
        full.update(env)
        subprocess.run(
            [
                sys.executable,
                "-c",
                STRUCTURE_SCRIPT,
                "ical",
                str(source),
                "--year",
                YEAR,
                "--municipality",
                "211",
                "-o",
                str(out),
            ],
            check=True,
            env=full,
            capture_output=True,
        )
        return {p.name: p.read_bytes() for p in sorted(out.iterdir())}

    def test_same_bytes_under_hash_seeds_and_time_zones(self, source, tmp_path, demo):
        """Two hash seeds, three TZ settings and a locale give the same bytes as in-process."""
        runs = [
            self.run(source, tmp_path / "a", PYTHONHASHSEED="0", TZ="UTC"),
            self.run(
                source, tmp_path / "b", PYTHONHASHSEED="4242", TZ="America/New_York"
            ),
            self.run(
                source,
                tmp_path / "c",
                PYTHONHASHSEED="17",
                TZ="Pacific/Chatham",
                LANG="C",
            ),
        ]
        expected = {
            f"{name}.ics": feed.to_ical() for name, feed in feeds_by_name(demo).items()
        }
        assert [expected] * 3 == runs

    def test_no_clock_in_output(self, demo):
        """Every DTSTAMP and LAST-MODIFIED comes from the data."""
        stamps = set()
        for feed in feeds_by_name(demo).values():
            stamps |= set(
                re.findall(rb"(?:DTSTAMP|LAST-MODIFIED):(\S+)\r\n", feed.to_ical())
            )
        assert {b"20260504T093000Z", b"20260301T080000Z"} == stamps


class TestEvents:
    def test_all_day_dates_with_exclusive_end(self, demo):
        """All-day events are DATE values whose DTEND is the day after the last day."""
        data = feeds_by_name(demo)["clock-vuosikello"].to_ical()
        events = events_of(data)
        syys = events[event_uid(("demo", "clock", "vuosikello", "syyskuu", YEAR))]
        assert (dt.date(2026, 9, 1), dt.date(2026, 10, 1)) == (syys.start, syys.end)
        assert b"DTSTART;VALUE=DATE:20260901\r\nDTEND;VALUE=DATE:20261001\r\n" in data

    def test_never_zero_length(self, demo):
        """No event of any feed ends at or before its start."""
        for feed in feeds_by_name(demo).values():
            for event in feed.calendar.events:
                assert event.end > event.start

    def test_no_floating_times(self, demo):
        """Every datetime is zoned: DTSTART/DTEND/EXDATE carry TZID, stamps and UNTIL end in Z."""
        for feed in feeds_by_name(demo).values():
            text = feed.to_ical().decode()
            for line in text.split("\r\n"):
                if (
                    re.match(r"^(DTSTART|DTEND|EXDATE|RECURRENCE-ID)[;:]", line)
                    and "VALUE=DATE" not in line
                ):
                    if line.startswith("DTSTART:1970"):
                        continue  # VTIMEZONE observances are local by definition
                    assert "TZID=Europe/Helsinki" in line, line
            for value in re.findall(
                r"(?:DTSTAMP|LAST-MODIFIED|UNTIL=)[:]?(\d{8}T\d{6}\w?)", text
            ):
                assert value.endswith("Z"), value

    def test_vtimezone_once_and_first(self, demo):
        """Each feed has exactly one VTIMEZONE, before its events."""
        for feed in feeds_by_name(demo).values():
            text = feed.to_ical().decode()
            assert 1 == text.count("BEGIN:VTIMEZONE")
            assert (
                text.index("END:VTIMEZONE") < text.find("BEGIN:VEVENT")
                or "BEGIN:VEVENT" not in text
            )

    def test_series(self, demo):
        """The first-Tuesday cadence is one RRULE with EXDATE for January and March and a UTC UNTIL."""
        data = feeds_by_name(demo)["group-ohr-koulu"].to_ical().decode()
        assert "RRULE:FREQ=MONTHLY;UNTIL=20270601T110000Z;BYDAY=1TU\r\n" in data
        assert "EXDATE;TZID=Europe/Helsinki:20270105T140000\r\n" in data
        assert "DTSTART;TZID=Europe/Helsinki:20260901T140000\r\n" in data
        assert "LOCATION:Opettajainhuone\\, rakennus A\\; 2. krs\r\n" in data

    def test_moved_item_says_so(self, demo):
        """A moved item's description gives the original day and the reason, per language."""
        fi = feeds_by_name(demo)["clock-vuosikello"].to_ical().decode()
        en = feeds_by_name(demo, language="en")["clock-vuosikello"].to_ical().decode()
        assert (
            "Siirretty koulupäivälle\\; alkuperäinen ajankohta 6.5.2027 (pyhäpäivä)."
            in fi.replace("\r\n ", "")
        )
        assert (
            "Moved to a school day\\; originally 2027-05-06 (public holiday)."
            in en.replace("\r\n ", "")
        )

    def test_rings_as_categories_and_colour(self, demo):
        """A ring becomes a category after the source kind, and its colour a CSS3 name."""
        data = feeds_by_name(demo, language="sv")["clock-vuosikello"].to_ical()
        event = events_of(data)[
            event_uid(("demo", "clock", "vuosikello", "hyvinvointiviikko", YEAR))
        ]
        assert ["Årshjul", "Teman"] == [str(c) for c in event.categories]
        assert "dodgerblue" == event.color

    def test_languages(self, demo):
        """Summaries follow the language, falling back to Finnish."""
        uid = event_uid(("demo", "clock", "vuosikello", "hyvinvointiviikko", YEAR))
        titles = [
            str(
                events_of(
                    feeds_by_name(demo, language=lang)["clock-vuosikello"].to_ical()
                )[uid]["SUMMARY"]
            )
            for lang in ("fi", "sv", "en")
        ]
        assert [
            "Hyvinvointiviikko; liikunta, uni",
            "Välmåendevecka",
            "Wellbeing week",
        ] == titles
        sv_group = feeds_by_name(demo, language="sv")["group-ohr-koulu"].calendar
        assert "Gemensam elevhälsogrupp: möten 2026–2027" == str(
            sv_group["X-WR-CALNAME"]
        ).replace("\\", "")

    def test_stamps(self, demo):
        """An entry's own updated wins; stamp= replaces the structure's updated."""
        stamp = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
        cal = to_calendar(
            demo, "vuosikello", year=YEAR, municipality_code="211", stamp=stamp
        )
        events = calendar_events(cal)
        own = events[
            event_uid(("demo", "clock", "vuosikello", "hyvinvointiviikko", YEAR))
        ]
        other = events[event_uid(("demo", "clock", "vuosikello", "syyskuu", YEAR))]
        assert [dt.datetime(2026, 3, 1, 8, tzinfo=dt.UTC), stamp] == [
            own.stamp,
            other.stamp,
        ]
        assert stamp == cal.last_modified

    def test_missing_stamp(self, demo):
        """Without any updated time or stamp the feed refuses rather than use the clock."""
        bare = attrs.evolve(demo, updated=None)
        with pytest.raises(ValidationError, match="stamp"):
            to_calendar(bare, "ohr-koulu", year=YEAR)

    def test_record_kinds(self, demo):
        """Feeds are made of clocks, groups and projects; an organisation is rejected."""
        with pytest.raises(UnknownIdError):
            to_calendar(demo, "testikoulu", year=YEAR)
        with pytest.raises(ValidationError):
            to_calendar(demo, "ohr-koulu", audience=["verkosto"], year=YEAR)

    def test_whole_structure(self, demo):
        """Without record or audience, the feed holds every event of the structure: clock, series, spreads, activities, deliverable."""
        cal = to_calendar(demo, year=YEAR, municipality_code="211")
        assert 9 + 1 + 3 + 2 + 1 + 1 + 1 == len(cal.events)

    def test_same_event_same_uid_in_every_feed(self, demo):
        """The seminar has one UID in the project, group and audience feeds."""
        feeds = feeds_by_name(demo)
        uid = event_uid(("demo", "activity", "seminaari", "", ""))
        for name in (
            "project-hanke",
            "group-ohr-koulu",
            "group-verkosto",
            "audience-ohr-koulu",
        ):
            assert uid in calendar_events(feeds[name].calendar), name


class TestAudience:
    def test_shared_event_once(self, demo):
        """The seminar of two groups appears once in their combined feed."""
        cal = to_calendar(
            demo, audience=["ohr-koulu", "verkosto"], year=YEAR, municipality_code="211"
        )
        uids = [str(e["UID"]) for e in cal.events]
        assert len(uids) == len(set(uids))
        assert 1 == uids.count(event_uid(("demo", "activity", "seminaari", "", "")))
        assert sorted(
            [
                "Yhteisöllinen oppilashuoltoryhmä",
                "Alueellinen verkosto",
                "Alueellinen verkosto",
                "Alueellinen verkosto",
                "Hyvinvointiseminaari",
                "Hyvinvointiviikko; liikunta, uni",
                "Vanhempainilta",
            ]
        ) == summaries(cal.to_ical())

    def test_audience_name(self, demo):
        """A combined feed is named after its audience."""
        cal = to_calendar(demo, audience=["ohr-koulu"], year=YEAR, language="en")
        assert "Communal pupil welfare group: everything 2026–2027" == str(
            cal["X-WR-CALNAME"]
        )

    def test_unknown_audience(self, demo):
        """An unknown audience id is an error."""
        with pytest.raises(UnknownIdError):
            to_calendar(demo, audience=["nobody"], year=YEAR)


SERIES = event_uid(("demo", "group", "ohr-koulu", "cadence-1", YEAR))


def sequences(cal):
    return {uid: int(e.get("SEQUENCE", 0)) for uid, e in calendar_events(cal).items()}


def series_sequence(cal):
    return sequences(cal)[SERIES]


class TestSequence:
    def test_changed_time_bumps_sequence(self, demo):
        """Over a previous feed, events whose time changed get one more SEQUENCE; others keep theirs."""
        before = to_calendar(demo, "vuosikello", year=YEAR, municipality_code="211")
        moved = demo_structure(
            entries={
                "hyvinvointiviikko": attrs.evolve(
                    demo.clocks[0].entries[0], timing=Timing(weeks=(43,))
                ),
                "vanhempainilta": attrs.evolve(
                    demo.clocks[0].entries[5],
                    timing=attrs.evolve(
                        demo.clocks[0].entries[5].timing, start_time=dt.time(17)
                    ),
                ),
            }
        )
        after = to_calendar(
            moved,
            "vuosikello",
            year=YEAR,
            municipality_code="211",
            previous=before.to_ical(),
        )
        old, new = sequences(before), sequences(after)
        week = event_uid(("demo", "clock", "vuosikello", "hyvinvointiviikko", YEAR))
        evening = event_uid(("demo", "clock", "vuosikello", "vanhempainilta", YEAR))
        assert (2, 3) == (old[week], new[week])
        assert (0, 1) == (old[evening], new[evening])
        assert {u: s for u, s in old.items() if u not in (week, evening)} == {
            u: s for u, s in new.items() if u not in (week, evening)
        }

    def test_regenerating_is_idempotent(self, demo):
        """Regenerating over the feed's own bytes gives the same bytes."""
        first = to_calendar(
            demo, "ohr-koulu", year=YEAR, municipality_code="211"
        ).to_ical()
        again = to_calendar(
            demo, "ohr-koulu", year=YEAR, municipality_code="211", previous=first
        ).to_ical()
        assert first == again

    def test_series_bumps_when_breaks_change(self, demo):
        """A series whose EXDATEs change (other breaks) gets a higher SEQUENCE."""
        before = to_calendar(demo, "ohr-koulu", year=YEAR, municipality_code="211")
        after = to_calendar(
            demo, "ohr-koulu", year=YEAR, municipality_code="091", previous=before
        )
        assert (0, 1) == (series_sequence(before), series_sequence(after))

    def test_sequence_never_goes_down(self, demo):
        """A higher SEQUENCE in the previous feed is kept even when nothing changed."""
        before = to_calendar(
            demo, "ohr-koulu", year=YEAR, municipality_code="211"
        ).to_ical()
        raised = before.replace(b"SEQUENCE:0", b"SEQUENCE:7")
        after = to_calendar(
            demo, "ohr-koulu", year=YEAR, municipality_code="211", previous=raised
        )
        assert 7 == series_sequence(after)

    def test_revision_wins_when_higher(self, demo):
        """A revision above the previous SEQUENCE is used as it is."""
        cadence = attrs.evolve(demo.groups[0].cadences[0], revision=5)
        before = to_calendar(demo, "ohr-koulu", year=YEAR, municipality_code="211")
        after = to_calendar(
            demo_structure(cadences=(cadence,)),
            "ohr-koulu",
            year=YEAR,
            municipality_code="211",
            previous=before,
        )
        assert 5 == series_sequence(after)

    def test_garbage_previous_is_ignored(self, demo):
        """A previous file that is not a calendar starts the numbering afresh."""
        cal = to_calendar(
            demo,
            "ohr-koulu",
            year=YEAR,
            municipality_code="211",
            previous=b"not a calendar",
        )
        assert 0 == series_sequence(cal)


HOSTILE = [
    "Rivi 1\r\nBEGIN:VEVENT\r\nUID:evil\r\nEND:VEVENT\r\nEND:VCALENDAR",
    'pilkku, puolipiste; kenoviiva \\ kaksoispiste: lainaus "x"',
    "lf\nonly and cr\ronly",
    "x" * 500,
    "ä€😀" * 60,
    "tab\there and a null\x00 and bell\x07",
]


def hostile_structure(text, name=None):
    clock = YearlyClock(
        id="vk",
        name=name or text,
        rings=[Ring(id="r", name=text)],
        entries=[
            ClockEntry(
                id="a",
                title=text,
                description=text,
                ring_id="r",
                timing=Timing(weeks=(36,)),
            ),
            ClockEntry(id="b", title="tavallinen", timing=Timing(weeks=(37,))),
        ],
    )
    group = Group(
        id="g",
        kind="network",
        name=text,
        cadences=[
            Cadence(
                weekday="tuesday",
                ordinal=1,
                start_time=dt.time(14),
                location=text,
                description=text,
            )
        ],
    )
    return WelfareStructure(
        id="s",
        name=name or text,
        updated=UPDATED,
        clocks=[clock],
        groups=[group],
        activities=[
            Activity(
                id="x",
                kind="seminar",
                name=text,
                organiser_ids=["g"],
                location=text,
                period=Period.from_edtf("2026-11-12"),
            )
        ],
    )


def check_lines(data):
    assert data.endswith(b"\r\n")
    for line in data.split(b"\r\n")[:-1]:
        assert len(line) <= 75
        line.decode("utf-8")  # folding never splits a character
        assert b"\r" not in line
        assert b"\n" not in line


class TestHostileText:
    @pytest.mark.parametrize("text", HOSTILE)
    def test_parses_back_to_intended_events(self, text):
        """Hostile text never adds or breaks components and reads back as its cleaned self."""
        s = hostile_structure(text)
        data = to_calendar(s, audience=["g", "vk"], year=YEAR).to_ical()
        check_lines(data)
        events = events_of(data)
        expected_uids = {
            event_uid(("s", "clock", "vk", "a", YEAR)),
            event_uid(("s", "clock", "vk", "b", YEAR)),
            event_uid(("s", "group", "g", "cadence-1", YEAR)),
            event_uid(("s", "activity", "x", "", "")),
        }
        assert expected_uids == set(events)
        assert 4 == len(Calendar.from_ical(data).events)
        assert 1 == len(Calendar.from_ical(data).walk("VCALENDAR"))
        intended = clean_text(text)
        a = events[event_uid(("s", "clock", "vk", "a", YEAR))]
        assert [intended, intended] == [str(a["SUMMARY"]), str(a["DESCRIPTION"])]
        assert ["Vuosikello", intended] == [str(c) for c in a.categories]
        meeting = events[event_uid(("s", "group", "g", "cadence-1", YEAR))]
        assert [intended, intended, intended] == [
            str(meeting[p]) for p in ("SUMMARY", "LOCATION", "DESCRIPTION")
        ]

    @pytest.mark.parametrize("text", HOSTILE)
    def test_calendar_name_reads_back(self, text):
        """vobject reads NAME, X-WR-CALNAME and X-WR-CALDESC back as the cleaned text."""
        import vobject  # type: ignore[import-untyped]

        data = to_calendar(hostile_structure(text), "vk", year=YEAR).to_ical()
        check_lines(data)
        parsed = vobject.readOne(data.decode("utf-8"))
        intended = clean_text(text)
        assert f"{intended} 2026–2027" == parsed.contents["x-wr-calname"][0].value
        assert f"{intended} 2026–2027" == parsed.contents["name"][0].value
        assert (
            f"{intended}; lukuvuosi 2026–2027"
            == parsed.contents["x-wr-caldesc"][0].value
        )

    @pytest.mark.parametrize("prefix", range(8))
    @pytest.mark.parametrize("char", ["ä", "€", "😀"])
    def test_multibyte_at_fold_points(self, prefix, char):
        """Multi-byte characters straddling every fold offset survive folding."""
        text = "x" * (60 + prefix) + char * 40
        data = to_calendar(hostile_structure(text, name="N"), "vk", year=YEAR).to_ical()
        check_lines(data)
        a = events_of(data)[event_uid(("s", "clock", "vk", "a", YEAR))]
        assert text == str(a["SUMMARY"])

    @given(st.text(min_size=1, max_size=300).filter(lambda t: clean_text(t).strip()))
    @example("a\\Nb")  # icalendar reads backslash-N as a line break
    def test_any_text_roundtrips(self, text):
        """Any text as a title, location and name reads back as its cleaned self."""
        s = hostile_structure(text)
        data = to_calendar(s, "g", year=YEAR).to_ical()
        check_lines(data)
        events = events_of(data)
        assert {
            event_uid(("s", "group", "g", "cadence-1", YEAR)),
            event_uid(("s", "activity", "x", "", "")),
        } == set(events)
        intended = clean_text(text)
        assert {intended} == {str(e["SUMMARY"]) for e in events.values()}
        assert {intended} == {str(e["LOCATION"]) for e in events.values()}


class TestBuildFeeds:
    @pytest.mark.parametrize("language", ["fi", "sv", "en"])
    def test_same_as_single_feeds(self, demo, language):
        """Each feed of build_feeds equals the feed to_calendar gives for the same record or audience."""
        for feed in build_feeds(
            demo, year=YEAR, municipality_code="211", language=language
        ):
            if feed.kind == "audience":
                alone = to_calendar(
                    demo,
                    audience=feed.record_ids,
                    year=YEAR,
                    municipality_code="211",
                    language=language,
                )
            else:
                alone = to_calendar(
                    demo,
                    feed.record_ids[0],
                    year=YEAR,
                    municipality_code="211",
                    language=language,
                )
            assert alone.to_ical() == feed.to_ical(), feed.name
