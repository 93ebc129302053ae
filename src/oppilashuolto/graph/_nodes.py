"""
Node ids and attributes of records, shared by the graph builders.

Every attribute is a plain `str`, `int` or `bool`, set only when known (never
`None`), so that graphs export to GraphML and GEXF as they are.
"""

from __future__ import annotations

import datetime as dt

from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from functools import cache
from itertools import starmap
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from oppilashuolto.errors import ValidationError
from oppilashuolto.graph.pseudonym import Pseudonymiser
from oppilashuolto.model import (
    Group,
    Organisation,
    Period,
    Person,
    Project,
    WelfareStructure,
    personal_fields,
)


__all__ = ["Nodes", "add_nodes", "check_on", "first_day", "pseudonymiser"]

if TYPE_CHECKING:
    import networkx as nx

_PLACES = ("municipality", "region", "county", "sector")
N = TypeVar("N", bound=Hashable)


def add_nodes(
    graph: nx.Graph[N], names: Iterable[N], attrs: Iterable[Mapping[str, Any]]
) -> None:
    """
    Add nodes to an empty graph in order, each with its attributes.

    networkx tells (node, attributes) pairs from nodes by catching an exception
    for each; so the nodes are added plain, and their attribute dicts, in the
    order added, are then updated (shallow copies), by `dict.update` called
    from C, with no Python call per node.
    """
    if len(graph):
        msg = "graph must be empty"
        raise ValueError(msg)
    graph.add_nodes_from(names)
    own = map(itemgetter(1), iter(graph.nodes(data=True)))
    deque(starmap(dict.update, zip(own, attrs, strict=True)), maxlen=0)


def pseudonymiser(*, include_personal: bool, key: str | bytes | None) -> Pseudonymiser:
    """
    Return the id mapping for an export: identity only when personal data is kept.

    A key given is checked at once; without one, the environment is read when
    the first person needs a pseudonym.
    """
    if include_personal:
        return Pseudonymiser.identity()
    return Pseudonymiser.deferred(key)


def check_on(on: object, option: str = "on") -> dt.date:
    """Refuse anything but a `datetime.date` (a datetime is refused too)."""
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        msg = f"{option} must be a datetime.date (got a value of type {type(on).__name__})"
        raise ValidationError(msg)
    return on


def first_day(records: Iterable[Any]) -> dt.date | None:
    """Return the earliest known first day of *records*, or ``None`` if none is known."""
    # periods are mostly shared objects: look at each distinct one once
    periods = {id(p): p for p in map(attrgetter("period"), records)}
    starts = [b for p in periods.values() if (b := p.start_bound) is not None]
    return min(starts) if starts else None


@cache
def _reference_geo(code: str) -> tuple[tuple[str, str], ...]:
    """Return the region and county codes of a municipality code, as pairs."""
    from oppilashuolto.reference import municipality

    try:
        m = municipality(code)
    except (ValidationError, KeyError):
        return ()
    found = [("region", m.region_code)]
    if m.wellbeing_county_code:
        found.append(("county", m.wellbeing_county_code))
    return tuple(found)


