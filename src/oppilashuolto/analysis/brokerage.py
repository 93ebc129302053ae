"""
Gould–Fernandez brokerage roles and Burt's structural-hole measures.

Node *v* brokers the ordered pair *(a, b)* when ``a → v → b`` and there is no
tie ``a → b`` (an open two-path; *a*, *v* and *b* distinct). The groups of the
three nodes under a node partition decide the role credited to *v*:

================================  ==============================  ==========
role                              groups of ``a → v → b``         R ``sna``
================================  ==============================  ==========
coordinator                       all three the same              ``w_I``
itinerant (consultant)            *a* and *b* share, *v* differs  ``w_O``
representative                    *a* and *v* share, *b* differs  ``b_IO``
gatekeeper                        *v* and *b* share, *a* differs  ``b_OI``
liaison                           all three different             ``b_O``
================================  ==============================  ==========

Counting visits each two-path once in a loop compiled by numba, when the
extra ``fast`` is installed (``pip install 'oppilashuolto[fast]'``), and
otherwise uses sparse-matrix products; either way its cost follows the
number of two-paths through the graph's arcs, with no Python loop over
triples, and the counts are the same.
"""

# networkx convention: the graph argument is G

from __future__ import annotations

import functools
import math

from collections.abc import Hashable, Iterable
from operator import itemgetter
from typing import Literal

import attrs
import networkx as nx
import numpy as np

from oppilashuolto.analysis._census import (
    FloatArray,
    IntArray,
    compressed_arcs,
    directed_census,
    group_codes,
    network_moments,
    node_moments,
)
from oppilashuolto.analysis._common import (
    N,
    call_nx,
    node_labels,
    require_known_nodes,
    require_nodes,
    require_simple,
    sorted_items,
    sorted_nodes,
)
from oppilashuolto.errors import ValidationError


__all__ = [
    "DIRECTED_ROLES",
    "UNDIRECTED_ROLES",
    "BrokerageResult",
    "BrokerageRow",
    "BrokerageTotals",
    "brokerage",
    "constraint",
    "effective_size",
]

#: Roles of the directed census, in the column order of R ``sna::brokerage``.
DIRECTED_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
#: Roles of the undirected census: one open path *a – v – b* has no direction,
#: so representative and gatekeeper merge.
UNDIRECTED_ROLES = ("coordinator", "itinerant", "representative_gatekeeper", "liaison")

_Floats = tuple[float, ...]


@attrs.frozen(kw_only=True)
class BrokerageRow:
    """
    The brokerage scores of one node.

    Every tuple has one entry per column of `BrokerageResult.columns`: the
    roles, then the total.

    Attributes:
        node: The node.
        group: Its value of the partition attribute.
        raw: Open two-paths brokered, per column.
        expected: Expected counts under the density null (directed mode
            only; the same for every node of a group).
        sd: Standard deviations under that null (directed mode only).
    """

    node: Hashable
    group: Hashable
    raw: tuple[int, ...]
    expected: _Floats | None
    sd: _Floats | None

    @property
    def z(self) -> _Floats | None:
        """``(raw - expected) / sd`` per column; NaN where *sd* is 0 (directed mode only)."""
        return _z(self.raw, self.expected, self.sd)


@attrs.frozen(kw_only=True)
class BrokerageTotals:
    """
    Network totals of the brokerage census (R ``sna``: ``raw.gli`` and friends).

    Attributes:
        raw: Sum of the node counts, per column.
        expected: Expected totals under the density null (directed mode only).
        sd: Standard deviations of the totals (directed mode only).
    """

    raw: tuple[int, ...]
    expected: _Floats | None
    sd: _Floats | None

    @property
    def z(self) -> _Floats | None:
        """``(raw - expected) / sd`` per column; NaN where *sd* is 0 (directed mode only)."""
        return _z(self.raw, self.expected, self.sd)


def _z(
    raw: tuple[int, ...], expected: _Floats | None, sd: _Floats | None
) -> _Floats | None:
    if expected is None or sd is None:
        return None
    return tuple(
        (r - e) / s if s > 0 else math.nan
        for r, e, s in zip(raw, expected, sd, strict=True)
    )


