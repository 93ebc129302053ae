"""
A yearly clock (vuosikello) as a circular SVG wheel, as Plandisc and paper charts draw it.

The school year starts at the top (the clock's ``start_month``, August by
default) and runs clockwise. Months and ISO weeks go round the rim; inside,
each ring of the clock is a band and each entry an arc over its dates, in its
ring's colour, with its title along the arc (or across a narrow arc), shortened
with an ellipsis where it does not fit and always given in full in an SVG
``<title>`` tooltip. Breaks (and the summer) and public holidays are shaded;
a "today" marker is optional.

Dates are the resolved items of `oppilashuolto.resolve`: the municipality's
school calendar applies, and entries falling on breaks have moved to school days.
Output is deterministic: numbers have two decimals, ids derive from the clock,
its language and positions, never from ``id()`` or hashes.

Examples:
    >>> from oppilashuolto.model import (ClockEntry, Ring, Timing, WelfareStructure,
    ...                                  YearlyClock)
    >>> clock = YearlyClock(id="vk", name="Vuosikello", rings=[
    ...     Ring(id="teemat", name="Teemat", colour="#1e90ff")], entries=[
    ...     ClockEntry(id="ks", title="Kouluterveyskysely", ring_id="teemat",
    ...                timing=Timing(months=(3,)))])
    >>> svg = to_svg(WelfareStructure(id="s", name="S", clocks=[clock]), "vk",
    ...              year="2026-2027", language="en")
    >>> svg.startswith("<svg"), "<title>Kouluterveyskysely" in svg, "March" in svg
    (True, True, True)
"""

from __future__ import annotations

import datetime as dt
import math

from collections.abc import Sequence

from oppilashuolto.errors import UnknownIdError, ValidationError
from oppilashuolto.model import WelfareStructure, YearlyClock
from oppilashuolto.render._svg import num, text
from oppilashuolto.render._wheel_draw import (
    NO_RING,
    SIZE,
    Dial,
    WheelEntry,
    arcs_layer,
    bands_layer,
    centre_layer,
    legend_layer,
    rim_layer,
    shading_layer,
    today_layer,
)
from oppilashuolto.render._wheel_text import (
    DEFAULT_COLOURS,
    LABELS,
    Language,
    localised,
)
from oppilashuolto.resolve import Item, calendar_for, resolve_clock, to_year
from oppilashuolto.schoolyear import SchoolYear, school_year


__all__ = ["WheelEntry", "clock_municipality", "to_svg", "wheel_entries"]


def clock_municipality(structure: WelfareStructure, clock: YearlyClock) -> str | None:
    """
    Return the municipality whose school calendar a clock follows, if its owners say.

    The first owner (by id) that is, or is part of, or is organised by an
    organisation with a ``municipality_code`` decides.
    """
    for owner in sorted(clock.owner_ids):
        seen: set[str] = set()
        todo = [owner]
        while todo:
            record_id = todo.pop(0)
            if record_id in seen:
                continue
            seen.add(record_id)
            collection = structure.collection_of(record_id)
            record = structure.get(record_id)
            if collection == "organisations":
                if record.municipality_code is not None:
                    return str(record.municipality_code)
                if record.parent_id is not None:
                    todo.append(record.parent_id)
            elif collection == "groups":
                todo.extend(sorted(record.organiser_ids))
    return None


def _school_year(
    structure: WelfareStructure, year: int, municipality: str | None, language: Language
) -> tuple[SchoolYear, str | None]:
    calendar = calendar_for(structure, year, municipality)
    if calendar is None and municipality is not None:
        # no local calendar for it: the defaults, as resolve applies them
        municipality = None
        calendar = calendar_for(structure, year, None)
    sy = school_year(
        year,
        municipality_code=None if calendar is not None else municipality,
        calendar=calendar,
        language=language,
    )
    return sy, municipality


def _lanes(spans: Sequence[tuple[dt.date, dt.date]]) -> list[int]:
    # greedy interval colouring: the first lane whose last arc ended before
    ends: list[dt.date] = []
    lanes = []
    for first, last in spans:
        for i, end in enumerate(ends):
            if end < first:
                ends[i] = last
                lanes.append(i)
                break
        else:
            ends.append(last)
            lanes.append(len(ends) - 1)
    return lanes


def _first_day(item: Item) -> dt.date:
    return item.first_day


def _last_day(item: Item) -> dt.date:
    if isinstance(item.end, dt.datetime):
        return item.first_day
    return item.end - dt.timedelta(days=1)


def wheel_entries(
    structure: WelfareStructure,
    clock_id: str,
    *,
    year: int | str,
    language: Language = "fi",
) -> tuple[tuple[WheelEntry, ...], int, tuple[int, ...]]:
    """
    Return the arcs of a clock's wheel, the number of ring bands and lanes per band.

    Entries without a ring share an extra band after the clock's rings; arcs
    that overlap in time take separate lanes of their band.

    Raises:
        UnknownIdError: If *clock_id* names no yearly clock.
    """
    clock = _clock(structure, clock_id)
    first_year = to_year(year)
    _, municipality = _school_year(
        structure, first_year, clock_municipality(structure, clock), language
    )
    items = resolve_clock(
        structure, clock_id, year=first_year, municipality_code=municipality
    )
    return _layout(clock, items, language)


