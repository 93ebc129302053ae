"""
Workloads on the synthetic national structure, each with a floor from the same run.

Used by ``bench/run.py``, which prints the table; every function here returns
numbers and prints nothing.

- load: ``oppilashuolto.io.loads`` of the JSON text plus the lazy indexes of the
  as-of queries, against ``json.loads`` plus plain construction of every class
  (nested records too) with attrs validators disabled, the floor of
  ``bench/bench_io.py`` carried down into nested tables;
- as-of queries: ``members``/``chair``/``services_for`` on random ids and days,
  against a dict of plain tuples filtered by precomputed day numbers;
- feeds: the yearly-clock feeds of a deterministic sample of schools, against
  the same VEVENTs built with icalendar directly (``bench/bench_ical.py``);
- graphs: the multilayer build against networkx's ``add_nodes_from``/
  ``add_edges_from`` of the same data, the organisation projection against
  ``networkx.bipartite.weighted_projected_graph`` on the same bipartite graph,
  and brokerage by municipality against the brute-force walk of
  ``bench/bench_brokerage.py``;
- memory: tracemalloc while loading, and what the loaded structure keeps.
"""

# networkx's convention: G, B, D, P are graphs
# ruff: noqa: N803, N806

from __future__ import annotations

import datetime as dt
import decimal
import gc
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
import types
import typing

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import attrs


BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from bench_brokerage import walk  # noqa: E402
from bench_ical import floor as ical_floor  # noqa: E402
from bench_ical import floor_inputs  # noqa: E402
from bench_ical import ours as ical_ours  # noqa: E402

import oppilashuolto  # noqa: E402

from oppilashuolto.io import dumps, load, loads  # noqa: E402
from oppilashuolto.model import (  # noqa: E402
    Count,
    LegalReference,
    PartialDate,
    Period,
    WelfareStructure,
)
from oppilashuolto.synthetic import national  # noqa: E402


ON = dt.date(2025, 1, 15)
"""The day of the graph workloads: mid school year, after the 2023 reform."""
YEAR = "2025-2026"
KEY = "bench-key"
FIRST_DAY, LAST_DAY = dt.date(2016, 1, 1), dt.date(2026, 12, 31)


# -- timing -------------------------------------------------------------------------


def median_pair(
    ours: Callable[[], object],
    floor: Callable[[], object],
    repeat: int,
    *,
    warm_up: bool = True,
    kept: list[Any] | None = None,
    collect: bool = True,
) -> tuple[float, float]:
    """
    Return the medians of *repeat* interleaved runs of both, after a warm-up of each.

    *warm_up* false skips the warm-up, for a workload whose code the same
    process has just run on smaller data. With *kept*, the last run of
    *ours* comes after the last run of the floor, and its result is appended
    to *kept*; no other result outlives its run.
    Before each run the garbage is collected (unless *collect* is false, for
    runs that make none) and the objects alive then are frozen out of the
    cyclic collector, so that neither run pays for traversing data that an
    earlier workload left alive.
    """
    if warm_up:
        ours()
        floor()
    runs: dict[Callable[[], object], list[float]] = {ours: [], floor: []}
    for n in range(repeat):
        last = n == repeat - 1 and kept is not None
        for fn in (floor, ours) if last else (ours, floor):
            if collect:
                gc.collect()
            gc.freeze()
            start = time.perf_counter()
            value = fn()
            runs[fn].append(time.perf_counter() - start)
            gc.unfreeze()
            if last and fn is ours and kept is not None:
                kept.append(value)
            del value
    return statistics.median(runs[ours]), statistics.median(runs[floor])


# -- the structure, cached on disk by seed, scale and source ---------------------------


