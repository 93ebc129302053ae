"""
A picture of the cooperation network: organisations linked by what they do together.

Two organisations are linked, as of a day, when they take part in the same
group (as organiser, as a seat holder, or as the employer of a person holding
a seat), when one provides a service to the other, or when they take part in
the same project. Edge weights count these ties. Nodes are coloured by
municipality or by sector and sized by degree.

Drawing needs matplotlib, the ``plot`` extra (``pip install 'oppilashuolto[plot]'``);
building the graph needs only networkx.

Examples:
    >>> import datetime as dt
    >>> from oppilashuolto.model import Group, Membership, Organisation, WelfareStructure
    >>> s = WelfareStructure(id="s", name="S", organisations=[
    ...     Organisation(id="a", kind="municipality", name="A", municipality_code="211"),
    ...     Organisation(id="b", kind="municipality", name="B", municipality_code="837")],
    ...     groups=[Group(id="g", kind="network", name="G", organiser_ids=["a"])],
    ...     memberships=[Membership(id="m", group_id="g", role="member", organisation_id="b")])
    >>> graph = cooperation_graph(s, on=dt.date(2024, 1, 1))
    >>> sorted(graph.edges(data="weight"))
    [('a', 'b', 1)]
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math

from collections.abc import Iterable
from typing import Any, Literal

import networkx as nx

from oppilashuolto.errors import ExtraNotInstalledError, ValidationError
from oppilashuolto.model import Organisation, WelfareStructure
from oppilashuolto.render._wheel_text import DEFAULT_COLOURS, Language, localised


__all__ = ["cooperation_graph", "to_image"]

ColourBy = Literal["municipality", "sector"]
_PALETTE = (
    *DEFAULT_COLOURS,
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
    "#999999",
)
_GREY = "#b0b8c1"
_UNKNOWN = {"fi": "ei tiedossa", "sv": "okänd", "en": "unknown"}
_TITLE = {
    "fi": "Yhteistyöverkosto",
    "sv": "Samarbetsnätverk",
    "en": "Cooperation network",
}


def _municipality(structure: WelfareStructure, org: Organisation) -> str:
    seen: set[str] = set()
    node: Organisation | None = org
    while node is not None and node.id not in seen:
        seen.add(node.id)
        if node.municipality_code is not None:
            return node.municipality_code
        node = (
            structure.organisation(node.parent_id)
            if node.parent_id is not None
            else None
        )
    return ""


def _organisation_of(structure: WelfareStructure, record_id: str | None) -> str | None:
    if record_id is None:
        return None
    collection = structure.collection_of(record_id)
    if collection == "organisations":
        return record_id
    if collection == "people":
        return structure.person(record_id).employer_id
    return None


def _link(graph: nx.Graph[str], ids: Iterable[str | None]) -> None:
    present = sorted({i for i in ids if i is not None and i in graph})
    for a, b in itertools.combinations(present, 2):
        if graph.has_edge(a, b):
            graph[a][b]["weight"] += 1
        else:
            graph.add_edge(a, b, weight=1)


def cooperation_graph(structure: WelfareStructure, *, on: dt.date) -> nx.Graph[str]:
    """
    Return the organisations in force on a day, linked by shared groups, services and projects.

    Node keys are organisation ids, with attributes ``name``, ``kind``,
    ``municipality`` (the 3-digit code of the organisation or the nearest
    parent that has one, else ``""``) and ``sector`` (``""`` if not known).
    Edges carry ``weight``: the number of ties. Nodes and edges are added in
    sorted order, so the graph is the same for the same input.
    """
    snapshot = structure.snapshot(on=on)
    graph: nx.Graph[str] = nx.Graph()
    for org in sorted(snapshot.organisations, key=lambda o: o.id):
        graph.add_node(
            org.id,
            name=org.acronym or org.name,
            kind=org.kind,
            municipality=_municipality(structure, org),
            sector=org.sector,
        )
    for group in sorted(snapshot.groups, key=lambda g: g.id):
        holders = [
            _organisation_of(structure, m.holder_id)
            for m in structure.members(group.id, on=on)
        ]
        organisers = [_organisation_of(structure, o) for o in group.organiser_ids]
        _link(graph, [*organisers, *holders])
    for arrangement in sorted(snapshot.arrangements, key=lambda a: a.id):
        _link(graph, [arrangement.provider_id, arrangement.recipient_id])
    for project in sorted(snapshot.projects, key=lambda p: p.id):
        parties = [
            _organisation_of(structure, p.party_id) for p in project.participation
        ]
        _link(graph, [*project.owner_ids, *parties])
    return graph


def _layout(graph: nx.Graph[str]) -> dict[Any, Any]:
    # each linked component by force direction (fixed seed, sorted nodes), the
    # components side by side in rows, largest first, so that a small component
    # is not squeezed into a dot by the others; organisations without ties on
    # a row below, in id order
    components = sorted(
        (sorted(c) for c in nx.connected_components(graph) if len(c) > 1),
        key=lambda c: (-len(c), c[0]),
    )
    isolates = sorted(n for n in graph if graph.degree(n) == 0)
    pos: dict[Any, Any] = {}
    per_row = max(1, math.ceil(math.sqrt(len(components))))
    for i, nodes in enumerate(components):
        part = graph.subgraph(nodes)
        local = nx.spring_layout(
            part, seed=7, k=1.8 / len(part) ** 0.5, iterations=200, scale=1.0
        )
        x0, y0 = 2.6 * (i % per_row), -2.6 * (i // per_row)
        for node in nodes:
            x, y = local[node]
            pos[node] = (x0 + float(x), y0 + float(y))
    rows = math.ceil(len(components) / per_row)
    width = 2.6 * (min(per_row, len(components)) - 1) if components else 0.0
    step = max(width / (len(isolates) - 1), 1.5) if len(isolates) > 1 else 0.0
    left = width / 2 - step * (len(isolates) - 1) / 2
    for i, node in enumerate(isolates):
        # every other label a little lower, so that long names do not collide
        pos[node] = (left + i * step, -2.6 * rows + 0.6 - 0.35 * (i % 2))
    return pos


def _category_label(
    structure: WelfareStructure, colour_by: ColourBy, value: str, language: Language
) -> str:
    if not value:
        return _UNKNOWN[language]
    if colour_by == "sector":
        return structure.label("sectors", value, language)
    from oppilashuolto.reference import municipality

    try:
        found = municipality(value)
    except ValidationError:
        return value
    return found.name_sv if language == "sv" else found.name_fi


def to_image(
    structure: WelfareStructure,
    *,
    on: dt.date,
    colour_by: ColourBy = "municipality",
    fmt: Literal["svg", "png"] = "svg",
    language: Language = "fi",
) -> bytes:
    """
    Return a picture of the cooperation network as SVG or PNG bytes.

    Args:
        structure: The structure.
        on: The day.
        colour_by: ``"municipality"`` or ``"sector"``.
        fmt: ``"svg"`` or ``"png"``.
        language: Language of the title and legend.

    Raises:
        ExtraNotInstalledError: If matplotlib (the ``plot`` extra) is missing.
        ValidationError: If *colour_by* or *fmt* is unknown.
    """
    if colour_by not in ("municipality", "sector"):
        msg = f"Unknown colour_by {colour_by!r}; expected one of: municipality, sector"
        raise ValidationError(msg)
    if fmt not in ("svg", "png"):
        msg = f"Unknown format {fmt!r}; expected one of: png, svg"
        raise ValidationError(msg)
    try:
        import matplotlib as mpl

        from matplotlib.figure import Figure
        from matplotlib.patches import Patch
    except ImportError as exc:
        raise ExtraNotInstalledError("network pictures", "plot") from exc
    graph = cooperation_graph(structure, on=on)
    values = sorted({str(graph.nodes[n][colour_by]) for n in graph})
    known = [v for v in values if v]
    colour_of = {v: _PALETTE[i % len(_PALETTE)] for i, v in enumerate(known)}
    colour_of[""] = _GREY
    # a fixed seed and sorted nodes: the same layout every run
    pos = _layout(graph)
    sizes = [300 + 180 * graph.degree(n) for n in graph]
    widths = [0.8 + 0.8 * float(d["weight"]) for _, _, d in graph.edges(data=True)]
    labels = {
        n: (str(graph.nodes[n]["name"])[:22] + "…")
        if len(str(graph.nodes[n]["name"])) > 23
        else str(graph.nodes[n]["name"])
        for n in graph
    }
    with mpl.rc_context(
        {"svg.hashsalt": "oppilashuolto", "svg.fonttype": "none", "font.size": 9}
    ):
        fig = Figure(figsize=(10, 8), dpi=100, layout="constrained")
        ax = fig.add_subplot()
        ax.set_axis_off()
        title = localised(structure, "name", language)
        ax.set_title(f"{_TITLE[language]}: {title}, {on.day}.{on.month}.{on.year}")
        if len(graph):
            nx.draw_networkx_edges(
                graph, pos, ax=ax, width=widths, edge_color="#9aa5b1"
            )
            nx.draw_networkx_nodes(
                graph,
                pos,
                ax=ax,
                node_size=sizes,
                node_color=[colour_of[str(graph.nodes[n][colour_by])] for n in graph],
                edgecolors="#ffffff",
            )
            nx.draw_networkx_labels(graph, pos, labels=labels, ax=ax, font_size=8)
        handles = [
            Patch(
                color=colour_of[v],
                label=_category_label(structure, colour_by, v, language),
            )
            for v in values
        ]
        # room for the labels of the outermost nodes
        ax.margins(x=0.22, y=0.12)
        if handles:
            ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
        out = io.BytesIO()
        metadata: dict[str, Any] = (
            {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
        )
        fig.savefig(out, format=fmt, metadata=metadata)
    return out.getvalue()
