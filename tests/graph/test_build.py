"""Tests for oppilashuolto.graph.build."""

# networkx's convention, as in src/oppilashuolto/graph: G, B, P are graphs

from __future__ import annotations

import copy
import datetime as dt
import subprocess
import sys

import networkx as nx
import pytest

from oppilashuolto.errors import ValidationError
from oppilashuolto.examples import load, names
from oppilashuolto.graph import (
    LAYERS,
    Pseudonymiser,
    build_history_graph,
    build_structure_graph,
    check_layers,
)
from oppilashuolto.model import Period
from tests.graph.reference import rows
from tests.graph.structures import KEY, LATER, ON, tiny


ANNA = Pseudonymiser.from_key(KEY).person("anna")
BO = Pseudonymiser.from_key(KEY).person("bo")
CY = Pseudonymiser.from_key(KEY).person("cy")

EDGES_ON = {
    ("anna", "ohr", "membership:ohr-anna"),
    ("bo", "ohr", "membership:ohr-bo"),
    ("bo", "ooot", "membership:ooot-bo"),
    ("hollola", "ooot", "membership:ooot-hollola"),
    ("ohr", "ooot", "hierarchy:ohr"),
    ("lahti-opetus", "lahti", "affiliation:lahti-opetus:parent"),
    ("hollola", "phhyky", "affiliation:hollola-phhyky"),
    ("phhyky", "hollola", "service:kuraattori-hollola"),
    ("lahti", "latu", "participation:latu:owner:lahti"),
    ("anna", "latu", "participation:latu:coordinator:anna"),
    ("ooot", "latu", "participation:latu:steering_group:ooot"),
    ("hollola", "latu", "participation:latu:participant:hollola"),
}
NODES = {
    "lahti",
    "hollola",
    "lahti-opetus",
    "phhyky",
    "anna",
    "bo",
    "cy",
    "ooot",
    "ohr",
    "latu",
}


