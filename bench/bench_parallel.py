"""
Betweenness on the organisation projection of the national structure: nx-parallel against serial networkx.

Both runs call `oppilashuolto.analysis.betweenness_centrality` (which calls
``networkx.betweenness_centrality``) with the same sampled sources (*k*,
*seed*); the parallel run passes ``backend="parallel"``, so networkx's
dispatcher hands it to nx-parallel, which uses every core (``n_jobs=-1``, its
default). The results must be equal to 1e-12 (the parallel sum adds the
chunks in another order).

nx-parallel 0.4 needs Python 3.12 or newer; ``bench/run.py`` runs this file
with such an interpreter when the project's own has no nx-parallel.

Run: ``python bench/bench_parallel.py [--scale 1] [--k 1000] [--repeat 5] [--json]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import os
import platform
import sys

from pathlib import Path
from typing import Any


sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_national import KEY, ON, median_pair

from oppilashuolto.analysis import betweenness_centrality
from oppilashuolto.graph import build_cooperation_graph
from oppilashuolto.synthetic import national


def projection(seed: int, scale: float) -> Any:
    """Return the organisation projection of the national structure as of `ON`."""
    return build_cooperation_graph(
        national(seed=seed, scale=scale), between="organisation", on=ON, key=KEY
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument(
        "--k", type=int, default=0, help="sampled sources; 0 for exact (default)"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)
    try:
        import nx_parallel  # type: ignore[import-not-found, unused-ignore]  # optional, Python >= 3.12, no stubs
    except ImportError:
        print("nx-parallel is not installed", file=sys.stderr)
        return 3
    import networkx as nx

    P = projection(args.seed, args.scale)  # noqa: N806
    # the structure is gone: the serial run must not pay for collecting its objects
    gc.collect()
    k = min(args.k, P.number_of_nodes()) or None
    seed = None if k is None else 7
    # the parallel backend's converted graph is cached on P between runs, as intended
    nx.config.warnings_to_ignore.add("cache")

    def serial() -> dict[str, float]:
        return betweenness_centrality(P, k=k, seed=seed)

    def parallel() -> dict[str, float]:
        return betweenness_centrality(P, k=k, seed=seed, backend="parallel")

    t_parallel, t_serial = median_pair(parallel, serial, args.repeat)
    a, b = serial(), parallel()
    equal = a.keys() == b.keys() and all(
        math.isclose(a[n], b[n], rel_tol=1e-12, abs_tol=1e-15) for n in a
    )
    result = {
        "nodes": P.number_of_nodes(),
        "edges": P.number_of_edges(),
        "k": k or "exact",
        "serial": t_serial,
        "parallel": t_parallel,
        "equal": equal,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "networkx": nx.__version__,
        "nx_parallel": getattr(nx_parallel, "__version__", "?"),
        "on": ON.isoformat(),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"betweenness (k={result['k']}) on {result['nodes']:,} organisations, {result['edges']:,} ties "
            f"(as of {dt.date.isoformat(ON)}): serial {t_serial:.3f} s, nx-parallel "
            f"{t_parallel:.3f} s on {result['cores']} cores, speed-up "
            f"{t_serial / t_parallel:.2f}x, results equal: {equal}"
        )
    return 0 if equal else 1


if __name__ == "__main__":
    raise SystemExit(main())
