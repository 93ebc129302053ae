"""
Multiplexity: how many dyads are tied in more than one layer.
"""

# networkx convention: the graph argument is G

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import attrs
import networkx as nx

from oppilashuolto.analysis._common import named, sorted_nodes
from oppilashuolto.errors import ValidationError


__all__ = ["MultiplexityResult", "multiplexity"]


@attrs.frozen(kw_only=True)
class MultiplexityResult:
    """
    Layers per dyad, and the share of multiplex dyads.

    Attributes:
        attribute: The edge attribute naming each edge's layer.
        layers: The layers taken into account, sorted.
        dyads: ``(u, v, layers)`` for each pair of distinct nodes tied in at
            least one layer, with *u* before *v*, sorted.
        network: Share of tied dyads tied in two or more layers.
        by_node: ``(node, share)`` pairs, sorted by node: the share of the
            node's tied dyads that are multiplex (NaN without ties).
    """

    attribute: str
    layers: tuple[Hashable, ...]
    dyads: tuple[tuple[Hashable, Hashable, tuple[Hashable, ...]], ...]
    network: float
    by_node: tuple[tuple[Hashable, float], ...]


def multiplexity(
    G: nx.MultiGraph[Any],
    *,
    attribute: str = "layer",
    layers: Iterable[Hashable] | None = None,
) -> MultiplexityResult:
    """
    Measure how many dyads are tied in more than one layer.

    A dyad is an unordered pair of distinct nodes, so in a MultiDiGraph arcs
    either way tie it. Parallel edges in one layer count once.

    Args:
        G: A MultiGraph or MultiDiGraph whose edges carry *attribute*; it is
            not changed.
        attribute: The edge attribute naming each edge's layer.
        layers: The layers to take into account; all when `None`.

    Returns:
        The layers of each dyad and the multiplex shares.

    Raises:
        ValidationError: If *G* is not a multigraph, an edge lacks
            *attribute*, *layers* names a layer no edge has, or no dyad is
            tied in the chosen layers.

    Examples:
        >>> G = nx.MultiGraph()
        >>> _ = G.add_edges_from([("a", "b", {"layer": "steering"}),
        ...                       ("a", "b", {"layer": "working"}),
        ...                       ("b", "c", {"layer": "working"})])
        >>> result = multiplexity(G)
        >>> result.network, dict(result.by_node)
        (0.5, {'a': 1.0, 'b': 0.5, 'c': 0.0})

    References:
        Provan, K. G. & Milward, H. B. (2001). Do networks really work? A
        framework for evaluating public-sector organizational networks.
        *Public Administration Review* 61(4), 414–423.
    """
    if not G.is_multigraph():
        msg = f"G must be a MultiGraph or MultiDiGraph for multiplexity (got a {type(G).__name__})"
        raise ValidationError(msg)
    edges: list[tuple[Any, Any, Any, Hashable]] = list(
        G.edges(keys=True, data=attribute)
    )
    missing = [(u, v, k) for u, v, k, layer in edges if layer is None]
    if missing:
        msg = (
            f"edge attribute {attribute!r} must be set on every edge "
            f"(missing on {len(missing)} of {len(edges)}: {named(missing)})"
        )
        raise ValidationError(msg)
    present = {layer for _, _, _, layer in edges}
    chosen = present if layers is None else set(layers)
    unknown = chosen - present
    if unknown:
        msg = f"Unknown layer {named(unknown)}; expected one of: {named(present)}"
        raise ValidationError(msg)
    order = {node: i for i, node in enumerate(sorted_nodes(G))}
    per_dyad: dict[tuple[Hashable, Hashable], set[Hashable]] = {}
    for u, v, _, layer in edges:
        if u != v and layer in chosen:
            dyad = (u, v) if order[u] < order[v] else (v, u)
            per_dyad.setdefault(dyad, set()).add(layer)
    if not per_dyad:
        msg = "G must have at least one edge between distinct nodes in the chosen layers for multiplexity"
        raise ValidationError(msg)
    tied = dict.fromkeys(order, 0)
    multiplex = dict.fromkeys(order, 0)
    for (u, v), found in per_dyad.items():
        for node in (u, v):
            tied[node] += 1
            multiplex[node] += len(found) >= 2
    dyads = sorted(per_dyad, key=lambda d: (order[d[0]], order[d[1]]))
    return MultiplexityResult(
        attribute=attribute,
        layers=tuple(sorted_nodes(chosen)),
        dyads=tuple((u, v, tuple(sorted_nodes(per_dyad[u, v]))) for u, v in dyads),
        network=sum(len(f) >= 2 for f in per_dyad.values()) / len(per_dyad),
        by_node=tuple(
            (node, multiplex[node] / tied[node] if tied[node] else float("nan"))
            for node in order
        ),
    )
