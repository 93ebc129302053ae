"""Tests of the check, wheel and report commands."""

from __future__ import annotations

import json

from oppilashuolto.cli import main
from oppilashuolto.io import save
from tests.checks.structures import breakers, build


class TestCheckCommand:
    def test_clean_structure_exits_zero(self, tmp_path, capsys):
        """A structure that meets every rule exits 0 and says there are no findings."""
        path = tmp_path / "s.json"
        save(build(), path)
        status = main(["check", str(path), "--on", "2024-01-01", "--lang", "en"])
        assert (0, "No findings.\n") == (status, capsys.readouterr().out)

    def test_error_exits_one(self, tmp_path, capsys):
        """An error-severity finding makes the exit status 1."""
        path = tmp_path / "s.json"
        save(breakers()["OHL002"][0], path)
        status = main(["check", str(path), "--on", "2024-01-01", "--format", "json"])
        doc = json.loads(capsys.readouterr().out)
        assert (1, ["OHL002"]) == (status, [f["code"] for f in doc["findings"]])

    def test_warnings_exit_zero(self, tmp_path, capsys):
        """Warnings alone leave the exit status 0."""
        path = tmp_path / "s.toml"
        save(breakers()["OHP001"][0], path)
        status = main(
            [
                "check",
                str(path),
                "--on",
                "2024-01-01",
                "--format",
                "markdown",
                "--lang",
                "sv",
            ]
        )
        assert (0, "# Kontroller: Synteettinen (läge 2024-01-01)") == (
            status,
            capsys.readouterr().out.splitlines()[0],
        )

    def test_example_source(self, capsys):
        """example:NAME works as the source."""
        from oppilashuolto import examples

        name = examples.names()[0]
        status = main(["check", f"example:{name}", "--on", "2013-01-01"])
        last = capsys.readouterr().out.splitlines()[-1]
        assert (0, True) == (
            status,
            last in ("Ei havaintoja.", "virheitä: 0, varoituksia: 1"),
        )

    def test_missing_date_is_a_usage_error(self, capsys):
        """--on is required."""
        assert 2 == main(["check", "example:x"])


class TestWheelCommand:
    def test_writes_svg(self, tmp_path, capsys):
        """The wheel command writes an SVG file."""
        path = tmp_path / "s.json"
        save(_with_clock(), path)
        out = tmp_path / "wheel.svg"
        status = main(
            [
                "wheel",
                str(path),
                "--clock",
                "vk",
                "--year",
                "2026-2027",
                "--lang",
                "sv",
                "-o",
                str(out),
            ]
        )
        text = out.read_text("utf-8")
        assert (0, True, True) == (status, text.startswith("<svg"), "augusti" in text)

    def test_unknown_clock(self, tmp_path, capsys):
        """An unknown clock id exits 1 and lists the clocks."""
        path = tmp_path / "s.json"
        save(_with_clock(), path)
        status = main(["wheel", str(path), "--clock", "nope", "--year", "2026-2027"])
        assert (1, "expected one of: vk") == (
            status,
            capsys.readouterr().err.strip()[-len("expected one of: vk") :],
        )

    def test_bad_year(self, tmp_path, capsys):
        """A malformed school year exits 1 with the expected form."""
        path = tmp_path / "s.json"
        save(_with_clock(), path)
        status = main(["wheel", str(path), "--clock", "vk", "--year", "2026-2028"])
        assert (1, True) == (status, "2026-2027" in capsys.readouterr().err)


class TestPictureCommand:
    def test_svg_and_png(self, tmp_path, capsys):
        """The picture command writes SVG or PNG by the extension, the same bytes each run."""
        svg, png, again = tmp_path / "n.svg", tmp_path / "n.png", tmp_path / "m.svg"
        common = ["picture", "example:paijat-hame-ooot", "--on", "2019-01-15"]
        statuses = [
            main([*common, "--lang", "en", "-o", str(svg)]),
            main([*common, "--colour-by", "sector", "-o", str(png)]),
            main([*common, "--lang", "en", "-o", str(again)]),
        ]
        text = svg.read_text("utf-8")
        assert (
            [0, 0, 0],
            True,
            "Cooperation network" in text,
            png.read_bytes()[:8],
            True,
        ) == (
            statuses,
            "<svg" in text,
            True,
            b"\x89PNG\r\n\x1a\n",
            svg.read_bytes() == again.read_bytes(),
        )

    def test_svg_to_stdout(self, capsysbinary):
        """Without -o the SVG goes to stdout."""
        status = main(["picture", "example:kangasala-vuosikello", "--on", "2024-01-01"])
        assert (0, True) == (status, b"<svg" in capsysbinary.readouterr().out)

    def test_unknown_extension(self, tmp_path, capsys):
        """Only .svg and .png are written; anything else is a usage error, no file."""
        out = tmp_path / "n.pdf"
        status = main(
            [
                "picture",
                "example:kangasala-vuosikello",
                "--on",
                "2024-01-01",
                "-o",
                str(out),
            ]
        )
        assert (2, False, True) == (
            status,
            out.exists(),
            ".svg or .png" in capsys.readouterr().err,
        )


class TestReportCommand:
    def test_html(self, tmp_path, capsys):
        """The report command writes an HTML page with the findings."""
        path = tmp_path / "s.json"
        save(breakers()["OHL007"][0], path)
        out = tmp_path / "r.html"
        status = main(["report", str(path), "--on", "2024-01-01", "-o", str(out)])
        text = out.read_text("utf-8")
        assert (0, True, True) == (
            status,
            text.startswith("<!DOCTYPE html>"),
            "OHL007" in text,
        )

    def test_markdown(self, tmp_path, capsys):
        """A .md output gives Markdown in the chosen language."""
        path = tmp_path / "s.json"
        save(build(), path)
        out = tmp_path / "r.md"
        status = main(
            ["report", str(path), "--on", "2024-01-01", "--lang", "en", "-o", str(out)]
        )
        assert (0, "# Synteettinen: as of 1.1.2024") == (
            status,
            out.read_text("utf-8").splitlines()[0],
        )

    def test_other_extension(self, tmp_path, capsys):
        """Another extension is a usage error."""
        status = main(
            ["report", "example:x", "--on", "2024-01-01", "-o", str(tmp_path / "r.txt")]
        )
        assert (2, True) == (status, ".html or .md" in capsys.readouterr().err)


def _with_clock():
    import attrs

    from oppilashuolto.model import ClockEntry, Timing, YearlyClock

    clock = YearlyClock(
        id="vk",
        name="Vuosikello",
        owner_ids=["kangasala"],
        entries=[ClockEntry(id="e", title="Teema", timing=Timing(months=(9,)))],
    )
    return attrs.evolve(build(), clocks=[clock])
