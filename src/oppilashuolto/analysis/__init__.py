"""
Measures researchers use on cooperation graphs.

The functions take networkx graphs (built by `oppilashuolto.graph`, or by
hand), never change them, and return sorted, deterministic results. Those
that call a networkx algorithm accept ``backend=`` and pass it on to
networkx's dispatcher when it is set, so installed backends such as
nx-parallel or nx-cugraph apply.
"""

from oppilashuolto.analysis.brokerage import (
    DIRECTED_ROLES,
    UNDIRECTED_ROLES,
    BrokerageResult,
    BrokerageRow,
    BrokerageTotals,
    brokerage,
    constraint,
    effective_size,
)
from oppilashuolto.analysis.centrality import (
    betweenness_centrality,
    degree,
    degree_centrality,
    eigenvector_centrality,
    strength,
)
from oppilashuolto.analysis.cohesion import (
    ComponentsSummary,
    EIResult,
    EIScore,
    attribute_assortativity,
    betweenness_centralization,
    components_summary,
    degree_centralization,
    density,
    ei_index,
)
from oppilashuolto.analysis.communities import LouvainResult, louvain_modularity
from oppilashuolto.analysis.multiplex import MultiplexityResult, multiplexity


__all__ = [
    "DIRECTED_ROLES",
    "UNDIRECTED_ROLES",
    "BrokerageResult",
    "BrokerageRow",
    "BrokerageTotals",
    "ComponentsSummary",
    "EIResult",
    "EIScore",
    "LouvainResult",
    "MultiplexityResult",
    "attribute_assortativity",
    "betweenness_centrality",
    "betweenness_centralization",
    "brokerage",
    "components_summary",
    "constraint",
    "degree",
    "degree_centrality",
    "degree_centralization",
    "density",
    "effective_size",
    "ei_index",
    "eigenvector_centrality",
    "louvain_modularity",
    "multiplexity",
    "strength",
]
