"""Tests for the ``graph`` and ``analyse`` commands (oppilashuolto.cli.network)."""

# networkx's convention, as in src/oppilashuolto/graph: G, B, P are graphs

from __future__ import annotations

import json

import networkx as nx
import pytest

from oppilashuolto.cli import main
from oppilashuolto.graph import KEY_ENV


EXAMPLE = "example:paijat-hame-ooot"
ON = "2019-06-01"


@pytest.fixture(autouse=True)
def key(monkeypatch):
    monkeypatch.setenv(KEY_ENV, "cli-test-key")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


class TestGraph:
    @pytest.mark.parametrize(
        ("fmt", "reader"),
        [
            ("graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
            ("gexf", nx.read_gexf),
            (
                "json",
                lambda p: nx.node_link_graph(json.loads(p.read_text()), edges="edges"),
            ),
        ],
    )
    def test_formats(self, capsys, tmp_path, fmt, reader):
        """Each format is written, reported and loads back."""
        out_path = tmp_path / f"net.{fmt}"

        status, out, _ = run(
            capsys, "graph", EXAMPLE, "--on", ON, "--format", fmt, "-o", str(out_path)
        )

        G = reader(out_path)
        assert 0 == status
        assert f"{out_path}: written ({G.number_of_nodes()} nodes, " in out
        assert G.number_of_edges() > 0

    def test_csv_pair(self, capsys, tmp_path):
        """CSV writes a node list and an edge list."""
        status, out, _ = run(
            capsys,
            "graph",
            EXAMPLE,
            "--on",
            ON,
            "--format",
            "csv",
            "-o",
            str(tmp_path / "n.csv"),
        )

        assert 0 == status
        assert ["n-edges.csv", "n-nodes.csv"] == sorted(
            p.name for p in tmp_path.iterdir()
        )
        assert 2 == out.count("written")

    def test_projection(self, capsys, tmp_path):
        """A projection is a plain undirected graph with weights."""
        path = tmp_path / "p.graphml"

        status, _, _ = run(
            capsys,
            "graph",
            EXAMPLE,
            "--on",
            ON,
            "--projection",
            "group",
            "--weight",
            "jaccard",
            "--format",
            "graphml",
            "-o",
            str(path),
        )

        G = nx.read_graphml(path)
        assert 0 == status
        assert not G.is_directed()
        assert all(0 < d["weight"] <= 1 for _, _, d in G.edges(data=True))

    def test_days_projection(self, capsys, tmp_path):
        """Day weights take --period instead of --on."""
        path = tmp_path / "d.json"

        status, _, _ = run(
            capsys,
            "graph",
            EXAMPLE,
            "--period",
            "2017/2019",
            "--projection",
            "org",
            "--weight",
            "days",
            "--format",
            "json",
            "-o",
            str(path),
        )

        assert 0 == status
        assert "days" == json.loads(path.read_text())["graph"]["weight"]

    def test_history_gexf_has_spells(self, capsys, tmp_path):
        """--history writes every record, with spells for Gephi's timeline."""
        path = tmp_path / "h.gexf"

        status, _, _ = run(
            capsys, "graph", EXAMPLE, "--history", "--format", "gexf", "-o", str(path)
        )

        assert 0 == status
        assert "<spells>" in path.read_text("utf-8")

    def test_stdout(self, capsys):
        """-o - writes the graph to standard output."""
        status, out, _ = run(
            capsys, "graph", EXAMPLE, "--on", ON, "--format", "json", "-o", "-"
        )

        assert 0 == status
        assert "edges" in json.loads(out)

    def test_include_personal(self, capsys, tmp_path, monkeypatch):
        """--include-personal keeps names and needs no key."""
        monkeypatch.delenv(KEY_ENV)
        path = tmp_path / "p.graphml"

        status, _, _ = run(
            capsys,
            "graph",
            EXAMPLE,
            "--on",
            ON,
            "--include-personal",
            "--format",
            "graphml",
            "-o",
            str(path),
        )

        assert 0 == status
        assert "Piia Uotinen" in path.read_text("utf-8")

    def test_key_env(self, capsys, tmp_path, monkeypatch):
        """--key-env names the variable holding the key; the same key, the same bytes."""
        monkeypatch.setenv("MY_KEY", "cli-test-key")
        a, b = tmp_path / "a.graphml", tmp_path / "b.graphml"

        run(capsys, "graph", EXAMPLE, "--on", ON, "--format", "graphml", "-o", str(a))
        status, _, _ = run(
            capsys,
            "graph",
            EXAMPLE,
            "--on",
            ON,
            "--key-env",
            "MY_KEY",
            "--format",
            "graphml",
            "-o",
            str(b),
        )

        assert 0 == status
        assert a.read_bytes() == b.read_bytes()


class TestGraphErrors:
    def _fails(self, capsys, tmp_path, *argv: str, message: str) -> None:
        path = tmp_path / "out.graphml"
        path.write_bytes(b"old")

        status, out, err = run(capsys, *argv, "--format", "graphml", "-o", str(path))

        assert 1 == status
        assert message in err
        assert "" == out
        assert b"old" == path.read_bytes()
        assert ["out.graphml"] == sorted(p.name for p in tmp_path.iterdir())

    def test_missing_key(self, capsys, tmp_path, monkeypatch):
        """No key: exit 1, the variable named, the old file intact."""
        monkeypatch.delenv(KEY_ENV)

        self._fails(capsys, tmp_path, "graph", EXAMPLE, "--on", ON, message=KEY_ENV)

    def test_empty_key(self, capsys, tmp_path, monkeypatch):
        """An empty key: exit 1."""
        monkeypatch.setenv(KEY_ENV, "")

        self._fails(
            capsys,
            tmp_path,
            "graph",
            EXAMPLE,
            "--on",
            ON,
            message="key must not be empty",
        )

    def test_key_env_unset(self, capsys, tmp_path):
        """--key-env naming an unset variable: exit 1."""
        self._fails(
            capsys,
            tmp_path,
            "graph",
            EXAMPLE,
            "--on",
            ON,
            "--key-env",
            "NO_SUCH_VAR",
            message="environment variable NO_SUCH_VAR is not set",
        )

    def test_unknown_layer(self, capsys, tmp_path):
        """An unknown layer: exit 1, the layer named."""
        self._fails(
            capsys,
            tmp_path,
            "graph",
            EXAMPLE,
            "--on",
            ON,
            "--layer",
            "friends",
            message="Unknown layer 'friends'",
        )

    def test_date_before_records(self, capsys, tmp_path):
        """A date before any record: exit 1."""
        self._fails(
            capsys,
            tmp_path,
            "graph",
            EXAMPLE,
            "--on",
            "1900-01-01",
            message="got 1900-01-01",
        )

    def test_missing_folder(self, capsys, tmp_path):
        """A missing output folder: exit 1, nothing written."""
        status, _, err = run(
            capsys,
            "graph",
            EXAMPLE,
            "--on",
            ON,
            "--format",
            "json",
            "-o",
            str(tmp_path / "no" / "x.json"),
        )

        assert 1 == status
        assert "does not exist" in err

    def test_usage(self, capsys, tmp_path):
        """An unknown format is a usage error: exit 2."""
        status, _, _ = run(
            capsys,
            "graph",
            EXAMPLE,
            "--on",
            ON,
            "--format",
            "pajek",
            "-o",
            str(tmp_path / "x"),
        )

        assert 2 == status

    def test_layer_with_projection(self, capsys, tmp_path):
        """--layer does not combine with --projection: exit 2."""
        status, _, err = run(
            capsys,
            "graph",
            EXAMPLE,
            "--on",
            ON,
            "--projection",
            "org",
            "--layer",
            "service",
            "--format",
            "json",
            "-o",
            str(tmp_path / "x.json"),
        )

        assert 2 == status
        assert "--layer applies to the multilayer graph" in err


class TestAnalyse:
    def test_table(self, capsys):
        """The default output is a readable table of roles and E-I."""
        status, out, _ = run(
            capsys, "analyse", EXAMPLE, "--on", ON, "--by", "profession"
        )

        assert 0 == status
        assert "Brokerage roles by profession (undirected" in out
        assert "E-I index by profession:" in out
        assert (
            "coordinator  itinerant  representative_gatekeeper  liaison  total" in out
        )

    def test_json(self, capsys):
        """--json prints strict JSON with the census and the index."""
        status, out, _ = run(
            capsys,
            "analyse",
            EXAMPLE,
            "--on",
            ON,
            "--by",
            "municipality",
            "--projection",
            "multilayer",
            "--skip-missing",
            "--mode",
            "directed",
            "--json",
        )

        report = json.loads(out, parse_constant=pytest.fail)
        assert 0 == status
        assert {
            "structure",
            "on",
            "by",
            "projection",
            "mode",
            "nodes",
            "left_out",
            "ties",
            "brokerage",
            "ei",
        } == set(report)
        assert "multilayer" == report["projection"]
        assert [
            "coordinator",
            "itinerant",
            "representative",
            "gatekeeper",
            "liaison",
            "total",
        ] == report["brokerage"]["columns"]

    def test_missing_attribute(self, capsys):
        """Nodes without the --by attribute: exit 1, the nodes and the way out named."""
        status, out, err = run(
            capsys, "analyse", EXAMPLE, "--on", ON, "--by", "municipality"
        )

        assert 1 == status
        assert "node attribute 'municipality' is missing on" in err
        assert "'phhyky'" in err
        assert "--skip-missing" in err
        assert "" == out

    def test_missing_key(self, capsys, monkeypatch):
        """People need a key in analyses too: exit 1."""
        monkeypatch.delenv(KEY_ENV)

        status, _, err = run(
            capsys, "analyse", EXAMPLE, "--on", ON, "--by", "profession"
        )

        assert 1 == status
        assert KEY_ENV in err

    def test_unknown_example(self, capsys):
        """An unknown example: exit 1, the names listed."""
        status, _, err = run(
            capsys, "analyse", "example:nope", "--on", ON, "--by", "sector"
        )

        assert 1 == status
        assert "Unknown example 'nope'" in err
