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
               ``employer``, ``status``; ``title`` (personal) only with
               ``include_personal=True``
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

from collections.abc import Iterable
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt

from oppilashuolto.errors import ValidationError
from oppilashuolto.graph._nodes import Nodes, add_nodes, check_on, pseudonymiser
from oppilashuolto.graph._prepared import (
    Prepared,
    View,
    Window,
    day_window,
    period_window,
    prepared,
)
from oppilashuolto.graph.pseudonym import Pseudonymiser
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
    ids = pseudonymiser(include_personal=include_personal, key=key)
    window = day_window(day)
    prep = prepared(structure, window)
    first = prep.first_day
    if first is not None and day < first:
        msg = (
            f"on must not come before the first dated record of structure "
            f"{structure.id!r} ({first.isoformat()}) (got {day.isoformat()})"
        )
        raise ValidationError(msg)
    G = _build(structure, prep, window, chosen, ids)
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
    ids = pseudonymiser(include_personal=include_personal, key=key)
    window = period_window(period)
    G = _build(structure, prepared(structure, window), window, chosen, ids)
    G.graph.update(
        structure=structure.id,
        period="../.." if period is None else period.to_edtf(),
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
    prep: Prepared,
    window: Window,
    layers: tuple[str, ...],
    ids: Pseudonymiser,
) -> nx.MultiDiGraph[str]:
    wanted = {name for layer in layers for name in _LAYER_RECORDS[layer]}
    present = prep.present(window, wanted)
    active = prep.edges_active(window, (LAYERS.index(n) for n in layers), present)
    people = prep.people_in(present)
    view = prep.view(ids, people=len(people) > 0)
    view.fill(prep, structure, ids, people)
    node_order = view.node_order
    nodes = node_order[present[node_order]]
    attrs = view.attrs
    seat_professions = prep.seat_professions(active)
    if seat_professions:
        # people without professions of their own take those of their seats
        attrs = attrs.copy()
        made = Nodes(structure, ids, prep.contexts)
        for i, found in seat_professions.items():
            attrs[i] = made.person(prep.person(i), found, node=view.node_ids[i])

    edge_order = view.edge_order
    chosen = edge_order[active[edge_order]]
    edges = chosen.tolist()
    keys = list(map(view.keys.__getitem__, edges))
    seats = np.flatnonzero(prep.is_seat[chosen]).tolist()
    if seats:
        for at, key in zip(
            seats, view.seat_keys(prep, [edges[at] for at in seats]), strict=True
        ):
            keys[at] = key
        if view.keyed and prep.seat_groups:
            _number_repeated_seats(prep, view, active, edges, keys)

    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    order = nodes.tolist()
    add_nodes(G, map(view.node_ids.__getitem__, order), map(attrs.__getitem__, order))
    _add_edges(
        G,
        zip(
            map(view.u.__getitem__, edges),
            map(view.v.__getitem__, edges),
            keys,
            map(prep.data.__getitem__, edges),
            strict=True,
        ),
    )
    return G


def _add_edges(
    G: nx.MultiDiGraph[str], edges: Iterable[tuple[str, str, str, dict[str, Any]]]
) -> None:
    """
    Add (u, v, key, data) edges between nodes of *G*, as `add_edge` would one by one.

    The keys of each (u, v) are new. The successor and predecessor dicts, the
    ones `G.adjacency()` and that of its reverse view yield, are filled
    directly, in the same order: one key dict per linked pair, shared by
    both, holding a copy of *data* per edge. `add_edge` checks both ends and
    looks the pair up four times per edge; this takes half its time (30,564
    national edges: 34 ms against 68).
    """
    succ = dict(G.adjacency())
    pred = dict(G.reverse(copy=False).adjacency())
    for u, v, key, data in edges:
        out = succ[u]
        found = out.get(v)
        if found is None:
            out[v] = pred[v][u] = {key: data.copy()}
        else:
            found[key] = data.copy()


def _number_repeated_seats(
    prep: Prepared,
    view: View,
    active: npt.NDArray[np.bool_],
    edges: list[int],
    keys: list[str],
) -> None:
    """
    Number several seats of one person in one group: by start, then role.

    *edges* (edge indexes in sorted order) and their *keys* are changed in
    place: the seats get numbered keys, and are sorted by them.
    """
    ranks: npt.NDArray[np.int64] | None = None
    for seats in prep.seat_groups.several(active):
        if ranks is None:
            ranks = view.edge_rank[edges]
        # the seats are neighbours in sorted order, all with the same key
        at = int(np.searchsorted(ranks, view.edge_rank[seats].min()))
        seats.sort(key=prep.seat_order.__getitem__)
        numbered = sorted(
            (f"{keys[at]}#{n}", edge) for n, edge in enumerate(seats, start=1)
        )
        keys[at : at + len(seats)] = [key for key, _ in numbered]
        edges[at : at + len(seats)] = [edge for _, edge in numbered]
