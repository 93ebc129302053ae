"""
Preconditions and helpers shared by the measures in `oppilashuolto.analysis`.

Every check raises `oppilashuolto.errors.ValidationError` with a message in the
project's style, so that callers never see a bare networkx exception for bad
input.
"""

# networkx convention: the graph argument is G

from __future__ import annotations

import numbers

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping
from itertools import repeat
from operator import is_, itemgetter
from typing import Any, Literal, TypeVar, cast

import networkx as nx

from oppilashuolto.errors import ValidationError


__all__ = [
    "MAX_NAMED",
    "Direction",
    "N",
    "adjacencies",
    "call_nx",
    "named",
    "node_labels",
    "node_partition",
    "require_known_nodes",
    "require_nodes",
    "require_simple",
    "sorted_items",
    "sorted_nodes",
    "tie_counts",
    "tie_strengths",
]

N = TypeVar("N", bound=Hashable)
Direction = Literal["all", "in", "out"]
R = TypeVar("R")
V = TypeVar("V")

#: How many offending nodes or edges an error message names at most.
MAX_NAMED = 10


def _sort_key(value: object) -> tuple[str, str]:
    # fallback order for keys of mixed, mutually unorderable types
    return (type(value).__name__, repr(value))


def sorted_nodes(nodes: Iterable[N]) -> list[N]:
    """Return *nodes* in their natural order, or by type and repr if unorderable."""
    items: list[Any] = list(nodes)
    try:
        return sorted(items)
    except TypeError:
        return sorted(items, key=_sort_key)


def sorted_items(scores: dict[N, V]) -> dict[N, V]:
    """Return a copy of *scores* whose iteration order is the sorted node order."""
    return {node: scores[node] for node in sorted_nodes(scores)}


def named(values: Iterable[object]) -> str:
    """Name up to `MAX_NAMED` values, sorted, for an error message."""
    items = sorted_nodes(values)
    shown = ", ".join(repr(v) for v in items[:MAX_NAMED])
    return shown + (", …" if len(items) > MAX_NAMED else "")


def call_nx(
    func: Callable[..., R], /, *args: Any, backend: str | None, **kwargs: Any
) -> R:
    """Call a dispatchable networkx *func*, passing ``backend=`` only when set."""
    if backend is not None:
        kwargs["backend"] = backend
    return func(*args, **kwargs)


def require_simple(G: nx.Graph[Any], what: str) -> None:
    """Refuse a MultiGraph or MultiDiGraph, whose parallel edges skew *what*."""
    if G.is_multigraph():
        msg = (
            f"G must be a simple Graph or DiGraph for {what} "
            f"(got a {type(G).__name__}); aggregate parallel edges first, "
            "e.g. into one weighted graph per layer"
        )
        raise ValidationError(msg)


def require_nodes(G: nx.Graph[Any], minimum: int, what: str) -> None:
    """Refuse a graph with fewer than *minimum* nodes, where *what* is undefined."""
    n = G.number_of_nodes()
    if n < minimum:
        msg = f"G must have at least {minimum} nodes for {what} (got {n})"
        raise ValidationError(msg)


def require_known_nodes(G: nx.Graph[Any], nodes: Iterable[Hashable]) -> list[Hashable]:
    """Return *nodes* as a list, refusing any node that *G* does not hold."""
    wanted = list(nodes)
    unknown = {n for n in wanted if n not in G}
    if unknown:
        msg = f"nodes must all be nodes of G (unknown: {named(unknown)})"
        raise ValidationError(msg)
    return wanted


def node_partition(G: nx.Graph[N], attribute: str) -> dict[N, Hashable]:
    """
    Return the value of node attribute *attribute* for every node of *G*.

    A node without the attribute, or with the value `None`, is an error that
    names the attribute and up to `MAX_NAMED` of those nodes; so is an
    unhashable value (see `_partition_error`).
    """
    return dict(zip(G, node_labels(G, attribute), strict=True))


def node_labels(G: nx.Graph[Any], attribute: str) -> list[Hashable]:
    """
    Return each node's value of *attribute*, in *G*'s order, checked as `node_partition` says.

    The values are read and checked at C speed: `None` by identity (``in``
    would ask ``==``, which an array answers with an array) and hashability
    by hashing each; the slow pass of `_partition_error` runs only to name
    the nodes at fault.
    """
    labels: list[Hashable] = list(
        map(dict.get, map(itemgetter(1), G.nodes(data=True)), repeat(attribute))
    )
    if not any(map(is_, labels, repeat(None))):
        try:
            deque(map(hash, labels), maxlen=0)
        except TypeError:
            pass
        else:
            return labels
    raise _partition_error(G, attribute)


def _partition_error(G: nx.Graph[Any], attribute: str) -> ValidationError:
    """
    Return the error for a partition by *attribute* that some node of *G* fails.

    The error names the nodes without the attribute (or with `None`), or if
    there are none, the nodes whose value is unhashable.
    """
    pairs = list(G.nodes(data=attribute))
    missing = [node for node, value in pairs if value is None]
    if missing:
        msg = (
            f"node attribute {attribute!r} must be set on every node "
            f"(missing on {len(missing)} of {len(G)}: {named(missing)})"
        )
        return ValidationError(msg)
    unhashable = [node for node, value in pairs if not _hashable(value)]
    msg = (
        f"node attribute {attribute!r} must be hashable, such as a str "
        f"(unhashable on {len(unhashable)} nodes: {named(unhashable)})"
    )
    return ValidationError(msg)


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def adjacencies(
    G: nx.Graph[N], direction: Direction
) -> list[Mapping[N, Mapping[N, Any]]]:
    if not G.is_directed():
        if direction != "all":
            msg = f"direction must be 'all' for an undirected graph (got {direction!r})"
            raise ValidationError(msg)
        return [G.adj]
    D = cast("nx.DiGraph[N]", G)
    views: dict[str, list[Mapping[N, Mapping[N, Any]]]] = {
        "all": [D.pred, D.succ],
        "in": [D.pred],
        "out": [D.succ],
    }
    if direction not in views:
        msg = f"direction must be 'all', 'in' or 'out' (got {direction!r})"
        raise ValidationError(msg)
    return views[direction]


def tie_counts(G: nx.Graph[N], direction: Direction) -> dict[N, int]:
    """Count each node's ties to other nodes (self-loops left out), sorted by node."""
    views = adjacencies(G, direction)
    return {
        n: sum(len(view[n]) - (n in view[n]) for view in views) for n in sorted_nodes(G)
    }


def tie_strengths(G: nx.Graph[N], direction: Direction, weight: str) -> dict[N, float]:
    """Sum the weights of each node's ties to other nodes (1 where missing), sorted."""
    views = adjacencies(G, direction)
    totals: dict[N, float] = {}
    bad: list[tuple[N, N]] = []
    for n in sorted_nodes(G):
        total = 0.0
        for view in views:
            for other, data in view[n].items():
                value = data.get(weight, 1)
                if isinstance(value, bool) or not isinstance(value, numbers.Real):
                    bad.append((n, other))
                elif other != n:
                    total += float(value)
        totals[n] = total
    if bad:
        msg = (
            f"edge attribute {weight!r} must be a number where set "
            f"(not on {len(bad)} edge ends: {named(bad)})"
        )
        raise ValidationError(msg)
    return totals
