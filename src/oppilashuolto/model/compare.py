"""Merging two structures and the change between two days."""

from __future__ import annotations

import datetime as dt

from typing import Any

from attrs import frozen

from oppilashuolto.errors import ValidationError
from oppilashuolto.model.references import COLLECTIONS
from oppilashuolto.model.structure import WelfareStructure


__all__ = ["StructureDiff", "diff", "merge"]


@frozen(kw_only=True)
class StructureDiff:
    """
    What changed between two days: records that came into and went out of force.

    Attributes:
        on_a: The earlier day.
        on_b: The later day.
        added: Ids in force on *on_b* but not *on_a*, per collection.
        removed: Ids in force on *on_a* but not *on_b*, per collection.
    """

    on_a: dt.date
    on_b: dt.date
    added: dict[str, tuple[str, ...]]
    removed: dict[str, tuple[str, ...]]

    def rows(self) -> list[tuple[str, str, str]]:
        """Return ``(collection, id, "added" | "removed")`` rows for tabulation."""
        rows = [(c, i, "added") for c, ids in self.added.items() for i in ids]
        rows += [(c, i, "removed") for c, ids in self.removed.items() for i in ids]
        order = {name: n for n, (name, _) in enumerate(COLLECTIONS)}
        return sorted(rows, key=lambda r: (order[r[0]], r[1], r[2]))

    def is_empty(self) -> bool:
        """Tell whether nothing changed."""
        return not any(self.added.values()) and not any(self.removed.values())


def diff(structure: WelfareStructure, on_a: dt.date, on_b: dt.date) -> StructureDiff:
    """
    Return the records that came into or went out of force between two days.

    Examples:
        >>> from oppilashuolto.model import Membership, Group, Period
        >>> s = WelfareStructure(id="s", name="S",
        ...     groups=[Group(id="g", kind="network", name="G")],
        ...     memberships=[Membership(id="m", group_id="g", role="member",
        ...                             period=Period.from_edtf("2019/2020"))])
        >>> diff(s, dt.date(2018, 1, 1), dt.date(2019, 6, 1)).added["memberships"]
        ('m',)
    """
    a = structure.snapshot(on=on_a).ids()
    b = structure.snapshot(on=on_b).ids()
    added = {name: tuple(sorted(b[name] - a[name])) for name, _ in COLLECTIONS}
    removed = {name: tuple(sorted(a[name] - b[name])) for name, _ in COLLECTIONS}
    return StructureDiff(on_a=on_a, on_b=on_b, added=added, removed=removed)


def merge(first: WelfareStructure, second: WelfareStructure) -> WelfareStructure:
    """
    Return the union of two structures, keeping the first one's name and metadata.

    A record present in both must be equal in both.

    Raises:
        ValidationError: If the same id holds different records.
    """
    merged: dict[str, tuple[Any, ...]] = {}
    problems: list[tuple[str, str]] = []
    for name, _ in COLLECTIONS:
        records = list(getattr(first, name))
        known = {r.id: r for r in records}
        for i, record in enumerate(getattr(second, name)):
            twin = known.get(record.id)
            if twin is None:
                records.append(record)
                known[record.id] = record
            elif twin != record:
                problems.append(
                    (
                        f"{name} {record.id!r} differs between {first.id!r} and {second.id!r}",
                        f"{name}[{i}]",
                    )
                )
        merged[name] = tuple(records)
    terms = list(first.local_terms)
    keys = {(t.vocabulary, t.code): t for t in terms}
    for term in second.local_terms:
        twin = keys.get((term.vocabulary, term.code))
        if twin is None:
            terms.append(term)
        elif twin != term:
            problems.append(
                (
                    f"local term {term.vocabulary}.{term.code} differs between the structures",
                    "local_terms",
                )
            )
    if problems:
        raise ValidationError(problems[0][0], problems)
    return WelfareStructure(
        id=first.id,
        name=first.name,
        name_sv=first.name_sv,
        name_en=first.name_en,
        description=first.description,
        source=first.source,
        updated=max((u for u in (first.updated, second.updated) if u), default=None),
        local_terms=tuple(terms),
        **merged,
    )
