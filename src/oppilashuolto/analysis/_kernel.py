"""
The brokerage census's inner loop, compiled with numba when it is installed.

Private to `oppilashuolto.analysis._census`. The extra ``fast`` installs
numba; without it the census runs on scipy's sparse products instead, with
the same results.
"""

from __future__ import annotations

import warnings

from collections.abc import Callable

import numpy as np
import numpy.typing as npt


__all__ = ["compiled_open_paths", "open_paths"]

_IntArray = npt.NDArray[np.int64]
_Int32Array = npt.NDArray[np.int32]
OpenPaths = Callable[[_IntArray, _Int32Array, _Int32Array], _IntArray]


def open_paths(starts: _IntArray, heads: _Int32Array, codes: _Int32Array) -> _IntArray:
    """
    Count open two-paths ``a → v → b`` per broker *v* and role, in one pass.

    The arcs are given in compressed rows: the heads of the arcs out of node
    *u* are ``heads[starts[u]:starts[u + 1]]`` (distinct, no self-loops).
    *codes* numbers each node's group. Columns are the roles of
    `DIRECTED_ROLES`.

    Every two-path is visited once, from its first node *a*, whose heads
    (and *a* itself) are marked: a path is open unless its end is marked,
    that is closed by ``a → b`` or back at *a*. The loop counts all pairs of
    an in- and an out-neighbour of each broker by the degrees (and, for an
    outside in-neighbour, the out-neighbours in its group), and tells apart
    only the few paths that are not open.
    """
    n = len(starts) - 1
    shut = np.zeros((n, 5), dtype=np.int64)
    # arcs into and out of each node: internal in, internal out, external in, out
    degrees = np.zeros((n, 4), dtype=np.int64)
    # pairs of an outside in-neighbour and an out-neighbour of its group
    itinerant = np.zeros(n, dtype=np.int64)
    mark = np.zeros(n, dtype=np.int32)
    for a in range(n):
        first, last = starts[a], starts[a + 1]
        for q in range(first, last):
            mark[heads[q]] = 1
        mark[a] = 1
        group_a = codes[a]
        for q in range(first, last):
            v = heads[q]
            group_v = codes[v]
            marked = 0
            if group_v == group_a:
                degrees[v, 0] += 1
                degrees[a, 1] += 1
                for r in range(starts[v], starts[v + 1]):
                    marked += mark[heads[r]]
            else:
                degrees[v, 2] += 1
                degrees[a, 3] += 1
                alike = 0
                for r in range(starts[v], starts[v + 1]):
                    b = heads[r]
                    marked += mark[b]
                    alike += codes[b] == group_a
                itinerant[v] += alike
            if marked == 0:
                continue
            for r in range(starts[v], starts[v + 1]):
                b = heads[r]
                if mark[b] == 0:
                    continue
                group_b = codes[b]
                if group_a == group_v:
                    shut[v, 0 if group_b == group_v else 2] += 1
                elif group_b == group_v:
                    shut[v, 3] += 1
                elif group_a == group_b:
                    shut[v, 1] += 1
                else:
                    shut[v, 4] += 1
        for q in range(first, last):
            mark[heads[q]] = 0
        mark[a] = 0
    counts = np.empty((n, 5), dtype=np.int64)
    for v in range(n):
        in_inner, out_inner = degrees[v, 0], degrees[v, 1]
        in_outer, out_outer = degrees[v, 2], degrees[v, 3]
        counts[v, 0] = in_inner * out_inner - shut[v, 0]
        counts[v, 1] = itinerant[v] - shut[v, 1]
        counts[v, 2] = in_inner * out_outer - shut[v, 2]
        counts[v, 3] = in_outer * out_inner - shut[v, 3]
        counts[v, 4] = in_outer * out_outer - itinerant[v] - shut[v, 4]
    return counts


def compiled_open_paths(*, load: bool = True) -> OpenPaths | None:
    """
    Return `open_paths` compiled by numba, or `None` when numba is missing.

    With *load* false, return it only if an earlier call has loaded it, so
    that small graphs do not pay for importing numba. The machine code is
    cached on disk where numba finds a writable place, so later processes
    skip the compilation.
    """
    if not _COMPILED and load:
        _COMPILED.append(_compile())
    return _COMPILED[0] if _COMPILED else None


# the outcome of the one attempt to compile, once made
_COMPILED: list[OpenPaths | None] = []


def _compile() -> OpenPaths | None:
    try:
        import numba  # the extra "fast"
    except ImportError:
        return None
    try:
        compiled: OpenPaths = numba.njit(cache=True, nogil=True)(open_paths)
    except RuntimeError:  # no writable cache location: compile in every process
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compiled = numba.njit(nogil=True)(open_paths)
    return compiled
