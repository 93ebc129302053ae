"""
Whole-network cohesion and integration measures.

E-I index, density, Freeman centralisation, components and isolates, and
attribute assortativity. Self-loops are not ties between actors: the measures
computed here leave them out. Louvain modularity is in
`oppilashuolto.analysis.communities`, multiplexity in
`oppilashuolto.analysis.multiplex`.
"""

# networkx convention: the graph argument is G

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, Literal

import attrs
import networkx as nx
import numpy as np

from oppilashuolto.analysis._common import (
    N,
    call_nx,
    node_partition,
    require_nodes,
    require_simple,
    sorted_nodes,
    tie_counts,
)
from oppilashuolto.errors import ValidationError


__all__ = [
    "ComponentsSummary",
    "EIResult",
    "EIScore",
    "attribute_assortativity",
    "betweenness_centralization",
    "components_summary",
    "degree_centralization",
    "density",
    "ei_index",
]


@attrs.frozen(kw_only=True)
class EIScore:
    """
    Internal and external ties, and their E-I index.

    Attributes:
        internal: Ties within a group (*I*).
        external: Ties between groups (*E*).
        index: ``(E - I) / (E + I)``, from -1 (all internal) to +1 (all
            external); NaN without ties.
    """

    internal: int
    external: int
    index: float


@attrs.frozen(kw_only=True)
class EIResult:
    """
    The Krackhardt–Stern E-I index at network, group and node level.

    Attributes:
        attribute: The node attribute that partitions the nodes.
        network: All ties of the graph.
        by_group: ``(group, score)`` pairs, sorted by group; a group's ties
            are those with at least one end in it.
        by_node: ``(node, score)`` pairs, sorted by node; a node's ties are
            those incident to it.
    """

    attribute: str
    network: EIScore
    by_group: tuple[tuple[Hashable, EIScore], ...]
    by_node: tuple[tuple[Hashable, EIScore], ...]


def ei_index(G: nx.Graph[N], attribute: str) -> EIResult:
    """
    Compute the Krackhardt–Stern E-I index of a node partition.

    Each edge (or arc, in a directed graph) is one tie; an arc and its reverse
    are two ties.

    Args:
        G: A Graph or DiGraph; it is not changed.
        attribute: The node attribute holding each node's group.

    Returns:
        The index for the network, each group and each node.

    Raises:
        ValidationError: If *G* is a multigraph or some node lacks *attribute*.

    Examples:
        >>> G = nx.path_graph(["a", "b", "c"])
        >>> nx.set_node_attributes(G, {"a": 1, "b": 1, "c": 2}, "org")
        >>> ei_index(G, "org").network
        EIScore(internal=1, external=1, index=0.0)
        >>> dict(ei_index(G, "org").by_node)["c"].index
        1.0

    References:
        Krackhardt, D. & Stern, R. N. (1988). Informal networks and
        organizational crises: An experimental simulation. *Social Psychology
        Quarterly* 51(2), 123–140. doi:10.2307/2786835.
    """
    require_simple(G, "the E-I index")
    groups = node_partition(G, attribute)
    nodes = sorted_nodes(G)
    labels = sorted_nodes(set(groups.values()))
    node_at = {node: i for i, node in enumerate(nodes)}
    group_at = {label: i for i, label in enumerate(labels)}
    ends = np.array(
        [(node_at[u], node_at[v]) for u, v in G.edges() if u != v], dtype=np.int64
    )
    ends = ends.reshape(-1, 2)
    codes = np.array([group_at[groups[node]] for node in nodes], dtype=np.int64)
    internal = codes[ends[:, 0]] == codes[ends[:, 1]]

    def tally(keys: Any, size: int) -> tuple[Any, Any]:
        # ties per key, internal and external; a tie counts once for each end
        flat_int = np.concatenate([keys[internal, 0], keys[internal, 1]])
        flat_ext = np.concatenate([keys[~internal, 0], keys[~internal, 1]])
        return np.bincount(flat_int, minlength=size), np.bincount(
            flat_ext, minlength=size
        )

    node_int, node_ext = tally(ends, len(nodes))
    group_int, group_ext = tally(codes[ends], len(labels))
    # an internal tie has both ends in one group: count it once there
    group_int //= 2
    return EIResult(
        attribute=attribute,
        network=_ei(int(internal.sum()), int((~internal).sum())),
        by_group=tuple(
            (label, _ei(int(group_int[i]), int(group_ext[i])))
            for i, label in enumerate(labels)
        ),
        by_node=tuple(
            (node, _ei(int(node_int[i]), int(node_ext[i])))
            for i, node in enumerate(nodes)
        ),
    )