def _source_digest() -> str:
    root = Path(str(oppilashuolto.__file__)).parent
    digest = hashlib.sha256()
    for folder in ("synthetic", "model", "io", "reference", "vocab"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".csv", ".toml"):
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def national_file(seed: int, scale: float, *, use_cache: bool = True) -> Path:
    """
    Return a JSON file as ``oppilashuolto synth`` writes it, reusing an earlier run's file.

    The file lies in the system's temporary folder, named by seed, scale and a
    digest of the library's source; without *use_cache* it is written afresh.
    """
    folder = Path(tempfile.gettempdir()) / "oppilashuolto-bench"
    path = folder / f"national-{seed}-{scale:g}-{_source_digest()}.json"
    if use_cache and path.exists():
        return path
    text = dumps(national(seed=seed, scale=scale))
    folder.mkdir(exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(path)
    return path


def national_text(seed: int, scale: float, *, use_cache: bool = True) -> str:
    """Return the JSON text of `national_file`."""
    return national_file(seed, scale, use_cache=use_cache).read_text("utf-8")


# -- load + validate + index ------------------------------------------------------------


def load_and_index(source: str | Path) -> WelfareStructure:
    """
    Load, validate and build the query indexes (as a first query does).

    *source* is JSON text, or a file that `oppilashuolto.io.load` reads (a large
    one record by record).
    """
    s = load(source, max_bytes=2**40) if isinstance(source, Path) else loads(source)
    s.members(s.groups[0].id, on=ON)
    s.groups_of(s.organisations[0].id, on=ON)
    s.services_for(s.organisations[0].id, on=ON)
    return s


_LEAVES: dict[Any, Callable[[Any], Any]] = {
    Period: Period.from_edtf,
    PartialDate: PartialDate.from_edtf,
    Count: Count.from_text,
    LegalReference: LegalReference.from_text,
    dt.date: dt.date.fromisoformat,
    dt.time: dt.time.fromisoformat,
    dt.datetime: dt.datetime.fromisoformat,
    decimal.Decimal: decimal.Decimal,
}


def _converter(hint: Any) -> Callable[[Any], Any] | None:
    """Return how the floor turns a JSON value into the field's type, or None to keep it."""
    if hint in _LEAVES:
        return _LEAVES[hint]
    if attrs.has(hint):
        return _plan(hint)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _converter(inner[0]) if len(inner) == 1 else None
    if origin is tuple and args:
        item = _converter(args[0])
        if item is not None:
            return lambda v: tuple(item(x) for x in v)
        return tuple
    return None


@cache
def _plan(cls: type) -> Callable[[dict[str, Any]], Any]:
    hints = typing.get_type_hints(cls)
    convert = {f.name: _converter(hints[f.name]) for f in attrs.fields(cls) if f.init}

    def build(row: dict[str, Any]) -> Any:
        kwargs = {}
        for key, value in row.items():
            fn = convert[key]
            kwargs[key] = value if fn is None or value is None else fn(value)
        return cls(**kwargs)

    return build


def plain_floor(source: str | Path) -> WelfareStructure:
    """json.loads (of the file's bytes) plus plain construction of every record, nested ones too, no validators."""
    doc = json.loads(source.read_bytes() if isinstance(source, Path) else source)
    doc.pop("schema_version", None)
    with attrs.validators.disabled():
        structure: WelfareStructure = _plan(WelfareStructure)(doc)
    return structure


# -- as-of queries ----------------------------------------------------------------------


def queries(
    s: WelfareStructure, calls: int, seed: int, repeat: int
) -> dict[str, tuple[float, float]]:
    """Return µs per call of members, chair and services_for, ours and floor, by name."""
    rng = random.Random(seed)
    group_ids = sorted(g.id for g in s.groups)
    recipients = sorted({a.recipient_id for a in s.arrangements})
    span = (LAST_DAY - FIRST_DAY).days
    days = [FIRST_DAY + dt.timedelta(days=rng.randrange(span)) for _ in range(calls)]
    groups = [rng.choice(group_ids) for _ in range(calls)]
    orgs = [rng.choice(recipients) for _ in range(calls)]

    def bounds(period: Period) -> tuple[int, int]:
        lo, hi = period.start_bound, period.end_bound
        return (lo.toordinal() if lo else 0, hi.toordinal() if hi else 10**7)

    seats: dict[str, list[tuple[int, int, Any]]] = {}
    for m in sorted(s.memberships, key=lambda m: (m.role != "chair", m.id)):
        seats.setdefault(m.group_id, []).append((*bounds(m.period), m))
    services: dict[str, list[tuple[int, int, Any]]] = {}
    for a in s.arrangements:
        services.setdefault(a.recipient_id, []).append((*bounds(a.period), a))
    ordinals = [d.toordinal() for d in days]

    def floor_members() -> None:
        for g, d in zip(groups, ordinals, strict=True):
            [m for lo, hi, m in seats.get(g, ()) if lo <= d < hi]

    def floor_chair() -> None:
        for g, d in zip(groups, ordinals, strict=True):
            next(
                (
                    m
                    for lo, hi, m in seats.get(g, ())
                    if lo <= d < hi and m.role == "chair"
                ),
                None,
            )

    def floor_services() -> None:
        for o, d in zip(orgs, ordinals, strict=True):
            [a for lo, hi, a in services.get(o, ()) if lo <= d < hi]

    def ours_members() -> None:
        members = s.members
        for g, d in zip(groups, days, strict=True):
            members(g, on=d)

    def ours_chair() -> None:
        chair = s.chair
        for g, d in zip(groups, days, strict=True):
            chair(g, on=d)

    def ours_services() -> None:
        services_for = s.services_for
        for o, d in zip(orgs, days, strict=True):
            services_for(o, on=d)

    found: dict[str, tuple[float, float]] = {}
    for name, ours, floor in (
        ("members", ours_members, floor_members),
        ("chair", ours_chair, floor_chair),
        ("services_for", ours_services, floor_services),
    ):
        t_ours, t_floor = median_pair(ours, floor, repeat, collect=False)
        found[name] = (t_ours / calls * 1e6, t_floor / calls * 1e6)
    return found


# -- feeds -------------------------------------------------------------------------------


def feeds(
    s: WelfareStructure, every: int, repeat: int
) -> tuple[float, float, int, int]:
    """Return ours, floor, clocks and events for the clocks of every *every*-th school by id."""
    chosen = sorted(s.clocks, key=lambda c: c.id)[::every]
    sample = attrs.evolve(s, clocks=chosen)
    inputs = floor_inputs_for(sample)
    events = sum(len(e) for e in inputs)
    ours, floor = median_pair(
        lambda: ical_ours_for(sample), lambda: ical_floor(inputs), repeat
    )
    return ours, floor, len(chosen), events


def ical_ours_for(s: WelfareStructure) -> list[bytes]:
    """bench_ical's ``ours`` for the school year of this benchmark."""
    import bench_ical

    bench_ical.YEAR = YEAR
    return ical_ours(s)


def floor_inputs_for(s: WelfareStructure) -> list[list[dict[str, object]]]:
    """bench_ical's ``floor_inputs`` for the school year of this benchmark."""
    import bench_ical

    bench_ical.YEAR = YEAR
    assert s.updated is not None
    bench_ical.STAMP = s.updated
    return floor_inputs(s)


# -- graphs ------------------------------------------------------------------------------


def _multilayer_floor(G: Any) -> Callable[[], Any]:
    """Return the floor: networkx adding the nodes and edges of *G*, prepared beforehand."""
    import networkx as nx

    nodes = [(n, dict(d)) for n, d in G.nodes(data=True)]
    edges = [(u, v, k, dict(d)) for u, v, k, d in G.edges(keys=True, data=True)]

    def floor() -> Any:
        F: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        F.add_nodes_from(nodes)
        F.add_edges_from(edges)  # type: ignore[arg-type]  # types-networkx has no (u, v, key, data) overload
        return F

    return floor


def multilayer(s: WelfareStructure, repeat: int) -> tuple[float, float, int, int]:
    """Return ours, floor, nodes and edges of the multilayer graph as of `ON`."""
    from oppilashuolto.graph import build_structure_graph

    G = build_structure_graph(s, on=ON, key=KEY)
    ours, base = median_pair(
        lambda: build_structure_graph(s, on=ON, key=KEY), _multilayer_floor(G), repeat
    )
    return ours, base, G.number_of_nodes(), G.number_of_edges()


def multilayer_first(s: WelfareStructure, repeat: int) -> tuple[float, float]:
    """Return ours and the floor for a structure's first build, with nothing prepared yet."""
    from oppilashuolto.graph import _prepared, build_structure_graph

    G = build_structure_graph(s, on=ON, key=KEY)

    def first() -> Any:
        _prepared._CACHE.clear()  # noqa: SLF001 - as if the structure had just been loaded
        return build_structure_graph(s, on=ON, key=KEY)

    return median_pair(first, _multilayer_floor(G), repeat)


def organisation_ties(s: WelfareStructure) -> list[tuple[str, str]]:
    """Return the (organisation, group) ties as of `ON`, as the organisation projection reads seats."""
    orgs = {o.id for o in s.organisations if o.period.contains(ON)}
    groups = {g.id for g in s.groups if g.period.contains(ON)}
    people = {p.id: p for p in s.people if p.period.contains(ON)}
    ties: set[tuple[str, str]] = set()
    for m in s.memberships:
        if m.group_id not in groups or not m.period.contains(ON):
            continue
        if m.person_id is not None and m.person_id in people:
            named = [r for r in m.represents_ids if r in orgs]
            employer = people[m.person_id].employer_id
            holders = named or ([employer] if employer in orgs else [])
        elif m.organisation_id is not None and m.organisation_id in orgs:
            holders = [m.organisation_id, *(r for r in m.represents_ids if r in orgs)]
        else:
            continue
        ties.update((h, m.group_id) for h in holders)
    return sorted(ties)


def projection(s: WelfareStructure, repeat: int) -> tuple[float, float, int, bool]:
    """Return ours, floor, edges and equality of the organisation projection."""
    import networkx as nx

    from networkx.algorithms import bipartite

    from oppilashuolto.graph import build_cooperation_graph, project_bipartite

    ties = organisation_ties(s)
    orgs = sorted({o.id for o in s.organisations if o.period.contains(ON)})
    B: nx.Graph[str] = nx.Graph()
    B.add_nodes_from(orgs, bipartite=0)
    B.add_nodes_from(sorted({g for _, g in ties}), bipartite=1)
    B.add_edges_from(ties)
    ours, floor = median_pair(
        lambda: project_bipartite(B, orgs),
        lambda: bipartite.weighted_projected_graph(B, orgs),
        repeat,
    )
    want = bipartite.weighted_projected_graph(B, orgs)
    got = build_cooperation_graph(s, between="organisation", on=ON, key=KEY)
    same = _weights(want) == _weights(got)
    return ours, floor, want.number_of_edges(), same


def _weights(G: Any) -> dict[frozenset[str], float]:
    return {frozenset((u, v)): w for u, v, w in G.edges(data="weight")}


def brokerage_by_municipality(
    s: WelfareStructure, repeat: int
) -> tuple[float, float, int, bool]:
    """Return ours, floor, nodes and equality of brokerage by municipality on the projection."""
    from oppilashuolto.analysis import brokerage
    from oppilashuolto.graph import build_cooperation_graph

    P = build_cooperation_graph(s, between="organisation", on=ON, key=KEY)
    # counties and regions have no municipality: the census runs on the rest
    D: Any = P.subgraph(
        n for n, d in P.nodes(data=True) if "municipality" in d
    ).to_directed()
    nodes: Any = sorted(D)
    ours, floor = median_pair(
        lambda: brokerage(D, "municipality"),
        lambda: walk(D, "municipality", nodes),
        repeat,
    )
    rows = {row.node: row.raw for row in brokerage(D, "municipality").rows}
    same = walk(D, "municipality", nodes) == {v: rows[v] for v in nodes}
    return ours, floor, len(nodes), same


# -- memory ------------------------------------------------------------------------------


def memory(path: Path) -> dict[str, float]:
    """Return MiB of the file, json.loads's peak, our peak while loading it, and what stays."""
    gc.collect()
    tracemalloc.start()
    doc = json.loads(path.read_bytes())
    _, json_peak = tracemalloc.get_traced_memory()
    del doc
    gc.collect()
    tracemalloc.reset_peak()
    before, _ = tracemalloc.get_traced_memory()
    kept = load(path)
    _, peak = tracemalloc.get_traced_memory()
    gc.collect()
    after, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    mib = 2**20
    return {
        "file": path.stat().st_size / mib,
        "json_peak": json_peak / mib,
        "peak": (peak - before) / mib,
        "kept": (after - before) / mib,
    }
