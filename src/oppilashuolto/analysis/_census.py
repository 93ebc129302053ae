"""
The Gould–Fernandez census: open two-paths by role, and the null model's moments.

Private to `oppilashuolto.analysis.brokerage`, which documents the roles.
"""

# networkx convention: the graph argument is G

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, Literal

import networkx as nx
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from oppilashuolto.analysis._common import N
from oppilashuolto.analysis._kernel import compiled_open_paths
from oppilashuolto.errors import ExtraNotInstalledError


__all__ = [
    "COMPILE_FROM",
    "SPLIT_FROM",
    "FloatArray",
    "IntArray",
    "compressed_arcs",
    "directed_census",
    "group_codes",
    "network_moments",
    "node_moments",
    "one_product_census",
    "split_product_census",
]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def group_codes(labels: list[Hashable]) -> IntArray:
    """Number the distinct *labels* 0, 1, … in order of first appearance."""
    codes: dict[Hashable, int] = {}
    # setdefault gets the size of codes before it adds a new label
    return np.fromiter(
        map(codes.setdefault, labels, map(len, repeat(codes))),
        dtype=np.int64,
        count=len(labels),
    )


def compressed_arcs(
    G: nx.Graph[N], position: dict[N, int], *, symmetric: bool
) -> tuple[IntArray, IntArray]:
    """
    Return the arcs between distinct nodes in compressed rows ``(starts, heads)``.

    The heads of the arcs out of the node numbered *u* in *position* are
    ``heads[starts[u]:starts[u + 1]]``. A Graph gives both arcs of each edge;
    with *symmetric*, so does a DiGraph. Numbering the nodes in *G*'s own
    order saves a look-up per node and a sort.
    """
    n = len(position)
    # successors in a DiGraph, all neighbours in a Graph; adjacency() gives
    # the plain dicts, without a view per node
    neighbours = list(map(itemgetter(1), G.adjacency()))
    degrees = np.fromiter(map(len, neighbours), dtype=np.int64, count=n)
    count = int(degrees.sum())
    # filter: an isolated node's empty dict costs no iterator
    found = chain.from_iterable(filter(None, neighbours))
    renumber = _int_renumbering(position)
    if renumber is None:
        heads = np.fromiter(
            map(position.__getitem__, found), dtype=np.int64, count=count
        )
    else:
        heads = renumber(np.fromiter(found, dtype=np.int64, count=count))
    # numbered in G's order, the tails need no look-up and come sorted
    in_order = list(G.adj) == list(position)
    if in_order:
        tails = np.repeat(np.arange(n), degrees)
    else:
        number = np.fromiter(map(position.__getitem__, G.adj), dtype=np.int64, count=n)
        tails = np.repeat(number, degrees)
    keep = tails != heads
    if symmetric and G.is_directed():
        tails, heads = tails[keep], heads[keep]
        keys = np.unique(np.concatenate([tails * n + heads, heads * n + tails]))
        tails, heads = keys // n, keys % n
        degrees = np.bincount(tails, minlength=n)
    elif not (in_order and keep.all()):
        # leave out self-loops and put the rows in order
        tails, heads = tails[keep], heads[keep]
        heads = heads[np.argsort(tails, kind="stable")]
        degrees = np.bincount(tails, minlength=n)
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(degrees, out=starts[1:])
    return starts, heads


def _int_renumbering(
    position: dict[N, int],
) -> Callable[[IntArray], IntArray] | None:
    """
    Return a vectorised *position* look-up when every node is a plain int.

    Networks read from edge lists, made by networkx's generators or
    relabelled for other tools often have int nodes; their labels convert
    to an array at once, which costs a fraction of one look-up per arc.
    `None` for any other nodes (bools and numpy integers included), or ints
    beyond 64 bits.
    """
    if not position or not all(type(node) is int for node in position):
        return None
    try:
        labels = np.fromiter(position, dtype=np.int64, count=len(position))
    except OverflowError:
        return None
    numbers = np.fromiter(position.values(), dtype=np.int64, count=len(position))
    low, high = int(labels.min()), int(labels.max())
    if high - low < 4 * len(labels):
        table = np.zeros(high - low + 1, dtype=np.int64)
        table[labels - low] = numbers
        return lambda found: table[found - low]
    by_label = np.argsort(labels)
    return lambda found: numbers[
        by_label[np.searchsorted(labels, found, sorter=by_label)]
    ]


