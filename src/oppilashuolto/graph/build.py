"""
The multilayer graph of a structure: organisations, groups, people and projects.

Nodes are keyed by record id (people by pseudonym unless personal data is kept
on purpose) and carry plain attributes:

=============  =====================================================================
``record``     ``"organisation"``, ``"group"``, ``"person"`` or ``"project"``
``kind``       the organisation or group kind code; ``"person"``, ``"project"``
``label``      the name (a person's pseudonym, or name when personal data is kept)
``period``     the record's period as EDTF, such as ``"2017-21/.."``
``bipartite``  0 for holders of seats (organisations, people), 1 for groups, projects
others         ``municipality``, ``region``, ``county``, ``sector`` (codes, inherited
               from the municipality table and parent organisations; a group's from
               organisers that agree), ``acronym``, ``level``, ``statutory``,
               ``basis``, ``profession``, ``professions`` (``;``-joined),
               ``title``, ``employer``, ``status``
=============  =====================================================================

Edges are directed and keyed ``"<layer>:<record id>"``; each carries ``layer``,
``period`` and what its layer says:

=================  ==============================  ==================================
layer              from → to                       attributes
=================  ==============================  ==================================
``membership``     holder (person, organisation)   ``role``, ``profession``,
                   → group                         ``represents`` (``;``-joined ids)
``hierarchy``      group → the group it reports to ``relation`` = ``"reports_to"``
``affiliation``    organisation → parent           ``relation`` (``"part_of"`` for
                                                   ``parent_id``)
``service``        provider → recipient            ``service``, ``mode``
``participation``  party → project                 ``role`` (``owner``,
                                                   ``coordinator``, ``steering_group``,
                                                   ``working_group`` or the
                                                   participation's role; declined
                                                   parties are left out)
=================  ==============================  ==================================
"""

from __future__ import annotations

import datetime as dt

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from oppilashuolto.errors import ValidationError
from oppilashuolto.graph._gc import paused_gc
from oppilashuolto.graph._nodes import Nodes, check_on, first_day, pseudonymiser
from oppilashuolto.model import Period, WelfareStructure


__all__ = [
    "LAYERS",
    "build_history_graph",
    "build_structure_graph",
    "check_layers",
    "collapse",
]

#: The edge layers of `build_structure_graph`, in documentation order.
LAYERS = ("membership", "hierarchy", "affiliation", "service", "participation")

_LAYER_RECORDS = {
    "membership": ("organisations", "groups", "people"),
    "hierarchy": ("groups",),
    "affiliation": ("organisations",),
    "service": ("organisations",),
    "participation": ("organisations", "groups", "people", "projects"),
}
_DATED = (
    "organisations",
    "affiliations",
    "people",
    "groups",
    "memberships",
    "arrangements",
    "projects",
)

Edge = tuple[str, str, str, dict[str, Any]]


def check_layers(layers: Iterable[str] | str | None) -> tuple[str, ...]:
    """
    Return the chosen layers in `LAYERS` order; ``None`` means all of them.

    Raises:
        ValidationError: If a name is not one of `LAYERS`, or none is given.
    """
    if layers is None:
        return LAYERS
    names = (layers,) if isinstance(layers, str) else tuple(layers)
    for name in names:
        if name not in LAYERS:
            msg = (
                f"Unknown layer {name!r}; expected one of: {', '.join(sorted(LAYERS))}"
            )
            raise ValidationError(msg)
    if not names:
        msg = f"layers must name at least one layer of: {', '.join(sorted(LAYERS))}"
        raise ValidationError(msg)
    return tuple(name for name in LAYERS if name in names)


