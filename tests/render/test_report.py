"""Tests of oppilashuolto.render.report, in Python and in a real headless Chromium."""

from __future__ import annotations

import base64
import datetime as dt
import html
import os
import re
import shutil
import struct
import subprocess
import zlib

from pathlib import Path

import attrs
import pytest

from oppilashuolto import examples
from oppilashuolto.checks import run_checks
from oppilashuolto.model import (
    Goal,
    Group,
    Membership,
    Period,
    Person,
    Project,
    SchoolCalendar,
    WelfareStructure,
)
from oppilashuolto.render.report import to_html, to_markdown
from tests.checks.structures import breakers, build
from tests.render.clocks import clock


ON = dt.date(2026, 11, 20)


def structure() -> WelfareStructure:
    """Return the compliant checks structure with a clock, a project and an ended group."""
    base = build()
    vk = attrs.evolve(clock(), owner_ids=["kangasala"])
    project = Project(
        id="hanke",
        name="Hyvinvoiva koulu -hanke",
        acronym="HYKO",
        owner_ids=["kangasala"],
        period=Period.from_edtf("2025/2027"),
        goals=[
            Goal(id="g1", text="Yhteisöllinen opiskeluhuolto vahvistuu"),
            Goal(
                id="g1a",
                text="Oppilaat osallistuvat ryhmän työhön",
                parent_id="g1",
                kind="sub",
            ),
            Goal(id="g2", text="Henkilöstön työhyvinvointi paranee"),
        ],
    )
    ended = Group(
        id="vanha",
        kind="working_group",
        name="Lakkautettu työryhmä",
        organiser_ids=["kangasala"],
        period=Period.from_edtf("2015/2019"),
    )
    people = [
        *base.people,
        Person(
            id="p-nimi",
            professions=["curator"],
            title="Koulukuraattori",
            name="Testi Henkilö",
        ),
    ]
    seats = [
        *base.memberships,
        Membership(id="ohr-kur", group_id="ohr", role="member", person_id="p-nimi"),
    ]
    return attrs.evolve(
        base,
        people=people,
        memberships=seats,
        groups=[*base.groups, ended],
        projects=[project],
        clocks=[vk],
        school_calendars=[
            SchoolCalendar(
                id="k-2026", school_year="2026-2027", municipality_code="211"
            )
        ],
    )


def findings(s: WelfareStructure, on: dt.date = ON):
    return {lang: run_checks(s, on=on, language=lang) for lang in ("fi", "sv", "en")}


class TestMarkdown:
    def test_sections(self):
        """The Markdown report has its sections in order, in the language."""
        md = to_markdown(
            structure(), on=ON, language="en", findings=findings(structure())
        )
        headings = [line for line in md.splitlines() if line.startswith("## ")]
        assert [
            "## Summary",
            "## Checks",
            "## Organisations and their groups",
            "## Groups",
            "## Service arrangements",
            "## Projects",
            "## Plans",
            "## Yearly clocks",
        ] == headings

    def test_members_by_role(self):
        """Members are listed by role, people by title or profession, not by name."""
        md = to_markdown(structure(), on=ON, language="fi")
        assert ("- puheenjohtaja: rehtori", True, False) == (
            next(
                line
                for line in md.splitlines()
                if line.startswith("- puheenjohtaja: rehtori")
            ),
            "Koulukuraattori" in md,
            "Testi Henkilö" in md,
        )

    def test_personal_names_on_request(self):
        """Names appear only with include_personal."""
        assert "Testi Henkilö (Koulukuraattori)" in to_markdown(
            structure(), on=ON, include_personal=True
        )

    def test_goal_tree(self):
        """A project's goals are a nested list under their parents."""
        md = to_markdown(structure(), on=ON, language="fi")
        assert (
            "- Yhteisöllinen opiskeluhuolto vahvistuu\n  - Oppilaat osallistuvat ryhmän työhön\n- Henkilöstön"
            in md
        )

    def test_findings_table(self):
        """Findings are a table row each, in the report's language."""
        s, _ = breakers()["OHL007"]
        md = to_markdown(
            s,
            on=dt.date(2024, 1, 1),
            language="sv",
            findings=findings(s, dt.date(2024, 1, 1)),
        )
        row = next(line for line in md.splitlines() if line.startswith("| OHL007"))
        assert row.startswith(
            "| OHL007 | fel | 13 § | kangasala | Kangasalan kaupunki (kangasala): ingen"
        )

    def test_wheel_is_an_inline_image(self):
        """The wheel is embedded as a data: URI holding the same SVG as to_svg."""
        from oppilashuolto.render.wheel import to_svg

        md = to_markdown(structure(), on=ON, language="en")
        data = re.search(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)", md)
        svg = to_svg(structure(), "vk", year=2026, language="en", today=ON)
        assert data is not None
        assert svg == base64.b64decode(data[1]).decode("utf-8")

    def test_not_checked(self):
        """Without findings the report says the checks were not run."""
        assert "The checks were not run." in to_markdown(
            structure(), on=ON, language="en"
        )