def directed_census(
    starts: IntArray,
    heads: IntArray,
    codes: IntArray,
    *,
    method: Literal["auto", "compiled", "sparse"] = "auto",
) -> IntArray:
    """
    Count open two-paths ``a → v → b`` per role (rows) and broker *v* (columns).

    The arcs are in compressed rows (`compressed_arcs`); *codes* numbers
    each node's group. With *method* ``"auto"``, the compiled loop of
    `_kernel` counts when numba is installed, once a graph of at least
    `COMPILE_FROM` arcs has loaded it; sparse products count otherwise, one
    (`one_product_census`) below `SPLIT_FROM` arcs, four smaller ones
    (`split_product_census`) from there. All give the same counts.

    Raises:
        ExtraNotInstalledError: If *method* is ``"compiled"`` and numba is
            missing.
    """
    if method == "sparse":
        kernel = None
    else:
        kernel = compiled_open_paths(
            load=method == "compiled" or len(heads) >= COMPILE_FROM
        )
        if kernel is None and method == "compiled":
            raise ExtraNotInstalledError("the compiled brokerage census", "fast")
    if kernel is not None:
        return kernel(starts, heads.astype(np.int32), codes.astype(np.int32))
    if len(heads) < SPLIT_FROM:
        return one_product_census(starts, heads, codes)
    return split_product_census(starts, heads, codes)


#: Fewest arcs for which ``method="auto"`` loads numba for the compiled
#: census: smaller graphs, such as the bundled examples in a command-line
#: call, are counted faster by the products than numba is imported.
COMPILE_FROM = 10_000

#: Fewest arcs for which the sparse census splits its product in four
#: (`split_product_census`): below, the fixed cost of each scipy call
#: outweighs what the smaller products save (`one_product_census`).
SPLIT_FROM = 40_000


def one_product_census(starts: IntArray, heads: IntArray, codes: IntArray) -> IntArray:
    """
    Count open two-paths ``a → v → b`` per role and broker *v*, by one sparse product.

    The arcs are in compressed rows, as for `directed_census`. An arc is
    internal when its ends share a group. As in the compiled loop, the
    degrees count all pairs of an in-neighbour *a* and an out-neighbour *b*
    of each broker *v* per role, and the closed pairs (``a → b`` present, or
    ``a == b``) are taken away. Transitivity of "same group" fixes the role
    of a closed path by the kinds of two of its arcs, so one product
    ``P = Wᵀ Z`` finds them all, where

    - ``W[a, v]`` is 1 for an external arc and ``k`` (a power of 2 above
      every broker's external in-degree) for an internal one;
    - row *a* of ``Z`` has a 1 at column *b* for an internal ``a → b``, at
      ``n + b`` for an external one, at *a* itself (``a == b`` closes a path
      as an internal arc would), and at ``2n`` plus *a*'s group.

    ``P[v, b]`` and ``P[v, n + b]`` then count the common in-neighbours that
    close ``v → b``, the internal ones in the high digit and the external
    ones in the low digit, and ``P[v, 2n + g]`` the external in-neighbours
    of *v* in group *g* (``g`` not *v*'s own). Multiplying elementwise by
    ``S``, which holds ``±1`` at the arcs ``v → b`` (the sign gives their
    kind) and at ``2n + g`` the number of *v*'s external out-neighbours in
    *g*, keeps what the roles need; sums over the rows give them.

    Time and memory grow with the pairs *(v, b)* that share an in-neighbour,
    the non-zeros of ``Aᵀ A``; with few scipy calls, the fixed costs stay
    low, but on large graphs the four smaller products of
    `split_product_census` are quicker.
    """
    n, m = len(codes), len(heads)
    out_degree = np.diff(starts)
    tails = np.repeat(np.arange(n), out_degree)
    outside = codes[tails] != codes[heads]
    in_outer = np.bincount(heads[outside], minlength=n)
    in_inner = np.bincount(heads, minlength=n) - in_outer
    out_outer = np.bincount(tails[outside], minlength=n)
    out_inner = out_degree - out_outer
    shift = int(in_outer.max()).bit_length()
    width = 2 * n + int(codes.max()) + 1

    in_arcs = sp.csc_array(
        (np.where(outside, 1, 1 << shift), heads, starts), shape=(n, n)
    ).tocsr()
    z_starts = starts + 2 * np.arange(n + 1)
    z_columns = np.empty(m + 2 * n, dtype=np.int64)
    z_columns[np.arange(m) + 2 * tails] = heads + n * outside
    z_columns[z_starts[1:] - 2] = np.arange(n)
    z_columns[z_starts[1:] - 1] = 2 * n + codes
    ends = sp.csr_array(
        (np.ones(m + 2 * n, dtype=np.int64), z_columns, z_starts), shape=(n, width)
    )
    # three entries per arc v -> b, side by side: at b and n + b the sign of
    # its kind, at b's group 1 if it is external (0 for an internal arc, at
    # v's own group, which drops out of the product)
    sign = 1 - 2 * outside
    mask = sp.csr_array(
        (
            np.stack([sign, sign, outside], axis=1).ravel(),
            np.stack([heads, n + heads, 2 * n + codes[heads]], axis=1).ravel(),
            3 * starts,
        ),
        shape=(n, width),
    )

    found = (in_arcs @ ends).multiply(mask)
    value, column = found.data, found.indices
    # per broker, six sums: column block (b, n + b, group) by the sign of v -> b
    key = np.repeat(np.arange(0, 6 * n, 6), np.diff(found.indptr))
    key += 2 * (column >= n)
    key += 2 * (column >= 2 * n)
    key += value < 0
    size = np.abs(value, out=value)
    high = np.bincount(key, weights=size >> shift, minlength=6 * n).reshape(n, 6).T
    np.bitwise_and(size, (1 << shift) - 1, out=size)
    low = np.bincount(key, weights=size, minlength=6 * n).reshape(n, 6).T
    # closed paths per role by the kinds of a -> v (digit), a -> b (block) and
    # v -> b (sign); the other three pairings of digit and kind cannot close
    # (a -> v internal and v -> b external, say, make a -> b external), so
    # they stay 0. Pairs of an outside in-neighbour and an out-neighbour of
    # its group are at the groups.
    closed = np.stack(
        [
            high[0],
            low[1],
            high[3],
            low[2],
            low[3],
            high[4] * (1 << shift) + low[4],
        ]
    ).astype(np.int64)
    itinerant = closed[5]
    return np.stack(
        [
            in_inner * out_inner - closed[0],
            itinerant - closed[1],
            in_inner * out_outer - closed[2],
            in_outer * out_inner - closed[3],
            in_outer * out_outer - itinerant - closed[4],
        ]
    )


