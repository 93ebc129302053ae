"""
Co-membership projections: who sits with whom, through a sparse matrix product.

With *X* the 0/1 incidence matrix of groups (rows) by the nodes projected onto
(columns), ``X.T @ X`` counts shared groups for every pair at once; the other
weights rescale it. The results equal networkx's own bipartite projections on
the same input (edges and weights), several times faster on large graphs:

============  ========================================================  =====================================================
weight        edge weight between *u* and *v*                           networkx equivalent
============  ========================================================  =====================================================
``count``     shared groups                                             ``bipartite.weighted_projected_graph``
``newman``    Σ over shared groups *k* of 1 / (deg(*k*) − 1)            ``bipartite.collaboration_weighted_projected_graph``
``jaccard``   shared / (groups of *u* ∪ groups of *v*)                  ``bipartite.overlap_weighted_projected_graph``
``days``      Σ over shared groups of the days both sat in it,          ``bipartite.generic_weighted_projected_graph`` with
              inside a bounded *period*                                 a weight function summing `Period.overlap_days`
============  ========================================================  =====================================================

References:
    Newman, M. E. J. (2001). Scientific collaboration networks. II. Shortest
    paths, weighted networks, and centrality. *Physical Review E* 64, 016132.
    doi:10.1103/PhysRevE.64.016132.
"""

from __future__ import annotations

import datetime as dt