class TestHtml:
    def test_self_contained(self):
        """The page has no scripts and no reference outside itself."""
        page = to_html(structure(), on=ON, findings=findings(structure()))
        outside = re.findall(
            r'(?:src|href)="(?!#)[^"]*"|<script|@import|url\(|<link', page
        )
        assert [] == outside

    def test_three_languages_with_a_switch(self):
        """The page holds fi, sv and en, switched by radio buttons, with the chosen one checked."""
        page = to_html(structure(), on=ON, language="sv")
        checked = re.findall(r'id="lang-(\w\w)" class="lang-radio" checked', page)
        articles = re.findall(r'<article class="lang lang-(\w\w)" lang="\1">', page)
        assert (["sv"], ["fi", "sv", "en"]) == (checked, articles)

    def test_phone_viewport_and_reflow(self):
        """The page sets a device-width viewport and stacks tables on narrow screens."""
        page = to_html(structure(), on=ON)
        assert (True, True) == (
            'content="width=device-width, initial-scale=1"' in page,
            "@media (max-width:40rem)" in page,
        )

    def test_deterministic(self):
        """The same input gives the same bytes."""
        assert to_html(structure(), on=ON, findings=findings(structure())) == to_html(
            structure(), on=ON, findings=findings(structure())
        )

    def test_every_group_is_named(self):
        """Groups in force and ended groups both appear, in every language."""
        page = to_html(structure(), on=ON)
        counts = {
            g.id: page.count(html.escape(g.name)) >= 3 for g in structure().groups
        }
        assert dict.fromkeys(counts, True) == counts

    def test_escapes_text(self):
        """Text from the data is escaped."""
        s = attrs.evolve(structure(), name="A <b> & C")
        assert (
            "A &lt;b&gt; &amp; C" in to_html(s, on=ON),
            "<b>" in to_html(s, on=ON),
        ) == (True, False)


# -- in a real browser --------------------------------------------------------------------

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)
_MISSING = (
    "Chromium not found and it could not be installed here: install the Debian "
    "package `chromium` (apt-get install chromium)"
)


def _install_chromium() -> str | None:
    # where the machine allows (root with apt), as `make test` and CI do
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return None
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
    for step in ([*install], ["apt-get", "update"], [*install]):
        try:
            done = subprocess.run(
                step, env=env, capture_output=True, timeout=1200, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        if step[1] == "install" and done.returncode == 0:
            break
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium() -> str:
    """Return the path of Chromium, installing the Debian package where possible."""
    found = (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or _install_chromium()
    )
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(_MISSING)
        pytest.skip(_MISSING)
    return found


def _run(chromium: str, tmp: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run(
        [chromium, *_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=180,
        check=True,
    )


def decode_png(data: bytes) -> tuple[int, int, list[list[tuple[int, ...]]]]:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG into rows of RGB pixels."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert (depth, interlace, colour in (2, 6)) == (8, 0, True)
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (
                    line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)
                ) & 255
        rows.append([tuple(line[x : x + 3]) for x in range(0, stride, bpp)])
        prev = line
    return width, height, rows


class TestInBrowser:
    def test_dom_names_every_group(self, chromium, tmp_path):
        """Chromium's DOM of the report holds the name of every group of the structure."""
        page = tmp_path / "report.html"
        page.write_text(
            to_html(structure(), on=ON, findings=findings(structure())), "utf-8"
        )
        dom = _run(chromium, tmp_path, "--dump-dom", page.as_uri()).stdout.decode(
            "utf-8"
        )
        missing = [
            g.name
            for g in structure().groups
            if html.escape(g.name, quote=False) not in dom
        ]
        assert ([], True) == (missing, "<svg" in dom)

    @pytest.mark.parametrize("name", examples.names())
    def test_dom_of_each_example(self, chromium, tmp_path, name):
        """The report of each bundled example names all its groups in the browser's DOM."""
        s = examples.load(name)
        on = dt.date(2024, 1, 1)
        page = tmp_path / "report.html"
        page.write_text(to_html(s, on=on, findings=findings(s, on)), "utf-8")
        dom = _run(chromium, tmp_path, "--dump-dom", page.as_uri()).stdout.decode(
            "utf-8"
        )
        assert [] == [
            g.name for g in s.groups if html.escape(g.name, quote=False) not in dom
        ]

    def test_screenshot_paints_the_wheel(self, chromium, tmp_path):
        """The screenshot shows the wheel: its rim colour forms a round area full of non-white pixels."""
        page = tmp_path / "report.html"
        page.write_text(to_html(structure(), on=ON), "utf-8")
        shot = tmp_path / "shot.png"
        _run(
            chromium,
            tmp_path,
            f"--screenshot={shot}",
            "--window-size=1000,7000",
            "--force-device-scale-factor=0.5",
            page.as_uri(),
        )
        width, _, rows = decode_png(shot.read_bytes())
        rim = (0x3D, 0x5A, 0x6C)  # the wheel's second month colour, used nowhere else
        hits = [
            (x, y)
            for y, row in enumerate(rows)
            for x, px in enumerate(row)
            if px == rim
        ]
        assert (True, 500) == (bool(hits), width)
        xs, ys = [x for x, _ in hits], [y for _, y in hits]
        box = (min(xs), min(ys), max(xs), max(ys))
        w, h = box[2] - box[0] + 1, box[3] - box[1] + 1
        inside = [
            rows[y][x]
            for y in range(box[1], box[3] + 1)
            for x in range(box[0], box[2] + 1)
        ]
        painted = sum(1 for px in inside if px != (255, 255, 255)) / len(inside)
        assert (True, True, True) == (w > 200, abs(w - h) <= 0.1 * w, painted > 0.5), (
            box,
            painted,
        )
