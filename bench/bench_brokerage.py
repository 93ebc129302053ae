"""Gould–Fernandez brokerage census against a floor measured in the same run.

Workload: a seeded random directed cooperation graph of 10,000 actors in 300
municipalities of skewed size (a few large cities, many small towns); most
arcs stay inside a municipality.

Floor: the straightforward census, a Python walk over every broker's
in-neighbour × out-neighbour pairs with ``graph.has_edge`` for closure
(network-measures.md §3.2, "production version"). When one full walk would
take over a minute, it runs on a seeded sample of brokers and its time is
scaled linearly by the number of brokers; the output says so.

Prints one line: workload, our time, floor time, ratio, goal (≥ 20x faster).
Timings are medians of 5 repetitions after a warm-up (time.perf_counter).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import random
import statistics
import sys
import time

from collections.abc import Callable
from typing import Any

import networkx as nx
import numpy as np

from oppilashuolto.analysis import brokerage


N_NODES = 10_000
N_MUNICIPALITIES = 300
MEAN_OUT_DEGREE = 20
LOCAL_SHARE = 0.75
SEED = 20_260_101
REPEATS = 5
GOAL = 20.0
FULL_WALK_BUDGET = 60.0  # seconds for one full floor run before sampling
SAMPLE_SECONDS = 10.0  # aim of one sampled floor run


def build_graph(
    seed: int = SEED, mean_out_degree: float = MEAN_OUT_DEGREE
) -> nx.DiGraph[int]:
    """Return the seeded workload graph with node attribute ``municipality``."""
    rng = np.random.default_rng(seed)
    weights = 1 / np.arange(1, N_MUNICIPALITIES + 1) ** 0.9
    municipality = rng.choice(N_MUNICIPALITIES, size=N_NODES, p=weights / weights.sum())
    members = [np.flatnonzero(municipality == m) for m in range(N_MUNICIPALITIES)]
    out_degree = rng.poisson(mean_out_degree, size=N_NODES)
    sources = np.repeat(np.arange(N_NODES), out_degree)
    local = rng.random(len(sources)) < LOCAL_SHARE
    targets = rng.integers(0, N_NODES, size=len(sources))
    for i in np.flatnonzero(local):
        own = members[municipality[sources[i]]]
        targets[i] = own[rng.integers(len(own))]
    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_nodes_from(
        (i, {"municipality": f"m{m:03d}"}) for i, m in enumerate(municipality)
    )
    graph.add_edges_from(
        (int(u), int(v)) for u, v in zip(sources, targets, strict=True) if u != v
    )
    return graph


def walk(
    graph: nx.DiGraph[int], attribute: str, brokers: list[int]
) -> dict[int, tuple[int, ...]]:
    """Count the roles of *brokers* by walking each one's in × out neighbours."""
    group: dict[int, Any] = nx.get_node_attributes(graph, attribute)
    out = {}
    for v in brokers:
        gv = group[v]
        c = [0, 0, 0, 0, 0]
        for a in graph.pred[v]:
            if a == v:
                continue
            ga = group[a]
            for b in graph.succ[v]:
                if b in (a, v) or graph.has_edge(a, b):
                    continue
                gb = group[b]
                if ga == gv:
                    c[0 if gb == gv else 2] += 1
                elif gb == gv:
                    c[3] += 1
                elif ga == gb:
                    c[1] += 1
                else:
                    c[4] += 1
        out[v] = (*c, sum(c))
    return out


def median_time(
    func: Callable[[], object], repeats: int = REPEATS
) -> tuple[float, list[float]]:
    func()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mean-out-degree", type=float, default=MEAN_OUT_DEGREE)
    parser.add_argument(
        "--json", action="store_true", help="end with the result as one JSON line"
    )
    args = parser.parse_args(argv)
    graph = build_graph(mean_out_degree=args.mean_out_degree)
    nodes = sorted(graph)
    two_paths = sum(len(graph.pred[v]) * len(graph.succ[v]) for v in graph)
    workload = (
        f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} arcs, "
        f"{N_MUNICIPALITIES} municipalities, {two_paths:,} two-paths"
    )
    ours, ours_times = median_time(lambda: brokerage(graph, "municipality"))

    # one timed probe of the full walk decides whether to sample
    start = time.perf_counter()
    walk(graph, "municipality", nodes[:500])
    estimate = (time.perf_counter() - start) * len(nodes) / 500
    if estimate > FULL_WALK_BUDGET:
        sample = sorted(
            random.Random(SEED).sample(
                nodes, max(100, int(len(nodes) * SAMPLE_SECONDS / estimate))
            )
        )
        note = f"floor run on a sample of {len(sample):,} brokers, time scaled by {len(nodes) / len(sample):.1f}"
    else:
        sample = nodes
        note = "floor run on all brokers"
    scale = len(nodes) / len(sample)
    floor_sample, _ = median_time(lambda: walk(graph, "municipality", sample))
    floor = floor_sample * scale

    result = brokerage(graph, "municipality")
    rows = {row.node: row.raw for row in result.rows}
    expected = walk(graph, "municipality", sample)
    if any(expected[v] != rows[v] for v in sample):
        print("MISMATCH: brokerage counts differ from the walk", file=sys.stderr)
        return 1

    ratio = floor / ours
    verdict = "met" if ratio >= GOAL else "NOT met"
    print(
        f"brokerage: workload {workload}; ours {ours:.3f} s "
        f"[{min(ours_times):.3f}-{max(ours_times):.3f}]; floor {floor:.3f} s ({note}); "
        f"ratio {ratio:.1f}x; goal >= {GOAL:.0f}x faster: {verdict}; "
        f"counts equal on {len(sample):,} brokers"
    )
    if args.json:
        print(
            json.dumps(
                {
                    "workload": workload,
                    "ours": ours,
                    "floor": floor,
                    "note": note,
                    "census": census_way(),
                }
            )
        )
    return 0


def census_way() -> str:
    """Say how this installation counts large graphs: compiled, or sparse products."""
    from oppilashuolto.analysis._kernel import compiled_open_paths

    if compiled_open_paths() is None:
        return "sparse products (numba not installed)"
    return f"compiled loop (numba {importlib.metadata.version('numba')})"


if __name__ == "__main__":
    raise SystemExit(main())