from collections import defaultdict, deque
from collections.abc import (
    Callable,
    Hashable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from itertools import chain, count, islice, repeat
from operator import indexOf, itemgetter, lt
from typing import Any, Literal, TypeVar, get_args

import networkx as nx
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from oppilashuolto.errors import ValidationError
from oppilashuolto.graph._nodes import Nodes, add_nodes, check_on, pseudonymiser
from oppilashuolto.model import Period, Person, WelfareStructure


__all__ = [
    "PROJECTIONS",
    "WEIGHTS",
    "Projection",
    "Weight",
    "build_cooperation_graph",
    "project_bipartite",
]

N = TypeVar("N", bound=Hashable)
Weight = Literal["count", "newman", "jaccard", "days"]
Projection = Literal["organisation", "person", "group"]
#: The weights `project_bipartite` and `build_cooperation_graph` offer.
WEIGHTS: tuple[str, ...] = get_args(Weight)
#: What `build_cooperation_graph` can project onto.
PROJECTIONS: tuple[str, ...] = get_args(Projection)

_IntArray = npt.NDArray[np.int64]
_MAX_NAMED = 10


def _named(values: Iterable[object]) -> str:
    items = sorted(values, key=repr)
    shown = ", ".join(repr(v) for v in items[:_MAX_NAMED])
    return shown + (", …" if len(items) > _MAX_NAMED else "")


def _sorted(items: Iterable[N]) -> list[N]:
    """Return the distinct items sorted (by type name and repr if they do not compare)."""
    listed: list[Any] = list(items)
    try:
        # a list already sorted without repeats, as callers often pass, is kept
        if all(map(lt, listed, islice(listed, 1, None))):
            return listed
        return sorted(set(listed))
    except TypeError:
        return sorted(set(listed), key=lambda n: (type(n).__name__, repr(n)))


def _check_weight(weight: object, period: Period | None) -> None:
    if weight not in WEIGHTS:
        msg = (
            f"Unknown weight {weight!r}; expected one of: {', '.join(sorted(WEIGHTS))}"
        )
        raise ValidationError(msg)
    if weight == "days" and (
        period is None or period.start_bound is None or period.end_bound is None
    ):
        got = "None" if period is None else repr(period.to_edtf())
        msg = f"period must be a bounded Period for weight 'days' (got {got})"
        raise ValidationError(msg)


def project_bipartite(
    B: nx.Graph[N],
    nodes: Iterable[N],
    *,
    weight: Weight = "count",
    period: Period | None = None,
    period_attribute: str = "period",
) -> nx.Graph[N]:
    """
    Project a bipartite graph onto one side, through a sparse matrix product.

    Every node of *nodes* becomes a node of the projection, with its
    attributes shallow-copied from *B* (as networkx does); two of them are
    linked when they share a neighbour. Nodes are added in sorted order and
    edges in sorted order of their (sorted) ends. *B* is not changed.

    Args:
        B: An undirected simple graph with no edge inside either side.
        nodes: The side to project onto.
        weight: ``"count"``, ``"newman"``, ``"jaccard"`` or ``"days"`` (see
            the module documentation).
        period: For ``"days"``: the bounded period to count days in.
        period_attribute: For ``"days"``: the edge attribute holding each
            tie's `Period` (or its EDTF text); a missing one means always.

    Returns:
        A new `networkx.Graph` with edge attribute ``weight`` (an `int` for
        ``"count"`` and ``"days"``, a `float` otherwise).

    Raises:
        ValidationError: If *B* is directed or a multigraph, a node of
            *nodes* is not in *B*, an edge joins two nodes of the same side,
            the weight is unknown, or ``"days"`` lacks a bounded *period*.

    Examples:
        >>> B = nx.Graph([("ann", "ohr"), ("bo", "ohr"), ("bo", "ooot"), ("cy", "ooot")])
        >>> P = project_bipartite(B, ["ann", "bo", "cy"])
        >>> sorted(P.edges(data="weight"))
        [('ann', 'bo', 1), ('bo', 'cy', 1)]
    """
    _check_weight(weight, period)
    if B.is_directed() or B.is_multigraph():
        msg = f"B must be an undirected simple Graph (got a {type(B).__name__})"
        raise ValidationError(msg)
    top = _sorted(nodes)
    run = _run(B, top)
    neighbours, ends = _neighbours(B, top, run)
    rows, degree, spans = _incidence(
        B,
        top,
        neighbours,
        ends=ends,
        period_attribute=period_attribute,
        clip=None if weight != "days" else _clip(period),
    )
    del neighbours  # not kept through the build, where the collector would walk it
    cols = None
    if weight == "days":  # which pairs the ties in each group by their nodes
        cols = np.repeat(np.arange(len(top), dtype=np.int64), degree)
    u, v, weights = _project(
        rows,
        (len(rows), len(top)),
        weight,
        spans,
        keep_zero=True,
        cols=cols,
        degree=degree,
    )
    P: nx.Graph[N] = nx.Graph()
    P.graph.update(B.graph)
    add_nodes(P, top, _attributes(B, top, run))
    _add_edges(P, top, u, v, weights)
    return P


# B's own dicts are read and never changed: a node's neighbours (each with the
# edge's attributes) and a node's attributes
_Neighbours = Mapping[N, Mapping[str, Any]]
_first, _second = itemgetter(0), itemgetter(1)


def _run(B: nx.Graph[N], top: list[N]) -> tuple[int, int] | None:
    """
    Return the bounds of the run of B's nodes that is *top*, node for node, or None.

    A side added to *B* in one call, sorted, is such a run: its neighbour and
    attribute dicts are then read off the run, without a dict of all B's
    nodes to build and a look-up per node.
    """
    try:
        start = indexOf(B, top[0])
    except (IndexError, ValueError):
        return None
    stop = start + len(top)
    # the (node, dict) pairs are read for their nodes only, and none is kept
    if top == list(map(_first, islice(B.adjacency(), start, stop))):
        return start, stop
    return None


def _neighbours(
    B: nx.Graph[N], top: list[N], run: tuple[int, int] | None
) -> tuple[list[_Neighbours[N]], int]:
    """Return the neighbour dicts of *top*'s nodes and the sum of all B's degrees."""
    if run is not None:
        return (
            list(map(_second, islice(B.adjacency(), *run))),
            sum(map(len, map(_second, B.adjacency()))),
        )
    adj: dict[N, _Neighbours[N]] = dict(B.adjacency())
    try:
        neighbours = list(map(adj.__getitem__, top))
    except KeyError:
        missing = [n for n in top if n not in adj]
        msg = f"nodes must all be in B ({len(missing)} are not: {_named(missing)})"
        raise ValidationError(msg) from None
    return neighbours, sum(map(len, adj.values()))


def _attributes(
    B: nx.Graph[N], top: list[N], run: tuple[int, int] | None
) -> Iterator[Mapping[str, Any]]:
    """Return the attribute dicts of *top*'s nodes, read as they are used."""
    if run is not None and top == list(
        map(_first, islice(iter(B.nodes(data=True)), *run))
    ):
        return map(_second, islice(iter(B.nodes(data=True)), *run))
    return map(dict(iter(B.nodes(data=True))).__getitem__, top)


def _incidence(
    B: nx.Graph[N],
    top: list[N],
    neighbours: list[_Neighbours[N]],
    *,
    ends: int,
    period_attribute: str,
    clip: tuple[int, int] | None,
) -> tuple[_IntArray, _IntArray, npt.NDArray[np.int64]]:
    """
    Return the other end of each tie of *top*'s nodes, their numbers of ties, and spans.

    The ties come node by node in the order of *top*, each node's in *B*'s
    order; the other ends are numbered by the position of their first tie.
    *ends* is the sum of all B's degrees. The spans, for the days weight
    (with *clip*), are the ties' periods in day ordinals.

    Raises:
        ValidationError: If an edge joins two nodes of the same side.
    """
    degree = np.fromiter(map(len, neighbours), dtype=np.int64, count=len(top))
    ties = int(degree.sum())
    # one pass, with no Python call per tie (the numbers skipped stay empty rows)
    row: dict[N, int] = {}
    rows = np.fromiter(
        map(row.setdefault, chain.from_iterable(neighbours), count()),
        dtype=np.int64,
        count=ties,
    )
    # every edge crosses once from the projected side, or B is not bipartite
    if ends != 2 * ties or not row.keys().isdisjoint(top):
        side = set(top)
        same_side = [(u, v) for u, v in B.edges() if (u in side) == (v in side)]
        msg = (
            f"B must be bipartite between nodes and the rest "
            f"({len(same_side)} edges join two nodes of one side: {_named(same_side)})"
        )
        raise ValidationError(msg)
    if clip is None:
        return rows, degree, np.empty((0, 2), dtype=np.int64)
    spans = [
        _span(data.get(period_attribute), clip)
        for found in neighbours
        for data in found.values()
    ]
    return rows, degree, np.asarray(spans, dtype=np.int64).reshape(-1, 2)


def _clip(period: Period | None) -> tuple[int, int]:
    assert period is not None  # noqa: S101 - checked by _check_weight
    lo, hi = period.start_bound, period.end_bound
    assert lo is not None  # noqa: S101
    assert hi is not None  # noqa: S101
    return lo.toordinal(), hi.toordinal()


def _span(value: object, clip: tuple[int, int]) -> tuple[int, int]:
    # half-open [start, end) in day ordinals, cut to the clip window
    if value is None:
        return clip
    p = Period.from_edtf(value) if isinstance(value, str) else value
    if not isinstance(p, Period):
        msg = f"edge period must be a Period or EDTF text (got a value of type {type(value).__name__})"
        raise ValidationError(msg)
    lo, hi = p.start_bound, p.end_bound
    start = clip[0] if lo is None else max(clip[0], lo.toordinal())
    end = clip[1] if hi is None else min(clip[1], hi.toordinal())
    return start, max(start, end)


def _project(
    rows: _IntArray,
    shape: tuple[int, int],
    weight: str,
    spans: npt.NDArray[np.int64],
    *,
    keep_zero: bool,
    cols: _IntArray | None = None,
    degree: _IntArray | None = None,
) -> tuple[_IntArray, _IntArray, npt.NDArray[Any]]:
    """
    Return the upper-triangle pairs (u < v) of the projection and their weights.

    The ties are given by *rows* (the other end of each) and *cols* (the
    projected node of each, in any order, repeats allowed; needed for the days
    weight), or by *degree* instead: the number of ties of each projected
    node, the ties coming node by node and none repeated, so that the
    incidence matrix is built as it is.
    """
    n_top = shape[1]
    if len(rows) == 0 or n_top < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    if weight == "days":
        assert cols is not None  # noqa: S101 - given by the callers
        return _project_days(rows, cols, spans, n_top, keep_zero=keep_zero)
    # the incidence matrix transposed: a row per projected node, a column per group
    ones = np.ones(len(rows), dtype=np.int64)
    if degree is not None:
        indptr = np.zeros(n_top + 1, dtype=np.int64)
        np.cumsum(degree, out=indptr[1:])
        XT = sp.csr_array((ones, rows, indptr), shape=(n_top, shape[0]))
    else:
        assert cols is not None  # noqa: S101 - given by the callers
        XT = sp.csr_array((ones, (cols, rows)), shape=(n_top, shape[0]))
        XT.sum_duplicates()
        XT.data[:] = 1  # an incidence is 0 or 1, even if a tie is repeated
    u, v, shared = _upper(XT @ XT.T, n_top)
    if weight == "count":
        return u, v, shared
    if weight == "jaccard":
        degree = np.diff(XT.indptr)
        union = degree[u] + degree[v] - shared
        return u, v, shared / union
    # newman: each shared group k adds 1 / (deg(k) - 1)
    size = np.bincount(XT.indices, minlength=shape[0]).astype(np.float64)
    scale = np.divide(1.0, size - 1.0, out=np.zeros_like(size), where=size > 1)
    wu, wv, scaled = _upper(XT @ sp.diags_array(scale) @ XT.T, n_top)
    if not (
        np.array_equal(wu, u) and np.array_equal(wv, v)
    ):  # pragma: no cover - same pattern by construction
        msg = "internal error: Newman weights lost a pair"
        raise AssertionError(msg)
    return u, v, scaled


def _upper(product: Any, n_top: int) -> tuple[_IntArray, _IntArray, npt.NDArray[Any]]:
    """Return the pairs (u < v) of a square CSR product and their values, sorted."""
    product.sort_indices()
    u = np.repeat(np.arange(n_top, dtype=np.int64), np.diff(product.indptr))
    keep = u < product.indices
    return u[keep], product.indices[keep].astype(np.int64), product.data[keep]


def _project_days(
    rows: _IntArray,
    cols: _IntArray,
    spans: npt.NDArray[np.int64],
    n_top: int,
    *,
    keep_zero: bool,
) -> tuple[_IntArray, _IntArray, _IntArray]:
    # per group, every pair of ties to two different nodes adds its overlap
    order = np.lexsort((cols, rows))
    rows, cols, spans = rows[order], cols[order], spans[order]
    bounds = np.flatnonzero(np.diff(rows)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(rows)]])
    pair_u: list[_IntArray] = []
    pair_v: list[_IntArray] = []
    pair_d: list[_IntArray] = []
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        if b - a < 2:
            continue
        c = cols[a:b]
        s = spans[a:b]
        i, j = np.triu_indices(b - a, 1)
        keep = c[i] != c[j]
        i, j = i[keep], j[keep]
        days = np.minimum(s[i, 1], s[j, 1]) - np.maximum(s[i, 0], s[j, 0])
        pair_u.append(np.minimum(c[i], c[j]))
        pair_v.append(np.maximum(c[i], c[j]))
        pair_d.append(np.maximum(days, 0))
    if not pair_u:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    pu, pv, pd = np.concatenate(pair_u), np.concatenate(pair_v), np.concatenate(pair_d)
    # sum per pair; the keys sort by (u, v), as the other weights' edges do
    keys = pu * n_top + pv
    unique, inverse = np.unique(keys, return_inverse=True)
    totals = np.bincount(inverse, weights=pd, minlength=len(unique)).astype(np.int64)
    u, v = unique // n_top, unique % n_top
    if not keep_zero:
        nonzero = totals > 0
        u, v, totals = u[nonzero], v[nonzero], totals[nonzero]
    return u, v, totals


