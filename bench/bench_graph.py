"""Graph build and co-membership projection against floors measured in the same run.

Workload: a seeded synthetic structure built directly with the model classes:
100,000 people (each with a profession and an employer among 300
municipalities), 20,000 groups and 300,000 unique random person–group
memberships (uniform; 3 per person on average), every record in force on the
query day.

1. Graph build: `build_structure_graph(s, on=..., layers=["membership"])`,
   people pseudonymised (the default) and, separately, with
   ``include_personal=True``. Floor: networkx ``MultiDiGraph()`` plus
   ``add_nodes_from`` / ``add_edges_from`` of the same node and edge data,
   prepared before timing. Goal: at most 1.5x the floor.
2. Projection onto the groups: `project_bipartite(B, groups)` (count weights,
   scipy.sparse ``X.T @ X``). Floor: ``networkx.bipartite.weighted_projected_graph``
   on the same bipartite ``nx.Graph``. Goal: at least 5x faster, with identical
   edges and weights (checked).

Prints one line per workload: workload, ours, floor, ratio, goal.
Timings are medians of 5 repetitions after a warm-up (time.perf_counter), ours
and the floor alternating so that outside load falls on both alike.
"""

# networkx's convention: G, B, F are graphs
# ruff: noqa: N806

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import random
import statistics
import sys
import time

from collections.abc import Callable
from typing import Any

import attrs
import networkx as nx

from networkx.algorithms import bipartite

from oppilashuolto.graph import build_structure_graph, project_bipartite
from oppilashuolto.model import (
    Group,
    Membership,
    Organisation,
    Period,
    Person,
    WelfareStructure,
)


N_PEOPLE = 100_000
N_GROUPS = 20_000
N_MEMBERSHIPS = 300_000
N_MUNICIPALITIES = 300
SEED = 42
REPEATS = 5
ON = dt.date(2026, 1, 1)
KEY = "bench-key"

PROFESSIONS = ("principal", "curator", "school_psychologist", "school_nurse")
GROUP_KINDS = ("school_welfare_group", "working_group", "network", "expert_group")
ROLES = ("member", "member", "member", "chair", "secretary")


def build_structure(seed: int = SEED) -> WelfareStructure:
    """Return the seeded synthetic structure (validators off: the data is valid)."""
    rng = random.Random(seed)
    since = Period.from_edtf("2020/..")
    with attrs.validators.disabled():
        orgs = [
            Organisation(
                id=f"m{i:03d}",
                kind="municipality",
                name=f"Kunta {i}",
                sector="administration",
            )
            for i in range(N_MUNICIPALITIES)
        ]
        people = [
            Person(
                id=f"p{i}",
                professions=(rng.choice(PROFESSIONS),),
                employer_id=f"m{rng.randrange(N_MUNICIPALITIES):03d}",
                name=f"Henkilö {i}",
                email=f"p{i}@example.fi",
                synthetic=True,
            )
            for i in range(N_PEOPLE)
        ]
        groups = [
            Group(
                id=f"g{j}",
                kind=GROUP_KINDS[j % len(GROUP_KINDS)],
                name=f"Ryhmä {j}",
                organiser_ids=(f"m{j % N_MUNICIPALITIES:03d}",),
                period=since,
            )
            for j in range(N_GROUPS)
        ]
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < N_MEMBERSHIPS:
            pairs.add((rng.randrange(N_PEOPLE), rng.randrange(N_GROUPS)))
        memberships = [
            Membership(
                id=f"s{n}",
                group_id=f"g{g}",
                role=rng.choice(ROLES),
                person_id=f"p{p}",
                period=since,
            )
            for n, (p, g) in enumerate(sorted(pairs))
        ]
        return WelfareStructure(
            id="bench",
            name="Bench",
            organisations=orgs,
            people=people,
            groups=groups,
            memberships=memberships,
        )


def timed_pair(
    floor: Callable[[], Any], ours: Callable[[], Any], repeats: int = REPEATS
) -> tuple[float, float, Any, Any]:
    """
    Return the median times of *floor* and *ours*, and their last results.

    After one warm-up each, the two alternate, so that load from other
    processes falls on both alike.
    """
    results = [floor(), ours()]  # warm-up
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for i, func in enumerate((floor, ours)):
            results[i] = None
            gc.collect()
            start = time.perf_counter()
            results[i] = func()
            times[i].append(time.perf_counter() - start)
    return (
        statistics.median(times[0]),
        statistics.median(times[1]),
        results[0],
        results[1],
    )


