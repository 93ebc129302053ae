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
    Count open two-paths ``a → v → b`` per role (rows) and broker *v* (columns).

    The arcs are given in compressed rows: the heads of the arcs out of node
    *u* are ``heads[starts[u]:starts[u + 1]]`` (distinct, no self-loops).
    *codes* numbers each node's group. Rows are the roles of
    `DIRECTED_ROLES`.

    Every two-path is visited once, from its first node *a*, whose heads
    (and *a* itself) are marked: a path is open unless its end is marked,
    that is closed by ``a → b`` or back at *a*. The loop counts all pairs of
    an in- and an out-neighbour of each broker by the degrees (and, for an
    outside in-neighbour, the out-neighbours in its group), and takes away
    the closed paths. One scan of the broker's out-arcs per arc ``a → v``
    counts the marked ends by group, without a branch per end: reciprocated
    arcs mark an end of nearly every arc, so a second scan for the closed
    paths alone would double the work. The scan after an internal arc
    ``a → v`` keeps two counts, the one after an external arc four.
    """
    n = len(starts) - 1
    # per node: internal arcs in and out, external arcs in and out; closed
    # paths per role; pairs of an outside in-neighbour and an out-neighbour
    # of its group
    tally = np.zeros((n, 10), dtype=np.int64)
    # twice each node's group code, plus 1 while it is marked
    tag = 2 * codes
    for a in range(n):
        first, last = starts[a], starts[a + 1]
        for q in range(first, last):
            tag[heads[q]] += 1
        tag[a] += 1
        group_a = codes[a]
        for q in range(first, last):
            v = heads[q]
            group_v = codes[v]
            # marked ends, and those in a's group; for an outside a, also the
            # marked ends in v's group and all ends in a's group
            marked = marked_a = 0
            if group_v == group_a:
                for r in range(starts[v], starts[v + 1]):
                    end = tag[heads[r]]
                    mark = end & 1
                    marked += mark
                    marked_a += mark & ((end >> 1) == group_a)
                tally[v, 0] += 1
                tally[a, 1] += 1
                tally[v, 4] += marked_a
                tally[v, 6] += marked - marked_a
            else:
                marked_v = alike = 0
                for r in range(starts[v], starts[v + 1]):
                    end = tag[heads[r]]
                    mark, group_b = end & 1, end >> 1
                    marked += mark
                    alike += group_b == group_a
                    marked_a += mark & (group_b == group_a)
                    marked_v += mark & (group_b == group_v)
                tally[v, 2] += 1
                tally[a, 3] += 1
                tally[v, 5] += marked_a
                tally[v, 7] += marked_v
                tally[v, 8] += marked - marked_a - marked_v
                tally[v, 9] += alike
        for q in range(first, last):
            tag[heads[q]] -= 1
        tag[a] -= 1
    counts = np.empty((5, n), dtype=np.int64)
    for v in range(n):
        in_inner, out_inner = tally[v, 0], tally[v, 1]
        in_outer, out_outer = tally[v, 2], tally[v, 3]
        itinerant = tally[v, 9]
        counts[0, v] = in_inner * out_inner - tally[v, 4]
        counts[1, v] = itinerant - tally[v, 5]
        counts[2, v] = in_inner * out_outer - tally[v, 6]
        counts[3, v] = in_outer * out_inner - tally[v, 7]
        counts[4, v] = in_outer * out_outer - itinerant - tally[v, 8]
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
