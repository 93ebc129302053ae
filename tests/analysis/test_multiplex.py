from __future__ import annotations

import math

import networkx as nx
import pytest

from oppilashuolto.analysis import multiplexity
from oppilashuolto.errors import ValidationError


def toy() -> nx.MultiGraph[str]:
    """A–B in 3 layers, B–C in 2, C–D in 1 (network-measures.md §4.4), plus isolate E."""
    graph: nx.MultiGraph[str] = nx.MultiGraph()
    for u, v, layers in [("A", "B", "xyz"), ("B", "C", "xy"), ("C", "D", "z")]:
        for layer in layers:
            graph.add_edge(u, v, layer=layer)
    graph.add_edge("D", "C", layer="z")  # a parallel edge in the same layer
    graph.add_node("E")
    return graph


class TestMultiplexity:
    def test_toy_network_and_nodes(self):
        """The toy gives 2/3 for the network and A 1, B 1, C 0.5, D 0."""
        result = multiplexity(toy())
        assert 2 / 3 == result.network
        by_node = dict(result.by_node)
        assert {"A": 1.0, "B": 1.0, "C": 0.5, "D": 0.0} == {
            n: by_node[n] for n in "ABCD"
        }
        assert math.isnan(by_node["E"])

    def test_dyads_list_their_layers(self):
        """Each tied dyad lists its distinct layers, sorted."""
        expected = (
            ("A", "B", ("x", "y", "z")),
            ("B", "C", ("x", "y")),
            ("C", "D", ("z",)),
        )
        assert expected == multiplexity(toy()).dyads

    def test_chosen_layers(self):
        """Only the chosen layers count."""
        result = multiplexity(toy(), layers=["x", "z"])
        assert (("x", "z"), 1 / 3) == (result.layers, result.network)

    def test_directed_arcs_tie_one_dyad(self):
        """In a MultiDiGraph arcs either way tie the same dyad."""
        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        graph.add_edge("a", "b", kind="referral")
        graph.add_edge("b", "a", kind="steering")
        result = multiplexity(graph, attribute="kind")
        assert ((("a", "b", ("referral", "steering")),), 1.0) == (
            result.dyads,
            result.network,
        )

    def test_unknown_layer_is_refused(self):
        """A layer no edge has is named with the known ones."""
        with pytest.raises(
            ValidationError, match="Unknown layer 'w'; expected one of: 'x', 'y', 'z'"
        ):
            multiplexity(toy(), layers=["x", "w"])

    def test_missing_layer_attribute_is_refused(self):
        """An edge without a layer is named by its key."""
        graph = toy()
        graph.add_edge("A", "E")
        with pytest.raises(
            ValidationError,
            match=r"edge attribute 'layer' must be set on every edge \(missing on 1 of 8: \('A', 'E', 0\)\)",
        ):
            multiplexity(graph)

    def test_simple_graph_is_refused(self):
        """A simple graph cannot hold two layers on one dyad."""
        with pytest.raises(
            ValidationError,
            match="G must be a MultiGraph or MultiDiGraph for multiplexity \\(got a Graph\\)",
        ):
            multiplexity(nx.Graph([(1, 2)]))  # type: ignore[arg-type]

    def test_no_ties_in_chosen_layers_is_refused(self):
        """The share is undefined without a tied dyad."""
        graph: nx.MultiGraph[str] = nx.MultiGraph()
        graph.add_edge("a", "a", layer="x")
        with pytest.raises(
            ValidationError, match="at least one edge between distinct nodes"
        ):
            multiplexity(graph)