class Nodes:
    """
    Node ids and attribute dicts for the records of one structure.

    Args:
        structure: The structure.
        ids: Maps person ids (and ids of seats held by people) to pseudonyms.
        contexts: What `org_context` found for the same structure before, to
            reuse and add to.
    """

    def __init__(
        self,
        structure: WelfareStructure,
        ids: Pseudonymiser,
        contexts: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.structure = structure
        self.ids = ids
        self.organisations = {o.id: o for o in structure.organisations}
        self.contexts: dict[str, dict[str, str]] = {} if contexts is None else contexts
        self._personal = personal_fields(Person)
        self._texts: dict[int, str] = {}

    def period_text(self, period: Period) -> str:
        """Return the EDTF text of a period, one text for each period object."""
        # periods are mostly shared objects: write each out once, and share it
        found = self._texts.get(id(period))
        if found is None:
            found = self._texts[id(period)] = period.to_edtf()
        return found

    # -- organisations ----------------------------------------------------------------

    def _own_context(self, org: Organisation) -> dict[str, str]:
        found: dict[str, str] = {}
        if org.municipality_code:
            found["municipality"] = org.municipality_code
        if org.region_code:
            found["region"] = org.region_code
        if org.wellbeing_county_code:
            found["county"] = org.wellbeing_county_code
        if org.sector:
            found["sector"] = org.sector
        return found

    def org_context(self, org_id: str) -> dict[str, str]:
        """
        Return the municipality, region, county and sector codes of an organisation.

        A value the record leaves empty is taken from the reference table of
        municipalities (region and county of its municipality), then from the
        nearest ancestor through ``parent_id`` that has it.
        """
        cached = self.contexts.get(org_id)
        if cached is not None:
            return cached
        chain: list[Organisation] = []
        seen: set[str] = set()
        current: str | None = org_id
        while current is not None and current not in seen:
            org = self.organisations.get(current)
            if org is None:
                break
            seen.add(current)
            chain.append(org)
            current = org.parent_id
        found: dict[str, str] = {}
        for org in chain:
            own = self._own_context(org)
            if "municipality" in own and "municipality" not in found:
                for k, v in _reference_geo(own["municipality"]):
                    own.setdefault(k, v)
            for k, v in own.items():
                found.setdefault(k, v)
        if "municipality" in found:
            for k, v in _reference_geo(found["municipality"]):
                found.setdefault(k, v)
        self.contexts[org_id] = found
        return found

    def organisation(self, org: Organisation) -> dict[str, Any]:
        """Return the attributes of an organisation node."""
        data: dict[str, Any] = {
            "record": "organisation",
            "kind": org.kind,
            "label": org.name,
            "bipartite": 0,
            "period": self.period_text(org.period),
        }
        if org.acronym:
            data["acronym"] = org.acronym
        data.update(self.org_context(org.id))
        if org.placeholder:
            data["placeholder"] = True
        return data

    # -- groups -------------------------------------------------------------------------

    def group(self, group: Group) -> dict[str, Any]:
        """Return the attributes of a group node; places come from unanimous organisers."""
        data: dict[str, Any] = {
            "record": "group",
            "kind": group.kind,
            "label": group.name,
            "bipartite": 1,
            "statutory": group.is_statutory(),
            "period": self.period_text(group.period),
        }
        if group.acronym:
            data["acronym"] = group.acronym
        if group.level:
            data["level"] = group.level
        if group.statutory_basis is not None:
            data["basis"] = str(group.statutory_basis)
        contexts = [
            self.org_context(o) for o in group.organiser_ids if o in self.organisations
        ]
        if len(contexts) == 1:  # as usual: the organiser's own
            (context,) = contexts
            for name in _PLACES:
                value = context.get(name)
                if value is not None:
                    data[name] = value
        else:
            for name in _PLACES:
                values = {c.get(name) for c in contexts}
                if len(values) == 1 and None not in values:
                    data[name] = values.pop()
        return data

    # -- people -------------------------------------------------------------------------

    def person_id(self, person_id: str) -> str:
        """Return the node id of a person."""
        return self.ids.person(person_id)

    def person(
        self,
        person: Person,
        seat_professions: Iterable[str] = (),
        *,
        node: str | None = None,
    ) -> dict[str, Any]:
        """
        Return the attributes of a person node.

        Personal fields (`personal_fields(Person)`) are kept only when ids are
        not pseudonymised; free-text notes never are.
        The primary ``profession`` is the first of the record's, else the
        first profession of the seats the person holds.
        *node* is the person's node id when known (``ids.person(person.id)``).
        """
        if node is None:
            node = self.ids.person(person.id)
        data: dict[str, Any] = {
            "record": "person",
            "kind": "person",
            "label": node,
            "bipartite": 0,
            "period": self.period_text(person.period),
        }
        professions = person.professions or tuple(sorted(set(seat_professions)))
        if professions:
            data["profession"] = professions[0]
            data["professions"] = ";".join(professions)
        if person.synthetic:
            data["synthetic"] = True
        if person.employer_id is not None:
            data["employer"] = person.employer_id
            data.update(self.org_context(person.employer_id))
        if not self.ids.keyed:
            for name in self._personal:
                value = getattr(person, name)
                if value:
                    data[name] = str(value)
            if person.name:
                data["label"] = person.name
        return data

    # -- projects -----------------------------------------------------------------------

    def project(self, project: Project) -> dict[str, Any]:
        """Return the attributes of a project node."""
        data: dict[str, Any] = {
            "record": "project",
            "kind": "project",
            "label": project.name,
            "bipartite": 1,
            "period": self.period_text(project.period),
        }
        for name in ("acronym", "code", "status"):
            value = getattr(project, name)
            if value:
                data[name] = value
        return data
