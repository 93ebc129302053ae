"""Tests of oppilashuolto.render.network: the cooperation graph and its picture."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from oppilashuolto import examples
from oppilashuolto.errors import ExtraNotInstalledError, ValidationError
from oppilashuolto.model import (
    Group,
    Membership,
    Organisation,
    Participation,
    Period,
    Person,
    Project,
    ServiceArrangement,
    WelfareStructure,
)
from oppilashuolto.render.network import cooperation_graph, to_image


ON = dt.date(2024, 1, 1)


def structure() -> WelfareStructure:
    """Return four organisations tied by a group, a service and a project, and one alone."""
    return WelfareStructure(
        id="s",
        name="S",
        organisations=[
            Organisation(
                id="a",
                kind="municipality",
                name="A",
                municipality_code="211",
                sector="education",
            ),
            Organisation(id="a-koulu", kind="school", name="A:n koulu", parent_id="a"),
            Organisation(
                id="b", kind="municipality", name="B", municipality_code="837"
            ),
            Organisation(
                id="hva",
                kind="wellbeing_services_county",
                name="HVA",
                sector="social_and_health",
            ),
            Organisation(id="yksin", kind="association", name="Yksin"),
            Organisation(
                id="vanha",
                kind="municipality",
                name="Vanha",
                period=Period.from_edtf("2000/2008"),
            ),
        ],
        people=[Person(id="p", professions=["curator"], employer_id="hva")],
        groups=[Group(id="g", kind="network", name="G", organiser_ids=["a"])],
        memberships=[
            Membership(id="m1", group_id="g", role="member", organisation_id="b"),
            Membership(id="m2", group_id="g", role="member", person_id="p"),
        ],
        arrangements=[
            ServiceArrangement(
                id="s1",
                service="curator_service",
                recipient_id="a-koulu",
                provider_id="hva",
            )
        ],
        projects=[
            Project(
                id="h",
                name="H",
                owner_ids=["a"],
                participation=[Participation(party_id="b")],
                period=Period.from_edtf("2023/2025"),
            )
        ],
    )


class TestCooperationGraph:
    def test_edges_and_weights(self):
        """Shared groups, services and projects give weighted edges between organisations."""
        graph = cooperation_graph(structure(), on=ON)
        assert [
            ("a", "b", 2),
            ("a", "hva", 1),
            ("a-koulu", "hva", 1),
            ("b", "hva", 1),
        ] == sorted(graph.edges(data="weight"))

    def test_nodes_in_force(self):
        """Only organisations in force on the day are nodes, isolated ones included."""
        assert ["a", "a-koulu", "b", "hva", "yksin"] == list(
            cooperation_graph(structure(), on=ON)
        )

    def test_municipality_from_parent(self):
        """A school without a code takes its municipality's."""
        assert (
            "211"
            == cooperation_graph(structure(), on=ON).nodes["a-koulu"]["municipality"]
        )

    def test_project_ends(self):
        """After the project ends, its tie is gone."""
        graph = cooperation_graph(structure(), on=dt.date(2026, 1, 1))
        assert 1 == graph["a"]["b"]["weight"]


class TestImage:
    @pytest.fixture(autouse=True)
    def _matplotlib(self):
        pytest.importorskip(
            "matplotlib",
            reason="needs the plot extra: pip install 'oppilashuolto[plot]'",
        )

    @pytest.mark.parametrize(("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG")])
    def test_formats_and_same_bytes(self, fmt, magic):
        """SVG and PNG come out with their signatures, the same bytes each time."""
        first = to_image(structure(), on=ON, fmt=fmt)
        assert (magic, first) == (
            first[: len(magic)],
            to_image(structure(), on=ON, fmt=fmt),
        )

    def test_legend_by_municipality(self):
        """Colouring by municipality names the municipalities in the legend."""
        svg = to_image(structure(), on=ON, language="sv").decode("utf-8")
        assert (True, True, True) == (
            "Kangasala" in svg,
            "Tammerfors" in svg,
            "okänd" in svg,
        )

    def test_legend_by_sector(self):
        """Colouring by sector uses the sector labels."""
        svg = to_image(structure(), on=ON, colour_by="sector", language="en").decode(
            "utf-8"
        )
        assert (True, True) == ("education" in svg, "social and health services" in svg)

    @pytest.mark.parametrize("name", examples.names())
    def test_examples(self, name):
        """Every bundled example draws."""
        assert b"<svg" in to_image(examples.load(name), on=ON)

    def test_empty(self):
        """A structure without organisations draws an empty picture."""
        assert b"<svg" in to_image(WelfareStructure(id="e", name="E"), on=ON)


class TestErrors:
    def test_missing_extra(self, monkeypatch):
        """Without matplotlib the error names the plot extra."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(ExtraNotInstalledError, match=r"oppilashuolto\[plot\]"):
            to_image(structure(), on=ON)

    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [({"colour_by": "kind"}, "municipality, sector"), ({"fmt": "pdf"}, "png, svg")],
    )
    def test_bad_arguments(self, kwargs, match):
        """Unknown colourings and formats list the choices."""
        with pytest.raises(ValidationError, match=match):
            to_image(structure(), on=ON, **kwargs)
