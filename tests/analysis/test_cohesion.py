from __future__ import annotations

import math

from typing import Any

import networkx as nx
import pytest

from oppilashuolto.analysis import (
    EIScore,
    attribute_assortativity,
    betweenness_centralization,
    components_summary,
    degree_centralization,
    density,
    ei_index,
)
from oppilashuolto.errors import ValidationError


def ei(internal: int, external: int, index: float) -> EIScore:
    return EIScore(internal=internal, external=external, index=index)


class TestEIIndex:
    def test_network_value_of_fixture_a(self, fixture_a):
        """Fixture A has 4 internal and 4 external ties, so E-I is 0."""
        assert ei(4, 4, 0.0) == ei_index(fixture_a, "sector").network

    def test_group_values_of_fixture_a(self, fixture_a):
        """Groups count the ties incident to them, as in network-measures.md §4.1."""
        expected = (
            ("health", ei(1, 1, 0.0)),
            ("school", ei(2, 3, 0.2)),
            ("social", ei(1, 4, 0.6)),
        )
        assert expected == ei_index(fixture_a, "sector").by_group

    def test_node_values_of_fixture_a(self, fixture_a):
        """Node indices are those of network-measures.md §4.1."""
        expected = {
            "K1": 0.0,
            "K2": -1 / 3,
            "K3": 0.0,
            "S1": 1 / 3,
            "S2": 1 / 3,
            "T1": 0.0,
            "T2": -1.0,
        }
        actual = {
            node: score.index for node, score in ei_index(fixture_a, "sector").by_node
        }
        assert expected == pytest.approx(actual)

    def test_undirected_reading_gives_the_same(self, fixture_a, fixture_a_undirected):
        """Reading fixture A without direction leaves every value unchanged."""
        assert ei_index(fixture_a, "sector") == ei_index(fixture_a_undirected, "sector")

    def test_isolate_has_nan_index(self, fixture_a):
        """A node without ties has no E-I index."""
        graph = fixture_a.copy()
        graph.add_node("X1", sector="school")
        graph.add_edge("X1", "X1")
        score = dict(ei_index(graph, "sector").by_node)["X1"]
        assert (0, 0) == (score.internal, score.external)
        assert math.isnan(score.index)

    def test_records_the_attribute(self, fixture_a):
        """The result names its partition attribute."""
        assert "sector" == ei_index(fixture_a, "sector").attribute

    def test_missing_attribute_names_nodes(self, fixture_a):
        """A node without the attribute is named in the error."""
        graph = fixture_a.copy()
        graph.add_node("Z9")
        with pytest.raises(
            ValidationError,
            match=r"node attribute 'sector' must be set on every node \(missing on 1 of 8: 'Z9'\)",
        ):
            ei_index(graph, "sector")


class TestDensity:
    def test_fixture_a_directed_and_undirected(self, fixture_a, fixture_a_undirected):
        """Fixture A has density 8/42 as arcs and 8/21 as edges."""
        assert (8 / 42, 8 / 21) == (density(fixture_a), density(fixture_a_undirected))

    def test_self_loops_are_left_out(self):
        """A self-loop does not count as a tie."""
        graph: nx.Graph[int] = nx.Graph([(0, 1), (1, 1)])
        assert 1.0 == density(graph)

    def test_single_node_is_refused(self):
        """Density is undefined on fewer than 2 nodes."""
        graph: nx.Graph[int] = nx.Graph()
        graph.add_node(1)
        with pytest.raises(
            ValidationError, match=r"G must have at least 2 nodes for density \(got 1\)"
        ):
            density(graph)

    def test_multigraph_is_refused(self):
        """networkx would count parallel edges; we refuse them."""
        with pytest.raises(ValidationError, match="for density"):
            density(nx.MultiDiGraph([(0, 1), (0, 1), (1, 2)]))


