"""
Networks over time: snapshots at a series of dates, and what changed between two.

Examples:
    >>> from oppilashuolto.model import Group, Membership, Organisation, Period
    >>> s = WelfareStructure(id="demo", name="Demo",
    ...     organisations=[Organisation(id="lahti", kind="municipality", name="Lahti"),
    ...                    Organisation(id="hollola", kind="municipality", name="Hollola")],
    ...     groups=[Group(id="ohr", kind="school_welfare_group", name="OHR")],
    ...     memberships=[
    ...         Membership(id="m1", group_id="ohr", role="chair", organisation_id="lahti",
    ...                    period=Period.from_edtf("2019/2020")),
    ...         Membership(id="m2", group_id="ohr", role="member", organisation_id="hollola",
    ...                    period=Period.from_edtf("2020/.."))])
    >>> for row in structure_change(s, before=dt.date(2019, 6, 1), after=dt.date(2021, 6, 1),
    ...                             include_personal=True):
    ...     print(row.change, row.source, row.target, row.layer, row.detail)
    tie_appeared hollola ohr membership member
    tie_vanished lahti ohr membership chair
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterable
from typing import Any, Literal

import attrs
import networkx as nx

from oppilashuolto.graph.build import build_structure_graph
from oppilashuolto.model import WelfareStructure


__all__ = ["Change", "graph_change", "snapshots", "structure_change"]

ChangeKind = Literal["joined", "left", "tie_appeared", "tie_vanished"]


@attrs.frozen(kw_only=True, order=True)
class Change:
    """
    One row of the change between two graphs, for a table.

    Attributes:
        change: ``"joined"`` or ``"left"`` (a node), ``"tie_appeared"`` or
            ``"tie_vanished"`` (a tie: a source–target pair in one layer).
        source: The node, or the tie's source.
        target: The tie's target (``""`` for a node).
        layer: The tie's layer (``""`` for a node, or an undirected graph
            without layers).
        detail: The node's ``record`` kind, or the tie's roles or relations
            (``;``-joined, sorted).
    """

    change: ChangeKind
    source: str
    target: str = ""
    layer: str = ""
    detail: str = ""

    def as_tuple(self) -> tuple[str, str, str, str, str]:
        """Return the row as a tuple (change, source, target, layer, detail)."""
        return (self.change, self.source, self.target, self.layer, self.detail)


def snapshots(
    structure: WelfareStructure,
    dates: Iterable[dt.date],
    *,
    layers: Iterable[str] | None = None,
    include_personal: bool = False,
    key: str | bytes | None = None,
) -> dict[dt.date, nx.MultiDiGraph[str]]:
    """
    Return `build_structure_graph` at each date, by date.

    With one key, a person has the same pseudonym in every snapshot.

    Raises:
        ValidationError: As `build_structure_graph`, for any of the dates.
    """
    chosen = None if layers is None else tuple(layers)
    return {
        day: build_structure_graph(
            structure,
            on=day,
            layers=chosen,
            include_personal=include_personal,
            key=key,
        )
        for day in sorted(set(dates))
    }


_Ties = dict[tuple[str, str, str], str]


def _ties(G: nx.Graph[Any]) -> _Ties:
    found: dict[tuple[str, str, str], set[str]] = {}
    for u, v, data in G.edges(data=True):
        a, b = str(u), str(v)
        if not G.is_directed() and b < a:
            a, b = b, a
        what = data.get("role", data.get("relation", data.get("service", "")))
        found.setdefault((a, b, str(data.get("layer", ""))), set()).add(str(what))
    return {tie: ";".join(sorted(w for w in what if w)) for tie, what in found.items()}


def graph_change(before: nx.Graph[Any], after: nx.Graph[Any]) -> tuple[Change, ...]:
    """
    Return the nodes that joined or left and the ties that appeared or vanished.

    A tie is a source–target pair in one layer (edge attribute ``layer``): a
    seat that passes from one record to another between the same holder and
    group is no change. Neither graph is changed.

    Returns:
        The rows, sorted (joined, left, tie_appeared, tie_vanished, then by
        source, target and layer).
    """
    rows: list[Change] = []
    node_kinds: tuple[tuple[ChangeKind, nx.Graph[Any], nx.Graph[Any]], ...] = (
        ("joined", after, before),
        ("left", before, after),
    )
    for kind, graph, other in node_kinds:
        rows.extend(
            Change(change=kind, source=str(n), detail=str(data.get("record", "")))
            for n, data in graph.nodes(data=True)
            if n not in other
        )
    ties_before, ties_after = _ties(before), _ties(after)
    tie_kinds: tuple[tuple[ChangeKind, _Ties, _Ties], ...] = (
        ("tie_appeared", ties_after, ties_before),
        ("tie_vanished", ties_before, ties_after),
    )
    for kind, mine, theirs in tie_kinds:
        rows.extend(
            Change(change=kind, source=u, target=v, layer=layer, detail=detail)
            for (u, v, layer), detail in mine.items()
            if (u, v, layer) not in theirs
        )
    return tuple(sorted(rows))


def structure_change(
    structure: WelfareStructure,
    *,
    before: dt.date,
    after: dt.date,
    layers: Iterable[str] | None = None,
    include_personal: bool = False,
    key: str | bytes | None = None,
) -> tuple[Change, ...]:
    """
    Return what changed in a structure's graph between two dates.

    Both graphs are built with the same options (and key), so people keep
    their pseudonyms; see `graph_change` for the rows.

    Raises:
        ValidationError: As `build_structure_graph`.
    """
    graphs = snapshots(
        structure,
        (before, after),
        layers=layers,
        include_personal=include_personal,
        key=key,
    )
    return graph_change(graphs[before], graphs[after])
