"""Small SVG helpers: fixed number formatting, escaping, polar geometry, text fitting."""

from __future__ import annotations

import math

from xml.sax.saxutils import escape


__all__ = [
    "annulus_sector",
    "arc_path",
    "attr",
    "fit",
    "num",
    "polar",
    "text",
    "text_colour",
    "upright",
]

# average advance of a character in a sans-serif font, as a share of its size
_ADVANCE = 0.56


def num(value: float) -> str:
    """
    Return *value* with two decimals, never ``-0.00``: the same bytes on every machine.

    Examples:
        >>> num(1 / 3), num(-0.001), num(500)
        ('0.33', '0.00', '500.00')
    """
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def text(value: str) -> str:
    """Escape *value* for element content."""
    return escape(value)


def attr(value: str) -> str:
    """Escape *value* for a double-quoted attribute."""
    return escape(value, {'"': "&quot;"})


def polar(cx: float, cy: float, r: float, degrees: float) -> tuple[float, float]:
    """Return the point at *r* from the centre, *degrees* clockwise from the top."""
    rad = math.radians(degrees)
    return cx + r * math.sin(rad), cy - r * math.cos(rad)


def _pt(point: tuple[float, float]) -> str:
    return f"{num(point[0])} {num(point[1])}"


def annulus_sector(
    cx: float, cy: float, r_in: float, r_out: float, *, a0: float, a1: float
) -> str:
    """
    Return the path data of the ring sector between two radii from *a0* to *a1*.

    A sweep of a whole turn is drawn as two halves, because an SVG arc whose
    ends meet draws nothing.
    """
    sweep = a1 - a0
    if sweep >= 359.99:
        mid = a0 + 180
        return (
            annulus_sector(cx, cy, r_in, r_out, a0=a0, a1=mid)
            + " "
            + annulus_sector(cx, cy, r_in, r_out, a0=mid, a1=a0 + 360)
        )
    large = 1 if sweep > 180 else 0
    return (
        f"M{_pt(polar(cx, cy, r_out, a0))}"
        f"A{num(r_out)} {num(r_out)} 0 {large} 1 {_pt(polar(cx, cy, r_out, a1))}"
        f"L{_pt(polar(cx, cy, r_in, a1))}"
        f"A{num(r_in)} {num(r_in)} 0 {large} 0 {_pt(polar(cx, cy, r_in, a0))}Z"
    )


def arc_path(cx: float, cy: float, r: float, a0: float, a1: float) -> str:
    """
    Return an arc at radius *r* for text to follow, read left to right.

    Arcs in the lower half run anticlockwise so that their text stands upright.
    """
    mid = ((a0 + a1) / 2) % 360
    large = 1 if a1 - a0 > 180 else 0
    if 90 < mid < 270:
        start, end, sweep = polar(cx, cy, r, a1), polar(cx, cy, r, a0), 0
    else:
        start, end, sweep = polar(cx, cy, r, a0), polar(cx, cy, r, a1), 1
    return f"M{_pt(start)}A{num(r)} {num(r)} 0 {large} {sweep} {_pt(end)}"


def upright(degrees: float) -> float:
    """Return the rotation that lays text along the rim at *degrees*, upright."""
    d = degrees % 360
    return d + 180 if 90 < d < 270 else d


def fit(title: str, length: float, size: float) -> str:
    """
    Return *title* shortened with an ellipsis to fit *length* at font *size*.

    Returns ``""`` when not even two characters fit.

    Examples:
        >>> fit("Kouluterveyskysely", 60, 10)
        'Kouluterv…'
        >>> fit("Teema", 60, 10)
        'Teema'
    """
    room = int(length / (size * _ADVANCE))
    if room < 2:
        return ""
    if len(title) <= room:
        return title
    return title[: room - 1].rstrip() + "…"


def text_colour(background: str) -> str:
    """Return dark or white text, whichever reads better on the hex *background*."""
    r, g, b = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#1b1f24" if luminance > 0.55 else "#ffffff"