def _when(
    weight: str, on: dt.date | None, period: Period | None
) -> tuple[Callable[[Period], bool], tuple[int, int]]:
    """Return which records count and the clip window of the days weight."""
    if weight == "days":
        if on is not None:
            msg = "on must be None for weight 'days', which counts days in period"
            raise ValidationError(msg)
        window = period
        assert window is not None  # noqa: S101 - checked by _check_weight
        return (lambda p: p.overlaps(window)), _clip(window)
    if on is None:
        msg = f"on must be a date for weight {weight!r}"
        raise ValidationError(msg)
    day = check_on(on)
    return (lambda p: p.contains(day)), (0, 0)


def _ties(
    structure: WelfareStructure,
    between: str,
    active: Callable[[Period], bool],
    *,
    clip: tuple[int, int] | None,
    orgs: Mapping[str, Any],
    people: Mapping[str, Person],
    groups: Mapping[str, Any],
) -> tuple[list[tuple[str, str, tuple[int, int]]], dict[str, list[str]]]:
    """Return (group id, holder id, span) ties and the professions of people's seats."""
    ties: list[tuple[str, str, tuple[int, int]]] = []
    seat_professions: dict[str, list[str]] = defaultdict(list)
    for m in structure.memberships:
        if m.group_id not in groups or not active(m.period):
            continue
        span = (0, 0) if clip is None else _span(m.period, clip)
        if m.person_id is not None and m.person_id in people:
            if m.profession:
                seat_professions[m.person_id].append(m.profession)
            holders = [m.person_id]
            if between == "organisation":
                named = [r for r in m.represents_ids if r in orgs]
                employer = people[m.person_id].employer_id
                holders = named or (
                    [employer] if employer is not None and employer in orgs else []
                )
        elif m.organisation_id is not None and m.organisation_id in orgs:
            holders = [m.organisation_id]
            if between == "organisation":
                holders += [r for r in m.represents_ids if r in orgs]
        else:
            continue
        ties.extend((m.group_id, h, span) for h in holders)
    return ties, seat_professions