def build_structure_graph(
    structure: WelfareStructure,
    *,
    on: dt.date,
    layers: Iterable[str] | None = None,
    include_personal: bool = False,
    key: str | bytes | None = None,
) -> nx.MultiDiGraph[str]:
    """
    Return the multilayer graph of a structure as of a day.

    Nodes are the organisations, groups, people and projects in force on *on*
    that the chosen layers can link; edges are the records in force on *on*
    whose both ends are nodes.
    Nodes and edges are added in sorted order (by id, then by source, target
    and key), so the graph and its exports are the same from run to run.
    The structure is not changed.

    Args:
        structure: The structure.
        on: The day to answer for.
        layers: Names from `LAYERS`; ``None`` for every layer.
        include_personal: Keep people's ids, names and contact details. By
            default people get keyed pseudonyms (see
            `oppilashuolto.graph.pseudonym`) and every field of
            ``personal_fields(Person)`` is dropped.
        key: The pseudonymisation key; ``None`` reads the environment variable
            ``OPPILASHUOLTO_PSEUDONYM_KEY``. Not needed with *include_personal*.

    Returns:
        A new `networkx.MultiDiGraph`.

    Raises:
        ValidationError: If a layer is unknown, *on* is not a date or comes
            before the first dated record, or no key is available (or it is
            empty) while people are pseudonymised.

    Examples:
        >>> from oppilashuolto.model import Group, Membership, Organisation
        >>> s = WelfareStructure(id="demo", name="Demo",
        ...     organisations=[Organisation(id="lahti", kind="municipality", name="Lahti",
        ...                                 municipality_code="398")],
        ...     groups=[Group(id="ohr", kind="school_welfare_group", name="OHR")],
        ...     memberships=[Membership(id="m1", group_id="ohr", role="chair",
        ...                             organisation_id="lahti")])
        >>> G = build_structure_graph(s, on=dt.date(2026, 1, 1), key="secret")
        >>> sorted(G.edges(keys=True))
        [('lahti', 'ohr', 'membership:m1')]
        >>> G.nodes["lahti"]["county"], G.edges["lahti", "ohr", "membership:m1"]["role"]
        ('09', 'chair')
        >>> build_structure_graph(s, on=dt.date(2026, 1, 1), layers=["friends"])
        Traceback (most recent call last):
        ...
        oppilashuolto.errors.ValidationError: Unknown layer 'friends'; expected one of: ...
    """
    chosen = check_layers(layers)
    day = check_on(on)
    first = first_day(r for name in _DATED for r in getattr(structure, name))
    if first is not None and day < first:
        msg = (
            f"on must not come before the first dated record of structure "
            f"{structure.id!r} ({first.isoformat()}) (got {day.isoformat()})"
        )
        raise ValidationError(msg)
    with paused_gc():
        G = _build(
            structure,
            lambda p: p.contains(day),
            chosen,
            Nodes(structure, pseudonymiser(include_personal=include_personal, key=key)),
        )
    G.graph.update(
        structure=structure.id,
        on=day.isoformat(),
        layers=";".join(chosen),
        pseudonymised=not include_personal,
    )
    return G


def build_history_graph(
    structure: WelfareStructure,
    *,
    period: Period | None = None,
    layers: Iterable[str] | None = None,
    include_personal: bool = False,
    key: str | bytes | None = None,
) -> nx.MultiDiGraph[str]:
    """
    Return the multilayer graph of every record over a period, for timelines.

    As `build_structure_graph`, but a record is included when its period
    overlaps *period* (every record when *period* is ``None``). Each node and
    edge keeps its ``period``, which `oppilashuolto.graph.export.to_gexf`
    turns into spells, so Gephi's timeline plays the network over the years.

    Raises:
        ValidationError: If a layer is unknown or the key is missing or empty.
    """
    chosen = check_layers(layers)
    window = period

    def active(p: Period) -> bool:
        return window is None or p.overlaps(window)

    with paused_gc():
        G = _build(
            structure,
            active,
            chosen,
            Nodes(structure, pseudonymiser(include_personal=include_personal, key=key)),
        )
    G.graph.update(
        structure=structure.id,
        period="../.." if window is None else window.to_edtf(),
        layers=";".join(chosen),
        pseudonymised=not include_personal,
    )
    return G


