from __future__ import annotations

import networkx as nx
import pytest

from oppilashuolto.analysis import (
    betweenness_centrality,
    degree,
    degree_centrality,
    eigenvector_centrality,
    strength,
)
from oppilashuolto.errors import OppilashuoltoError, ValidationError
from tests.analysis.graphs import GROUPS


class TestDegree:
    def test_fixture_a_in_and_out(self, fixture_a):
        """In- and out-degree of fixture A, sorted by node."""
        assert {
            "K1": 1,
            "K2": 1,
            "K3": 1,
            "S1": 1,
            "S2": 2,
            "T1": 1,
            "T2": 1,
        } == degree(fixture_a, direction="in")
        assert {
            "K1": 1,
            "K2": 2,
            "K3": 1,
            "S1": 2,
            "S2": 1,
            "T1": 1,
            "T2": 0,
        } == degree(fixture_a, direction="out")

    def test_self_loops_are_left_out(self):
        """A self-loop is not a tie to another node."""
        graph: nx.Graph[str] = nx.Graph([("a", "b"), ("a", "a")])
        assert {"a": 1, "b": 1} == degree(graph)

    def test_multigraph_is_refused(self):
        """Parallel edges would inflate degree."""
        with pytest.raises(ValidationError, match="for degree \\(got a MultiGraph\\)"):
            degree(nx.MultiGraph([(1, 2), (1, 2)]))


class TestStrength:
    def test_weights_are_summed_with_missing_as_one(self):
        """Each tie adds its weight, or 1 without one."""
        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_edge("a", "b", weight=2)
        graph.add_edge("c", "b", weight=0.5)
        graph.add_edge("b", "a")
        assert {"a": 3.0, "b": 3.5, "c": 0.5} == strength(graph)
        assert {"a": 1.0, "b": 2.5, "c": 0.0} == strength(graph, direction="in")

    def test_other_weight_attribute(self):
        """The weight attribute can be named."""
        graph: nx.Graph[str] = nx.Graph()
        graph.add_edge("a", "b", days=30)
        assert {"a": 30.0, "b": 30.0} == strength(graph, weight="days")

    def test_non_numeric_weight_is_refused(self):
        """A weight that is not a number is named by its edge."""
        graph: nx.Graph[str] = nx.Graph()
        graph.add_edge("a", "b", weight="heavy")
        with pytest.raises(
            ValidationError,
            match=r"edge attribute 'weight' must be a number where set \(not on 2 edge ends: \('a', 'b'\), \('b', 'a'\)\)",
        ):
            strength(graph)


class TestDegreeCentrality:
    def test_normalised_by_n_minus_one(self, fixture_a_undirected):
        """Degree over n - 1, as networkx computes it."""
        actual = degree_centrality(fixture_a_undirected)
        assert {"K1": 2 / 6, "K2": 3 / 6, "T2": 1 / 6} == {
            k: actual[k] for k in ("K1", "K2", "T2")
        }

    def test_directions(self, fixture_a):
        """In and out variants call networkx's in and out functions."""
        assert 2 / 6 == degree_centrality(fixture_a, direction="in")["S2"]
        assert 0.0 == degree_centrality(fixture_a, direction="out")["T2"]

    def test_direction_is_checked(self, fixture_a_undirected):
        """An undirected graph refuses 'out'."""
        with pytest.raises(ValidationError, match="direction must be 'all'"):
            degree_centrality(fixture_a_undirected, direction="out")


class TestBetweennessCentrality:
    def test_raw_values_of_fixture_a_undirected(self, fixture_a_undirected):
        """Raw betweenness equals sna's values of network-measures.md §4.1."""
        expected = {
            "K1": 1 / 3,
            "K2": 3.5,
            "K3": 1 / 3,
            "S1": 25 / 3,
            "S2": 3.5,
            "T1": 5.0,
            "T2": 0.0,
        }
        assert expected == pytest.approx(
            betweenness_centrality(fixture_a_undirected, normalized=False)
        )

    def test_output_is_sorted(self, fixture_a_undirected):
        """Keys come in sorted node order."""
        assert sorted(GROUPS) == list(betweenness_centrality(fixture_a_undirected))

    def test_sampling_is_reproducible(self):
        """The same k and seed give the same estimate."""
        graph: nx.Graph[int] = nx.karate_club_graph()
        first = betweenness_centrality(graph, k=10, seed=3)
        assert first == betweenness_centrality(graph, k=10, seed=3)

    def test_sampling_all_sources_is_exact(self, fixture_a_undirected):
        """With k = n every source is used, so the result is exact."""
        assert betweenness_centrality(fixture_a_undirected) == pytest.approx(
            betweenness_centrality(fixture_a_undirected, k=7, seed=1)
        )

    def test_k_without_seed_is_refused(self, fixture_a):
        """A sample needs a seed."""
        with pytest.raises(
            ValidationError,
            match="seed must be an int when k samples the sources \\(got None\\)",
        ):
            betweenness_centrality(fixture_a, k=3)

    def test_k_out_of_range_is_refused(self, fixture_a):
        """k cannot exceed the number of nodes."""
        with pytest.raises(
            ValidationError,
            match="k must be between 1 and the number of nodes, 7 \\(got 8\\)",
        ):
            betweenness_centrality(fixture_a, k=8, seed=1)


class TestEigenvectorCentrality:
    def test_star(self):
        """The centre of a 3-node star scores 1/√2, the leaves 1/2."""
        actual = eigenvector_centrality(nx.star_graph(2))
        assert {0: 2**-0.5, 1: 0.5, 2: 0.5} == pytest.approx(actual, abs=1e-5)

    def test_empty_graph_is_refused(self):
        """Eigenvector centrality is undefined without nodes."""
        with pytest.raises(
            ValidationError, match="at least 1 nodes for eigenvector centrality"
        ):
            eigenvector_centrality(nx.Graph())

    def test_no_convergence_is_our_error(self):
        """A failed power iteration surfaces as an OppilashuoltoError."""
        with pytest.raises(
            OppilashuoltoError, match="did not converge in max_iter=1 iterations"
        ):
            eigenvector_centrality(nx.karate_club_graph(), max_iter=1)
