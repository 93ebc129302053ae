"""The main job on the bundled examples, run by ``make demo``.

For every bundled example: load and validate it, print a short summary, write
JSON and TOML copies, the iCalendar feeds of the 2026-2027 school year, the check
findings as of 1.1.2026 and an HTML report; and the wheel of each yearly clock.
Everything goes to the folder given (default ``demo-output/``).
"""

from __future__ import annotations

import datetime as dt
import sys

from pathlib import Path

from oppilashuolto import examples
from oppilashuolto.checks import format_findings, run_checks
from oppilashuolto.ical import write_feeds
from oppilashuolto.io import dumps, write_atomic
from oppilashuolto.render.report import to_html
from oppilashuolto.render.wheel import to_svg


SUMMARY = (
    "organisations",
    "groups",
    "people",
    "memberships",
    "arrangements",
    "projects",
    "clocks",
)
YEAR = "2026-2027"
ON = dt.date(2026, 1, 1)


def _write(path: Path, text: str) -> None:
    write_atomic(path, text.encode("utf-8"))


def main(out: Path) -> int:
    """Run the demo into *out* and return the exit status."""
    out.mkdir(parents=True, exist_ok=True)
    names = examples.names()
    for name in names:
        structure = examples.load(name)
        counts = structure.counts()
        print(f"{name}: {structure.name}")
        print("  " + ", ".join(f"{key} {counts[key]}" for key in SUMMARY))
        for fmt in ("json", "toml"):
            _write(out / f"{name}.{fmt}", dumps(structure, fmt))
        (out / f"{name}-ical").mkdir(exist_ok=True)
        feeds = write_feeds(structure, out / f"{name}-ical", year=YEAR)
        print(f"  {len(feeds)} iCalendar feeds for {YEAR} in {name}-ical/")
        findings = run_checks(structure, on=ON)
        errors = sum(1 for f in findings if f.severity == "error")
        print(f"  checks on {ON}: {errors} errors, {len(findings) - errors} warnings")
        _write(out / f"{name}-checks.md", format_findings(findings, "markdown", on=ON))
        # the report carries all three languages, so it takes the findings in each
        by_language = {
            lang: run_checks(structure, on=ON, language=lang)
            for lang in ("fi", "sv", "en")
        }
        _write(
            out / f"{name}-report.html", to_html(structure, on=ON, findings=by_language)
        )
        for clock in structure.clocks:
            _write(
                out / f"{name}-{clock.id}-wheel.svg",
                to_svg(structure, clock.id, year=YEAR),
            )
            print(f"  wheel of {clock.id} in {name}-{clock.id}-wheel.svg")
    print(f"wrote the demo files to {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "demo-output")))
