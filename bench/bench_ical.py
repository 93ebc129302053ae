"""
Feeds of many yearly clocks against a floor: the same VEVENTs built directly with icalendar.

Workload: CLOCKS clocks of ENTRIES entries each (weeks, months, anchors, term
parts, timed evenings), resolved for one school year into at least 10,000
events, one feed per clock.

- ours:  ``to_calendar(structure, clock_id, year=...)`` + ``to_ical()`` per clock
         (resolving, UIDs, escaping workarounds, sorting, VTIMEZONE included);
- floor: ``Event.new(...)`` with the same precomputed values + ``add_component``
         + ``to_ical()`` per clock, with the same VTIMEZONE.

Median of REPEAT runs after a warm-up, interleaved, ``gc.collect()`` before each; peak
memory with tracemalloc over one extra run of each. Goal: ours <= 1.2 x floor.

Run: ``python bench/bench_ical.py [--clocks 100] [--entries 105] [--repeat 5]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import sys
import time
import tracemalloc

from collections.abc import Callable
from typing import Any

from icalendar import Calendar, Event

from oppilashuolto.ical import calendar_events, css_colour_name, event_uid, to_calendar
from oppilashuolto.ical._components import PRODID, helsinki_timezone
from oppilashuolto.model import (
    ClockEntry,
    Recurrence,
    Ring,
    Timing,
    WelfareStructure,
    YearlyClock,
)
from oppilashuolto.resolve import resolve_clock


YEAR = "2026-2027"
STAMP = dt.datetime(2026, 5, 4, 9, 30, tzinfo=dt.UTC)
WEEKS = (*range(33, 53), *range(1, 23))
ANCHORS = (
    "first_school_day",
    "autumn_break",
    "christmas_break",
    "winter_break",
    "easter",
    "last_school_day",
)


def timing_for(i: int) -> tuple[Timing, Recurrence]:
    kind = i % 7
    if kind in (0, 1, 2):
        return Timing(weeks=(WEEKS[i % len(WEEKS)],)), Recurrence()
    if kind == 3:
        return Timing(months=(1 + i % 12,)), Recurrence()
    if kind == 4:
        return Timing(
            anchor=ANCHORS[i % len(ANCHORS)], offset_weeks=-1 - i % 2
        ), Recurrence()
    if kind == 5:
        return Timing(term="autumn", term_part="start", duration_weeks=2), Recurrence(
            frequency="every_term"
        )
    return (
        Timing(
            weeks=(WEEKS[i % len(WEEKS)],),
            weekday="tuesday",
            start_time=dt.time(18),
            end_time=dt.time(19, 30),
        ),
        Recurrence(),
    )


def workload(clocks: int, entries: int) -> WelfareStructure:
    rings = [
        Ring(id="teemat", name="Teemat", colour="#1e90ff"),
        Ring(id="tehtavat", name="Tehtävät", colour="#2e8b57"),
    ]
    made = []
    for c in range(clocks):
        items = []
        for i in range(entries):
            timing, recurrence = timing_for(i + c)
            items.append(
                ClockEntry(
                    id=f"e{i}",
                    title=f"Hyvinvointiteema {i}: ääni ja yhteisö",
                    description=f"Rivi 1, pilkku; puolipiste\nRivi 2 ({c}/{i})",
                    ring_id=rings[i % 2].id,
                    timing=timing,
                    recurrence=recurrence,
                    revision=i % 3,
                )
            )
        made.append(
            YearlyClock(
                id=f"vk-{c}", name=f"Vuosikello {c}", rings=rings, entries=items
            )
        )
    return WelfareStructure(id="bench", name="Bench", clocks=made, updated=STAMP)


def ours(structure: WelfareStructure) -> list[bytes]:
    return [
        to_calendar(structure, clock.id, year=YEAR).to_ical()
        for clock in structure.clocks
    ]


def floor_inputs(structure: WelfareStructure) -> list[list[dict[str, object]]]:
    """Precompute every VEVENT's values, so that the floor measures icalendar only."""
    out = []
    for clock in structure.clocks:
        feed = calendar_events(to_calendar(structure, clock.id, year=YEAR))
        events = []
        for item in resolve_clock(structure, clock.id, year=YEAR):
            uid = event_uid(item.event_key)
            built = feed[uid]
            events.append(
                {
                    "uid": uid,
                    "stamp": STAMP,
                    "last_modified": STAMP,
                    "start": item.start,
                    "end": item.end,
                    "summary": item.title.fi,
                    "description": str(built["DESCRIPTION"])
                    if "DESCRIPTION" in built
                    else None,
                    "categories": [str(c) for c in built.categories],
                    "color": css_colour_name(item.colour),
                    "sequence": item.revision,
                }
            )
        out.append(events)
    return out


def floor(inputs: list[list[dict[str, Any]]]) -> list[bytes]:
    result = []
    for events in inputs:
        cal = Calendar.new(prodid=PRODID, uid="floor")
        cal.add_component(helsinki_timezone())
        for values in events:
            cal.add_component(Event.new(**values))
        result.append(cal.to_ical())
    return result


def measure(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """Time both, interleaved so that load on the machine hits both alike."""
    first()  # warm-up
    second()
    runs: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in ((first, runs[0]), (second, runs[1])):
            gc.collect()
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return runs


def peak(fn: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    fn()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--clocks", type=int, default=100)
    parser.add_argument("--entries", type=int, default=105)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    structure = workload(args.clocks, args.entries)
    inputs = floor_inputs(structure)
    events = sum(len(e) for e in inputs)
    ours_bytes = ours(structure)
    floor_bytes = floor(inputs)
    size = sum(len(b) for b in ours_bytes)
    assert (
        events
        == sum(b.count(b"BEGIN:VEVENT") for b in ours_bytes)
        == sum(b.count(b"BEGIN:VEVENT") for b in floor_bytes)
    )

    ours_runs, floor_runs = measure(
        lambda: ours(structure), lambda: floor(inputs), args.repeat
    )
    ours_peak = peak(lambda: ours(structure))
    floor_peak = peak(lambda: floor(inputs))
    ours_median = statistics.median(ours_runs)
    floor_median = statistics.median(floor_runs)
    ratio = ours_median / floor_median

    print(f"python {sys.version.split()[0]}")
    print(
        f"workload: {args.clocks} clocks x {args.entries} entries -> {events} events, {size} bytes"
    )
    print(
        f"ours:  median {ours_median:.3f} s  runs {', '.join(f'{r:.3f}' for r in ours_runs)}"
    )
    print(
        f"floor: median {floor_median:.3f} s  runs {', '.join(f'{r:.3f}' for r in floor_runs)}"
    )
    print(
        f"ratio: {ratio:.2f} x floor (goal <= 1.20: {'met' if ratio <= 1.2 else 'NOT met'})"
    )
    print(
        f"events/s: ours {events / ours_median:,.0f}, floor {events / floor_median:,.0f}"
    )
    print(
        f"peak memory (tracemalloc): ours {ours_peak / 2**20:.1f} MiB, floor {floor_peak / 2**20:.1f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
