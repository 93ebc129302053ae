"""Tests for oppilashuolto.graph.export."""

# networkx's convention, as in src/oppilashuolto/graph: G, B, P are graphs

from __future__ import annotations

import builtins
import csv
import datetime as dt
import io
import json

from pathlib import Path
from typing import Any

import igraph  # type: ignore[import-untyped]
import networkx as nx
import numpy as np
import pytest

from oppilashuolto import examples
from oppilashuolto.errors import ExtraNotInstalledError, ValidationError
from oppilashuolto.graph import (
    build_cooperation_graph,
    build_history_graph,
    build_structure_graph,
    csv_paths,
    csv_tables,
    export_value,
    gexf_bytes,
    graphml_bytes,
    node_link_bytes,
    sanitise,
    to_csv,
    to_dataframes,
    to_gexf,
    to_graphml,
    to_node_link,
    write_graph,
)
from oppilashuolto.graph._nodes import first_day
from oppilashuolto.model import WelfareStructure
from tests.graph.structures import KEY, ON, tiny


def example_date(structure: WelfareStructure) -> dt.date:
    """A date on which the example has records: its first dated day, or 2019."""
    first = first_day(
        r
        for name in ("organisations", "groups", "memberships", "projects")
        for r in getattr(structure, name)
    )
    return max(first or dt.date(2019, 1, 1), dt.date(2019, 1, 1))


def example_graphs(name: str) -> dict[str, nx.Graph[str]]:
    """Every kind of graph the library builds for an example, with default privacy."""
    s = examples.load(name)
    on = example_date(s)
    graphs: dict[str, nx.Graph[str]] = {
        "multilayer": build_structure_graph(s, on=on, key=KEY),
        "history": build_history_graph(s, key=KEY),
    }
    for between in ("organisation", "person", "group"):
        graphs[between] = build_cooperation_graph(
            s,
            between=between,
            on=on,
            key=KEY,
        )
    return graphs


EVERY_TYPE: dict[str, Any] = {
    "none": None,
    "list": ["b", "a"],
    "tuple": ("x", 1),
    "dict": {"k": [1, 2]},
    "set": {"s"},
    "date": dt.date(2026, 8, 12),
    "datetime": dt.datetime(2026, 8, 12, 14, 30),
    "np_int": np.int64(7),
    "np_float": np.float64(1.5),
    "np_bool": np.bool_(True),  # noqa: FBT003
    "nan": float("nan"),
    "nested": [{"a": (1, 2)}, None],
    "big": 2**40,
    "flag": False,
}
SANITISED = {
    "list": "a;b",
    "tuple": "1;x",
    "dict": '{"k": [1, 2]}',
    "set": "s",
    "date": "2026-08-12",
    "datetime": "2026-08-12T14:30:00",
    "np_int": 7,
    "np_float": 1.5,
    "np_bool": True,
    "nested": '{"a": [1, 2]}',
    "big": 2**40,
    "flag": False,
}


def awkward_graph() -> nx.MultiDiGraph[Any]:
    G: nx.MultiDiGraph[Any] = nx.MultiDiGraph(
        name="awkward", created=dt.date(2026, 1, 1)
    )
    G.add_node("a", **EVERY_TYPE)
    G.add_node("b", start="2019", end=3, id="x", mixed=1)
    G.add_node("c", mixed="one", ratio=1)
    G.add_node("d", ratio=0.5)
    G.add_edge(
        "a", "b", key="e1", weight=np.float64(2.0), type="x", when=dt.date(2020, 1, 1)
    )
    G.add_edge("a", "b", key="e2", period="2019/2020")
    return G


class TestExportValue:
    @pytest.mark.parametrize(("name", "expected"), sorted(SANITISED.items()))
    def test_each_type(self, name, expected):
        """Each awkward value becomes the plain scalar a format can store."""
        actual = export_value(EVERY_TYPE[name])

        assert expected == actual
        assert type(expected) is type(actual)

    @pytest.mark.parametrize("name", ["none", "nan"])
    def test_left_out(self, name):
        """None and NaN are left out rather than written."""
        assert None is export_value(EVERY_TYPE[name])