def _merge_spans(
    pairs: list[tuple[str, str, tuple[int, int]]],
) -> list[tuple[str, str, tuple[int, int]]]:
    # several seats of one holder in one group: count each day once
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for r, c, span in pairs:
        spans[(r, c)].append(span)
    merged: list[tuple[str, str, tuple[int, int]]] = []
    for (r, c), found in spans.items():
        found.sort()
        start, end = found[0]
        for s, e in found[1:]:
            if s <= end:
                end = max(end, e)
            else:
                merged.append((r, c, (start, end)))
                start, end = s, e
        merged.append((r, c, (start, end)))
    return merged


def _add_edges(
    graph: nx.Graph[N],
    names: Sequence[N],
    u: _IntArray,
    v: _IntArray,
    weights: npt.NDArray[Any],
) -> None:
    """
    Add the edges (names[u], names[v]), with attribute ``weight``, to a graph of *names*.

    The graph holds *names* as its nodes, in that order, and no edge; the
    pairs are u < v, sorted, none repeated. Each node's neighbour dict is
    filled in one `dict.update`, in the order `add_edges_from` of the sorted
    pairs gives (the smaller neighbours, then the larger, each ascending),
    with one attribute dict per edge shared by both ends, as networkx keeps
    an undirected edge. The neighbour dicts are the ones
    `networkx.Graph.adjacency` yields, which networkx's own readers share.
    """
    if len(graph) != len(names):  # pragma: no cover - the callers' own graph
        msg = "internal error: the graph must hold names as its nodes"
        raise AssertionError(msg)
    # each node's entries: the pairs it ends (u ascending), then those it starts
    # (v ascending); a stable sort on the node keeps both runs in order
    node = np.concatenate((v, u))
    order = np.argsort(node, kind="stable")
    other = np.concatenate((u, v))[order]
    ends = np.fromiter(names, dtype=object, count=len(names))
    data = [{"weight": w} for w in weights.tolist()]
    # entry m + i of the doubled ends is pair i again: its dict, twice
    data += data
    shared = itemgetter(*order.tolist())(data) if data else ()
    entries = zip(ends[other].tolist(), shared, strict=True)
    counts = np.bincount(node, minlength=len(names)).tolist()
    deque(
        map(
            dict.update,
            map(_second, graph.adjacency()),
            map(islice, repeat(entries), counts),
        ),
        maxlen=0,
    )