def split_product_census(
    starts: IntArray, heads: IntArray, codes: IntArray
) -> IntArray:
    """
    Count open two-paths ``a → v → b`` per role and broker *v*, by four sparse products.

    The arcs are in compressed rows, as for `directed_census`. An arc is
    internal when its ends share a group. For each role, count all pairs of
    an in-neighbour *a* and an out-neighbour *b* with the role's group
    pattern, then take away the pairs with ``a == b`` (reciprocated arcs)
    and the closed ones (``a → b`` present). Transitivity of "same group"
    fixes the kind of the closing arc ``a → b`` for every role, so four
    sparse products ``Xᵀ Z`` (internal or external arcs into *v*, times
    internal or external closing arcs), masked by the arcs ``v → b``, count
    the closed paths.

    Time and memory grow with the pairs *(v, b)* that share an in-neighbour,
    the non-zeros of ``Aᵀ A``.
    """
    n = len(codes)
    rows = np.repeat(np.arange(n), np.diff(starts))
    internal = codes[rows] == codes[heads]

    def adjacency(mask: npt.NDArray[np.bool_]) -> sp.csr_array:
        # int32 entries: common-neighbour counts stay below n
        ones = np.ones(int(mask.sum()), dtype=np.int32)
        return sp.csr_array((ones, (rows[mask], heads[mask])), shape=(n, n))

    inner, outer = adjacency(internal), adjacency(~internal)
    inner_t, outer_t = inner.T.tocsr(), outer.T.tocsr()

    def row_sums(m: Any) -> IntArray:
        return np.asarray(m.sum(axis=1), dtype=np.int64).reshape(n)

    in_inner, out_inner = row_sums(inner_t), row_sums(inner)
    in_outer, out_outer = row_sums(outer_t), row_sums(outer)
    # per broker, pairs of outside in- and out-neighbours from the same group
    member = sp.csr_array(
        (np.ones(n, dtype=np.int32), (np.arange(n), codes)),
        shape=(n, int(codes.max()) + 1),
    )
    itinerant_all = row_sums((outer_t @ member).multiply(outer @ member))

    def closed(common: sp.csr_array, y: sp.csr_array) -> IntArray:
        # common[v, b] = #{a : x[a, v] and z[a, b]}; keep the (v, b) in y
        return row_sums(common.multiply(y))

    outside_both = outer_t @ outer  # a -> v and a -> b both external
    coordinator = (
        in_inner * out_inner
        - row_sums(inner.multiply(inner_t))
        - closed(inner_t @ inner, inner)
    )
    itinerant = (
        itinerant_all
        - row_sums(outer.multiply(outer_t))
        - closed(outer_t @ inner, outer)
    )
    representative = in_inner * out_outer - closed(inner_t @ outer, outer)
    gatekeeper = in_outer * out_inner - closed(outside_both, inner)
    liaison = in_outer * out_outer - itinerant_all - closed(outside_both, outer)
    return np.stack([coordinator, itinerant, representative, gatekeeper, liaison])


