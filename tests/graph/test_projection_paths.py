"""Tests for the two ways `project_bipartite` reads its input: off a run, or by look-up."""

# networkx's convention, as in src/oppilashuolto/graph: B and P are graphs

from __future__ import annotations

import datetime as dt

from typing import Any
from unittest import mock

import networkx as nx
import pytest

from hypothesis import given
from hypothesis import strategies as st
from networkx.algorithms import bipartite

from oppilashuolto.errors import ValidationError
from oppilashuolto.graph import project_bipartite, projections
from oppilashuolto.model import Period


CLIP = Period.from_edtf("2011/2014")
EPOCH = dt.date(2010, 1, 1)
LAYOUTS = ("projected side first", "projected side last", "shuffled")
ORDERS = ("sorted", "reversed", "repeated", "set")


@st.composite
def laid_out_graphs(draw: Any) -> tuple[nx.Graph[str], list[str], Any]:
    """
    A bipartite graph with periods on its edges, its projected side, and how to pass it.

    The nodes go into the graph in one of `LAYOUTS`; the projected side is
    passed as one of `ORDERS`. Attribute values are shared objects, so that
    a shallow copy can be told from a deep one.
    """
    n_top = draw(st.integers(0, 12))
    n_bottom = draw(st.integers(1, 6))
    top = [f"t{i:02d}" for i in range(n_top)]
    bottom = [f"b{j}" for j in range(n_bottom)]
    tag = ["shared"]
    top_attrs = st.sampled_from(
        [{}, {"bipartite": 0}, {"bipartite": 0, "tag": tag}, {"tag": tag, "x": 1.0}]
    )
    layout = draw(st.sampled_from(LAYOUTS))
    if layout == "projected side first":
        order = top + bottom
    elif layout == "projected side last":
        order = bottom + top
    else:
        order = draw(st.permutations(top + bottom))
    B: nx.Graph[str] = nx.Graph()
    for n in order:
        B.add_node(n, **(draw(top_attrs) if n in top else {"bipartite": 1}))
    ties = [(u, v) for u in top for v in bottom if draw(st.booleans())]
    for u, v in draw(st.permutations(ties)):
        start = EPOCH + dt.timedelta(days=draw(st.integers(0, 2500)))
        end = start + dt.timedelta(days=draw(st.integers(0, 1500)))
        period = Period.from_dates(start, None if draw(st.booleans()) else end)
        B.add_edge(*draw(st.permutations((u, v))), period=period.to_edtf())
    passed: Any = {
        "sorted": top,
        "reversed": top[::-1],
        "repeated": top + top[: len(top) // 2],
        "set": set(top),
    }[draw(st.sampled_from(ORDERS))]
    return B, top, passed


def everything(P: nx.Graph[str]) -> list[Any]:
    """The graph's attributes, nodes, edges and neighbours, in order, with weight types."""
    return [
        type(P),
        P.graph,
        list(P.nodes(data=True)),
        [(u, v, d, type(d["weight"])) for u, v, d in P.edges(data=True)],
        [(n, list(P[n])) for n in P],
    ]


def by_look_up(B: nx.Graph[str], nodes: Any, **kwargs: Any) -> nx.Graph[str]:
    """Project as if the projected side were not a run of B's nodes."""
    with mock.patch.object(projections, "_run", return_value=None):
        return project_bipartite(B, nodes, **kwargs)


def weights(P: nx.Graph[str]) -> dict[frozenset[str], Any]:
    return {frozenset((u, v)): d["weight"] for u, v, d in P.edges(data=True)}


def overlap_days(B: nx.Graph[str], u: str, v: str) -> int:
    return sum(
        Period.from_edtf(B[u][k]["period"]).overlap_days(
            Period.from_edtf(B[v][k]["period"]), clip=CLIP
        )
        for k in set(B[u]) & set(B[v])
    )


WEIGHTS: list[dict[str, Any]] = [
    {"weight": "count"},
    {"weight": "newman"},
    {"weight": "jaccard"},
    {"weight": "days", "period": CLIP},
]


class TestReadingPaths:
    @given(laid_out_graphs(), st.sampled_from(WEIGHTS))
    def test_same_graph_either_way(self, drawn, kwargs):
        """Off the run or by look-up, the projection is the same, to the last bit and order."""
        B, _, passed = drawn

        assert everything(by_look_up(B, passed, **kwargs)) == everything(
            project_bipartite(B, passed, **kwargs)
        )

    @given(laid_out_graphs())
    def test_equals_networkx(self, drawn):
        """Either way, every weight equals networkx's projection of the same graph."""
        B, top, passed = drawn
        expected = {
            "count": weights(bipartite.weighted_projected_graph(B, top)),
            "newman": weights(bipartite.collaboration_weighted_projected_graph(B, top)),
            "jaccard": weights(
                bipartite.overlap_weighted_projected_graph(B, top, jaccard=True)
            ),
            "days": weights(
                bipartite.generic_weighted_projected_graph(
                    B, top, weight_function=overlap_days
                )
            ),
        }

        for project in (project_bipartite, by_look_up):
            for kwargs in WEIGHTS:
                want = expected[kwargs["weight"]]
                got = weights(project(B, passed, **kwargs))
                if kwargs["weight"] == "newman":
                    assert set(want) == set(got)
                    assert want == pytest.approx(got, rel=1e-12)
                else:
                    assert want == got

    @given(laid_out_graphs())
    def test_sorted_nodes_and_edges_and_copied_attributes(self, drawn):
        """Nodes and neighbours come sorted, with B's attribute values in new dicts."""
        B, top, passed = drawn

        for P in (project_bipartite(B, passed), by_look_up(B, passed)):
            assert top == list(P)
            assert all(list(P[n]) == sorted(P[n]) for n in P)
            assert list(P.edges()) == sorted(P.edges())
            for n in top:
                assert B.nodes[n] == P.nodes[n]
                assert B.nodes[n] is not P.nodes[n]
                assert all(P.nodes[n][k] is v for k, v in B.nodes[n].items())

    @given(laid_out_graphs(), st.sampled_from(WEIGHTS))
    def test_edges_as_networkx_adds_them(self, drawn, kwargs):
        """
        The neighbour dicts filled directly are what `add_edges_from` makes.

        The same neighbour order, one attribute dict per edge shared by both
        ends, and a graph that networkx goes on changing as its own.
        """
        B, _, passed = drawn
        P = project_bipartite(B, passed, **kwargs)
        N: nx.Graph[str] = nx.Graph()
        N.add_nodes_from(P.nodes(data=True))
        N.add_edges_from(sorted(P.edges(data=True)))

        assert everything(P) == everything(N)
        assert P.number_of_edges() == N.number_of_edges()
        for u, v in P.edges():
            assert P[u][v] is P[v][u]
        if P.number_of_edges():
            u, v = next(iter(P.edges()))
            P[u][v]["weight"] = -1
            assert P[v][u]["weight"] == -1
            P.remove_edge(v, u)
            assert not P.has_edge(u, v)
            assert u not in P[v]
        P.add_edge("new", "t00")
        assert P.degree("new") == 1

    @given(laid_out_graphs())
    def test_run_found(self, drawn):
        """A projected side added in one call, sorted, is read off its run."""
        B, top, _ = drawn
        nodes = list(B)
        start = nodes.index(top[0]) if top else 0
        is_run = nodes[start : start + len(top)] == top

        assert (projections._run(B, top) is not None) == (bool(top) and is_run)


class TestReadingRefusals:
    @pytest.mark.parametrize("layout", ["first", "last"])
    def test_edge_inside_the_other_side(self, layout):
        """An edge between two nodes of the other side is refused, read off a run or not."""
        B: nx.Graph[str] = nx.Graph()
        sides = (["a", "b"], ["g", "h", "k"])
        for side in sides if layout == "first" else sides[::-1]:
            B.add_nodes_from(side)
        B.add_edges_from([("a", "g"), ("b", "g"), ("h", "k")])

        with pytest.raises(ValidationError, match=r"1 edges join .*\('h', 'k'\)"):
            project_bipartite(B, ["a", "b"])
        with pytest.raises(ValidationError, match=r"1 edges join .*\('h', 'k'\)"):
            by_look_up(B, ["a", "b"])

    def test_edge_inside_a_run(self):
        """An edge between two nodes of the projected side, lying in a run, is refused."""
        B: nx.Graph[str] = nx.Graph()
        B.add_nodes_from(["a", "b", "g"])
        B.add_edges_from([("a", "b"), ("b", "g")])

        assert projections._run(B, ["a", "b"]) == (0, 2)
        with pytest.raises(ValidationError, match=r"1 edges join .*\('a', 'b'\)"):
            project_bipartite(B, ["a", "b"])

    @pytest.mark.parametrize("nodes", [["zz", "a"], ["a", "zz"], ["a", "b", "zz"]])
    def test_unknown_node(self, nodes):
        """A node B lacks is named, wherever it sorts."""
        B = nx.Graph([("a", "g"), ("b", "g")])

        with pytest.raises(ValidationError, match=r"1 are not: 'zz'"):
            project_bipartite(B, nodes)


class TestSortedNodes:
    @given(st.lists(st.integers(-5, 5) | st.text(max_size=2), max_size=8))
    def test_as_sorting_a_set(self, items):
        """The nodes come distinct and sorted, as from a set: by type and repr if mixed."""
        try:
            expected = sorted(set(items))
        except TypeError:
            expected = sorted(set(items), key=lambda n: (type(n).__name__, repr(n)))

        assert expected == projections._sorted(items)

    def test_equal_nodes_of_other_types(self):
        """Equal nodes of other types count once, as in a set."""
        assert [0, 1.5, 2] == projections._sorted([0, False, 1.5, 2, 2.0])
        assert [1, 2] == projections._sorted(iter([1, 1.0, True, 2]))


class TestViews:
    @pytest.mark.parametrize("kwargs", WEIGHTS)
    def test_subgraph_view(self, kwargs):
        """A subgraph view projects as its copy does, read off a run or not."""
        G: nx.Graph[str] = nx.Graph()
        G.add_nodes_from(["a", "b", "c", "d"], bipartite=0)
        G.add_nodes_from(["g", "h", "k"], bipartite=1)
        G.add_edges_from(
            [("a", "g"), ("b", "g"), ("b", "h"), ("c", "h"), ("c", "k"), ("d", "k")],
            period="2012/2013",
        )
        B = G.subgraph(["a", "b", "c", "g", "h"])

        expected = everything(project_bipartite(B.copy(), ["a", "b", "c"], **kwargs))

        assert projections._run(B, ["a", "b", "c"]) == (0, 3)
        assert expected == everything(project_bipartite(B, ["a", "b", "c"], **kwargs))
        assert expected == everything(by_look_up(B, ["a", "b", "c"], **kwargs))