@attrs.frozen(kw_only=True)
class BrokerageResult:
    """
    A Gould–Fernandez brokerage census, with the parameters that produced it.

    The scores are held column-wise, in plain tuples, one entry per node;
    `rows` gives them node by node.

    Attributes:
        attribute: The node attribute that partitions the nodes.
        mode: ``"directed"`` or ``"undirected"``; see `brokerage`.
        columns: The roles counted, then ``"total"``.
        n_nodes: Number of nodes.
        n_ties: Arcs (directed mode) or edges (undirected mode) between
            distinct nodes.
        density: *n_ties* over the possible ties.
        totals: Network totals.
        nodes: The nodes, sorted.
        groups: Each node's value of the partition attribute.
        raw: Each node's open two-paths brokered, per column.
        expected: Each node's expected counts under the density null
            (directed mode only, else `None` for every node).
        sd: Each node's standard deviations under that null (directed mode
            only).
    """

    attribute: str
    mode: Literal["directed", "undirected"]
    columns: tuple[str, ...]
    n_nodes: int
    n_ties: int
    density: float
    totals: BrokerageTotals
    nodes: tuple[Hashable, ...]
    groups: tuple[Hashable, ...]
    raw: tuple[tuple[int, ...], ...]
    expected: tuple[_Floats | None, ...]
    sd: tuple[_Floats | None, ...]

    @functools.cached_property
    def rows(self) -> tuple[BrokerageRow, ...]:
        """One row per node, sorted by node (made on first use)."""
        return tuple(
            BrokerageRow(node=node, group=group, raw=r, expected=e, sd=s)
            for node, group, r, e, s in zip(
                self.nodes, self.groups, self.raw, self.expected, self.sd, strict=True
            )
        )

    def counts(self, column: str) -> dict[Hashable, int]:
        """
        Return one column of raw counts, by node.

        Args:
            column: A role of *columns*, or ``"total"``.

        Raises:
            ValidationError: If *column* is not one of *columns*.
        """
        if column not in self.columns:
            msg = f"Unknown column {column!r}; expected one of: {', '.join(sorted(self.columns))}"
            raise ValidationError(msg)
        return dict(
            zip(
                self.nodes,
                map(itemgetter(self.columns.index(column)), self.raw),
                strict=True,
            )
        )


def brokerage(
    G: nx.Graph[N],
    attribute: str,
    *,
    mode: Literal["directed", "undirected"] = "directed",
) -> BrokerageResult:
    """
    Count the Gould–Fernandez brokerage roles of every node.

    In ``mode="directed"`` the census follows R ``sna::brokerage``: an
    undirected *G* is read as a symmetric digraph, so each open path
    *a – v – b* counts twice (as ``a → v → b`` and ``b → v → a``) and every
    node's representative and gatekeeper counts are equal. Expected counts,
    standard deviations and z-scores come from the Gould–Fernandez null of
    independent arcs with the observed density ``d = m / (n (n - 1))``, with
    the variance formulas of the paper as ``sna`` implements them. The node
    variances are exact under that null; those of the network totals leave
    out the negative covariance of paths that cannot both be open, as
    ``sna`` does.

    In ``mode="undirected"`` ties are read without direction (a directed *G*
    has a tie wherever it has an arc either way) and each open path counts
    once, under `UNDIRECTED_ROLES`. No null model is given in this mode, so
    *expected*, *sd* and *z* are `None`.

    Self-loops are ignored.

    Args:
        G: A Graph or DiGraph; it is not changed.
        attribute: The node attribute holding each node's group.
        mode: ``"directed"`` (R ``sna`` convention) or ``"undirected"``.

    Returns:
        The census, with one row per node, sorted by node.

    Raises:
        ValidationError: If *G* is a multigraph, has fewer than 2 nodes, or
            some node lacks *attribute*, or if *mode* is unknown.

    Examples:
        >>> G = nx.DiGraph([("a", "v"), ("v", "b")])
        >>> nx.set_node_attributes(G, {"a": "x", "v": "x", "b": "y"}, "org")
        >>> result = brokerage(G, "org")
        >>> result.counts("representative")
        {'a': 0, 'b': 0, 'v': 1}
        >>> brokerage(G, "org", mode="undirected").counts("representative_gatekeeper")
        {'a': 0, 'b': 0, 'v': 1}

    References:
        Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: A
        formal approach to brokerage in transaction networks. *Sociological
        Methodology* 19, 89–126. doi:10.2307/270949.
        Butts, C. T. ``sna::brokerage`` (R package sna 2.7), the reference
        for the column order and the null model's moments.
    """
    require_simple(G, "brokerage")
    if mode not in {"directed", "undirected"}:
        msg = f"mode must be 'directed' or 'undirected' (got {mode!r})"
        raise ValidationError(msg)
    require_nodes(G, 2, "brokerage")
    # count in G's order, which the arcs come in; report in sorted order
    counted = list(G)
    labels = node_labels(G, attribute)
    codes = group_codes(labels)
    n = len(counted)
    position = dict(zip(counted, range(n), strict=True))
    starts, heads = compressed_arcs(G, position, symmetric=mode == "undirected")
    counts = directed_census(starts, heads, codes)
    nodes = sorted_nodes(counted)
    if nodes != counted:
        order = np.fromiter(map(position.__getitem__, nodes), dtype=np.int64, count=n)
        codes, counts = codes[order], counts[:, order]
        labels = list(map(labels.__getitem__, order.tolist()))
    if mode == "undirected":
        # each unordered path was counted in both directions; representative
        # (a with v) and gatekeeper (b with v) are then the same paths
        counts = counts[[0, 1, 2, 4]] // np.array([[2], [2], [1], [2]])
        n_ties = len(heads) // 2
        density = n_ties / (n * (n - 1) / 2)
        roles: tuple[str, ...] = UNDIRECTED_ROLES
        expected: tuple[_Floats | None, ...] = (None,) * n
        sd = expected
        null_totals: tuple[_Floats | None, _Floats | None] = (None, None)
    else:
        n_ties = len(heads)
        density = n_ties / (n * (n - 1))
        sizes = np.bincount(codes).astype(np.float64)
        exp_grp, var_grp = node_moments(sizes, density)
        expected, sd = _by_group(exp_grp, np.sqrt(var_grp), codes)
        exp_net, var_net = network_moments(sizes, density)
        null_totals = (tuple(exp_net.tolist()), tuple(np.sqrt(var_net).tolist()))
        roles = DIRECTED_ROLES
    # one row per column of the result, one column per node
    raw = np.concatenate([counts, counts.sum(axis=0, keepdims=True)])
    return BrokerageResult(
        attribute=attribute,
        mode=mode,
        columns=(*roles, "total"),
        n_nodes=n,
        n_ties=n_ties,
        density=density,
        totals=BrokerageTotals(
            raw=tuple(raw.sum(axis=1).tolist()),
            expected=null_totals[0],
            sd=null_totals[1],
        ),
        nodes=tuple(nodes),
        groups=tuple(labels),
        raw=_rows(raw),
        expected=expected,
        sd=sd,
    )


