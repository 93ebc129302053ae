"""Drawing the wheel: geometry, layers and legend (see `oppilashuolto.render.wheel`)."""

from __future__ import annotations

import datetime as dt
import math

from collections.abc import Sequence

from attrs import frozen

from oppilashuolto.model import YearlyClock
from oppilashuolto.render._svg import (
    annulus_sector,
    arc_path,
    attr,
    fit,
    num,
    polar,
    text,
    text_colour,
    upright,
)
from oppilashuolto.render._wheel_text import DEFAULT_COLOURS, LABELS, MONTHS, Language
from oppilashuolto.schoolyear import SchoolYear


__all__ = [
    "CX",
    "CY",
    "NO_RING",
    "SIZE",
    "Dial",
    "WheelEntry",
    "arcs_layer",
    "bands_layer",
    "centre_layer",
    "legend_layer",
    "rim_layer",
    "shading_layer",
    "today_layer",
]

SIZE = 1040.0
CX = CY = SIZE / 2
_R_MONTH = (452.0, 498.0)
_R_WEEK = (428.0, 452.0)
_R_RINGS = (160.0, 424.0)
_R_CENTRE = 150.0
_RING_GAP = 4.0
_LANE_GAP = 1.5
_BREAK_FILL = "#8a96a3"
_HOLIDAY_FILL = "#5b6672"
_TODAY = "#d7263d"
NO_RING = "#6c7a89"


@frozen(kw_only=True)
class WheelEntry:
    """
    One arc of the wheel: a resolved item placed on a ring and a lane.

    Attributes:
        entry_id: The clock entry.
        ring: Index of the ring band, 0 outermost.
        lane: Index of the lane in the band, 0 outermost.
        first: First day.
        last: Last day (inclusive).
        title: Title in the wheel's language.
        description: Description in the wheel's language.
        colour: Hex fill colour.
        moved_from: The days it moved from, if it moved off non-school days.
        illustrative: The source does not state the entry (an example).
    """

    entry_id: str
    ring: int
    lane: int
    first: dt.date
    last: dt.date
    title: str
    description: str
    colour: str
    moved_from: tuple[dt.date, dt.date] | None = None
    illustrative: bool = False


class Dial:
    """Maps days to angles: the wheel's twelve months from the start month."""

    def __init__(self, year: int, start_month: int) -> None:
        first_year = year if start_month >= 8 else year + 1
        self.start = dt.date(first_year, start_month, 1)
        self.end = dt.date(first_year + 1, start_month, 1)
        self.days = (self.end - self.start).days

    def angle(self, day: dt.date) -> float:
        return ((day - self.start).days % self.days) * 360 / self.days

    def span(self, first: dt.date, last: dt.date) -> tuple[float, float]:
        a0 = self.angle(first)
        return a0, a0 + ((last - first).days + 1) * 360 / self.days