class TestBuildStructureGraph:
    def test_nodes_and_edges_with_personal_data(self):
        """With personal data kept, nodes are record ids and edges keyed by record."""
        G = build_structure_graph(tiny(), on=ON, include_personal=True)

        assert isinstance(G, nx.MultiDiGraph)
        assert NODES == set(G)
        assert EDGES_ON == set(G.edges(keys=True))

    def test_people_get_pseudonyms(self):
        """People become keyed pseudonyms, and so do the keys of their seats."""
        G = build_structure_graph(tiny(), on=ON, key=KEY)

        expected = (NODES - {"anna", "bo", "cy"}) | {ANNA, BO, CY}
        assert expected == set(G)
        assert {
            (ANNA, "ohr", f"membership:{ANNA}@ohr"),
            (BO, "ohr", f"membership:{BO}@ohr"),
            (BO, "ooot", f"membership:{BO}@ooot"),
            (ANNA, "latu", f"participation:latu:coordinator:{ANNA}"),
        } == {e for e in G.edges(keys=True) if e[0] in {ANNA, BO}}

    def test_added_in_sorted_order(self):
        """Nodes and edges come out in sorted order."""
        G = build_structure_graph(tiny(), on=ON, key=KEY)

        assert sorted(G) == list(G)
        assert sorted(G.edges(keys=True)) == list(G.edges(keys=True))

    def test_later_date(self):
        """On a later date cy has joined ooot and bo has left ohr."""
        G = build_structure_graph(
            tiny(), on=LATER, layers=["membership"], include_personal=True
        )

        assert {
            ("anna", "ohr", "membership:ohr-anna"),
            ("bo", "ooot", "membership:ooot-bo"),
            ("cy", "ooot", "membership:ooot-cy"),
            ("hollola", "ooot", "membership:ooot-hollola"),
        } == set(G.edges(keys=True))

    def test_node_attributes(self):
        """Nodes carry plain attributes, inherited from parents and the municipality table."""
        G = build_structure_graph(tiny(), on=ON, key=KEY)

        assert {
            "record": "organisation",
            "kind": "department",
            "label": "Lahden opetuspalvelut",
            "bipartite": 0,
            "period": "../..",
            "sector": "education",
            "municipality": "398",
            "region": "07",
            "county": "09",
        } == G.nodes["lahti-opetus"]
        assert {
            "record": "group",
            "kind": "school_welfare_group",
            "label": "OHR",
            "bipartite": 1,
            "statutory": True,
            "basis": "14 § 2 mom.",
            "level": "school",
            "period": "../..",
            "municipality": "398",
            "region": "07",
            "county": "09",
            "sector": "education",
        } == G.nodes["ohr"]
        assert {
            "record": "person",
            "kind": "person",
            "label": BO,
            "bipartite": 0,
            "period": "../..",
            "profession": "school_nurse",
            "professions": "school_nurse;school_doctor",
            "employer": "phhyky",
            "region": "07",
            "sector": "social_and_health",
        } == G.nodes[BO]

    def test_organisers_that_disagree_give_no_municipality(self):
        """A group organised by two municipalities has their region but no municipality."""
        G = build_structure_graph(tiny(), on=ON, key=KEY)

        assert "municipality" not in G.nodes["ooot"]
        assert "07" == G.nodes["ooot"]["region"]

    def test_seat_profession_stands_in_for_a_missing_one(self):
        """A person without professions takes the profession of their seat."""
        G = build_structure_graph(tiny(), on=LATER, key=KEY)

        assert "principal" == G.nodes[CY]["profession"]

    def test_personal_fields_kept_only_on_request(self):
        """Names, contacts and job titles appear only with include_personal=True."""
        kept = build_structure_graph(tiny(), on=ON, include_personal=True)
        dropped = build_structure_graph(tiny(), on=ON, key=KEY)
        personal = ("title", "name", "email", "phone", "degree")

        assert {
            "title": "koulukuraattori",
            "name": "Anna Aalto",
            "email": "anna.aalto@example.fi",
            "phone": "+358 40 123 4567",
            "degree": "YTM",
        } == {k: kept.nodes["anna"][k] for k in personal}
        assert "Anna Aalto" == kept.nodes["anna"]["label"]
        assert set() == set(personal) & set(dropped.nodes[ANNA])
        assert "curator" == dropped.nodes[ANNA]["profession"]

    def test_edge_attributes(self):
        """Edges carry their layer, period and what their layer says."""
        G = build_structure_graph(tiny(), on=ON, include_personal=True)

        assert {
            "layer": "membership",
            "role": "member",
            "represents": "phhyky",
            "period": "2019/..",
        } == G.edges["hollola", "ooot", "membership:ooot-hollola"]
        assert {
            "layer": "service",
            "service": "curator_service",
            "mode": "joint_authority",
            "period": "2019/..",
        } == G.edges["phhyky", "hollola", "service:kuraattori-hollola"]
        assert {
            "layer": "participation",
            "role": "participant",
            "period": "2018/2022",
        } == G.edges["hollola", "latu", "participation:latu:participant:hollola"]

    def test_layers_select_edges_and_nodes(self):
        """Only the chosen layers' edges, and the kinds of node they can link, appear."""
        G = build_structure_graph(tiny(), on=ON, layers=["service"], key=KEY)

        assert {"lahti", "hollola", "lahti-opetus", "phhyky"} == set(G)
        assert {("phhyky", "hollola", "service:kuraattori-hollola")} == set(
            G.edges(keys=True)
        )
        assert "service" == G.graph["layers"]

    def test_several_seats_in_one_group_are_numbered(self):
        """Two seats of one person in one group get distinct pseudonymous keys."""
        import attrs

        from oppilashuolto.model import Membership

        s = tiny()
        extra = Membership(
            id="ohr-anna-2",
            group_id="ohr",
            role="secretary",
            person_id="anna",
            period=Period.from_edtf("2020/.."),
        )
        s = attrs.evolve(s, memberships=[*s.memberships, extra])

        G = build_structure_graph(s, on=ON, layers=["membership"], key=KEY)

        assert {
            (f"membership:{ANNA}@ohr#1", "chair"),
            (f"membership:{ANNA}@ohr#2", "secretary"),
        } == {(k, d["role"]) for _, _, k, d in G.edges(ANNA, keys=True, data=True)}

    @pytest.mark.parametrize("name", names())
    def test_edges_as_networkx_adds_them(self, name):
        """
        The graph is the one `add_edge` makes of its edges, one by one.

        The same successors and predecessors in the same order, one key dict
        per linked pair shared by both ends, edge data of its own (a second
        build is not changed through the first), and networkx goes on
        changing it as its own.
        """
        s = load(name)
        G = build_structure_graph(s, on=ON, key=KEY)
        N: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        N.add_nodes_from(G.nodes(data=True))
        for u, v, k, d in G.edges(keys=True, data=True):
            N.add_edge(u, v, k, **d)

        assert rows(G) == rows(N)
        succ = dict(G.adjacency())
        pred = dict(G.reverse(copy=False).adjacency())
        for u, v in G.edges():
            assert succ[u][v] is pred[v][u]
        if G.number_of_edges():
            u, v, k = next(iter(G.edges(keys=True)))
            G.edges[u, v, k]["layer"] = "changed"
            again = build_structure_graph(s, on=ON, key=KEY)
            assert again.edges[u, v, k]["layer"] != "changed"
            G.remove_edge(u, v, k)
            assert not G.has_edge(u, v, k)
            assert G.number_of_edges() == N.number_of_edges() - 1
        G.add_edge("new", "other")
        assert list(G.pred["other"]) == ["new"]

    def test_input_unchanged(self):
        """Building never changes the structure."""
        s = tiny()
        before = copy.deepcopy(s)

        build_structure_graph(s, on=ON, key=KEY)
        build_history_graph(s, key=KEY)

        assert before == s

    def test_same_graph_twice(self):
        """Two builds give the same nodes, edges and attributes in the same order."""
        a = build_structure_graph(tiny(), on=ON, key=KEY)
        b = build_structure_graph(tiny(), on=ON, key=KEY)

        assert list(a.nodes(data=True)) == list(b.nodes(data=True))
        assert list(a.edges(keys=True, data=True)) == list(
            b.edges(keys=True, data=True)
        )


