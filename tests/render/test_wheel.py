"""Tests of oppilashuolto.render.wheel: the yearly clock as an SVG wheel."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

from pathlib import Path

import pytest

from oppilashuolto import examples
from oppilashuolto.errors import UnknownIdError, ValidationError
from oppilashuolto.render._svg import fit, num
from oppilashuolto.render.wheel import clock_municipality, to_svg, wheel_entries
from tests.render.clocks import LONG_TITLE, structure


DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "wheel-vk-2026-2027-fi.svg"
TODAY = dt.date(2026, 11, 20)
SVG = "{http://www.w3.org/2000/svg}"


def render(language="fi", **kwargs):
    return to_svg(structure(), "vk", year="2026-2027", language=language, **kwargs)


def child(element: ET.Element | None, tag: str) -> ET.Element:
    assert element is not None
    found = element.find(f"{SVG}{tag}")
    assert found is not None
    return found


def title(element: ET.Element) -> str:
    return child(element, "title").text or ""


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(e.itertext()) for e in root.iter(f"{SVG}text")]


class TestGolden:
    def test_bytes_match_the_golden_file(self):
        """The wheel of the test clock is byte for byte the reviewed golden file."""
        if os.environ.get("UPDATE_GOLDEN"):
            GOLDEN.write_text(render(today=TODAY), "utf-8")
        assert GOLDEN.read_text("utf-8") == render(today=TODAY)

    def test_same_bytes_under_two_hash_seeds(self):
        """Two processes with different hash seeds write the same bytes."""
        code = (
            "import datetime as dt, sys\n"
            "from tests.render.clocks import structure\n"
            "from oppilashuolto.render.wheel import to_svg\n"
            "sys.stdout.write(to_svg(structure(), 'vk', year=2026, language='sv', today=dt.date(2027, 2, 1)))\n"
        )
        root = Path(__file__).parents[2]
        outputs = {
            subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                check=True,
                cwd=root,
                env={**os.environ, "PYTHONHASHSEED": seed},
            ).stdout
            for seed in ("0", "12345")
        }
        assert 1 == len(outputs)

    def test_well_formed(self):
        """The output parses as XML with the SVG namespace."""
        assert f"{SVG}svg" == ET.fromstring(render()).tag

    def test_numbers_have_two_decimals(self):
        """Every number in path data has exactly two decimals."""
        numbers = re.findall(r'd="([^"]*)"', render())
        found = {
            len(n.split(".")[1]) for d in numbers for n in re.findall(r"-?\d+\.\d+", d)
        }
        assert {2} == found

    @pytest.mark.parametrize(
        ("value", "text"),
        [(0.005, "0.01"), (-0.004, "0.00"), (1e-9, "0.00"), (12.3456, "12.35")],
    )
    def test_num(self, value, text):
        """Numbers are written with two decimals and never as -0.00."""
        assert text == num(value)


class TestContent:
    def test_months_from_august(self):
        """The rim starts with August at the top and goes round to July."""
        labels = texts(render("en"))
        months = [t for t in labels if t in {"August", "September", "January", "July"}]
        assert ["August", "September", "January", "July"] == months

    def test_start_month(self):
        """A clock starting in January puts January first."""
        svg = to_svg(structure(start_month=1), "vk", year="2026-2027", language="fi")
        assert "tammikuu" == next(t for t in texts(svg) if t.endswith("kuu"))

    @pytest.mark.parametrize(
        ("language", "month", "ring"),
        [
            ("fi", "syyskuu", "Teemat"),
            ("sv", "september", "Teman"),
            ("en", "September", "Themes"),
        ],
    )
    def test_labels_in_each_language(self, language, month, ring):
        """Month and ring names follow the language."""
        labels = texts(render(language))
        assert (True, True) == (month in labels, ring in labels)

    def test_iso_weeks_around_the_rim(self):
        """The weeks of the school year 2026-2027 are on the rim, including week 53."""
        weeks = {int(t) for t in texts(render()) if t.isdigit()}
        assert set(range(1, 54)) - {31} == weeks

    def test_entry_titles_in_tooltips(self):
        """Every entry's full title is in an SVG title element."""
        svg = render()
        titles = [e.text or "" for e in ET.fromstring(svg).iter(f"{SVG}title")]
        wanted = [
            "Kouluterveyskysely",
            "Hyvinvointiviikko",
            "OHR-kokous",
            "Kiusaamisen vastainen päivä",
            LONG_TITLE,
        ]
        assert [True] * len(wanted) == [
            any(t.startswith(w) for t in titles) for w in wanted
        ]

    def test_long_title_is_shortened_with_full_text_in_title(self):
        """A title too long for its arc is cut with an ellipsis and given whole in <title>."""
        root = ET.fromstring(render())
        group = next(
            g for g in root.iter(f"{SVG}g") if g.get("data-entry") == "suunnittelu"
        )
        shown = "".join(next(group.iter(f"{SVG}text")).itertext())
        full = title(group)
        assert (True, True, True) == (
            shown.endswith("…"),
            LONG_TITLE.startswith(shown[:-1]),
            full.startswith(LONG_TITLE),
        )

    def test_every_other_year(self):
        """The School Health Promotion study of odd years appears in spring 2027, not 2026."""
        in_2027 = [e.entry_id for e in wheel_entries(structure(), "vk", year=2026)[0]]
        in_2026 = [e.entry_id for e in wheel_entries(structure(), "vk", year=2025)[0]]
        assert (True, False) == ("kysely" in in_2027, "kysely" in in_2026)

    def test_overlapping_entries_take_lanes(self):
        """Two themes of October in one ring get different lanes."""
        entries, bands, lanes = wheel_entries(structure(), "vk", year=2026)
        by_id = {e.entry_id: e for e in entries}
        assert (4, (2, 1, 1, 1), 0, 1) == (
            bands,
            lanes,
            by_id["viikko"].lane,
            by_id["paallekkainen"].lane,
        )

    def test_entry_without_ring(self):
        """An entry without a ring goes to an extra band named in the legend."""
        assert "Muut" in texts(render())

    def test_local_calendar_moves_entries(self):
        """The week before the winter break follows the municipality's week 9."""
        entries = {
            e.entry_id: e for e in wheel_entries(structure(), "vk", year=2026)[0]
        }
        assert (dt.date(2027, 2, 22), dt.date(2027, 2, 26)) == (
            entries["talvi"].first,
            entries["talvi"].last,
        )

    @pytest.mark.parametrize(
        ("language", "expected"),
        [
            (
                "fi",
                {"Syysloma", "Joululoma", "Talviloma", "Kesäloma", "Itsenäisyyspäivä"},
            ),
            (
                "sv",
                {"Höstlov", "Jullov", "Sportlov", "Sommarlov", "Självständighetsdagen"},
            ),
        ],
    )
    def test_breaks_and_holidays_are_shaded(self, language, expected):
        """Breaks, the summer and public holidays are shaded and named in the language."""
        shading = child(ET.fromstring(render(language)), "g[@class='breaks']")
        names = {title(path).split(" ")[0] for path in shading}
        assert expected <= names

    def test_today_marker(self):
        """A today marker is drawn on the day, and not when the day is outside the year."""
        assert (True, False, False) == (
            'class="today"' in render(today=TODAY),
            'class="today"' in render(),
            'class="today"' in render(today=dt.date(2030, 1, 1)),
        )

    def test_illustrative_entries_are_dashed(self):
        """Entries the source does not state are drawn dashed and say so."""
        root = ET.fromstring(render("en"))
        group = next(g for g in root.iter(f"{SVG}g") if g.get("data-entry") == "tea")
        assert ("4 3", True) == (
            child(group, "path").get("stroke-dasharray"),
            "illustrative" in title(group),
        )

    def test_legend_explains_illustrative_entries(self):
        """The legend names the rings, breaks, holidays, weeks and illustrative entries."""
        legend = child(ET.fromstring(render("en")), "g[@class='legend']")
        labels = ["".join(t.itertext()) for t in legend.iter(f"{SVG}text")]
        assert [
            "Themes",
            "Meetings",
            "Administration",
            "Other",
            "Breaks",
            "Public holidays",
            "ISO weeks (rim)",
            "Illustrative, not from the source",
        ] == labels

    def test_empty_clock(self):
        """A clock without entries still draws its rim and says it is empty."""
        import attrs

        s = structure()
        empty = attrs.evolve(s, clocks=[attrs.evolve(s.clocks[0], entries=())])
        svg = to_svg(empty, "vk", year=2026, language="sv")
        assert (True, True) == ("Årshjulet har inga poster." in svg, "augusti" in svg)

    def test_ids_are_prefixed_by_clock_and_language(self):
        """Every id starts with the clock and language, so wheels can share a page."""
        ids = re.findall(r' id="([^"]+)"', render("sv"))
        assert (True, True) == (
            len(ids) > 1,
            all(i.startswith("wheel-vk-sv-") for i in ids),
        )

    def test_municipality_from_owner(self):
        """The clock follows the calendar of its owner's municipality."""
        s = structure()
        assert "211" == clock_municipality(s, s.clocks[0])