def _ei(internal: int, external: int) -> EIScore:
    ties = internal + external
    index = (external - internal) / ties if ties else float("nan")
    return EIScore(internal=internal, external=external, index=index)


def density(G: nx.Graph[Any]) -> float:
    """
    Return the share of possible ties present.

    Unlike `networkx.density`, self-loops are not counted.

    Args:
        G: A Graph or DiGraph with at least 2 nodes; it is not changed.

    Returns:
        ``m / (n (n - 1) / 2)`` for a Graph, ``m / (n (n - 1))`` for a DiGraph.

    Raises:
        ValidationError: If *G* is a multigraph or has fewer than 2 nodes.

    Examples:
        >>> density(nx.path_graph(3))
        0.666...
    """
    require_simple(G, "density")
    require_nodes(G, 2, "density")
    n = G.number_of_nodes()
    ties = G.number_of_edges() - nx.number_of_selfloops(G)
    possible = n * (n - 1) if G.is_directed() else n * (n - 1) / 2
    return ties / possible


def degree_centralization(
    G: nx.Graph[Any], *, direction: Literal["all", "in", "out"] = "all"
) -> float:
    """
    Return Freeman's degree centralisation of *G*.

    ``C = Σ_i (max(c) - c_i) / C_max`` with raw degrees *c* (self-loops left
    out) and *C_max* the value for a star, as in R ``sna::centralization``:
    ``(n-1)(n-2)`` for a Graph; for a DiGraph ``(n-1)²`` with in- or
    out-degree and ``2(n-1)(n-2)`` with their sum (``direction="all"``).

    Args:
        G: A Graph or DiGraph with at least 3 nodes; it is not changed.
        direction: For a DiGraph, which degree: ``"all"`` (in + out, sna's
            ``"freeman"``), ``"in"`` or ``"out"``.

    Returns:
        A value from 0 (all degrees equal) to 1 (a star).

    Raises:
        ValidationError: If *G* is a multigraph or has fewer than 3 nodes, or
            *direction* is not ``"all"`` for a Graph.

    Examples:
        >>> degree_centralization(nx.star_graph(4))
        1.0
        >>> degree_centralization(nx.cycle_graph(5))
        0.0

    References:
        Freeman, L. C. (1979). Centrality in social networks: Conceptual
        clarification. *Social Networks* 1(3), 215–239.
        doi:10.1016/0378-8733(78)90021-7.
    """
    require_simple(G, "degree centralisation")
    require_nodes(G, 3, "degree centralisation")
    degrees = list(tie_counts(G, direction).values())
    n = len(degrees)
    if not G.is_directed():
        most = (n - 1) * (n - 2)
    elif direction == "all":
        most = 2 * (n - 1) * (n - 2)
    else:
        most = (n - 1) ** 2
    top = max(degrees)
    return sum(top - d for d in degrees) / most


def betweenness_centralization(
    G: nx.Graph[Any], *, backend: str | None = None
) -> float:
    """
    Return Freeman's betweenness centralisation of *G*.

    ``C = Σ_i (max(b) - b_i) / B_max`` with raw (unnormalised) betweenness
    *b* from `networkx.betweenness_centrality` and *B_max* the value for a
    star, as in R ``sna::centralization``: ``(n-1)²(n-2)/2`` for a Graph
    (unordered pairs), ``(n-1)²(n-2)`` for a DiGraph (ordered pairs).

    Args:
        G: A Graph or DiGraph with at least 3 nodes; it is not changed.
        backend: networkx backend to dispatch to; networkx's own
            configuration decides when `None`.

    Returns:
        A value from 0 to 1 (a star).

    Raises:
        ValidationError: If *G* is a multigraph or has fewer than 3 nodes.

    Examples:
        >>> betweenness_centralization(nx.star_graph(4))
        1.0
        >>> betweenness_centralization(nx.path_graph(3))
        1.0

    References:
        Freeman, L. C. (1979). Centrality in social networks: Conceptual
        clarification. *Social Networks* 1(3), 215–239.
        doi:10.1016/0378-8733(78)90021-7.
    """
    require_simple(G, "betweenness centralisation")
    require_nodes(G, 3, "betweenness centralisation")
    scores = call_nx(nx.betweenness_centrality, G, normalized=False, backend=backend)
    n = G.number_of_nodes()
    most = (n - 1) ** 2 * (n - 2) / (1 if G.is_directed() else 2)
    top = max(scores.values())
    return float(sum(top - b for b in scores.values()) / most)


