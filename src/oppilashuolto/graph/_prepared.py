"""
What the graph builders know about a structure before they are given a day.

A `WelfareStructure` is immutable, so its possible nodes (every record that can
be one) and possible edges (every record that can link two), with their
attributes and their sorted order, are worked out once and kept while the
structure lives. A build then only selects, with numpy: the records in force
(their periods are arrays of day ordinals) and the edges with both ends present;
the chosen rows go to networkx as they are, already sorted.

What depends on how people are named (pseudonyms or ids, and the key) is kept
apart in a `View`, per key, for the last few keys used. Views are told apart by
`Pseudonymiser.fingerprint`; neither the key nor a pseudonymiser is kept.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from oppilashuolto.graph._nodes import Nodes, first_day
from oppilashuolto.graph.pseudonym import Pseudonymiser
from oppilashuolto.model import Period, Person, WelfareStructure


__all__ = [
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
    return (0, OPEN) if period is None else bounds(period)


class _Intervals:
    """The periods of a sequence of records, as arrays of day ordinals."""

    __slots__ = ("hi", "lo")

    def __init__(self, periods: Sequence[Period]) -> None:
        # periods are mostly shared objects (`Period.from_edtf` caches them)
        ids = np.fromiter(map(id, periods), dtype=np.uint64, count=len(periods))
        _, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
        found = np.array(
            [bounds(periods[i]) for i in first.tolist()], dtype=np.int64
        ).reshape(-1, 2)
        self.lo: _IntArray = found[inverse.reshape(-1), 0]
        self.hi: _IntArray = found[inverse.reshape(-1), 1]

    def active(self, window: Window) -> _BoolArray:
        """Return which periods share a day with the window."""
        lo, hi = window
        found: _BoolArray = (self.lo < hi) & (self.hi > lo)
        return found


class _Groups:
    """Groups of edges (each in order), to select from all at once."""

    __slots__ = ("_group", "_members")

    def __init__(self, groups: Iterable[list[int]]) -> None:
        kept = [found for found in groups if len(found) > 1]
        self._members: _IntArray = np.array(
            [edge for found in kept for edge in found], dtype=np.int64
        )
        self._group: _IntArray = np.repeat(
            np.arange(len(kept), dtype=np.int64),
            np.array([len(found) for found in kept], dtype=np.int64),
        )

    def __bool__(self) -> bool:
        return len(self._members) > 0

    def keep_first(self, active: _BoolArray) -> None:
        """Clear in *active* every active edge of a group but the first."""
        hit = self._members[active[self._members]]
        group = self._group[active[self._members]]
        later = np.zeros(len(hit), dtype=np.bool_)
        later[1:] = group[1:] == group[:-1]
        active[hit[later]] = False

    def several(self, active: _BoolArray) -> list[list[int]]:
        """Return the active edges of the groups where several are active."""
        hit = self._members[active[self._members]]
        group = self._group[active[self._members]]
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
        "_first_person",
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

    def __init__(
        self, prep: Prepared, structure: WelfareStructure, ids: Pseudonymiser
    ) -> None:
        self.keyed = ids.keyed
        first = prep.offsets[_PERSON]
        people = structure.people
        self.node_ids: list[str] = list(prep.node_ids)
        self.node_ids[first : first + len(people)] = [ids.person(p.id) for p in people]
        self.attrs: list[dict[str, Any]] = list(prep.attrs)
        self._filled = np.ones(len(self.attrs), dtype=np.bool_)
        self._filled[first : first + len(people)] = False
        self._first_person = first
        self.node_order = _order(self.node_ids)

        self.u: list[str] = list(map(self.node_ids.__getitem__, prep.src.tolist()))
        self.v: list[str] = list(map(self.node_ids.__getitem__, prep.tgt.tolist()))
        self.keys: list[str] = list(prep.keys)
        for edge, prefix in prep.person_keys:
            self.keys[edge] = prefix + self.u[edge]
        # seats' keys are made by `seat_keys` when chosen, not kept (one per seat)
        keys = self.keys.copy()
        seats = prep.seats.tolist()
        for edge, key in zip(seats, self.seat_keys(prep, seats), strict=True):
            keys[edge] = key
        # (source, target, key) is unique; one text sorts faster than tuples
        # (ids hold no NUL, which sorts before every character they may hold)
        self.edge_order = _order(
            [f"{u}\x00{v}\x00{k}" for u, v, k in zip(self.u, self.v, keys, strict=True)]
        )
        self.edge_rank: _IntArray = np.empty_like(self.edge_order)
        self.edge_rank[self.edge_order] = np.arange(len(self.edge_order))

    def seat_keys(self, prep: Prepared, seats: list[int]) -> list[str]:
        """Return the keys of seats held by people (edge indexes)."""
        if self.keyed:
            # a seat's own id may name the person: key it by pseudonym and group
            u, v = self.u, self.v
            return [f"membership:{u[edge]}@{v[edge]}" for edge in seats]
        ids = prep.seat_ids
        return [f"membership:{ids[edge]}" for edge in seats]

    def fill(
        self, structure: WelfareStructure, ids: Pseudonymiser, people: _IntArray
    ) -> None:
        """
        Make the attributes of the *people* (node indexes) that have none yet.

        *ids* must name people as this view does.
        """
        missing = people[~self._filled[people]].tolist()
        if missing:
            made = Nodes(structure, ids)
            offset = self._first_person
            for i in missing:
                self.attrs[i] = made.person(
                    structure.people[i - offset], node=self.node_ids[i]
                )
            self._filled[missing] = True


def _order(texts: list[str]) -> _IntArray:
    order = sorted(range(len(texts)), key=texts.__getitem__)
    return np.array(order, dtype=np.int64).reshape(-1)


class Prepared:
    """
    The possible nodes and edges of one structure, for any day or period.

    Nodes are indexed organisations first, then groups, people and projects,
    each in structure order; edges in the order the builder tries them. The
    structure itself is not kept, so that this can be cached while it lives.

    Attributes:
        first_day: The earliest known first day of a dated record.
        offsets: The first node index of each of `KINDS`, then the node count.
        node_ids: Node ids (people's are their record ids).
        attrs: Node attributes (people's are made by a `View`).
        src: Each edge's source node index.
        tgt: Each edge's target node index.
        data: Each edge's attributes (one dict for equal ones: networkx copies).
        keys: Each edge's key, but for those naming a person (a `View` sets them).
        seats: The edges that are seats held by people.
        is_seat: Whether each edge is one.
        seat_ids: The membership ids of the first edges (memberships).
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

    def __init__(self, structure: WelfareStructure) -> None:
        self.first_day = first_day(
            r for name in _DATED for r in getattr(structure, name)
        )
        self._views: dict[str | None, View] = {}
        self._lock = threading.Lock()
        at = self._nodes_of(structure)
        self._edges_of(structure, at)

    # -- nodes ------------------------------------------------------------------------

    def _nodes_of(self, s: WelfareStructure) -> list[dict[str, int]]:
        collections = [getattr(s, name) for name in KINDS]
        sizes = [len(c) for c in collections]
        self.offsets: tuple[int, ...] = tuple(np.cumsum([0, *sizes]).tolist())
        self._kind = np.repeat(np.arange(len(KINDS), dtype=np.int8), sizes)
        records = [r for c in collections for r in c]
        self._periods = _Intervals([r.period for r in records])
        self.node_ids: list[str] = [r.id for r in records]
        nodes = Nodes(s, Pseudonymiser.identity())
        none: dict[str, Any] = {}
        self.attrs: list[dict[str, Any]] = [
            *(nodes.organisation(o) for o in s.organisations),
            *(nodes.group(g) for g in s.groups),
            *(none for _ in s.people),
            *(nodes.project(p) for p in s.projects),
        ]
        # node indexes by id; the first record with an id wins (validation
        # refuses repeats)
        at: list[dict[str, int]] = []
        for c, offset in zip(collections, self.offsets, strict=False):
            found: dict[str, int] = {}
            for i, r in enumerate(c, start=offset):
                found.setdefault(r.id, i)
            at.append(found)
        return at

    def present(self, window: Window, wanted: Iterable[str]) -> _BoolArray:
        """Return which nodes of the *wanted* collections are in force in the window."""
        chosen = np.zeros(len(KINDS), dtype=np.bool_)
        chosen[[KINDS.index(name) for name in wanted]] = True
        found: _BoolArray = chosen[self._kind] & self._periods.active(window)
        return found

    def people(self, present: _BoolArray) -> _IntArray:
        """Return the node indexes of the people among the present nodes."""
        lo, hi = self.offsets[_PERSON], self.offsets[_PERSON + 1]
        found: _IntArray = np.flatnonzero(present[lo:hi]) + lo
        return found

    def person(self, structure: WelfareStructure, node: int) -> Person:
        """Return the person record of a node index of *structure* (this one's)."""
        return structure.people[node - self.offsets[_PERSON]]

    # -- edges ------------------------------------------------------------------------

    def _edges_of(self, s: WelfareStructure, at: list[dict[str, int]]) -> None:
        orgs, groups, people, _ = at
        self._layer: list[int] = []
        self._edge_periods: list[Period] = []
        self._src: list[int] = []
        self._tgt: list[int] = []
        self.data: list[dict[str, Any]] = []
        self.keys: list[str] = []
        self._shared: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._texts: dict[int, str] = {}

        self._memberships(s, orgs, groups, people)
        always = Period.always()
        for i, g in enumerate(s.groups, start=self.offsets[_GROUP]):
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
        for i, o in enumerate(s.organisations):
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
        for a in s.affiliations:
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
        for sa in s.arrangements:
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
        self.first_wins = self._participations(s, at)

        self._edge_layer = np.array(self._layer, dtype=np.int8)
        self.is_seat = np.zeros(len(self.keys), dtype=np.bool_)
        self.is_seat[self.seats] = True
        self.src: _IntArray = np.array(self._src, dtype=np.int64)
        self.tgt: _IntArray = np.array(self._tgt, dtype=np.int64)
        self._edge_intervals = _Intervals(self._edge_periods)
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
        s: WelfareStructure,
        orgs: dict[str, int],
        groups: dict[str, int],
        people: dict[str, int],
    ) -> None:
        # the hot loop of a first build: one pass, shapes and texts looked up
        seats: list[int] = []
        records: list[int] = []
        by_seat: dict[tuple[int, int], list[int]] = {}
        self.needy: list[tuple[int, str]] = []
        own = [bool(p.professions) for p in s.people]
        first = self.offsets[_PERSON]
        layer, periods, src, tgt = self._layer, self._edge_periods, self._src, self._tgt
        data, keys = self.data, self.keys
        shared: dict[tuple[Any, ...], dict[str, Any]] = {}
        for j, m in enumerate(s.memberships):
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
            edge = len(keys)
            layer.append(_MEMBERSHIP)
            periods.append(period)
            src.append(holder)
            tgt.append(group)
            data.append(found)
            keys.append(key)
            records.append(j)
            if person is not None:
                seats.append(edge)
                by_seat.setdefault((holder, group), []).append(edge)
                if m.profession and not own[holder - first]:
                    self.needy.append((edge, m.profession))
        self.seats: _IntArray = np.array(seats, dtype=np.int64)
        self._seat_groups(s, records, by_seat)

    def _seat_groups(
        self,
        s: WelfareStructure,
        record_of: list[int],
        by_seat: dict[tuple[int, int], list[int]],
    ) -> None:
        # the structure's own id texts, by edge: memberships are the first edges
        self.seat_ids: list[str] = [s.memberships[j].id for j in record_of]
        self.seat_groups = _Groups(by_seat.values())
        self.seat_order: dict[int, tuple[Any, ...]] = {}
        for found in by_seat.values():
            if len(found) > 1:
                for edge in found:
                    m = s.memberships[record_of[edge]]
                    self.seat_order[edge] = (
                        m.period.start_bound or dt.date.min,
                        m.role,
                        m.profession or "",
                        m.period.to_edtf(),
                    )

    def _participations(self, s: WelfareStructure, at: list[dict[str, int]]) -> _Groups:
        orgs, groups, people, _ = at
        always = Period.always()
        self.person_keys: list[tuple[int, str]] = []
        by_key: dict[tuple[str, str, int], list[int]] = {}

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
            by_key.setdefault((project, role, source), []).append(edge)

        def party(party_id: str) -> int | None:
            found = orgs.get(party_id)
            return groups.get(party_id) if found is None else found

        for i, p in enumerate(s.projects, start=self.offsets[_PROJECT]):
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
        return _Groups(by_key.values())

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

    def view(
        self, structure: WelfareStructure, ids: Pseudonymiser, *, people: bool
    ) -> View:
        """
        Return the view naming the people of *structure* (this one's) as *ids* does.

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
                found = View(self, structure, ids)
            self._views[fingerprint] = found  # the last used comes last
            while len(self._views) > _VIEWS_KEPT:
                del self._views[next(iter(self._views))]
            return found


# -- one per structure, while it lives ---------------------------------------------------

_CACHE: dict[int, tuple[weakref.ref[WelfareStructure], Prepared]] = {}
_CACHE_LOCK = threading.Lock()


def prepared(structure: WelfareStructure) -> Prepared:
    """Return the prepared nodes and edges of a structure, made on first use."""
    key = id(structure)
    found = _CACHE.get(key)
    if found is not None and found[0]() is structure:
        return found[1]
    made = Prepared(structure)
    with _CACHE_LOCK:
        found = _CACHE.get(key)
        if found is not None and found[0]() is structure:
            return found[1]
        _CACHE[key] = (weakref.ref(structure, _forget(key)), made)
    return made


def _forget(key: int) -> Callable[[weakref.ref[WelfareStructure]], None]:
    # runs as the structure goes, maybe inside a collection: so takes no lock
    def forget(ref: weakref.ref[WelfareStructure]) -> None:
        found = _CACHE.get(key)
        if found is not None and found[0] is ref:
            _CACHE.pop(key, None)

    return forget
