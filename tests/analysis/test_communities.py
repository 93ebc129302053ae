from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from oppilashuolto.analysis import louvain_modularity
from oppilashuolto.errors import ValidationError


class TestLouvainModularity:
    def test_barbell_splits_into_its_cliques(self):
        """Two 5-cliques joined by one edge become two communities."""
        result = louvain_modularity(nx.barbell_graph(5, 0), seed=42)
        assert ((0, 1, 2, 3, 4), (5, 6, 7, 8, 9)) == result.communities
        assert nx.community.modularity(
            nx.barbell_graph(5, 0), [set(range(5)), set(range(5, 10))]
        ) == pytest.approx(result.modularity)

    def test_records_parameters(self):
        """Seed, resolution, threshold and weight are kept with the result."""
        result = louvain_modularity(
            nx.karate_club_graph(), seed=7, resolution=0.5, weight=None
        )
        assert (7, 0.5, 1e-7, None) == (
            result.seed,
            result.resolution,
            result.threshold,
            result.weight,
        )

    def test_same_seed_same_result(self):
        """Louvain is deterministic for a given seed."""
        graph: nx.Graph[int] = nx.karate_club_graph()
        assert louvain_modularity(graph, seed=11) == louvain_modularity(graph, seed=11)

    def test_communities_are_ordered(self):
        """Communities come largest first, each sorted."""
        communities: tuple[tuple[Any, ...], ...] = louvain_modularity(
            nx.karate_club_graph(), seed=1
        ).communities
        assert sorted(communities, key=lambda c: (-len(c), c[0])) == list(communities)
        assert all(list(c) == sorted(c) for c in communities)
        assert list(range(34)) == sorted(node for c in communities for node in c)

    def test_no_edges_is_refused(self):
        """Modularity is undefined without edges."""
        graph: nx.Graph[int] = nx.Graph()
        graph.add_nodes_from([1, 2])
        with pytest.raises(ValidationError, match="at least one edge for modularity"):
            louvain_modularity(graph, seed=1)

    def test_multigraph_is_refused(self):
        """Parallel edges must be aggregated first."""
        with pytest.raises(ValidationError, match="for Louvain modularity"):
            louvain_modularity(nx.MultiGraph([(1, 2), (1, 2)]), seed=1)