#: Every line reported, for ``--json``.
REPORTED: list[dict[str, Any]] = []


def report(workload: str, ours: float, floor: float, goal: str, met: bool) -> None:
    """Print one result line."""
    REPORTED.append(
        {"workload": workload, "ours": ours, "floor": floor, "goal": goal, "met": met}
    )
    ratio = ours / floor
    print(
        f"{workload:<58} ours {ours:7.3f}s  floor {floor:7.3f}s  "
        f"ratio {ratio:5.2f}x  goal {goal}  {'met' if met else 'NOT MET'}"
    )


def bench_build(structure: WelfareStructure) -> list[bool]:
    """Time the multilayer build against networkx building the same graph."""
    results = []
    for label, options in (
        ("pseudonymised", {"key": KEY}),
        ("include_personal", {"include_personal": True}),
    ):
        G = build_structure_graph(structure, on=ON, layers=["membership"], **options)
        nodes = [(n, dict(d)) for n, d in G.nodes(data=True)]
        edges = [(u, v, k, dict(d)) for u, v, k, d in G.edges(keys=True, data=True)]
        del G

        def floor(nodes: Any = nodes, edges: Any = edges) -> nx.MultiDiGraph[str]:
            F: nx.MultiDiGraph[str] = nx.MultiDiGraph()
            F.add_nodes_from(nodes)
            F.add_edges_from(edges)
            return F

        def ours(options: Any = options) -> nx.MultiDiGraph[str]:
            return build_structure_graph(
                structure, on=ON, layers=["membership"], **options
            )

        t_floor, t_ours, F, G = timed_pair(floor, ours)
        if sorted(F.edges(keys=True)) != sorted(G.edges(keys=True)):
            sys.exit("graph build: edges differ from the floor's")
        workload = f"build {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges ({label})"
        met = t_ours <= 1.5 * t_floor
        report(workload, t_ours, t_floor, "<= 1.50x", met)
        results.append(met)
    return results


def bench_projection(structure: WelfareStructure) -> bool:
    """Time the sparse projection against networkx's weighted projection."""
    B: nx.Graph[str] = nx.Graph()
    B.add_nodes_from((p.id, {"bipartite": 0}) for p in structure.people)
    B.add_nodes_from((g.id, {"bipartite": 1, "kind": g.kind}) for g in structure.groups)
    B.add_edges_from(
        (m.person_id, m.group_id, {"role": m.role})
        for m in structure.memberships
        if m.person_id is not None
    )
    groups = [g.id for g in structure.groups]
    t_floor, t_ours, expected, actual = timed_pair(
        lambda: bipartite.weighted_projected_graph(B, groups),
        lambda: project_bipartite(B, groups),
    )
    want = {frozenset((u, v)): w for u, v, w in expected.edges(data="weight")}
    got = {frozenset((u, v)): w for u, v, w in actual.edges(data="weight")}
    if want != got or set(expected) != set(actual):
        sys.exit("projection: edges or weights differ from networkx's")
    heavy = sum(1 for w in got.values() if w > 1)
    workload = f"project onto {len(groups):,} groups: {len(got):,} edges ({heavy} w>1)"
    ratio = t_floor / t_ours
    met = ratio >= 5.0
    report(workload, t_ours, t_floor, ">= 5x faster", met)
    print(f"{'':<58} (ours is {ratio:.1f}x faster; identical edges and weights)")
    return met


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--json", action="store_true", help="end with the results as one JSON line"
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    structure = build_structure()
    print(
        f"workload: {len(structure.people):,} people, {len(structure.groups):,} groups, "
        f"{len(structure.memberships):,} memberships (seed {SEED}; made in "
        f"{time.perf_counter() - start:.1f}s); networkx {nx.__version__}, "
        f"Python {sys.version.split()[0]}; median of {REPEATS} after a warm-up"
    )
    met = bench_build(structure)
    met.append(bench_projection(structure))
    if args.json:
        print(json.dumps(REPORTED))
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