def constraint(
    G: nx.Graph[N],
    *,
    nodes: Iterable[N] | None = None,
    weight: str | None = None,
    backend: str | None = None,
) -> dict[N, float]:
    """
    Return Burt's constraint of each node, by calling `networkx.constraint`.

    Ties are the mutual weight ``a_uv + a_vu``. An isolated node's constraint
    is NaN, as in networkx.

    Args:
        G: A Graph or DiGraph; it is not changed.
        nodes: The nodes to score; all nodes when `None`.
        weight: Edge attribute holding tie strength; unweighted when `None`.
        backend: networkx backend to dispatch to; networkx's own
            configuration decides when `None`.

    Returns:
        Constraint by node, sorted by node.

    Raises:
        ValidationError: If *G* is a multigraph (networkx would return wrong
            values there) or *nodes* names a node that *G* does not hold.

    Examples:
        >>> constraint(nx.star_graph(3))
        {0: 0.333..., 1: 1.0, 2: 1.0, 3: 1.0}

    References:
        Burt, R. S. (1992). *Structural Holes: The Social Structure of
        Competition*. Harvard University Press.
    """
    require_simple(G, "constraint")
    wanted = None if nodes is None else require_known_nodes(G, nodes)
    scores: dict[N, float] = call_nx(
        nx.constraint, G, nodes=wanted, weight=weight, backend=backend
    )
    return sorted_items(scores)


def effective_size(
    G: nx.Graph[N],
    *,
    nodes: Iterable[N] | None = None,
    weight: str | None = None,
    backend: str | None = None,
) -> dict[N, float]:
    """
    Return Burt's effective size of each node, by calling `networkx.effective_size`.

    An isolated node's effective size is NaN, as in networkx.

    Args:
        G: A Graph or DiGraph; it is not changed.
        nodes: The nodes to score; all nodes when `None`.
        weight: Edge attribute holding tie strength; unweighted when `None`.
        backend: networkx backend to dispatch to; networkx's own
            configuration decides when `None`.

    Returns:
        Effective size by node, sorted by node.

    Raises:
        ValidationError: If *G* is a multigraph or *nodes* names a node that
            *G* does not hold.

    Examples:
        >>> effective_size(nx.star_graph(3))
        {0: 3.0, 1: 1.0, 2: 1.0, 3: 1.0}

    References:
        Burt, R. S. (1992). *Structural Holes: The Social Structure of
        Competition*. Harvard University Press.
    """
    require_simple(G, "effective size")
    wanted = None if nodes is None else require_known_nodes(G, nodes)
    scores: dict[N, float] = call_nx(
        nx.effective_size, G, nodes=wanted, weight=weight, backend=backend
    )
    return sorted_items(scores)


def _rows(raw: IntArray) -> tuple[tuple[int, ...], ...]:
    """
    Return the counts of *raw* node by node.

    *raw* has a row per column of the result, the total last, and a column
    per node. Nodes that broker nothing, often most of a sparse network,
    share one tuple of zeros instead of each building its own.
    """
    busy = raw[-1] > 0
    table = [(0,) * len(raw), *zip(*raw[:, busy].tolist(), strict=True)]
    picks = np.cumsum(busy) * busy
    # n >= 2 picks, so itemgetter returns a tuple
    rows: tuple[tuple[int, ...], ...] = itemgetter(*picks.tolist())(table)
    return rows


def _by_group(
    expected: FloatArray, sd: FloatArray, codes: IntArray
) -> tuple[tuple[_Floats, ...], tuple[_Floats, ...]]:
    """
    Return each node's row of *expected* and of *sd*, which hold one per group.

    *codes* gives each node's group. Nodes of one group share their tuples,
    which keeps allocations (and garbage-collector passes) down.
    """
    # n >= 2 picks, so itemgetter returns a tuple
    pick = itemgetter(*codes.tolist())
    return (
        pick(list(zip(*expected.T.tolist(), strict=True))),
        pick(list(zip(*sd.T.tolist(), strict=True))),
    )
