"""
Community detection: the Louvain method and the modularity of its partition.
"""

# networkx convention: the graph argument is G

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import attrs
import networkx as nx

from oppilashuolto.analysis._common import call_nx, require_simple, sorted_nodes
from oppilashuolto.errors import ValidationError


__all__ = ["LouvainResult", "louvain_modularity"]


@attrs.frozen(kw_only=True)
class LouvainResult:
    """
    A Louvain partition, its modularity and the parameters that produced it.

    Attributes:
        communities: Each community's nodes, sorted; largest community first,
            ties broken by smallest node.
        modularity: Newman–Girvan modularity of the partition.
        seed: The random seed.
        resolution: The resolution parameter.
        threshold: The modularity gain below which a level stops.
        weight: The edge attribute used as weight, or `None`.
    """

    communities: tuple[tuple[Hashable, ...], ...]
    modularity: float
    seed: int
    resolution: float
    threshold: float
    weight: str | None


def louvain_modularity(
    G: nx.Graph[Any],
    *,
    seed: int,
    weight: str | None = "weight",
    resolution: float = 1.0,
    threshold: float = 1e-7,
    backend: str | None = None,
) -> LouvainResult:
    """
    Partition *G* with the Louvain method and score the partition's modularity.

    Calls `networkx.community.louvain_communities` and
    `networkx.community.modularity`. The result depends on *seed* (and on the
    backend's random paths), so *seed* is required.

    Args:
        G: A Graph or DiGraph with at least one edge; it is not changed.
        seed: Seed of the random node order.
        weight: Edge attribute holding weights (1 where missing); `None`
            for unweighted.
        resolution: Below 1 favours larger communities, above 1 smaller.
        threshold: Modularity gain below which a level stops.
        backend: networkx backend to dispatch to; networkx's own
            configuration decides when `None`.

    Returns:
        The communities, their modularity and the parameters.

    Raises:
        ValidationError: If *G* is a multigraph or has no edges.

    Examples:
        >>> G = nx.barbell_graph(4, 0)
        >>> result = louvain_modularity(G, seed=1)
        >>> result.communities
        ((0, 1, 2, 3), (4, 5, 6, 7))
        >>> round(result.modularity, 4)
        0.4231

    References:
        Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008).
        Fast unfolding of communities in large networks. *Journal of
        Statistical Mechanics* P10008. doi:10.1088/1742-5468/2008/10/P10008.
    """
    require_simple(G, "Louvain modularity")
    if G.number_of_edges() == 0:
        msg = "G must have at least one edge for modularity (got none)"
        raise ValidationError(msg)
    options = {"weight": weight, "resolution": resolution}
    found = call_nx(
        nx.community.louvain_communities,
        G,
        threshold=threshold,
        seed=seed,
        backend=backend,
        **options,
    )
    order = {node: i for i, node in enumerate(sorted_nodes(G))}
    communities = sorted(
        (tuple(sorted_nodes(c)) for c in found), key=lambda c: (-len(c), order[c[0]])
    )
    score = call_nx(nx.community.modularity, G, found, backend=backend, **options)
    return LouvainResult(
        communities=tuple(communities),
        modularity=float(score),
        seed=seed,
        resolution=resolution,
        threshold=threshold,
        weight=weight,
    )