class TestSanitise:
    def test_plain_uniform_attributes(self):
        """Attributes become plain scalars, one type per attribute, reserved names renamed."""
        H = sanitise(awkward_graph(), "gexf")

        assert {**SANITISED} == H.nodes["a"]
        assert {"start_": "2019", "end_": 3, "id_": "x", "mixed": "1"} == H.nodes["b"]
        assert {"mixed": "one", "ratio": 1.0} == H.nodes["c"]
        assert {"weight": 2.0, "type_": "x", "when": "2020-01-01"} == H.adj["a"]["b"][
            "e1"
        ]
        assert {"name": "awkward", "created": "2026-01-01"} == H.graph

    def test_input_unchanged(self):
        """Sanitising copies; the graph keeps its own values."""
        G = awkward_graph()

        sanitise(G, "graphml")

        assert EVERY_TYPE["set"] == G.nodes["a"]["set"]

    def test_unknown_format(self):
        """An unknown format lists the choices."""
        with pytest.raises(ValidationError, match="Unknown format 'pajek'"):
            sanitise(nx.Graph(), "pajek")  # type: ignore[arg-type]

    def test_colliding_ids(self):
        """Node ids that would collide as text are refused."""
        G: nx.Graph[Any] = nx.Graph()
        G.add_nodes_from([1.0, "1.0"])

        with pytest.raises(ValidationError, match="node ids must stay distinct"):
            sanitise(G, "json")


class TestRoundTrips:
    def test_awkward_graphml(self, tmp_path):
        """Every awkward type goes through GraphML and back with networkx and igraph."""
        path = tmp_path / "g.graphml"
        to_graphml(awkward_graph(), path)

        back = nx.read_graphml(path, force_multigraph=True)
        g = igraph.Graph.Read_GraphML(str(path))

        assert SANITISED == {k: back.nodes["a"][k] for k in SANITISED}
        assert 4 == g.vcount()
        assert 2 == g.ecount()

    def test_awkward_gexf(self, tmp_path):
        """Every awkward type goes through GEXF and back, the period as a spell."""
        path = tmp_path / "g.gexf"
        to_gexf(awkward_graph(), path)

        back = nx.read_gexf(path)

        assert "2026-08-12" == back.nodes["a"]["date"]
        assert [("2019-01-01", "2020-12-31")] == next(
            d["spells"] for *_, d in back.edges(data=True) if "spells" in d
        )

    def test_awkward_json(self, tmp_path):
        """Node-link JSON is strict JSON (no NaN) with an explicit edges key."""
        path = tmp_path / "g.json"
        to_node_link(awkward_graph(), path)

        data = json.loads(path.read_text("utf-8"), parse_constant=pytest.fail)
        back = nx.node_link_graph(data, edges="edges")

        assert {"directed", "edges", "graph", "multigraph", "nodes"} == set(data)
        assert 2 == back.number_of_edges()

    @pytest.mark.parametrize("name", examples.names())
    def test_every_example_loads_back(self, name, tmp_path):
        """Every export of every graph of every example loads back."""
        for kind, G in example_graphs(name).items():
            graphml = tmp_path / f"{kind}.graphml"
            gexf = tmp_path / f"{kind}.gexf"
            to_graphml(G, graphml)
            to_gexf(G, gexf)
            nodes, edges = csv_paths(tmp_path / f"{kind}.csv")
            to_csv(G, nodes, edges)

            from_graphml = nx.read_graphml(graphml, force_multigraph=G.is_multigraph())
            from_gexf = nx.read_gexf(gexf)
            from_igraph = igraph.Graph.Read_GraphML(str(graphml))
            from_json = nx.node_link_graph(
                json.loads(node_link_bytes(G)), edges="edges"
            )
            with nodes.open(encoding="utf-8") as f:
                node_rows = list(csv.DictReader(f))
            with edges.open(encoding="utf-8") as f:
                edge_rows = list(csv.DictReader(f))

            expected = (G.number_of_nodes(), G.number_of_edges())
            assert expected == (
                from_graphml.number_of_nodes(),
                from_graphml.number_of_edges(),
            ), kind
            assert expected == (
                from_gexf.number_of_nodes(),
                from_gexf.number_of_edges(),
            ), kind
            assert expected == (from_igraph.vcount(), from_igraph.ecount()), kind
            assert expected == (
                from_json.number_of_nodes(),
                from_json.number_of_edges(),
            ), kind
            assert expected == (len(node_rows), len(edge_rows)), kind
            assert set(G) == set(from_graphml) == {r["id"] for r in node_rows}

    def test_gexf_spells_follow_periods(self):
        """Nodes and edges with dated periods get spells; undated ones none."""
        G = build_history_graph(tiny(), layers=["membership"], include_personal=True)

        back = nx.read_gexf(io.BytesIO(gexf_bytes(G)))

        assert "dynamic" == back.graph["mode"]
        assert [("2019-01-01", "2020-12-31")] == next(
            d["spells"] for u, v, d in back.edges(data=True) if (u, v) == ("bo", "ohr")
        )
        assert "spells" not in back.nodes["anna"]