def collapse(M: nx.MultiDiGraph[str], *, directed: bool = False) -> nx.Graph[str]:
    """
    Return a simple graph with one tie per linked pair of a multilayer graph.

    Measures such as density, constraint and brokerage count parallel edges on
    a multigraph; run them on this instead. Each tie carries ``weight`` (how
    many edges joined the pair, either way unless *directed*) and ``layers``
    (their layers, ``;``-joined and sorted). Nodes keep their attributes;
    self-loops are left out. *M* is not changed.

    Args:
        M: A graph from `build_structure_graph` (any multigraph will do).
        directed: Return a `networkx.DiGraph` keeping the edges' direction.

    Examples:
        >>> M = nx.MultiDiGraph()
        >>> M.add_edges_from([("a", "g", {"layer": "membership"}),
        ...                   ("g", "a", {"layer": "hierarchy"})])
        [0, 0]
        >>> sorted(collapse(M).edges(data=True))
        [('a', 'g', {'weight': 2, 'layers': 'hierarchy;membership'})]
    """
    S: nx.Graph[str] = nx.DiGraph() if directed else nx.Graph()
    S.add_nodes_from(M.nodes(data=True))
    ties: dict[tuple[str, str], list[str]] = {}
    for u, v, layer in M.edges(data="layer", default=""):
        if u == v:
            continue
        pair = (u, v) if directed or u <= v else (v, u)
        ties.setdefault(pair, []).append(str(layer))
    S.add_edges_from(
        (u, v, {"weight": len(found), "layers": ";".join(sorted(set(found) - {""}))})
        for (u, v), found in sorted(ties.items())
    )
    return S


def _build(
    structure: WelfareStructure,
    active: Callable[[Period], bool],
    layers: tuple[str, ...],
    nodes: Nodes,
) -> nx.MultiDiGraph[str]:
    wanted = {name for layer in layers for name in _LAYER_RECORDS[layer]}
    ids = nodes.ids
    orgs = (
        {o.id for o in structure.organisations if active(o.period)}
        if "organisations" in wanted
        else set()
    )
    groups = (
        {g.id for g in structure.groups if active(g.period)}
        if "groups" in wanted
        else set()
    )
    # person id -> node id (a pseudonym unless personal data is kept)
    people = (
        {p.id: ids.person(p.id) for p in structure.people if active(p.period)}
        if "people" in wanted
        else {}
    )
    projects = (
        {p.id for p in structure.projects if active(p.period)}
        if "projects" in wanted
        else set()
    )

    edges: list[Edge] = []
    seat_professions: dict[str, list[str]] = defaultdict(list)
    if "membership" in layers:
        _membership_edges(
            structure,
            active,
            nodes,
            present=(orgs, groups, people),
            edges=edges,
            seat_professions=seat_professions,
        )
    if "hierarchy" in layers:
        for g in structure.groups:
            if g.id in groups and g.reports_to_id in groups:
                data = {"layer": "hierarchy", "relation": "reports_to"}
                data["period"] = g.period.to_edtf()
                edges.append((g.id, g.reports_to_id, f"hierarchy:{g.id}", data))
    if "affiliation" in layers:
        for o in structure.organisations:
            if o.id in orgs and o.parent_id in orgs:
                data = {"layer": "affiliation", "relation": "part_of"}
                data["period"] = o.period.to_edtf()
                edges.append((o.id, o.parent_id, f"affiliation:{o.id}:parent", data))
        for a in structure.affiliations:
            if a.organisation_id in orgs and a.parent_id in orgs and active(a.period):
                data = {"layer": "affiliation", "relation": a.relation}
                data["period"] = a.period.to_edtf()
                edges.append(
                    (a.organisation_id, a.parent_id, f"affiliation:{a.id}", data)
                )
    if "service" in layers:
        for s in structure.arrangements:
            if s.provider_id in orgs and s.recipient_id in orgs and active(s.period):
                data = {"layer": "service", "service": s.service}
                if s.mode:
                    data["mode"] = s.mode
                data["period"] = s.period.to_edtf()
                edges.append((s.provider_id, s.recipient_id, f"service:{s.id}", data))
    if "participation" in layers:
        _participation_edges(
            structure,
            active,
            present=(orgs, groups, people, projects),
            edges=edges,
        )

    node_rows: list[tuple[str, dict[str, Any]]] = []
    node_rows.extend(
        (o.id, nodes.organisation(o)) for o in structure.organisations if o.id in orgs
    )
    node_rows.extend((g.id, nodes.group(g)) for g in structure.groups if g.id in groups)
    node_rows.extend(
        (people[p.id], nodes.person(p, seat_professions.get(p.id, ())))
        for p in structure.people
        if p.id in people
    )
    node_rows.extend(
        (p.id, nodes.project(p)) for p in structure.projects if p.id in projects
    )
    node_rows.sort()  # ids are unique: the dicts are never compared

    # (source, target, key) is unique; one text key sorts faster than tuples
    # (ids hold no NUL, which sorts before every character they may hold)
    edges.sort(key=_edge_order)

    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    G.add_nodes_from(node_rows)
    # the stubs know only (u, v[, data]); MultiGraph takes (u, v, key, data) too
    G.add_edges_from(edges)  # type: ignore[arg-type]
    return G