def _layout(
    clock: YearlyClock, items: Sequence[Item], language: Language
) -> tuple[tuple[WheelEntry, ...], int, tuple[int, ...]]:
    illustrative = {e.id for e in clock.entries if e.illustrative}
    ring_index = {r.id: i for i, r in enumerate(clock.rings)}
    colours = {
        r.id: r.colour or DEFAULT_COLOURS[i % len(DEFAULT_COLOURS)]
        for i, r in enumerate(clock.rings)
    }
    bands = len(clock.rings) + (1 if any(i.ring_id is None for i in items) else 0)
    by_band: dict[int, list[Item]] = {}
    for item in items:
        band = ring_index.get(item.ring_id or "", len(clock.rings))
        by_band.setdefault(band, []).append(item)
    entries: list[WheelEntry] = []
    lane_counts = []
    for band in range(bands):
        mine = sorted(
            by_band.get(band, []),
            key=lambda i: (_first_day(i), -(_last_day(i) - _first_day(i)).days, i.key),
        )
        lanes = _lanes([(_first_day(i), _last_day(i)) for i in mine])
        lane_counts.append(max(lanes, default=0) + 1)
        entries.extend(
            WheelEntry(
                entry_id=item.entry_id,
                ring=band,
                lane=lane,
                first=_first_day(item),
                last=_last_day(item),
                title=item.title.get(language),
                description=item.description.get(language),
                colour=colours.get(item.ring_id or "", NO_RING),
                moved_from=item.moved_from,
                illustrative=item.entry_id in illustrative,
            )
            for item, lane in zip(mine, lanes, strict=True)
        )
    return tuple(entries), bands, tuple(lane_counts)


def _clock(structure: WelfareStructure, clock_id: str) -> YearlyClock:
    record = structure.get(clock_id)
    if structure.collection_of(clock_id) != "clocks":
        msg = f"no yearly clock {clock_id!r} in structure {structure.id!r}"
        raise UnknownIdError(msg)
    return record  # type: ignore[no-any-return]


def to_svg(
    structure: WelfareStructure,
    clock_id: str,
    *,
    year: int | str,
    language: Language = "fi",
    today: dt.date | None = None,
) -> str:
    """
    Return the yearly clock as an SVG wheel for one school year.

    Args:
        structure: The structure holding the clock (and its school calendars).
        clock_id: Id of the clock.
        year: ``2026`` or ``"2026-2027"``.
        language: Language of titles and labels: ``"fi"``, ``"sv"`` or ``"en"``.
        today: Draw a marker on this day, if it lies in the wheel's year.

    Returns:
        A standalone ``<svg>`` element (UTF-8 text, no XML declaration), also
        fit to embed in HTML; ids start with ``wheel-{clock_id}-{language}-``.

    Raises:
        UnknownIdError: If *clock_id* names no yearly clock.
        ValidationError: If *year* or *language* is malformed.
    """
    if language not in LABELS:
        msg = f"Unknown language {language!r}; expected one of: en, fi, sv"
        raise ValidationError(msg)
    clock = _clock(structure, clock_id)
    first_year = to_year(year)
    words = LABELS[language]
    sy, municipality = _school_year(
        structure, first_year, clock_municipality(structure, clock), language
    )
    items = resolve_clock(
        structure, clock_id, year=first_year, municipality_code=municipality
    )
    entries, bands, lanes = _layout(clock, items, language)
    dial = Dial(first_year, clock.start_month)
    prefix = f"wheel-{clock.id}-{language}-"
    ring_names = [localised(r, "name", language) for r in clock.rings]
    if bands > len(clock.rings):
        ring_names.append(words["other"])
    extra = 4 if any(e.illustrative for e in entries) else 3
    legend_rows = math.ceil((len(ring_names) + extra) / 2)
    height = SIZE + 24 + legend_rows * 30
    name = localised(clock, "name", language)
    out: list[str] = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(SIZE)} {num(height)}" '
            f'width="{num(SIZE)}" height="{num(height)}" role="img" '
            f'aria-labelledby="{prefix}title" class="wheel" '
            f"font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\">"
        ),
        f'<title id="{prefix}title">{text(name)} {sy.label}</title>',
        f'<rect x="0" y="0" width="{num(SIZE)}" height="{num(height)}" fill="#ffffff"/>',
    ]
    out.extend(bands_layer(bands, ring_names))
    out.extend(shading_layer(sy, dial, words))
    out.extend(
        arcs_layer(
            entries, bands=bands, lanes=lanes, dial=dial, prefix=prefix, words=words
        )
    )
    out.extend(rim_layer(dial, language))
    out.extend(centre_layer(name, sy.label, prefix))
    if today is not None and dial.start <= today < dial.end:
        out.extend(today_layer(dial, today, words))
    out.extend(legend_layer(ring_names, clock, entries, words))
    out.append("</svg>")
    return "\n".join(out) + "\n"