class TestCsv:
    def test_tables(self):
        """The node and edge lists have a header and one row per node or edge."""
        G = build_structure_graph(tiny(), on=ON, layers=["service"], key=KEY)

        nodes, edges = csv_tables(G)

        assert (
            "source,target,key,layer,mode,period,service\n"
            "phhyky,hollola,service:kuraattori-hollola,service,joint_authority,2019/..,curator_service\n"
        ) == edges
        assert nodes.startswith(
            "id,bipartite,county,kind,label,municipality,period,record,region,sector\n"
            "hollola,0,09,municipality,Hollola,098,../..,organisation,07,\n"
        )

    def test_paths(self):
        """OUT.csv names OUT-nodes.csv and OUT-edges.csv beside it."""
        assert (Path("d/x-nodes.csv"), Path("d/x-edges.csv")) == csv_paths("d/x.csv")


class TestDataFrames:
    def test_tables(self):
        """DataFrames hold the CSV tables with their types."""
        G = build_cooperation_graph(tiny(), between="group", on=ON)

        nodes, edges = to_dataframes(G)

        assert ["ohr", "ooot"] == list(nodes["id"])
        assert [("ohr", "ooot", 1)] == list(
            edges[["source", "target", "weight"]].itertuples(index=False, name=None)
        )

    def test_without_pandas(self, monkeypatch):
        """Without pandas the error names the extra to install."""
        real_import = builtins.__import__

        def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
            if name == "pandas" or name.startswith("pandas."):
                raise ImportError(name)
            return real_import(name, *args, **kwargs)

        monkeypatch.setattr(builtins, "__import__", no_pandas)

        with pytest.raises(ExtraNotInstalledError, match=r"oppilashuolto\[pandas\]"):
            to_dataframes(nx.Graph())


class TestAtomicWrites:
    def test_render_failure_leaves_old_file(self, tmp_path):
        """A value that fails to render leaves the old file as it was, and no temporary."""

        class Unprintable:
            def __str__(self) -> str:
                raise RuntimeError("boom")

        path = tmp_path / "g.graphml"
        path.write_bytes(b"old")
        G: nx.Graph[str] = nx.Graph()
        G.add_node("a", bad=Unprintable())

        with pytest.raises(RuntimeError, match="boom"):
            write_graph(G, path, "graphml")

        assert b"old" == path.read_bytes()
        assert ["g.graphml"] == sorted(p.name for p in tmp_path.iterdir())

    def test_rename_failure_leaves_old_file(self, tmp_path, monkeypatch):
        """A failure at the rename leaves the old file and removes the temporary."""
        path = tmp_path / "g.json"
        path.write_bytes(b"old")

        def fail(self: Path, target: Any) -> Path:
            raise OSError("disk full")

        monkeypatch.setattr(Path, "replace", fail)

        with pytest.raises(OSError, match="disk full"):
            write_graph(
                build_cooperation_graph(tiny(), between="group", on=ON), path, "json"
            )

        assert b"old" == path.read_bytes()
        assert ["g.json"] == sorted(p.name for p in tmp_path.iterdir())

    def test_write_graph_returns_paths(self, tmp_path):
        """write_graph writes the csv pair and says which files."""
        G = build_cooperation_graph(tiny(), between="group", on=ON)

        written = write_graph(G, tmp_path / "x.csv", "csv")

        assert (tmp_path / "x-nodes.csv", tmp_path / "x-edges.csv") == written
        assert all(p.exists() for p in written)

    def test_graphml_is_deterministic(self):
        """Two exports of the same structure are byte for byte the same."""
        a = graphml_bytes(build_structure_graph(tiny(), on=ON, key=KEY))
        b = graphml_bytes(build_structure_graph(tiny(), on=ON, key=KEY))

        assert a == b