class TestBadInput:
    def test_unknown_layer(self):
        """An unknown layer name is our error, naming the value and the choices."""
        with pytest.raises(ValidationError, match=r"Unknown layer 'friends'; expected"):
            build_structure_graph(tiny(), on=ON, layers=["friends"], key=KEY)

    def test_no_layer(self):
        """An empty layer list is refused."""
        with pytest.raises(ValidationError, match="layers must name at least one"):
            check_layers([])

    def test_date_before_any_record(self):
        """A date before the first dated record is our error, naming both dates."""
        with pytest.raises(ValidationError, match=r"\(2017-01-01\) \(got 1990-01-01\)"):
            build_structure_graph(tiny(), on=dt.date(1990, 1, 1), key=KEY)

    def test_datetime_is_not_a_date(self):
        """A datetime for *on* is refused."""
        with pytest.raises(ValidationError, match=r"on must be a datetime\.date"):
            build_structure_graph(tiny(), on=dt.datetime(2020, 1, 1), key=KEY)

    def test_missing_key(self, monkeypatch):
        """Without a key or the environment variable, people cannot be pseudonymised."""
        monkeypatch.delenv("OPPILASHUOLTO_PSEUDONYM_KEY", raising=False)

        with pytest.raises(ValidationError, match="key must be given"):
            build_structure_graph(tiny(), on=ON)

    def test_empty_key(self):
        """An empty key is refused rather than used."""
        with pytest.raises(ValidationError, match="key must not be empty"):
            build_structure_graph(tiny(), on=ON, key="")

    def test_empty_key_from_environment(self, monkeypatch):
        """An empty environment variable is refused and named."""
        monkeypatch.setenv("OPPILASHUOLTO_PSEUDONYM_KEY", "")

        with pytest.raises(ValidationError, match="OPPILASHUOLTO_PSEUDONYM_KEY"):
            build_structure_graph(tiny(), on=ON)

    def test_key_from_environment(self, monkeypatch):
        """The environment variable gives the same pseudonyms as the same key passed in."""
        monkeypatch.setenv("OPPILASHUOLTO_PSEUDONYM_KEY", KEY)

        G = build_structure_graph(tiny(), on=ON)

        assert ANNA in G

    def test_no_key_needed_without_people(self, monkeypatch):
        """Layers that link no people need no key."""
        monkeypatch.delenv("OPPILASHUOLTO_PSEUDONYM_KEY", raising=False)

        G = build_structure_graph(tiny(), on=ON, layers=["service", "affiliation"])

        assert 3 == G.number_of_edges()


class TestBuildHistoryGraph:
    def test_every_record(self):
        """The history graph holds every record, with its period."""
        G = build_history_graph(tiny(), layers=["membership"], include_personal=True)

        assert {
            ("anna", "ohr", "membership:ohr-anna"),
            ("bo", "ohr", "membership:ohr-bo"),
            ("bo", "ooot", "membership:ooot-bo"),
            ("cy", "ooot", "membership:ooot-cy"),
            ("hollola", "ooot", "membership:ooot-hollola"),
        } == set(G.edges(keys=True))
        assert "2019/2020" == G.edges["bo", "ohr", "membership:ohr-bo"]["period"]

    def test_period_window(self):
        """A window keeps only the records that overlap it."""
        G = build_history_graph(
            tiny(),
            period=Period.from_edtf("2021/2022"),
            layers=["membership"],
            include_personal=True,
        )

        assert ("bo", "ohr", "membership:ohr-bo") not in set(G.edges(keys=True))
        assert ("cy", "ooot", "membership:ooot-cy") in set(G.edges(keys=True))


class TestCheckLayers:
    def test_all_by_default(self):
        """None means every layer, in documentation order."""
        assert LAYERS == check_layers(None)

    def test_order_and_duplicates(self):
        """Chosen layers come back once each, in documentation order."""
        assert ("membership", "service") == check_layers(
            ["service", "membership", "service"]
        )


class TestImportCost:
    def test_import_oppilashuolto_does_not_import_networkx(self):
        """``import oppilashuolto`` leaves networkx, numpy and scipy unloaded."""
        code = (
            "import sys, oppilashuolto; "
            "print(sorted(m for m in ('networkx', 'numpy', 'scipy') if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )

        assert "[]" == out.stdout.strip()