class TestErrors:
    def test_unknown_clock(self):
        """An id that is no clock raises UnknownIdError."""
        with pytest.raises(UnknownIdError, match="yearly clock 'kunta'"):
            to_svg(structure(), "kunta", year=2026)

    def test_bad_year(self):
        """A malformed school year raises ValidationError."""
        with pytest.raises(ValidationError, match="2026-2027"):
            to_svg(structure(), "vk", year="2026-2028")

    def test_bad_language(self):
        """An unknown language is refused."""
        with pytest.raises(ValidationError, match="en, fi, sv"):
            to_svg(structure(), "vk", year=2026, language="de")  # type: ignore[arg-type]


class TestFit:
    @pytest.mark.parametrize(
        ("title", "length", "expected"),
        [
            ("Teema", 100, "Teema"),
            ("Kouluterveyskysely", 60, "Kouluterv…"),
            ("Kouluterveyskysely", 10, ""),
            ("Ab cd", 28, "Ab…"),
        ],
    )
    def test_fit(self, title, length, expected):
        """Titles are cut to the room they have, with an ellipsis."""
        assert expected == fit(title, length, 10)


class TestExamples:
    @pytest.mark.parametrize(
        "name", [n for n in examples.names() if examples.load(n).clocks]
    )
    def test_example_clocks_render(self, name):
        """Every clock of every bundled example renders for 2026-2027 with each entry in a tooltip."""
        s = examples.load(name)
        for clock in s.clocks:
            svg = to_svg(s, clock.id, year="2026-2027")
            entries = wheel_entries(s, clock.id, year="2026-2027")[0]
            titles = [e.text or "" for e in ET.fromstring(svg).iter(f"{SVG}title")]
            assert [True] * len(entries) == [
                any(t.startswith(e.title) for t in titles) for e in entries
            ]
