"""Promises every analysis function keeps: no mutation, backend forwarding, exports."""

from __future__ import annotations

import copy
import importlib

from collections.abc import Callable
from typing import Any

import networkx as nx
import pytest

from oppilashuolto import analysis
from oppilashuolto.analysis import (
    attribute_assortativity,
    betweenness_centrality,
    betweenness_centralization,
    brokerage,
    components_summary,
    constraint,
    degree,
    degree_centrality,
    degree_centralization,
    density,
    effective_size,
    ei_index,
    eigenvector_centrality,
    louvain_modularity,
    multiplexity,
    strength,
)
from tests.analysis.graphs import ARCS_A, partitioned


Call = Callable[..., object]


def weighted(graph: nx.Graph[str]) -> nx.Graph[str]:
    """Give fixture A weights, a graph attribute and a node attribute of each kind."""
    for i, (u, v) in enumerate(ARCS_A):
        graph.add_edge(u, v, weight=1 + i % 3, note=["kept"])
    graph.graph["period"] = "2024"
    graph.nodes["K1"]["tags"] = {"a": [1]}
    return graph


def layered() -> nx.MultiGraph[str]:
    graph: nx.MultiGraph[str] = partitioned(nx.MultiGraph(), ARCS_A)
    for u, v in ARCS_A[:3]:
        graph.add_edge(u, v, layer="working")
    nx.set_edge_attributes(
        graph, {e: "steering" for e in graph.edges(keys=True) if e[2] == 0}, "layer"
    )
    return graph


def snapshot(graph: nx.Graph[Any]) -> object:
    """Everything a caller could see of *graph*, in insertion order."""
    if isinstance(graph, nx.MultiGraph):
        edges: list[tuple[Any, ...]] = list(graph.edges(keys=True, data=True))
    else:
        edges = list(graph.edges(data=True))
    return copy.deepcopy(
        (
            type(graph),
            dict(graph.graph),
            list(graph.nodes(data=True)),
            edges,
        )
    )


SIMPLE_CALLS: dict[str, Call] = {
    "brokerage": lambda g: brokerage(g, "sector"),
    "brokerage_undirected": lambda g: brokerage(g, "sector", mode="undirected"),
    "constraint": lambda g: constraint(g, weight="weight"),
    "effective_size": effective_size,
    "degree": degree,
    "strength": strength,
    "degree_centrality": degree_centrality,
    "betweenness_centrality": lambda g: betweenness_centrality(g, k=4, seed=2),
    "eigenvector_centrality": lambda g: eigenvector_centrality(g, max_iter=1000),
    "ei_index": lambda g: ei_index(g, "sector"),
    "density": density,
    "degree_centralization": degree_centralization,
    "betweenness_centralization": betweenness_centralization,
    "components_summary": components_summary,
    "attribute_assortativity": lambda g: attribute_assortativity(g, "sector"),
    "louvain_modularity": lambda g: louvain_modularity(g, seed=5),
}


class TestNoMutation:
    @pytest.mark.parametrize("directed", [True, False], ids=["DiGraph", "Graph"])
    @pytest.mark.parametrize("name", sorted(SIMPLE_CALLS))
    def test_simple_graph_is_unchanged(self, name, directed):
        """Nodes, edges, their data and graph attributes are the same after the call."""
        graph = weighted(partitioned(nx.DiGraph() if directed else nx.Graph(), ARCS_A))
        before = snapshot(graph)
        SIMPLE_CALLS[name](graph)
        assert before == snapshot(graph)

    def test_multigraph_is_unchanged_by_multiplexity(self):
        """multiplexity leaves its MultiGraph as it was."""
        graph = layered()
        before = snapshot(graph)
        multiplexity(graph, layers=["steering", "working"])
        assert before == snapshot(graph)


