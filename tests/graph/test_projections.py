"""Tests for oppilashuolto.graph.projections."""

# networkx's convention, as in src/oppilashuolto/graph: G, B, P are graphs

from __future__ import annotations

import copy
import datetime as dt

from typing import Any

import networkx as nx
import pytest

from hypothesis import given
from hypothesis import strategies as st
from networkx.algorithms import bipartite

from oppilashuolto.errors import ValidationError
from oppilashuolto.graph import (
    Pseudonymiser,
    build_cooperation_graph,
    project_bipartite,
)
from oppilashuolto.model import Period
from tests.graph.structures import KEY, ON, tiny


ANNA = Pseudonymiser.from_key(KEY).person("anna")
BO = Pseudonymiser.from_key(KEY).person("bo")
CY = Pseudonymiser.from_key(KEY).person("cy")
CLIP = Period.from_edtf("2011/2014")
EPOCH = dt.date(2010, 1, 1)


@st.composite
def bipartite_graphs(draw: Any) -> tuple[nx.Graph[str], list[str]]:
    """A random bipartite graph whose edges carry periods, and its top side."""
    n_top = draw(st.integers(0, 12))
    n_bottom = draw(st.integers(1, 8))
    top = [f"t{i}" for i in range(n_top)]
    bottom = [f"b{j}" for j in range(n_bottom)]
    B: nx.Graph[str] = nx.Graph()
    B.add_nodes_from(top, bipartite=0, side="top")
    B.add_nodes_from(bottom, bipartite=1)
    for u in top:
        for v in bottom:
            if draw(st.booleans()):
                start = EPOCH + dt.timedelta(days=draw(st.integers(0, 2500)))
                end = start + dt.timedelta(days=draw(st.integers(0, 1500)))
                open_end = draw(st.booleans())
                period = Period.from_dates(start, None if open_end else end)
                B.add_edge(u, v, period=period.to_edtf())
    return B, top


def weights(G: nx.Graph[str]) -> dict[frozenset[str], Any]:
    return {frozenset((u, v)): d["weight"] for u, v, d in G.edges(data=True)}


def overlap_days(G: nx.Graph[str], u: str, v: str) -> int:
    return sum(
        Period.from_edtf(G[u][k]["period"]).overlap_days(
            Period.from_edtf(G[v][k]["period"]), clip=CLIP
        )
        for k in set(G[u]) & set(G[v])
    )


class TestProjectBipartite:
    @given(bipartite_graphs())
    def test_count_equals_networkx(self, drawn):
        """Count weights equal bipartite.weighted_projected_graph, edge for edge."""
        B, top = drawn

        expected = bipartite.weighted_projected_graph(B, top)
        actual = project_bipartite(B, top)

        assert set(expected) == set(actual)
        assert weights(expected) == weights(actual)

    @given(bipartite_graphs())
    def test_newman_equals_networkx(self, drawn):
        """Newman weights equal bipartite.collaboration_weighted_projected_graph."""
        B, top = drawn

        expected = weights(bipartite.collaboration_weighted_projected_graph(B, top))
        actual = weights(project_bipartite(B, top, weight="newman"))

        assert set(expected) == set(actual)
        assert expected == pytest.approx(actual, rel=1e-12)

    @given(bipartite_graphs())
    def test_jaccard_equals_networkx(self, drawn):
        """Jaccard weights equal bipartite.overlap_weighted_projected_graph exactly."""
        B, top = drawn

        expected = bipartite.overlap_weighted_projected_graph(B, top, jaccard=True)
        actual = project_bipartite(B, top, weight="jaccard")

        assert weights(expected) == weights(actual)

    @given(bipartite_graphs())
    def test_days_equal_networkx_generic(self, drawn):
        """Day weights equal generic_weighted_projected_graph summing overlap days."""
        B, top = drawn

        expected = bipartite.generic_weighted_projected_graph(
            B, top, weight_function=overlap_days
        )
        actual = project_bipartite(B, top, weight="days", period=CLIP)

        assert weights(expected) == weights(actual)

    @given(bipartite_graphs())
    def test_input_unchanged_and_attributes_copied(self, drawn):
        """B is not changed, and projected nodes keep their attributes."""
        B, top = drawn
        before = (copy.deepcopy(dict(B.nodes(data=True))), list(B.edges(data=True)))

        P = project_bipartite(B, top, weight="newman")

        assert before == (dict(B.nodes(data=True)), list(B.edges(data=True)))
        assert {n: {"bipartite": 0, "side": "top"} for n in top} == dict(
            P.nodes(data=True)
        )

    def test_sorted_plain_graph(self):
        """The projection is a plain Graph with sorted nodes, edges and int counts."""
        B = nx.Graph([("c", "g1"), ("a", "g1"), ("b", "g2"), ("a", "g2"), ("c", "g2")])

        P = project_bipartite(B, ["c", "b", "a"])

        assert type(P) is nx.Graph
        assert ["a", "b", "c"] == list(P)
        assert [("a", "b", 1), ("a", "c", 2), ("b", "c", 1)] == list(
            P.edges(data="weight")
        )
        assert all(type(d["weight"]) is int for _, _, d in P.edges(data=True))

    def test_multigraph_refused(self):
        """A multigraph is refused, as networkx refuses it."""
        with pytest.raises(ValidationError, match="undirected simple Graph"):
            project_bipartite(nx.MultiGraph([("a", "g")]), ["a"])

    def test_directed_refused(self):
        """A directed graph is refused."""
        with pytest.raises(ValidationError, match="got a DiGraph"):
            project_bipartite(nx.DiGraph([("a", "g")]), ["a"])

    def test_not_bipartite(self):
        """An edge inside one side is named."""
        B = nx.Graph([("a", "g"), ("a", "b"), ("g", "h")])

        with pytest.raises(ValidationError, match=r"2 edges join .*\('a', 'b'\)"):
            project_bipartite(B, ["a", "b"])

    def test_unknown_node(self):
        """A node to project onto that B lacks is named."""
        with pytest.raises(ValidationError, match=r"1 are not: 'zz'"):
            project_bipartite(nx.Graph([("a", "g")]), ["a", "zz"])

    def test_unknown_weight(self):
        """An unknown weight lists the choices."""
        with pytest.raises(ValidationError, match="Unknown weight 'ratio'; expected"):
            project_bipartite(nx.Graph([("a", "g")]), ["a"], weight="ratio")  # type: ignore[arg-type]

    def test_days_needs_bounded_period(self):
        """Day weights need a bounded period."""
        with pytest.raises(
            ValidationError,
            match=r"bounded Period for weight 'days' \(got '2011/\.\.'\)",
        ):
            project_bipartite(
                nx.Graph([("a", "g")]),
                ["a"],
                weight="days",
                period=Period.from_edtf("2011/.."),
            )


