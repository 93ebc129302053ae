"""
Node centralities: degree, strength, betweenness and eigenvector.

Every function returns a plain dict whose order is the sorted node order, and
refuses multigraphs: aggregate parallel edges into a weighted simple graph
first.
"""

# networkx convention: the graph argument is G

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx

from oppilashuolto.analysis._common import (
    Direction,
    N,
    adjacencies,
    call_nx,
    require_nodes,
    require_simple,
    sorted_items,
    tie_counts,
    tie_strengths,
)
from oppilashuolto.errors import OppilashuoltoError, ValidationError


__all__ = [
    "betweenness_centrality",
    "degree",
    "degree_centrality",
    "eigenvector_centrality",
    "strength",
]


def degree(G: nx.Graph[N], *, direction: Direction = "all") -> dict[N, int]:
    """
    Count each node's ties to other nodes.

    Self-loops are left out (networkx's `~networkx.Graph.degree` counts them).

    Args:
        G: A Graph or DiGraph; it is not changed.
        direction: For a DiGraph, ``"all"`` (in + out), ``"in"`` or ``"out"``.

    Returns:
        Degree by node, sorted by node.

    Raises:
        ValidationError: If *G* is a multigraph, or *direction* is unknown or
            not ``"all"`` for a Graph.

    Examples:
        >>> degree(nx.DiGraph([("b", "a"), ("c", "a")]), direction="in")
        {'a': 2, 'b': 0, 'c': 0}
    """
    require_simple(G, "degree")
    return tie_counts(G, direction)


def strength(
    G: nx.Graph[N], *, weight: str = "weight", direction: Direction = "all"
) -> dict[N, float]:
    """
    Sum the weights of each node's ties to other nodes (weighted degree).

    An edge without *weight* counts 1, as in networkx; self-loops are left out.

    Args:
        G: A Graph or DiGraph; it is not changed.
        weight: The edge attribute holding tie strength.
        direction: For a DiGraph, ``"all"`` (in + out), ``"in"`` or ``"out"``.

    Returns:
        Strength by node, sorted by node.

    Raises:
        ValidationError: If *G* is a multigraph, a *weight* value is not a
            number, or *direction* is unknown or not ``"all"`` for a Graph.

    Examples:
        >>> G = nx.Graph()
        >>> G.add_edge("a", "b", weight=2.5)
        >>> G.add_edge("b", "c")
        >>> strength(G)
        {'a': 2.5, 'b': 3.5, 'c': 1.0}
    """
    require_simple(G, "strength")
    return tie_strengths(G, direction, weight)


def degree_centrality(
    G: nx.Graph[N], *, direction: Direction = "all", backend: str | None = None
) -> dict[N, float]:
    """
    Return each node's degree over ``n - 1``, by calling networkx.

    Calls `networkx.degree_centrality` (or its ``in_``/``out_`` variants),
    which count self-loops; with ``direction="all"`` a DiGraph's values can
    exceed 1.

    Args:
        G: A Graph or DiGraph; it is not changed.
        direction: For a DiGraph, ``"all"`` (in + out), ``"in"`` or ``"out"``.
        backend: networkx backend to dispatch to; networkx's own
            configuration decides when `None`.

    Returns:
        Normalised degree by node, sorted by node.

    Raises:
        ValidationError: If *G* is a multigraph, or *direction* is unknown or
            not ``"all"`` for a Graph.

    Examples:
        >>> degree_centrality(nx.star_graph(2))
        {0: 1.0, 1: 0.5, 2: 0.5}

    References:
        Freeman, L. C. (1979). Centrality in social networks: Conceptual
        clarification. *Social Networks* 1(3), 215–239.
        doi:10.1016/0378-8733(78)90021-7.
    """
    require_simple(G, "degree centrality")
    adjacencies(G, direction)  # validates *direction* for this graph
    funcs: dict[str, Callable[..., dict[N, float]]] = {
        "all": nx.degree_centrality,
        "in": nx.in_degree_centrality,
        "out": nx.out_degree_centrality,
    }
    return sorted_items(call_nx(funcs[direction], G, backend=backend))


