import time

import attrs
import pytest

from oppilashuolto.cli import main
from oppilashuolto.errors import ValidationError
from oppilashuolto.ical import write_calendar, write_feeds
from oppilashuolto.io import dumps
from oppilashuolto.model import Timing

from .conftest import demo_structure


YEAR = "2026-2027"


class TestWriteFeeds:
    def test_new_then_unchanged(self, tmp_path, demo):
        """A first run writes every feed; a second changes nothing and keeps modification times."""
        first = write_feeds(demo, tmp_path, year=YEAR, municipality_code="211")
        assert {"new"} == {f.status for f in first}
        times = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
        time.sleep(0.01)
        second = write_feeds(demo, tmp_path, year=YEAR, municipality_code="211")
        assert {"unchanged"} == {f.status for f in second}
        assert times == {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}

    def test_changed_feed_and_sequence(self, tmp_path, demo):
        """Moving one clock entry rewrites only the feeds holding it and raises its SEQUENCE."""
        write_feeds(demo, tmp_path, year=YEAR, municipality_code="211")
        entry = demo.clocks[0].entries[1]  # syyskuu, revision 0
        moved = demo_structure(
            entries={"syyskuu": attrs.evolve(entry, timing=Timing(months=(10,)))}
        )
        result = {
            f.name: f.status
            for f in write_feeds(moved, tmp_path, year=YEAR, municipality_code="211")
        }
        assert {"clock-vuosikello": "changed", "audience-testikunta": "changed"} == {
            n: s for n, s in result.items() if s != "unchanged"
        }
        text = (tmp_path / "clock-vuosikello.ics").read_text(encoding="utf-8")
        block = text[text.index("SUMMARY:Ryhmäytyminen") :]
        block = block[: block.index("END:VEVENT")]
        assert "DTSTART;VALUE=DATE:20261001" in block
        assert "SEQUENCE:1" in block

    def test_no_temporary_files_left(self, tmp_path, demo):
        """Only the .ics files remain after writing."""
        write_feeds(demo, tmp_path, year=YEAR)
        assert all(
            p.suffix == ".ics" and not p.name.startswith(".")
            for p in tmp_path.iterdir()
        )

    def test_missing_directory(self, tmp_path, demo):
        """A folder that does not exist is an error."""
        with pytest.raises(ValidationError):
            write_feeds(demo, tmp_path / "nope", year=YEAR)

    def test_write_calendar_bytes(self, tmp_path):
        """write_calendar writes bytes once and reports no change the second time."""
        path = tmp_path / "x.ics"
        assert [True, False] == [
            write_calendar(path, b"BEGIN:VCALENDAR\r\n"),
            write_calendar(path, b"BEGIN:VCALENDAR\r\n"),
        ]


@pytest.fixture
def source(tmp_path, demo):
    path = tmp_path / "demo.toml"
    path.write_text(dumps(demo, "toml"), encoding="utf-8")
    return path


class TestCli:
    def test_ical_prints_what_changed(self, source, tmp_path, capsys):
        """ical writes the feeds and says which are new, then which are unchanged."""
        out = tmp_path / "feeds"
        out.mkdir()
        args = [
            "ical",
            str(source),
            "--year",
            YEAR,
            "--municipality",
            "Kangasala",
            "--lang",
            "sv",
            "-o",
            str(out),
        ]
        assert 0 == main(args)
        first = capsys.readouterr().out
        assert f"new       {out / 'clock-vuosikello.ics'}  (9 events)" in first
        assert "9 of 9 feeds changed" in first
        assert 0 == main(args)
        assert "0 of 9 feeds changed" in capsys.readouterr().out
        assert "NAME:Årshjul för gemensam elevhälsa 2026–2027" in (
            out / "clock-vuosikello.ics"
        ).read_text(encoding="utf-8")

    def test_ical_missing_folder(self, source, tmp_path, capsys):
        """A missing output folder exits 1 with a message."""
        assert 1 == main(
            ["ical", str(source), "--year", YEAR, "-o", str(tmp_path / "nope")]
        )
        assert "no such folder" in capsys.readouterr().err

    def test_ical_stamp_option(self, tmp_path, capsys):
        """--stamp supplies the stamp where the data has none."""
        bare = attrs.evolve(demo_structure(), updated=None)
        path = tmp_path / "bare.json"
        path.write_text(dumps(bare, "json"), encoding="utf-8")
        out = tmp_path / "feeds"
        out.mkdir()
        assert 1 == main(["ical", str(path), "--year", YEAR, "-o", str(out)])
        assert "stamp" in capsys.readouterr().err
        assert 0 == main(
            [
                "ical",
                str(path),
                "--year",
                YEAR,
                "-o",
                str(out),
                "--stamp",
                "2026-06-01T00:00:00",
            ]
        )
        assert "DTSTAMP:20260601T000000Z" in (out / "group-verkosto.ics").read_text(
            encoding="utf-8"
        )

    def test_ical_bad_year(self, source, tmp_path, capsys):
        """A malformed school year exits 1."""
        assert 1 == main(
            ["ical", str(source), "--year", "2026-2028", "-o", str(tmp_path)]
        )
        assert "school_year must look like '2026-2027'" in capsys.readouterr().err

    def test_schoolyear(self, capsys):
        """schoolyear prints a municipality's school year in the chosen language."""
        assert 0 == main(["schoolyear", "211", "2026-2027", "--lang", "en"])
        out = capsys.readouterr().out
        assert "School work begins:" in out
        assert "Working days:          189 (required by law: 189)" in out

    def test_schoolyear_with_source_calendar(self, source, capsys):
        """With --source the structure's calendar for the municipality applies."""
        assert 0 == main(
            ["schoolyear", "Kangasala", "2026-2027", "--source", str(source)]
        )
        out = capsys.readouterr().out
        assert "talviloma" in out
        assert "22.2.2027" in out

    def test_schoolyear_unknown_municipality(self, capsys):
        """An unknown municipality exits 1."""
        assert 1 == main(["schoolyear", "Atlantis", "2026-2027"])
        assert "Atlantis" in capsys.readouterr().err
