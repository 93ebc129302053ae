"""
What the graph builders know about a structure before they are given a day.

A `WelfareStructure` is immutable, so its possible nodes (every record that can
be one) and possible edges (every record that can link two), with their
attributes and their sorted order, are worked out once and kept while the
structure lives. A build then only selects, with numpy: the records in force
(their periods are arrays of day ordinals) and the edges with both ends present;
the chosen rows go to networkx as they are, already sorted.

A structure's first build prepares only the records in force in its own window
(on one day of a structure of ten years, about a third of them), not those of
the years around it; the first build over a window they do not cover prepares
every record, and that preparation is kept instead.

What depends on how people are named (pseudonyms or ids, and the key) is kept
apart in a `View`, per key, for the last few keys used. Views are told apart by
`Pseudonymiser.fingerprint`; neither the key nor a pseudonymiser is kept.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref

from collections.abc import Callable, Iterable, Sequence
from itertools import compress, pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from oppilashuolto.graph._nodes import Nodes
from oppilashuolto.graph.pseudonym import Pseudonymiser
from oppilashuolto.model import Membership, Period, Person, Project, WelfareStructure


__all__ = [
    "ALL",
    "KINDS",
    "OPEN",
    "Prepared",
    "View",
    "Window",
    "bounds",
    "day_window",
    "period_window",
    "prepared",
]

_IntArray = npt.NDArray[np.int64]
_BoolArray = npt.NDArray[np.bool_]

#: The node collections, in the order of node kind codes.
KINDS = ("organisations", "groups", "people", "projects")
_ORG, _GROUP, _PERSON, _PROJECT = range(len(KINDS))
# edge layer codes: positions in `oppilashuolto.graph.build.LAYERS`
_MEMBERSHIP, _HIERARCHY, _AFFILIATION, _SERVICE, _PARTICIPATION = range(5)

#: The exclusive upper bound of an open end, in day ordinals.
OPEN = dt.date.max.toordinal() + 1
#: A half-open range of day ordinals ``[lo, hi)``.
Window = tuple[int, int]
#: The window of all time.
ALL: Window = (0, OPEN)

_DATED = (
    "organisations",
    "affiliations",
    "people",
    "groups",
    "memberships",
    "arrangements",
    "projects",
)
_VIEWS_KEPT = 2  # such as one key and personal data


def bounds(period: Period) -> Window:
    """
    Return a period as day ordinals ``[lo, hi)``: open or unknown sides are 0 and `OPEN`.

    A day *d* is in the period exactly when ``lo <= d.toordinal() < hi`` (as
    `Period.contains` tells), and two periods overlap exactly when each starts
    before the other ends (as `Period.overlaps` tells).

    Examples:
        >>> lo, hi = bounds(Period.from_edtf("2019/2022"))
        >>> dt.date.fromordinal(lo), dt.date.fromordinal(hi)
        (datetime.date(2019, 1, 1), datetime.date(2023, 1, 1))
        >>> bounds(Period.always()) == (0, OPEN)
        True
    """
    start, end = period.start, period.end
    lo = 0 if start is None else start.earliest.toordinal()
    hi = OPEN if end is None else end.latest.toordinal() + 1
    return lo, hi


def day_window(day: dt.date) -> Window:
    """Return the window of one day."""
    d = day.toordinal()
    return d, d + 1


def period_window(period: Period | None) -> Window:
    """Return the window of a period, or of all time for ``None``."""
    return ALL if period is None else bounds(period)


class _Intervals:
    """The periods of a sequence of records, as arrays of day ordinals."""

    __slots__ = ("hi", "lo")

    def __init__(self, lo: _IntArray, hi: _IntArray) -> None:
        self.lo = lo
        self.hi = hi

    @classmethod
    def of(cls, periods: Sequence[Period]) -> _Intervals:
        """Return the intervals of *periods*."""
        # periods are mostly shared objects (`Period.from_edtf` caches them)
        ids = np.fromiter(map(id, periods), dtype=np.uint64, count=len(periods))
        _, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
        found = np.array(
            [bounds(periods[i]) for i in first.tolist()], dtype=np.int64
        ).reshape(-1, 2)
        return cls(found[inverse.reshape(-1), 0], found[inverse.reshape(-1), 1])

    @classmethod
    def join(cls, parts: Iterable[_Intervals]) -> _Intervals:
        """Return the intervals of several sequences, one after the other."""
        found = list(parts)
        return cls(
            np.concatenate([p.lo for p in found]), np.concatenate([p.hi for p in found])
        )

    def __getitem__(self, chosen: _BoolArray) -> _Intervals:
        return _Intervals(self.lo[chosen], self.hi[chosen])

    def active(self, window: Window) -> _BoolArray:
        """Return which periods share a day with the window."""
        lo, hi = window
        found: _BoolArray = (self.lo < hi) & (self.hi > lo)
        return found

    def earliest(self) -> int | None:
        """Return the earliest known first day, or ``None`` if none is known."""
        known = self.lo[self.lo > 0]
        return int(known.min()) if len(known) else None


class _Groups:
    """Groups of edges (each in order), to select from all at once."""

    __slots__ = ("_group", "members")

    def __init__(self, edges: _IntArray, labels: _IntArray) -> None:
        """Group ascending *edges* by their *labels*; only groups of several are kept."""
        order = np.argsort(labels, kind="stable")
        edges, labels = edges[order], labels[order]
        new = np.ones(len(labels), dtype=np.bool_)
        new[1:] = labels[1:] != labels[:-1]
        sizes = np.diff(np.append(np.flatnonzero(new), len(labels)))
        several = np.repeat(sizes > 1, sizes)
        #: The grouped edges, group after group.
        self.members: _IntArray = edges[several]
        self._group: _IntArray = labels[several]

    def __bool__(self) -> bool:
        return len(self.members) > 0

    def keep_first(self, active: _BoolArray) -> None:
        """Clear in *active* every active edge of a group but the first."""
        hit = self.members[active[self.members]]
        group = self._group[active[self.members]]
        later = np.zeros(len(hit), dtype=np.bool_)
        later[1:] = group[1:] == group[:-1]
        active[hit[later]] = False

    def several(self, active: _BoolArray) -> list[list[int]]:
        """Return the active edges of the groups where several are active."""
        hit = self.members[active[self.members]]
        group = self._group[active[self.members]]
        _, first, count = np.unique(group, return_index=True, return_counts=True)
        return [
            hit[a : a + n].tolist()
            for a, n in zip(first.tolist(), count.tolist(), strict=True)
            if n > 1
        ]


class View:
    """
    Node ids, attributes and sorted orders for one way of naming people.

    Attributes:
        keyed: Whether people are pseudonymised.
        node_ids: The id of every possible node (by node index).
        attrs: Their attribute dicts; a person's is made when first needed
            (`fill`), without professions from seats.
        node_order: Node indexes in sorted order of ids.
        u: The source node id of every possible edge (by edge index).
        v: The target node id.
        keys: The edge key (before several seats of one person in one group
            are numbered).
        edge_order: Edge indexes in sorted order of (source, target, key).
        edge_rank: The position of every edge in *edge_order*.
    """

    __slots__ = (
        "_filled",
        "attrs",
        "edge_order",
        "edge_rank",
        "keyed",
        "keys",
        "node_ids",
        "node_order",
        "u",
        "v",
    )

    def __init__(self, prep: Prepared, ids: Pseudonymiser) -> None:
        self.keyed = ids.keyed
        first, people = prep.offsets[_PERSON], prep.people
        self.node_ids: list[str] = list(prep.node_ids)
        self.node_ids[first : first + len(people)] = [ids.person(p.id) for p in people]
        self.attrs: list[dict[str, Any]] = list(prep.attrs)
        self._filled = np.ones(len(self.attrs), dtype=np.bool_)
        self._filled[first : first + len(people)] = False
        self.node_order = _order(self.node_ids)

        self.u: list[str] = list(map(self.node_ids.__getitem__, prep.src.tolist()))
        self.v: list[str] = list(map(self.node_ids.__getitem__, prep.tgt.tolist()))
        self.keys: list[str] = list(prep.keys)
        for edge, prefix in prep.person_keys:
            self.keys[edge] = prefix + self.u[edge]
        self.edge_order = self._edge_order(prep)
        self.edge_rank: _IntArray = _positions(self.edge_order)

    def _edge_order(self, prep: Prepared) -> _IntArray:
        # by source and target (the ranks of their ids, which are unique), then key
        rank = _positions(self.node_order)
        pair = rank[prep.src] * len(rank) + rank[prep.tgt]
        order = np.argsort(pair, kind="stable")
        same = pair[order[1:]] == pair[order[:-1]]
        if not same.any():
            return order
        # edges between the same two nodes: by key (seats' keys are made by
        # `seat_keys` when chosen, not kept: one per seat)
        tied = np.zeros(len(pair), dtype=np.bool_)
        tied[order[1:][same]] = True
        tied[order[:-1][same]] = True
        edges = np.flatnonzero(tied)
        keys = [self.keys[edge] for edge in edges.tolist()]
        seats = prep.is_seat[edges]
        for at, key in zip(
            np.flatnonzero(seats).tolist(),
            self.seat_keys(prep, edges[seats].tolist()),
            strict=True,
        ):
            keys[at] = key
        key_rank = np.zeros(len(pair), dtype=np.int64)
        key_rank[edges[_order(keys)]] = np.arange(1, len(keys) + 1)
        found: _IntArray = np.lexsort((key_rank, pair))
        return found

    def seat_keys(self, prep: Prepared, seats: list[int]) -> list[str]:
        """Return the keys of seats held by people (edge indexes)."""
        if self.keyed:
            # a seat's own id may name the person: key it by pseudonym and group
            u, v = self.u, self.v
            return [f"membership:{u[edge]}@{v[edge]}" for edge in seats]
        records = prep.memberships
        return [f"membership:{records[edge].id}" for edge in seats]

    def fill(
        self,
        prep: Prepared,
        structure: WelfareStructure,
        ids: Pseudonymiser,
        people: _IntArray,
    ) -> None:
        """
        Make the attributes of the *people* (node indexes) that have none yet.

        *structure* must be *prep*'s, and *ids* must name people as this view does.
        """
        missing = people[~self._filled[people]].tolist()
        if missing:
            made = Nodes(structure, ids, prep.contexts)
            for i in missing:
                self.attrs[i] = made.person(prep.person(i), node=self.node_ids[i])
            self._filled[missing] = True


def _order(texts: list[str]) -> _IntArray:
    order = sorted(range(len(texts)), key=texts.__getitem__)
    return np.array(order, dtype=np.int64).reshape(-1)


def _positions(order: _IntArray) -> _IntArray:
    """Return where each index stands in *order* (a permutation)."""
    found: _IntArray = np.empty_like(order)
    found[order] = np.arange(len(order))
    return found


class Prepared:
    """
    The possible nodes and edges of one structure, for any day or period in a window.

    Only records whose periods share a day with the window are prepared; builds
    over windows inside it (`covers`) find every record they need. Nodes are
    indexed organisations first, then groups, people and projects, each in
    structure order; edges in the order the builder tries them. The structure
    itself is not kept, so that this can be cached while it lives.

    Attributes:
        window: The window of the records prepared.
        first_day: The earliest known first day of a dated record (of them all).
        offsets: The first node index of each of `KINDS`, then the node count.
        people: The person records, by node index less ``offsets[2]``.
        node_ids: Node ids (people's are their record ids).
        attrs: Node attributes (people's are made by a `View`).
        src: Each edge's source node index.
        tgt: Each edge's target node index.
        data: Each edge's attributes (one dict for equal ones: networkx copies).
        keys: Each edge's key, but for those naming a person (a `View` sets them).
        seats: The edges that are seats held by people.
        is_seat: Whether each edge is one.
        memberships: The membership record of each of the first edges.
        person_keys: (edge, prefix) of other keys naming a person: the prefix
            and the person's node id.
        seat_groups: Seats of one person in one group, where there are
            several (in structure order).
        seat_order: How seats in *seat_groups* are numbered, by edge.
        first_wins: Edges with one key (a project's party listed twice), in
            the order the builder tries them: the first present one is kept.
        needy: (edge, profession) of seats held by people without professions
            of their own.
    """

    def __init__(self, structure: WelfareStructure, window: Window = ALL) -> None:
        self.window = window
        kept: dict[str, list[Any]] = {}
        periods: dict[str, _Intervals] = {}
        starts: list[int] = []
        for name in _DATED:
            records = getattr(structure, name)
            every = _Intervals.of([r.period for r in records])
            start = every.earliest()
            if start is not None:
                starts.append(start)
            chosen = every.active(window)
            if chosen.all():
                kept[name], periods[name] = list(records), every
            else:
                kept[name] = list(compress(records, chosen.tolist()))
                periods[name] = every[chosen]
        self.first_day = dt.date.fromordinal(min(starts)) if starts else None
        self._views: dict[str | None, View] = {}
        self._lock = threading.Lock()
        at = self._nodes_of(structure, kept, periods)
        self._edges_of(kept, at)

    def covers(self, window: Window) -> bool:
        """Tell whether the records in force in *window* have all been prepared."""
        return self.window[0] <= window[0] and window[1] <= self.window[1]

    # -- nodes ------------------------------------------------------------------------

    def _nodes_of(
        self,
        s: WelfareStructure,
        kept: dict[str, list[Any]],
        periods: dict[str, _Intervals],
    ) -> list[dict[str, int]]:
        collections = [kept[name] for name in KINDS]
        sizes = [len(c) for c in collections]
        self.offsets: tuple[int, ...] = tuple(np.cumsum([0, *sizes]).tolist())
        self._kind = np.repeat(np.arange(len(KINDS), dtype=np.int8), sizes)
        self._periods = _Intervals.join(periods[name] for name in KINDS)
        self.people: list[Person] = collections[_PERSON]
        self.node_ids: list[str] = [r.id for c in collections for r in c]
        nodes = Nodes(s, Pseudonymiser.identity())
        self.contexts = nodes.contexts  # organisations' places, for people's
        none: dict[str, Any] = {}
        self.attrs: list[dict[str, Any]] = [
            *map(nodes.organisation, collections[_ORG]),
            *map(nodes.group, collections[_GROUP]),
            *(none for _ in self.people),
            *map(nodes.project, collections[_PROJECT]),
        ]
        # node indexes by id; the first record with an id wins (validation
        # refuses repeats), so the last goes in first
        ids = self.node_ids
        return [
            dict(zip(reversed(ids[lo:hi]), reversed(range(lo, hi)), strict=True))
            for lo, hi in pairwise(self.offsets)
        ]

    def present(self, window: Window, wanted: Iterable[str]) -> _BoolArray:
        """Return which nodes of the *wanted* collections are in force in the window."""
        chosen = np.zeros(len(KINDS), dtype=np.bool_)
        chosen[[KINDS.index(name) for name in wanted]] = True
        found: _BoolArray = chosen[self._kind] & self._periods.active(window)
        return found

    def people_in(self, present: _BoolArray) -> _IntArray:
        """Return the node indexes of the people among the present nodes."""
        lo, hi = self.offsets[_PERSON], self.offsets[_PERSON + 1]
        found: _IntArray = np.flatnonzero(present[lo:hi]) + lo
        return found

    def person(self, node: int) -> Person:
        """Return the person record of a node index."""
        return self.people[node - self.offsets[_PERSON]]

    # -- edges ------------------------------------------------------------------------

    def _edges_of(self, kept: dict[str, list[Any]], at: list[dict[str, int]]) -> None:
        orgs, groups, people, _ = at
        self._layer: list[int] = []
        self._edge_periods: list[Period] = []
        self._src: list[int] = []
        self._tgt: list[int] = []
        self.data: list[dict[str, Any]] = []
        self.keys: list[str] = []
        self._shared: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._texts: dict[int, str] = {}

        self._memberships(kept["memberships"], orgs, groups, people)
        always = Period.always()
        for i, g in enumerate(kept["groups"], start=self.offsets[_GROUP]):
            target = groups.get(g.reports_to_id) if g.reports_to_id else None
            if target is not None:
                self._add(
                    _HIERARCHY,
                    always,
                    i,
                    target,
                    ("hierarchy", "relation", "reports_to", self._text(g.period)),
                    f"hierarchy:{g.id}",
                )
        for i, o in enumerate(kept["organisations"]):
            target = orgs.get(o.parent_id) if o.parent_id else None
            if target is not None:
                self._add(
                    _AFFILIATION,
                    always,
                    i,
                    target,
                    ("affiliation", "relation", "part_of", self._text(o.period)),
                    f"affiliation:{o.id}:parent",
                )
        for a in kept["affiliations"]:
            source, target = orgs.get(a.organisation_id), orgs.get(a.parent_id)
            if source is not None and target is not None:
                self._add(
                    _AFFILIATION,
                    a.period,
                    source,
                    target,
                    ("affiliation", "relation", a.relation, self._text(a.period)),
                    f"affiliation:{a.id}",
                )
        for sa in kept["arrangements"]:
            provider = sa.provider_id
            source = None if provider is None else orgs.get(provider)
            target = orgs.get(sa.recipient_id)
            if source is not None and target is not None:
                mode = ("mode", sa.mode) if sa.mode else ()
                self._add(
                    _SERVICE,
                    sa.period,
                    source,
                    target,
                    ("service", "service", sa.service, *mode, self._text(sa.period)),
                    f"service:{sa.id}",
                )
        self.first_wins = self._participations(kept["projects"], at)

        self._edge_layer = np.array(self._layer, dtype=np.int8)
        self.is_seat = np.zeros(len(self.keys), dtype=np.bool_)
        self.is_seat[self.seats] = True
        self.src: _IntArray = np.array(self._src, dtype=np.int64)
        self.tgt: _IntArray = np.array(self._tgt, dtype=np.int64)
        self._edge_intervals = _Intervals.of(self._edge_periods)
        self._seat_groups()
        del self._layer, self._edge_periods, self._src, self._tgt
        del self._shared, self._texts

    def _attributes(self, shape: tuple[Any, ...]) -> dict[str, Any]:
        """
        Return the one dict of edge attributes of a shape.

        The shape is the layer, then names and values, then the period's text.
        """
        found = self._shared.get(shape)
        if found is None:
            data: dict[str, Any] = {"layer": shape[0]}
            for n in range(1, len(shape) - 1, 2):
                data[shape[n]] = shape[n + 1]
            data["period"] = shape[-1]
            found = self._shared[shape] = data
        return found

    def _text(self, period: Period) -> str:
        # periods are mostly shared objects: write each out once
        found = self._texts.get(id(period))
        if found is None:
            found = self._texts[id(period)] = period.to_edtf()
        return found

    def _add(  # noqa: PLR0917 - one row of parallel lists
        self,
        layer: int,
        period: Period,
        src: int,
        tgt: int,
        shape: tuple[Any, ...],
        key: str,
    ) -> int:
        self._layer.append(layer)
        self._edge_periods.append(period)
        self._src.append(src)
        self._tgt.append(tgt)
        self.data.append(self._attributes(shape))
        self.keys.append(key)
        return len(self.keys) - 1

    def _memberships(
        self,
        memberships: list[Membership],
        orgs: dict[str, int],
        groups: dict[str, int],
        people: dict[str, int],
    ) -> None:
        # the hot loop of a first build: one pass, shapes and texts looked up
        seats: list[int] = []
        self.needy: list[tuple[int, str]] = []
        own = [bool(p.professions) for p in self.people]
        first = self.offsets[_PERSON]
        periods, src, tgt = self._edge_periods, self._src, self._tgt
        data, keys = self.data, self.keys
        records: list[Membership] = []
        shared: dict[tuple[Any, ...], dict[str, Any]] = {}
        for m in memberships:
            group = groups.get(m.group_id)
            if group is None:
                continue
            person = m.person_id
            if person is not None:
                holder = people.get(person)
                key = ""  # set by a view
            elif m.organisation_id is not None:
                holder = orgs.get(m.organisation_id)
                key = f"membership:{m.id}"
            else:
                continue
            if holder is None:
                continue
            period = m.period
            shape = (m.role, m.profession, m.represents_ids, id(period))
            found = shared.get(shape)
            if found is None:
                found = {"layer": "membership", "role": m.role}
                if m.profession:
                    found["profession"] = m.profession
                if m.represents_ids:
                    found["represents"] = ";".join(m.represents_ids)
                found["period"] = self._text(period)
                shared[shape] = found
            if person is not None:
                edge = len(keys)
                seats.append(edge)
                if m.profession and not own[holder - first]:
                    self.needy.append((edge, m.profession))
            periods.append(period)
            src.append(holder)
            tgt.append(group)
            data.append(found)
            keys.append(key)
            records.append(m)
        self._layer.extend([_MEMBERSHIP] * len(keys))
        self.memberships = records  # memberships are the first edges
        self.seats: _IntArray = np.array(seats, dtype=np.int64)

    def _seat_groups(self) -> None:
        # several seats of one person in one group
        seats = self.seats
        pairs = self.src[seats] * self.offsets[-1] + self.tgt[seats]
        self.seat_groups = _Groups(seats, pairs)
        self.seat_order: dict[int, tuple[Any, ...]] = {}
        for edge in self.seat_groups.members.tolist():
            m = self.memberships[edge]
            self.seat_order[edge] = (
                m.period.start_bound or dt.date.min,
                m.role,
                m.profession or "",
                m.period.to_edtf(),
            )

    def _participations(
        self, projects: list[Project], at: list[dict[str, int]]
    ) -> _Groups:
        orgs, groups, people, _ = at
        always = Period.always()
        self.person_keys: list[tuple[int, str]] = []
        edges: list[int] = []
        labels: list[int] = []
        by_key: dict[tuple[str, str, int], int] = {}

        def add(  # noqa: PLR0917 - one possible edge
            project: str,
            target: int,
            role: str,
            source: int,
            period: Period,
            span: Period,
        ) -> None:
            prefix = f"participation:{project}:{role}:"
            edge = self._add(
                _PARTICIPATION,
                period,
                source,
                target,
                ("participation", "role", role, self._text(span)),
                prefix + self.node_ids[source],
            )
            if self._kind[source] == _PERSON:
                self.person_keys.append((edge, prefix))
            # an owner also listed as a participant gives one edge: the first
            edges.append(edge)
            labels.append(by_key.setdefault((project, role, source), len(by_key)))

        def party(party_id: str) -> int | None:
            found = orgs.get(party_id)
            return groups.get(party_id) if found is None else found

        for i, p in enumerate(projects, start=self.offsets[_PROJECT]):
            for ids, role, among in (
                (p.owner_ids, "owner", party),
                (p.coordinator_ids, "coordinator", people.get),
                (p.steering_group_ids, "steering_group", groups.get),
                (p.working_group_ids, "working_group", groups.get),
            ):
                for party_id in ids:
                    source = among(party_id)
                    if source is not None:
                        add(p.id, i, role, source, always, p.period)
            for part in p.participation:
                source = party(part.party_id)
                if part.role != "declined" and source is not None:
                    # a participation without dates lasts as long as the project
                    span = part.period if part.period != always else p.period
                    add(p.id, i, part.role, source, part.period, span)
        return _Groups(
            np.array(edges, dtype=np.int64), np.array(labels, dtype=np.int64)
        )

    def edges_active(
        self, window: Window, layers: Iterable[int], present: _BoolArray
    ) -> _BoolArray:
        """
        Return which edges of the *layers* are in force, with both ends present.

        Of edges with one key, only the first is kept.
        """
        chosen = np.zeros(5, dtype=np.bool_)
        chosen[list(layers)] = True
        found: _BoolArray = chosen[self._edge_layer]
        found &= self._edge_intervals.active(window)
        found &= present[self.src]
        found &= present[self.tgt]
        if self.first_wins:
            self.first_wins.keep_first(found)
        return found

    def seat_professions(self, active: _BoolArray) -> dict[int, list[str]]:
        """Return the professions of the active seats of people without their own."""
        found: dict[int, list[str]] = {}
        for edge, profession in self.needy:
            if active[edge]:
                found.setdefault(int(self.src[edge]), []).append(profession)
        return found

    # -- views ------------------------------------------------------------------------

    def view(self, ids: Pseudonymiser, *, people: bool) -> View:
        """
        Return the view naming people as *ids* does.

        Without *people* (no person is present) any view will do, since the
        others' ids, attributes and order do not depend on how people are
        named; then no key is asked for.
        """
        if not people:
            with self._lock:
                if self._views:
                    return next(reversed(self._views.values()))
            ids = Pseudonymiser.identity()
        fingerprint = ids.fingerprint()
        with self._lock:
            found = self._views.pop(fingerprint, None)
            if found is None:
                found = View(self, ids)
            self._views[fingerprint] = found  # the last used comes last
            while len(self._views) > _VIEWS_KEPT:
                del self._views[next(iter(self._views))]
            return found


# -- one per structure, while it lives ---------------------------------------------------

_CACHE: dict[int, tuple[weakref.ref[WelfareStructure], Prepared]] = {}
_CACHE_LOCK = threading.Lock()


def prepared(structure: WelfareStructure, window: Window = ALL) -> Prepared:
    """
    Return the prepared nodes and edges of a structure, for builds over the *window*.

    A structure's first build prepares the records of its own window; a build
    over a window those do not cover prepares every record, once.
    """
    key = id(structure)
    found = _CACHE.get(key)
    alive = found is not None and found[0]() is structure
    if found is not None and alive and found[1].covers(window):
        return found[1]
    made = Prepared(structure, ALL if alive else window)
    with _CACHE_LOCK:
        found = _CACHE.get(key)
        if found is not None and found[0]() is structure:
            if found[1].covers(window):
                return found[1]
            ref = found[0]
        else:
            ref = weakref.ref(structure, _forget(key))
        _CACHE[key] = (ref, made)
    return made


def _forget(key: int) -> Callable[[weakref.ref[WelfareStructure]], None]:
    # runs as the structure goes, maybe inside a collection: so takes no lock
    def forget(ref: weakref.ref[WelfareStructure]) -> None:
        found = _CACHE.get(key)
        if found is not None and found[0] is ref:
            _CACHE.pop(key, None)

    return forget