def betweenness_centrality(
    G: nx.Graph[N],
    *,
    k: int | None = None,
    seed: int | None = None,
    normalized: bool = True,
    weight: str | None = None,
    endpoints: bool = False,
    backend: str | None = None,
) -> dict[N, float]:
    """
    Return each node's betweenness, exact or estimated from *k* sources.

    Calls `networkx.betweenness_centrality`. A *weight* is a **distance**:
    invert tie strengths before passing them.

    Args:
        G: A Graph or DiGraph; it is not changed.
        k: Number of sampled source nodes; exact when `None`.
        seed: Seed of the sample; required with *k*.
        normalized: Divide by the number of node pairs, ``(n-1)(n-2)``
            (halved for a Graph).
        weight: Edge attribute holding distances; unweighted when `None`.
        endpoints: Count the endpoints of each shortest path too.
        backend: networkx backend to dispatch to; networkx's own
            configuration decides when `None`.

    Returns:
        Betweenness by node, sorted by node.

    Raises:
        ValidationError: If *G* is a multigraph, *k* is out of range, or *k*
            is given without *seed*.

    Examples:
        >>> betweenness_centrality(nx.path_graph(3), normalized=False)
        {0: 0.0, 1: 1.0, 2: 0.0}

        Sampling 2 of the 4 sources estimates the exact 2/3 of the middle nodes:

        >>> betweenness_centrality(nx.path_graph(4), k=2, seed=7)
        {0: 0.0, 1: 0.75, 2: 0.5, 3: 0.0}

    References:
        Freeman, L. C. (1979). Centrality in social networks: Conceptual
        clarification. *Social Networks* 1(3), 215–239.
        doi:10.1016/0378-8733(78)90021-7.
        Brandes, U. (2001). A faster algorithm for betweenness centrality.
        *Journal of Mathematical Sociology* 25(2), 163–177.
    """
    require_simple(G, "betweenness")
    if k is not None:
        n = G.number_of_nodes()
        if not 1 <= k <= n:
            msg = f"k must be between 1 and the number of nodes, {n} (got {k})"
            raise ValidationError(msg)
        if seed is None:
            msg = "seed must be an int when k samples the sources (got None)"
            raise ValidationError(msg)
    scores = call_nx(
        nx.betweenness_centrality,
        G,
        k=k,
        normalized=normalized,
        weight=weight,
        endpoints=endpoints,
        seed=seed,
        backend=backend,
    )
    return sorted_items(scores)


def eigenvector_centrality(
    G: nx.Graph[N],
    *,
    weight: str | None = None,
    max_iter: int = 100,
    tol: float = 1e-6,
    backend: str | None = None,
) -> dict[N, float]:
    """
    Return each node's eigenvector centrality, by power iteration.

    Calls `networkx.eigenvector_centrality`; in a DiGraph a node is central
    when central nodes point to it (in-arcs). Values have Euclidean norm 1.

    Args:
        G: A non-empty Graph or DiGraph; it is not changed.
        weight: Edge attribute holding tie strength; unweighted when `None`.
        max_iter: Most power iterations before giving up.
        tol: Convergence tolerance.
        backend: networkx backend to dispatch to; networkx's own
            configuration decides when `None`.

    Returns:
        Eigenvector centrality by node, sorted by node.

    Raises:
        ValidationError: If *G* is a multigraph or has no nodes.
        OppilashuoltoError: If the iteration does not converge.

    Examples:
        >>> scores = eigenvector_centrality(nx.star_graph(2))
        >>> {node: round(value, 4) for node, value in scores.items()}
        {0: 0.7071, 1: 0.5, 2: 0.5}

    References:
        Bonacich, P. (1972). Factoring and weighting approaches to status
        scores and clique identification. *Journal of Mathematical Sociology*
        2(1), 113–120.
    """
    require_simple(G, "eigenvector centrality")
    require_nodes(G, 1, "eigenvector centrality")
    try:
        scores: dict[Any, float] = call_nx(
            nx.eigenvector_centrality,
            G,
            max_iter=max_iter,
            tol=tol,
            weight=weight,
            backend=backend,
        )
    except nx.PowerIterationFailedConvergence as exc:
        msg = (
            f"eigenvector centrality did not converge in max_iter={max_iter} "
            f"iterations (tol={tol}); raise max_iter or tol"
        )
        raise OppilashuoltoError(msg) from exc
    return sorted_items(scores)