def _fmt(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _span_text(first: dt.date, last: dt.date) -> str:
    return _fmt(first) if first == last else f"{_fmt(first)}–{_fmt(last)}"


def _band_radii(band: int, bands: int) -> tuple[float, float]:
    inner, outer = _R_RINGS
    width = (outer - inner) / max(bands, 1)
    r_out = outer - band * width
    return r_out - width + _RING_GAP / 2, r_out - _RING_GAP / 2


def _lane_radii(band: int, bands: int, lane: int, lanes: int) -> tuple[float, float]:
    r_in, r_out = _band_radii(band, bands)
    width = (r_out - r_in) / lanes
    top = r_out - lane * width
    return top - width + _LANE_GAP / 2, top - _LANE_GAP / 2


def bands_layer(bands: int, names: Sequence[str]) -> list[str]:
    out = ['<g class="rings">']
    for band in range(bands):
        r_in, r_out = _band_radii(band, bands)
        fill = "#f4f6f8" if band % 2 == 0 else "#eaeef2"
        out.append(
            f'<path d="{annulus_sector(CX, CY, r_in, r_out, a0=0, a1=360)}" fill="{fill}" '
            f'fill-rule="evenodd"><title>{text(names[band])}</title></path>'
        )
    out.append("</g>")
    return out


def shading_layer(sy: SchoolYear, dial: Dial, words: dict[str, str]) -> list[str]:
    out = ['<g class="breaks">']
    r_in, r_out = _R_RINGS[0], _R_WEEK[1]
    spans: list[tuple[dt.date, dt.date, str]] = []
    day = dt.timedelta(days=1)
    if dial.start < sy.first_day:
        spans.append((dial.start, sy.first_day - day, words["summer"]))
    for b in sy.breaks:
        label = words[f"break_{b.kind}"]
        # a local name that is not just the Finnish default is shown as well
        if b.name and b.name.lower() != LABELS["fi"][f"break_{b.kind}"].lower():
            label += f" ({b.name})"
        spans.append((b.start, b.end, label))
    if sy.last_day < dial.end - day:
        spans.append((sy.last_day + day, dial.end - day, words["summer"]))
    for first, last, label in spans:
        a0, a1 = dial.span(first, last)
        out.append(
            f'<path d="{annulus_sector(CX, CY, r_in, r_out, a0=a0, a1=a1)}" '
            f'fill="{_BREAK_FILL}" fill-opacity="0.22">'
            f"<title>{text(label)} {_span_text(first, last)}</title></path>"
        )
    for holiday in sy.holidays:
        if not dial.start <= holiday.date < dial.end:
            continue
        a0, a1 = dial.span(holiday.date, holiday.date)
        out.append(
            f'<path d="{annulus_sector(CX, CY, r_in, r_out, a0=a0, a1=a1)}" '
            f'fill="{_HOLIDAY_FILL}" fill-opacity="0.45">'
            f"<title>{text(holiday.name)} {_fmt(holiday.date)}</title></path>"
        )
    out.append("</g>")
    return out


def arcs_layer(
    entries: Sequence[WheelEntry],
    *,
    bands: int,
    lanes: Sequence[int],
    dial: Dial,
    prefix: str,
    words: dict[str, str],
) -> list[str]:
    out = ['<g class="entries">']
    for n, e in enumerate(entries):
        r_in, r_out = _lane_radii(e.ring, bands, e.lane, lanes[e.ring])
        a0, a1 = dial.span(e.first, e.last)
        tooltip = f"{e.title}\n{_span_text(e.first, e.last)}"
        if e.moved_from is not None:
            tooltip += f" ({words['moved']} {_span_text(*e.moved_from)})"
        if e.illustrative:
            tooltip += f" ({words['illustrative']})"
        if e.description:
            tooltip += f"\n{e.description}"
        fg = text_colour(e.colour)
        out.append(f'<g class="entry" data-entry="{attr(e.entry_id)}">')
        out.append(f"<title>{text(tooltip)}</title>")
        out.append(
            f'<path d="{annulus_sector(CX, CY, r_in, r_out, a0=a0, a1=a1)}" fill="{e.colour}" '
            + (
                'fill-opacity="0.6" stroke="#1b1f24" stroke-width="1" stroke-dasharray="4 3"/>'
                if e.illustrative
                else 'stroke="#ffffff" stroke-width="1"/>'
            )
        )
        out.extend(
            _label(e.title, (r_in, r_out), (a0, a1), fg=fg, path_id=f"{prefix}arc-{n}")
        )
        out.append("</g>")
    out.append("</g>")
    return out


def _label(
    title: str,
    radii: tuple[float, float],
    angles: tuple[float, float],
    *,
    fg: str,
    path_id: str,
) -> list[str]:
    r_in, r_out = radii
    a0, a1 = angles
    thickness = r_out - r_in
    mid_r = (r_in + r_out) / 2
    length = mid_r * math.radians(a1 - a0)
    if length >= thickness * 1.2:
        size = max(7.0, min(13.0, thickness * 0.5))
        shown = fit(title, length - 8, size)
        if not shown:
            return []
        return [
            f'<path id="{path_id}" d="{arc_path(CX, CY, mid_r, a0, a1)}" fill="none"/>',
            (
                f'<text font-size="{num(size)}" fill="{fg}" dy="0.35em" text-anchor="middle">'
                f'<textPath href="#{path_id}" startOffset="50%">{text(shown)}</textPath></text>'
            ),
        ]
    size = max(6.0, min(12.0, length * 0.75))
    shown = fit(title, thickness - 8, size)
    if not shown or length < 6:
        return []
    mid = ((a0 + a1) / 2) % 360
    x, y = polar(CX, CY, mid_r, mid)
    rotation = mid - 90 if mid <= 180 else mid + 90
    return [
        (
            f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}" fill="{fg}" '
            f'text-anchor="middle" dy="0.35em" transform="rotate({num(rotation)} {num(x)} {num(y)})">'
            f"{text(shown)}</text>"
        )
    ]