# Arcs are independent with probability d. A two-path is open with probability
# p = d²(1 - d); two open paths of one broker that share an arc covary by
# d³(1 - d)³. The network-level variances add the cross-broker terms of Gould
# and Fernandez (1989), as R sna implements them; they leave out the negative
# covariance of paths that cannot both be open.


def node_moments(sizes: FloatArray, d: float) -> tuple[FloatArray, FloatArray]:
    """Expectation and variance per broker group (rows) and column."""
    total = sizes.sum()
    p, c3 = d * d * (1 - d), d**3 * (1 - d) ** 3
    k, o = sizes - 1, total - sizes  # others in the broker's group, outsiders
    s1, s2, s3 = (sizes * (sizes - 1)).sum(), (sizes**2).sum(), (sizes**3).sum()
    s_trip = (sizes * (sizes - 1) * (sizes - 2)).sum()
    pairs = np.column_stack(
        [
            k * (k - 1),
            s1 - sizes * (sizes - 1),
            k * o,
            k * o,
            o**2 - (s2 - sizes**2),
            np.full_like(sizes, (total - 1) * (total - 2)),
        ]
    )
    # ordered pairs of open paths of one broker sharing their first or last arc
    liaison_shared = 2 * (
        (o**2 - o) * (total - sizes) + (1 - 2 * o) * (s2 - sizes**2) + (s3 - sizes**3)
    )
    shared = np.column_stack(
        [
            2 * k * (k - 1) * (k - 2),
            2 * (s_trip - sizes * (sizes - 1) * (sizes - 2)),
            k * o * (o - 1) + o * k * (k - 1),
            k * o * (o - 1) + o * k * (k - 1),
            liaison_shared,
            np.full_like(sizes, 2 * (total - 1) * (total - 2) * (total - 3)),
        ]
    )
    expected = p * pairs
    return expected, expected * (1 - p) + shared * c3


def network_moments(sizes: FloatArray, d: float) -> tuple[FloatArray, FloatArray]:
    """Expectation and variance of the network totals, per column."""
    # exact integer power sums, over the distinct sizes; the liaison terms
    # cancel heavily
    by_size: Counter[int] = Counter(sizes.astype(np.int64).tolist())
    p1, p2, p3, p4 = (
        sum(groups * size**r for size, groups in by_size.items()) for r in (1, 2, 3, 4)
    )
    total = p1
    p = d * d * (1 - d)
    a, b, c = d**3 * (1 - d) ** 3, d**4 * (1 - d) ** 2, d**5 * (1 - d)
    n = sizes

    def within(m: Any) -> Any:
        return (
            m * (m - 1) * (m - 2) * ((4 * m - 10) * a - 4 * (m - 3) * b + (m - 3) * c)
        )

    # itinerant: sum over ordered pairs of distinct groups (x = broker's group)
    f1 = n * (n - 1) * ((2 * n - 6) * a + (total - n - 1) * c)
    f2 = 2 * a * n * (n - 1)
    itinerant_cov = f1.sum() * p1 - (f1 * n).sum() + f2.sum() * p2 - (f2 * n**2).sum()
    cross = n * (total - n) * (n - 1)
    # liaison: sum over ordered triples of distinct groups, by power sums
    triples = p1**3 - 3 * p1 * p2 + 2 * p3
    squared = p1**2 * p2 - 2 * p1 * p3 - p2**2 + 2 * p4
    liaison_cov = ((4 * total - 2) * triples - 8 * squared) * (a - b) + (
        (total - 1) * triples - 2 * squared
    ) * c
    expected = p * np.array(
        [
            (n * (n - 1) * (n - 2)).sum(),
            cross.sum(),
            cross.sum(),
            cross.sum(),
            total * (p1**2 - p2) - 2 * (p2 * p1 - p3),
            total * (total - 1) * (total - 2),
        ],
        dtype=np.float64,
    )
    extra = np.array(
        [
            within(n).sum(),
            itinerant_cov,
            (cross * ((total - 3) * a + (n - 2) * c)).sum(),
            (cross * ((total - 3) * a + (n - 2) * c)).sum(),
            liaison_cov,
            within(total),
        ],
        dtype=np.float64,
    )
    # the formulas are non-negative in exact arithmetic; clip rounding noise
    return expected, np.maximum(expected * (1 - p) + extra, 0.0)