class TestDegreeCentralization:
    def test_star_is_one(self):
        """A star is the most centralised graph."""
        assert 1.0 == degree_centralization(nx.star_graph(5))

    def test_line_of_five(self):
        """A path of 5 nodes has (1 + 0 + 0 + 0 + 1) / (4 · 3) = 1/6."""
        assert 2 / 12 == degree_centralization(nx.path_graph(5))

    def test_fixture_a_undirected(self, fixture_a_undirected):
        """Undirected fixture A gives sna's 0.166667."""
        assert 0.166667 == round(degree_centralization(fixture_a_undirected), 6)

    def test_reciprocated_star_with_total_degree(self):
        """A star with arcs both ways reaches the maximum 2(n-1)(n-2)."""
        graph: nx.DiGraph[int] = nx.DiGraph(nx.star_graph(4))
        assert 1.0 == degree_centralization(graph, direction="all")

    def test_out_star_with_out_degree(self):
        """An out-star is 1 by out-degree and 1/(n-1)² by in-degree."""
        graph: nx.DiGraph[int] = nx.DiGraph([(0, i) for i in range(1, 5)])
        assert (1.0, 1 / 16) == (
            degree_centralization(graph, direction="out"),
            degree_centralization(graph, direction="in"),
        )

    def test_self_loop_does_not_count(self):
        """A self-loop on a leaf leaves the star's value at 1."""
        graph: nx.Graph[int] = nx.star_graph(4)
        graph.add_edge(1, 1)
        assert 1.0 == degree_centralization(graph)

    def test_direction_on_undirected_graph_is_refused(self):
        """An undirected graph has only 'all' degree."""
        with pytest.raises(
            ValidationError,
            match="direction must be 'all' for an undirected graph \\(got 'in'\\)",
        ):
            degree_centralization(nx.star_graph(3), direction="in")

    def test_unknown_direction_is_refused(self):
        """An unknown direction is named."""
        with pytest.raises(
            ValidationError,
            match="direction must be 'all', 'in' or 'out' \\(got 'up'\\)",
        ):
            degree_centralization(nx.DiGraph(nx.star_graph(3)), direction="up")  # type: ignore[arg-type]

    def test_two_nodes_are_refused(self):
        """The undirected maximum is 0 below 3 nodes."""
        with pytest.raises(ValidationError, match="at least 3 nodes"):
            degree_centralization(nx.path_graph(2))


class TestBetweennessCentralization:
    def test_star_is_one(self):
        """A star is the most centralised graph."""
        assert 1.0 == betweenness_centralization(nx.star_graph(6))

    def test_line_of_five(self):
        """A path of 5 nodes has betweenness 0, 3, 4, 3, 0, so (4+1+0+1+4) / 24."""
        assert 10 / 24 == betweenness_centralization(nx.path_graph(5))

    def test_fixture_a_undirected(self, fixture_a_undirected):
        """Undirected fixture A gives sna's 0.414815."""
        assert 0.414815 == round(betweenness_centralization(fixture_a_undirected), 6)

    def test_directed_star(self):
        """A reciprocated star is 1 with ordered pairs, (n-1)²(n-2)."""
        assert 1.0 == betweenness_centralization(nx.DiGraph(nx.star_graph(4)))

    def test_cycle_is_zero(self):
        """All nodes of a cycle are equally between."""
        assert 0.0 == betweenness_centralization(nx.cycle_graph(6))


class TestComponentsSummary:
    def test_components_and_isolates(self):
        """Sizes come largest first and isolates sorted."""
        graph: nx.Graph[Any] = nx.Graph([("a", "b"), ("b", "c"), ("d", "e")])
        graph.add_nodes_from(["z", "y"])
        summary = components_summary(graph)
        assert ((3, 2, 1, 1), ("y", "z")) == (summary.component_sizes, summary.isolates)
        assert (4, 7, 3 / 7) == (
            summary.n_components,
            summary.n_nodes,
            summary.largest_share,
        )
        assert 1 - (6 + 2) / 42 == summary.fragmentation

    def test_directed_graph_uses_weak_components(self, fixture_a):
        """Fixture A is one weak component without isolates."""
        summary = components_summary(fixture_a)
        assert (True, (7,), (), 0.0) == (
            summary.directed,
            summary.component_sizes,
            summary.isolates,
            summary.fragmentation,
        )

    def test_single_node_has_nan_fragmentation(self):
        """One node has no pairs, so fragmentation is undefined."""
        graph: nx.Graph[int] = nx.Graph()
        graph.add_node(0)
        summary = components_summary(graph)
        assert ((1,), (0,)) == (summary.component_sizes, summary.isolates)
        assert math.isnan(summary.fragmentation)

    def test_empty_graph_is_refused(self):
        """A graph without nodes has no components to summarise."""
        with pytest.raises(
            ValidationError, match=r"at least 1 nodes for components \(got 0\)"
        ):
            components_summary(nx.Graph())


class TestAttributeAssortativity:
    def test_fixture_a_undirected(self, fixture_a_undirected):
        """Undirected fixture A gives 0.209877 by sector."""
        assert 0.209877 == round(
            attribute_assortativity(fixture_a_undirected, "sector"), 6
        )

    def test_one_group_is_nan(self):
        """With every tie inside one group the coefficient is 0/0."""
        graph: nx.Graph[int] = nx.path_graph(3)
        nx.set_node_attributes(graph, dict.fromkeys(graph, "x"), "g")
        assert math.isnan(attribute_assortativity(graph, "g"))

    def test_no_edges_is_refused(self):
        """Assortativity is undefined without edges."""
        graph: nx.Graph[int] = nx.Graph()
        graph.add_nodes_from([(0, {"g": 1}), (1, {"g": 2})])
        with pytest.raises(
            ValidationError, match="at least one edge for assortativity"
        ):
            attribute_assortativity(graph, "g")

    def test_missing_attribute_is_refused(self, fixture_a_undirected):
        """The missing attribute is named before networkx sees it."""
        with pytest.raises(ValidationError, match="node attribute 'kind' must be set"):
            attribute_assortativity(fixture_a_undirected, "kind")