def rim_layer(dial: Dial, language: Language) -> list[str]:
    out = ['<g class="rim">']
    names = MONTHS[language]
    month = dial.start
    i = 0
    while month < dial.end:
        following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        a0, a1 = dial.span(month, following - dt.timedelta(days=1))
        fill = "#2f4858" if i % 2 == 0 else "#3d5a6c"
        out.append(
            f'<path d="{annulus_sector(CX, CY, *_R_MONTH, a0=a0, a1=a1)}" fill="{fill}" '
            'stroke="#ffffff" stroke-width="1"/>'
        )
        mid = (a0 + a1) / 2
        x, y = polar(CX, CY, sum(_R_MONTH) / 2, mid)
        out.append(
            f'<text x="{num(x)}" y="{num(y)}" font-size="17" font-weight="600" '
            f'fill="#ffffff" text-anchor="middle" dy="0.35em" '
            f'transform="rotate({num(upright(mid))} {num(x)} {num(y)})">'
            f"{text(names[month.month - 1])}</text>"
        )
        month, i = following, i + 1
    out.append(
        f'<path d="{annulus_sector(CX, CY, *_R_WEEK, a0=0, a1=360)}" fill="#f9fafb" '
        'stroke="#c9d1d9" stroke-width="0.5"/>'
    )
    monday = dial.start - dt.timedelta(days=dial.start.weekday())
    while monday < dial.end:
        a = dial.angle(monday) if monday >= dial.start else 0.0
        inner, outer = polar(CX, CY, _R_RINGS[0], a), polar(CX, CY, _R_WEEK[1], a)
        if monday >= dial.start:
            out.append(
                f'<line x1="{num(inner[0])}" y1="{num(inner[1])}" x2="{num(outer[0])}" '
                f'y2="{num(outer[1])}" stroke="#ffffff" stroke-width="0.6" stroke-opacity="0.9"/>'
            )
        middle = monday + dt.timedelta(days=3)
        if dial.start <= middle < dial.end:
            mid = dial.angle(middle) + 0.5 * 360 / dial.days
            x, y = polar(CX, CY, sum(_R_WEEK) / 2, mid)
            out.append(
                f'<text x="{num(x)}" y="{num(y)}" font-size="10" fill="#4a5561" '
                f'text-anchor="middle" dy="0.35em" '
                f'transform="rotate({num(upright(mid))} {num(x)} {num(y)})">'
                f"{middle.isocalendar().week}</text>"
            )
        monday += dt.timedelta(days=7)
    out.append("</g>")
    return out