@attrs.frozen(kw_only=True)
class ComponentsSummary:
    """
    Components and isolates of a graph.

    Attributes:
        directed: Whether *G* was directed; its components are then weakly
            connected ones.
        n_nodes: Number of nodes.
        component_sizes: Sizes of the components, largest first.
        isolates: Nodes without any tie, sorted.
        largest_share: Share of nodes in the largest component.
        fragmentation: Share of node pairs in different components (NaN for a
            single node).
    """

    directed: bool
    n_nodes: int
    component_sizes: tuple[int, ...]
    isolates: tuple[Hashable, ...]
    largest_share: float
    fragmentation: float

    @property
    def n_components(self) -> int:
        """Number of (weakly) connected components."""
        return len(self.component_sizes)


def components_summary(
    G: nx.Graph[Any], *, backend: str | None = None
) -> ComponentsSummary:
    """
    Summarise the components and isolates of *G*.

    Args:
        G: A non-empty Graph or DiGraph; it is not changed.
        backend: networkx backend to dispatch to; networkx's own
            configuration decides when `None`.

    Returns:
        Component sizes, isolates and fragmentation.

    Raises:
        ValidationError: If *G* is a multigraph or has no nodes.

    Examples:
        >>> G = nx.Graph([("a", "b"), ("c", "d")])
        >>> G.add_node("e")
        >>> summary = components_summary(G)
        >>> summary.component_sizes, summary.isolates, summary.fragmentation
        ((2, 2, 1), ('e',), 0.8)
    """
    require_simple(G, "components")
    require_nodes(G, 1, "components")
    find: Callable[..., Iterable[set[Any]]] = (
        nx.weakly_connected_components if G.is_directed() else nx.connected_components
    )
    sizes = sorted((len(c) for c in call_nx(find, G, backend=backend)), reverse=True)
    n = G.number_of_nodes()
    same = sum(s * (s - 1) for s in sizes)
    return ComponentsSummary(
        directed=G.is_directed(),
        n_nodes=n,
        component_sizes=tuple(sizes),
        isolates=tuple(sorted_nodes(call_nx(nx.isolates, G, backend=backend))),
        largest_share=sizes[0] / n,
        fragmentation=1 - same / (n * (n - 1)) if n > 1 else float("nan"),
    )


def attribute_assortativity(
    G: nx.Graph[Any], attribute: str, *, backend: str | None = None
) -> float:
    """
    Return Newman's assortativity of a categorical node attribute.

    Wraps `networkx.attribute_assortativity_coefficient`. The value is NaN
    when every tie joins one group (the coefficient is 0/0 there).

    Args:
        G: A Graph or DiGraph with at least one edge; it is not changed.
        attribute: The node attribute holding each node's group.
        backend: networkx backend to dispatch to; networkx's own
            configuration decides when `None`.

    Returns:
        A value from -1 (disassortative) to 1 (ties only within groups).

    Raises:
        ValidationError: If *G* is a multigraph, has no edges, or some node
            lacks *attribute*.

    Examples:
        >>> G = nx.Graph([("a", "b"), ("c", "d")])
        >>> nx.set_node_attributes(G, {"a": 1, "b": 1, "c": 2, "d": 2}, "org")
        >>> attribute_assortativity(G, "org")
        1.0

    References:
        Newman, M. E. J. (2003). Mixing patterns in networks. *Physical
        Review E* 67, 026126. doi:10.1103/PhysRevE.67.026126.
    """
    require_simple(G, "assortativity")
    node_partition(G, attribute)
    if G.number_of_edges() == 0:
        msg = "G must have at least one edge for assortativity (got none)"
        raise ValidationError(msg)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = call_nx(
            nx.attribute_assortativity_coefficient, G, attribute, backend=backend
        )
    return float(value)