class TestBuildCooperationGraph:
    def test_people(self):
        """People who sit in a group together are linked by the groups they share."""
        G = build_cooperation_graph(tiny(), between="person", on=ON, key=KEY)

        assert type(G) is nx.Graph
        assert {ANNA, BO, CY} == set(G)
        assert {frozenset((ANNA, BO)): 1} == weights(G)
        assert "curator" == G.nodes[ANNA]["profession"]

    def test_organisations(self):
        """Organisations sit in groups through their seats, representatives and staff."""
        G = build_cooperation_graph(tiny(), between="organisation", on=ON)

        assert {"hollola", "lahti", "lahti-opetus", "phhyky"} == set(G)
        assert {
            frozenset(("lahti-opetus", "phhyky")): 1,
            frozenset(("hollola", "phhyky")): 1,
        } == weights(G)

    def test_groups(self):
        """Groups are linked by the holders they share."""
        G = build_cooperation_graph(tiny(), between="group", on=ON)

        assert {frozenset(("ohr", "ooot")): 1} == weights(G)

    def test_jaccard_and_newman(self):
        """Other weights rescale the shared groups."""
        jaccard = build_cooperation_graph(
            tiny(), between="organisation", on=ON, weight="jaccard"
        )
        newman = build_cooperation_graph(
            tiny(), between="organisation", on=ON, weight="newman"
        )

        assert 0.5 == jaccard["hollola"]["phhyky"]["weight"]
        assert 1.0 == newman["hollola"]["phhyky"]["weight"]

    def test_days(self):
        """Day weights count the days two people sat in a group together."""
        G = build_cooperation_graph(
            tiny(),
            between="person",
            period=Period.from_edtf("2019/2021"),
            weight="days",
            key=KEY,
        )

        assert {frozenset((ANNA, BO)): 731, frozenset((BO, CY)): 365} == weights(G)
        assert {"structure", "projection", "weight", "pseudonymised", "period"} == set(
            G.graph
        )

    def test_days_refuses_on(self):
        """Day weights take a period, not a date."""
        with pytest.raises(ValidationError, match="on must be None for weight 'days'"):
            build_cooperation_graph(
                tiny(),
                between="group",
                on=ON,
                period=Period.from_edtf("2019/2021"),
                weight="days",
            )

    def test_count_needs_on(self):
        """Count weights need a date."""
        with pytest.raises(
            ValidationError, match="on must be a date for weight 'count'"
        ):
            build_cooperation_graph(tiny(), between="group")

    def test_unknown_projection(self):
        """An unknown projection lists the choices."""
        with pytest.raises(ValidationError, match="Unknown projection 'school'"):
            build_cooperation_graph(tiny(), between="school", on=ON)  # type: ignore[arg-type]

    def test_input_unchanged(self):
        """Projecting never changes the structure."""
        s = tiny()
        before = copy.deepcopy(s)

        build_cooperation_graph(s, between="person", on=ON, key=KEY)

        assert before == s