# -- projections of a structure ----------------------------------------------------------


def build_cooperation_graph(
    structure: WelfareStructure,
    *,
    between: Projection,
    on: dt.date | None = None,
    period: Period | None = None,
    weight: Weight = "count",
    include_personal: bool = False,
    key: str | bytes | None = None,
) -> nx.Graph[str]:
    """
    Return the co-membership graph of a structure's organisations, people or groups.

    ``between="person"``: people linked by the groups they sit in together.
    ``between="organisation"``: organisations linked by shared groups; an
    organisation sits in a group through a seat it holds, a seat whose holder
    represents it, or a seat held by its employee that names no represented
    organisation.
    ``between="group"``: groups linked by the people and organisations that
    hold seats in both.

    Nodes are every record of that kind in force (on *on*, or at some time in
    *period*), with the attributes of `build_structure_graph`; holding several
    seats in one group counts once. The structure is not changed.

    Args:
        structure: The structure.
        between: ``"organisation"``, ``"person"`` or ``"group"``.
        on: The day, for weights ``"count"``, ``"newman"`` and ``"jaccard"``.
        period: For ``"days"``: the bounded period whose days are counted;
            pairs that never sat together in it are not linked.
        weight: See the module documentation.
        include_personal: Keep people's ids and personal fields.
        key: The pseudonymisation key (see `build_structure_graph`).

    Returns:
        A new `networkx.Graph`; ``G.graph`` records the parameters.

    Raises:
        ValidationError: On an unknown *between* or *weight*, *on* missing
            (or given with ``"days"``), a missing or unbounded *period* for
            ``"days"``, or a missing or empty key.
    """
    if between not in PROJECTIONS:
        msg = f"Unknown projection {between!r}; expected one of: {', '.join(sorted(PROJECTIONS))}"
        raise ValidationError(msg)
    _check_weight(weight, period)
    active, clip = _when(weight, on, period)
    nodes = Nodes(structure, pseudonymiser(include_personal=include_personal, key=key))
    ids = nodes.ids
    orgs = {o.id: o for o in structure.organisations if active(o.period)}
    groups = {g.id: g for g in structure.groups if active(g.period)}
    people = {p.id: p for p in structure.people if active(p.period)}
    ties, seat_professions = _ties(
        structure,
        between,
        active,
        clip=clip if weight == "days" else None,
        orgs=orgs,
        people=people,
        groups=groups,
    )

    names: list[str]
    attrs: dict[str, dict[str, Any]]
    if between == "group":
        names = sorted(groups)
        attrs = {g: nodes.group(groups[g]) for g in names}
        pairs = [(h, g, s) for g, h, s in ties]
    elif between == "organisation":
        names = sorted(orgs)
        attrs = {o: nodes.organisation(orgs[o]) for o in names}
        pairs = [(g, h, s) for g, h, s in ties if h in orgs]
    else:
        attrs = {
            ids.person(p): nodes.person(people[p], seat_professions.get(p, ()))
            for p in people
        }
        names = sorted(attrs)
        pairs = [(g, ids.person(h), s) for g, h, s in ties if h in people]

    if weight == "days":
        pairs = _merge_spans(pairs)
    col = {n: i for i, n in enumerate(names)}
    row: dict[str, int] = {}
    rows = [row.setdefault(r, len(row)) for r, _, _ in pairs]
    cols = [col[c] for _, c, _ in pairs]
    u, v, weights = _project(
        np.asarray(rows, dtype=np.int64),
        (len(row), len(names)),
        weight,
        np.asarray([s for _, _, s in pairs], dtype=np.int64).reshape(-1, 2),
        keep_zero=False,
        cols=np.asarray(cols, dtype=np.int64),
    )
    G: nx.Graph[str] = nx.Graph()
    G.graph.update(
        structure=structure.id,
        projection=between,
        weight=weight,
        pseudonymised=not include_personal,
    )
    if on is not None:
        G.graph["on"] = on.isoformat()
    if period is not None:
        G.graph["period"] = period.to_edtf()
    add_nodes(G, names, map(attrs.__getitem__, names))
    _add_edges(G, names, u, v, weights)
    return G