def centre_layer(name: str, label: str, prefix: str) -> list[str]:
    lines = _wrap(name, 24, 3)
    out = [
        '<g class="centre">',
        (
            f'<circle cx="{num(CX)}" cy="{num(CY)}" r="{num(_R_CENTRE)}" fill="#ffffff" '
            'stroke="#c9d1d9"/>'
        ),
    ]
    top = CY - 14 - 11 * (len(lines) - 1)
    out.append(
        f'<text id="{prefix}name" font-size="18" font-weight="600" fill="#1b1f24" '
        f'text-anchor="middle"><title>{text(name)}</title>'
    )
    for k, line in enumerate(lines):
        out.append(f'<tspan x="{num(CX)}" y="{num(top + 22 * k)}">{text(line)}</tspan>')
    out.append("</text>")
    out.append(
        f'<text x="{num(CX)}" y="{num(top + 22 * len(lines) + 14)}" font-size="24" '
        f'font-weight="700" fill="#2f4858" text-anchor="middle">{text(label.replace("-", "–"))}</text>'
    )
    out.append("</g>")
    return out


def _wrap(value: str, width: int, lines: int) -> list[str]:
    out: list[str] = []
    for word in value.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = [*out[: lines - 1], fit(" ".join(out[lines - 1 :]), width * 10, 17.9)]
    return [fit(line, width * 10.1, 18) for line in out] or [""]


def today_layer(dial: Dial, today: dt.date, words: dict[str, str]) -> list[str]:
    a = dial.angle(today) + 0.5 * 360 / dial.days
    x0, y0 = polar(CX, CY, _R_CENTRE + 4, a)
    x1, y1 = polar(CX, CY, _R_MONTH[1], a)
    return [
        f'<g class="today"><title>{text(words["today"])} {_fmt(today)}</title>',
        (
            f'<line x1="{num(x0)}" y1="{num(y0)}" x2="{num(x1)}" y2="{num(y1)}" '
            f'stroke="{_TODAY}" stroke-width="3" stroke-linecap="round"/>'
        ),
        f'<circle cx="{num(x1)}" cy="{num(y1)}" r="6" fill="{_TODAY}"/>',
        (
            f'<text x="{num(CX)}" y="{num(CY + 70)}" font-size="15" fill="{_TODAY}" '
            f'text-anchor="middle" font-weight="600">{text(words["today"])} {_fmt(today)}</text>'
        ),
        "</g>",
    ]


def legend_layer(
    names: Sequence[str],
    clock: YearlyClock,
    entries: Sequence[WheelEntry],
    words: dict[str, str],
) -> list[str]:
    swatches = [
        (n, clock.rings[i].colour or DEFAULT_COLOURS[i % len(DEFAULT_COLOURS)], "")
        if i < len(clock.rings)
        else (n, NO_RING, "")
        for i, n in enumerate(names)
    ]
    swatches.append((words["breaks"], _BREAK_FILL, 'fill-opacity="0.22"'))
    swatches.append((words["holidays"], _HOLIDAY_FILL, 'fill-opacity="0.45"'))
    swatches.append((words["weeks"], "#f9fafb", ""))
    if any(e.illustrative for e in entries):
        swatches.append(
            (
                words["illustrative"].capitalize(),
                "#ffffff",
                'stroke-dasharray="4 3" stroke="#1b1f24"',
            )
        )
    out = ['<g class="legend" font-size="15" fill="#1b1f24">']
    for k, (label, colour, extra) in enumerate(swatches):
        x = 40 + (k % 2) * 500
        y = SIZE + 24 + (k // 2) * 30
        style = extra or 'stroke="#8a96a3"'
        if "stroke=" not in style:
            style += ' stroke="#8a96a3"'
        out.append(
            f'<rect x="{num(x)}" y="{num(y)}" width="22" height="16" rx="3" '
            f'fill="{colour}" {style} stroke-width="0.8"/>'
        )
        out.append(
            f'<text x="{num(x + 30)}" y="{num(y + 13)}">{text(fit(label, 440, 15))}</text>'
        )
    out.append("</g>")
    if not entries:
        out.append(
            f'<text x="{num(CX)}" y="{num(CY + 100)}" text-anchor="middle" '
            f'font-size="15" fill="#4a5561">{text(words["empty"])}</text>'
        )
    return out