# (networkx function, our call with **backend) for every function that dispatches
BACKEND_CALLS: list[tuple[str, Callable[..., object]]] = [
    ("constraint", constraint),
    ("effective_size", effective_size),
    ("degree_centrality", degree_centrality),
    (
        "in_degree_centrality",
        lambda g, **kw: degree_centrality(nx.DiGraph(g), direction="in", **kw),
    ),
    (
        "out_degree_centrality",
        lambda g, **kw: degree_centrality(nx.DiGraph(g), direction="out", **kw),
    ),
    ("betweenness_centrality", betweenness_centrality),
    ("eigenvector_centrality", eigenvector_centrality),
    ("betweenness_centrality", betweenness_centralization),
    ("connected_components", components_summary),
    (
        "weakly_connected_components",
        lambda g, **kw: components_summary(nx.DiGraph(g), **kw),
    ),
    ("isolates", components_summary),
    (
        "attribute_assortativity_coefficient",
        lambda g, **kw: attribute_assortativity(g, "sector", **kw),
    ),
    (
        "community.louvain_communities",
        lambda g, **kw: louvain_modularity(g, seed=3, **kw),
    ),
    ("community.modularity", lambda g, **kw: louvain_modularity(g, seed=3, **kw)),
]
BACKEND_IDS = [f"{name}-{i}" for i, (name, _) in enumerate(BACKEND_CALLS)]


def record_calls(monkeypatch: pytest.MonkeyPatch, dotted: str) -> list[dict[str, Any]]:
    """Wrap networkx's *dotted* function so that each call's keywords are kept."""
    *parents, name = dotted.split(".")
    owner = nx
    for parent in parents:
        owner = getattr(owner, parent)
    original = getattr(owner, name)
    seen: list[dict[str, Any]] = []

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, wrapper)
    return seen


class TestBackendForwarding:
    @pytest.mark.parametrize(("target", "call"), BACKEND_CALLS, ids=BACKEND_IDS)
    def test_backend_reaches_networkx(
        self, monkeypatch, fixture_a_undirected, target, call
    ):
        """backend='networkx' arrives at the networkx function as a keyword."""
        seen = record_calls(monkeypatch, target)
        call(fixture_a_undirected, backend="networkx")
        assert [] != seen
        assert all("networkx" == kwargs.get("backend") for kwargs in seen)

    @pytest.mark.parametrize(("target", "call"), BACKEND_CALLS, ids=BACKEND_IDS)
    def test_no_backend_is_not_passed(
        self, monkeypatch, fixture_a_undirected, target, call
    ):
        """Without backend, networkx gets no backend keyword and its config decides."""
        seen = record_calls(monkeypatch, target)
        call(fixture_a_undirected)
        assert [] != seen
        assert all("backend" not in kwargs for kwargs in seen)

    @pytest.mark.parametrize(("target", "call"), BACKEND_CALLS, ids=BACKEND_IDS)
    def test_unknown_backend_is_networkx_error(
        self, fixture_a_undirected, target, call
    ):
        """networkx's own dispatcher rejects a backend that is not installed."""
        with pytest.raises(
            ImportError, match="'no_such_backend' backend is not installed"
        ):
            call(fixture_a_undirected, backend="no_such_backend")

    @pytest.mark.parametrize(("target", "call"), BACKEND_CALLS, ids=BACKEND_IDS)
    def test_networkx_backend_gives_the_same_result(
        self, fixture_a_undirected, target, call
    ):
        """Dispatching to networkx explicitly changes nothing."""
        assert call(fixture_a_undirected) == call(
            fixture_a_undirected, backend="networkx"
        )


class TestExports:
    def test_all_is_unique_and_resolves(self):
        """Every name in __all__ exists and appears once."""
        assert len(set(analysis.__all__)) == len(analysis.__all__)
        assert all(hasattr(analysis, name) for name in analysis.__all__)

    @pytest.mark.parametrize(
        "module", ["brokerage", "centrality", "cohesion", "communities", "multiplex"]
    )
    def test_public_modules_are_re_exported(self, module):
        """Each public module's __all__ is part of the package's __all__."""
        names = importlib.import_module(f"oppilashuolto.analysis.{module}").__all__
        assert set(names) <= set(analysis.__all__)
