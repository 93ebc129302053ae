"""Tests for oppilashuolto.graph.change."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from oppilashuolto.errors import ValidationError
from oppilashuolto.graph import (
    Change,
    Pseudonymiser,
    build_cooperation_graph,
    graph_change,
    snapshots,
    structure_change,
)
from tests.graph.structures import KEY, LATER, ON, tiny


CY = Pseudonymiser.from_key(KEY).person("cy")
BO = Pseudonymiser.from_key(KEY).person("bo")


class TestSnapshots:
    def test_by_date(self):
        """Snapshots come by date, once per date, sorted."""
        graphs = snapshots(tiny(), [LATER, ON, LATER], key=KEY)

        assert [ON, LATER] == list(graphs)
        assert [ON.isoformat(), LATER.isoformat()] == [
            G.graph["on"] for G in graphs.values()
        ]

    def test_bad_date(self):
        """A date before the first record fails for the whole series."""
        with pytest.raises(ValidationError, match="got 1990-01-01"):
            snapshots(tiny(), [ON, dt.date(1990, 1, 1)], key=KEY)


class TestStructureChange:
    def test_rows(self):
        """Between the dates cy's seat appears, bo leaves ohr, the project ends."""
        rows = structure_change(
            tiny(),
            before=ON,
            after=dt.date(2023, 6, 1),
            layers=["membership", "participation"],
            key=KEY,
        )

        assert (
            Change(change="left", source="latu", detail="project"),
            Change(
                change="tie_appeared",
                source=CY,
                target="ooot",
                layer="membership",
                detail="member",
            ),
            Change(
                change="tie_vanished",
                source=BO,
                target="ohr",
                layer="membership",
                detail="member",
            ),
        ) == tuple(r for r in rows if r.layer != "participation")
        assert {"tie_vanished"} == {
            r.change for r in rows if r.layer == "participation"
        }

    def test_sorted_tuples(self):
        """Rows are sorted and turn into plain tuples for a table."""
        rows = structure_change(tiny(), before=ON, after=LATER, include_personal=True)

        assert sorted(rows) == list(rows)
        assert [
            ("tie_appeared", "cy", "ooot", "membership", "member"),
            ("tie_vanished", "bo", "ohr", "membership", "member"),
        ] == [r.as_tuple() for r in rows]

    def test_no_change(self):
        """The same date twice gives no rows."""
        assert () == structure_change(tiny(), before=ON, after=ON, key=KEY)


class TestGraphChange:
    def test_undirected_projection(self):
        """Projections compare as undirected ties without a layer, with joins and leaves."""
        before = build_cooperation_graph(
            tiny(), between="person", on=ON, include_personal=True
        )
        after = build_cooperation_graph(
            tiny(), between="person", on=LATER, include_personal=True
        )

        assert (
            Change(change="tie_appeared", source="bo", target="cy"),
            Change(change="tie_vanished", source="anna", target="bo"),
        ) == graph_change(before, after)

    def test_nodes(self):
        """Nodes that joined or left are rows too; the graphs are not changed."""
        a: nx.Graph[str] = nx.Graph()
        a.add_node("x", record="organisation")
        b: nx.Graph[str] = nx.Graph()
        b.add_node("y", record="group")

        assert (
            Change(change="joined", source="y", detail="group"),
            Change(change="left", source="x", detail="organisation"),
        ) == graph_change(a, b)
        assert (["x"], ["y"]) == (list(a), list(b))