def _edge_order(edge: Edge) -> str:
    return f"{edge[0]}\x00{edge[1]}\x00{edge[2]}"


def _membership_edges(
    structure: WelfareStructure,
    active: Callable[[Period], bool],
    nodes: Nodes,
    *,
    present: tuple[set[str], set[str], dict[str, str]],
    edges: list[Edge],
    seat_professions: dict[str, list[str]],
) -> None:
    keyed = nodes.ids.keyed
    orgs, groups, people = present
    # periods are shared objects (`Period.from_edtf` caches them): test each once
    texts: dict[int, str | None] = {}
    taken: set[str] = set()
    keyed_seats = 0
    for m in structure.memberships:
        group = m.group_id
        if group not in groups:
            continue
        period = m.period
        edtf = texts.get(id(period), "")
        if edtf == "":
            edtf = period.to_edtf() if active(period) else None
            texts[id(period)] = edtf
        if edtf is None:
            continue
        person = m.person_id
        if person is not None:
            source = people.get(person)
            if source is None:
                continue
            if m.profession:
                seat_professions[person].append(m.profession)
            if keyed:
                # a seat's own id may name the person: key it by pseudonym and group
                edge_key = f"membership:{source}@{group}"
                keyed_seats += 1
                taken.add(edge_key)
            else:
                edge_key = f"membership:{m.id}"
        elif m.organisation_id is not None and m.organisation_id in orgs:
            source = m.organisation_id
            edge_key = f"membership:{m.id}"
        else:
            continue
        data: dict[str, Any] = {"layer": "membership", "role": m.role}
        if m.profession:
            data["profession"] = m.profession
        if m.represents_ids:
            data["represents"] = ";".join(m.represents_ids)
        data["period"] = edtf
        edges.append((source, group, edge_key, data))
    if len(taken) < keyed_seats:
        _number_repeated_seats(edges)


def _number_repeated_seats(edges: list[Edge]) -> None:
    # several seats of one person in one group: number them by start, then role
    at: dict[str, list[int]] = {}
    for i, (_, _, edge_key, _) in enumerate(edges):
        at.setdefault(edge_key, []).append(i)
    for edge_key, found in at.items():
        if len(found) > 1:
            found.sort(key=lambda i: _seat_order(edges[i][3]))
            for n, i in enumerate(found, start=1):
                u, v, _, data = edges[i]
                edges[i] = (u, v, f"{edge_key}#{n}", data)


def _seat_order(data: dict[str, Any]) -> tuple[Any, ...]:
    period = Period.from_edtf(data["period"])
    start = period.start_bound or dt.date.min
    return (start, data["role"], data.get("profession", ""), data["period"])


def _participation_edges(
    structure: WelfareStructure,
    active: Callable[[Period], bool],
    *,
    present: tuple[set[str], set[str], dict[str, str], set[str]],
    edges: list[Edge],
) -> None:
    orgs, groups, people, projects = present
    parties = orgs | groups
    seen: set[str] = set()  # an owner also listed as a participant gives one edge
    for p in structure.projects:
        if p.id not in projects:
            continue
        whole = p.period.to_edtf()

        def add(source: str, role: str, period: str, project_id: str = p.id) -> None:
            edge_key = f"participation:{project_id}:{role}:{source}"
            if edge_key not in seen:
                seen.add(edge_key)
                data = {"layer": "participation", "role": role, "period": period}
                edges.append((source, project_id, edge_key, data))

        for party in p.owner_ids:
            if party in parties:
                add(party, "owner", whole)
        for coordinator in p.coordinator_ids:
            if coordinator in people:
                add(people[coordinator], "coordinator", whole)
        for group in p.steering_group_ids:
            if group in groups:
                add(group, "steering_group", whole)
        for group in p.working_group_ids:
            if group in groups:
                add(group, "working_group", whole)
        for part in p.participation:
            if (
                part.role != "declined"
                and part.party_id in parties
                and active(part.period)
            ):
                # a participation without dates lasts as long as the project
                span = part.period if part.period != Period.always() else p.period
                add(part.party_id, part.role, span.to_edtf())
