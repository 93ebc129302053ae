"""
A plain multilayer builder to check the prepared one against: slow and obvious.

It tests every record's period and builds every row anew, as the
documentation of `oppilashuolto.graph.build` reads. With it: what to compare,
and the days worth building on.
"""

# networkx's convention, as in src/oppilashuolto/graph: G is a graph

from __future__ import annotations

import datetime as dt

from collections import defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx

from hypothesis import strategies as st

from oppilashuolto.graph import LAYERS
from oppilashuolto.graph._nodes import Nodes, pseudonymiser
from oppilashuolto.graph._prepared import bounds
from oppilashuolto.model import Period, WelfareStructure
from tests.graph.structures import KEY


_RECORDS = {
    "membership": ("organisations", "groups", "people"),
    "hierarchy": ("groups",),
    "affiliation": ("organisations",),
    "service": ("organisations",),
    "participation": ("organisations", "groups", "people", "projects"),
}


def rows(G: nx.MultiDiGraph[str]) -> tuple[list[Any], list[Any], list[Any]]:
    """Nodes and edges with their attributes, and each node's neighbours, in graph order."""
    return (
        list(G.nodes(data=True)),
        list(G.edges(keys=True, data=True)),
        [(n, list(G.succ[n]), list(G.pred[n])) for n in G],
    )


def on(day: dt.date) -> Callable[[Period], bool]:
    """Tell whether a period contains *day*."""
    return lambda p: p.contains(day)


def days_of(s: WelfareStructure) -> list[dt.date]:
    """The first and last days of every record, and the days around them."""
    found = {dt.date(2020, 1, 1)}
    for name in ("organisations", "people", "groups", "memberships", "projects"):
        for r in getattr(s, name):
            lo, hi = bounds(r.period)
            for d in (lo - 1, lo, hi - 1, hi):
                if (
                    dt.date(1900, 1, 1).toordinal()
                    <= d
                    <= dt.date(2100, 1, 1).toordinal()
                ):
                    found.add(dt.date.fromordinal(d))
    return sorted(found)


def reference_graph(  # noqa: PLR0915 - obvious, not short
    structure: WelfareStructure,
    active: Callable[[Period], bool],
    layers: tuple[str, ...] = LAYERS,
    *,
    include_personal: bool = False,
    key: str | None = None,
) -> nx.MultiDiGraph[str]:
    """Return the nodes and edges of the records *active* accepts, sorted."""
    nodes = Nodes(structure, pseudonymiser(include_personal=include_personal, key=key))
    ids = nodes.ids
    wanted = {name for layer in layers for name in _RECORDS[layer]}

    def present(name: str) -> list[Any]:
        records = getattr(structure, name) if name in wanted else ()
        return [r for r in records if active(r.period)]

    orgs = {o.id for o in present("organisations")}
    groups = {g.id for g in present("groups")}
    people = {p.id: ids.person(p.id) for p in present("people")}
    projects = {p.id for p in present("projects")}

    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    professions: dict[str, list[str]] = defaultdict(list)
    if "membership" in layers:
        for m in structure.memberships:
            if m.group_id not in groups or not active(m.period):
                continue
            if m.person_id is not None:
                if m.person_id not in people:
                    continue
                source = people[m.person_id]
                if m.profession:
                    professions[m.person_id].append(m.profession)
                edge_key = (
                    f"membership:{source}@{m.group_id}"
                    if ids.keyed
                    else f"membership:{m.id}"
                )
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
            data["period"] = m.period.to_edtf()
            edges.append((source, m.group_id, edge_key, data))
        _number_seats(edges)
    if "hierarchy" in layers:
        for g in structure.groups:
            if (
                g.id in groups
                and g.reports_to_id is not None
                and g.reports_to_id in groups
            ):
                data = {"layer": "hierarchy", "relation": "reports_to"}
                data["period"] = g.period.to_edtf()
                edges.append((g.id, g.reports_to_id, f"hierarchy:{g.id}", data))
    if "affiliation" in layers:
        for o in structure.organisations:
            if o.id in orgs and o.parent_id is not None and o.parent_id in orgs:
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
            provider = s.provider_id
            if provider in orgs and s.recipient_id in orgs and active(s.period):
                data = {"layer": "service", "service": s.service}
                if s.mode:
                    data["mode"] = s.mode
                data["period"] = s.period.to_edtf()
                assert provider is not None
                edges.append((provider, s.recipient_id, f"service:{s.id}", data))
    if "participation" in layers:
        seen: set[str] = set()
        parties = orgs | groups
        for p in structure.projects:
            if p.id not in projects:
                continue
            tried = [
                *((o, "owner", p.period) for o in p.owner_ids if o in parties),
                *(
                    (people[c], "coordinator", p.period)
                    for c in p.coordinator_ids
                    if c in people
                ),
                *(
                    (g, "steering_group", p.period)
                    for g in p.steering_group_ids
                    if g in groups
                ),
                *(
                    (g, "working_group", p.period)
                    for g in p.working_group_ids
                    if g in groups
                ),
                *(
                    (
                        part.party_id,
                        part.role,
                        p.period if part.period == Period.always() else part.period,
                    )
                    for part in p.participation
                    if part.role != "declined"
                    and part.party_id in parties
                    and active(part.period)
                ),
            ]
            for source, role, span in tried:
                edge_key = f"participation:{p.id}:{role}:{source}"
                if edge_key not in seen:
                    seen.add(edge_key)
                    data = {"layer": "participation", "role": role}
                    data["period"] = span.to_edtf()
                    edges.append((source, p.id, edge_key, data))

    rows = [
        (o.id, nodes.organisation(o)) for o in structure.organisations if o.id in orgs
    ]
    rows += [(g.id, nodes.group(g)) for g in structure.groups if g.id in groups]
    rows += [
        (people[p.id], nodes.person(p, professions.get(p.id, ())))
        for p in structure.people
        if p.id in people
    ]
    rows += [(p.id, nodes.project(p)) for p in structure.projects if p.id in projects]
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    G.add_nodes_from(sorted(rows, key=lambda row: row[0]))
    # the stubs know only (u, v[, data]); a MultiGraph takes (u, v, key, data) too
    G.add_edges_from(sorted(edges, key=lambda e: e[:3]))  # type: ignore[arg-type]
    return G


def _number_seats(edges: list[tuple[str, str, str, dict[str, Any]]]) -> None:
    # several seats of one person in one group: numbered by start, then role
    at: dict[str, list[int]] = defaultdict(list)
    for i, edge in enumerate(edges):
        at[edge[2]].append(i)
    for found in at.values():
        if len(found) > 1:
            found.sort(key=lambda i: _seat_order(edges[i][3]))
            for n, i in enumerate(found, start=1):
                u, v, edge_key, data = edges[i]
                edges[i] = (u, v, f"{edge_key}#{n}", data)


def _seat_order(data: dict[str, Any]) -> tuple[Any, ...]:
    period = Period.from_edtf(data["period"])
    start = period.start_bound or dt.date.min
    return (start, data["role"], data.get("profession", ""), data["period"])


#: Layer choices and ways of naming people, for the builders' property tests.
layer_sets = st.lists(st.sampled_from(LAYERS), min_size=1, unique=True)
modes = st.sampled_from(
    [{"key": KEY}, {"key": "another key"}, {"include_personal": True}]
)
