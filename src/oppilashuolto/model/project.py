"""Development projects: goals, groups, risks, funding, indicators and results."""

from __future__ import annotations

import decimal

from typing import Any

import attrs

from attrs import field, frozen

from oppilashuolto.errors import ValidationError
from oppilashuolto.model._validators import (
    codes,
    fail,
    identifier,
    identifiers,
    non_empty,
    one_of,
    optional_code,
    optional_identifier,
    texts,
    to_str_tuple,
    to_tuple,
)
from oppilashuolto.model.common import Contribution, Result
from oppilashuolto.model.count import Count
from oppilashuolto.model.dates import PartialDate, Period


__all__ = [
    "GOAL_KINDS",
    "PARTICIPATION_ROLES",
    "Deliverable",
    "Funding",
    "Goal",
    "Indicator",
    "IndicatorValue",
    "Participation",
    "Project",
    "Risk",
]

GOAL_KINDS = ("vision", "main", "refined", "sub")
PARTICIPATION_ROLES = (
    "owner",
    "participant",
    "partner",
    "funder",
    "declined",
    "target",
)


def _amount(
    _: object, attribute: attrs.Attribute[Any], value: decimal.Decimal | None
) -> None:
    if value is not None and (not value.is_finite() or value < 0):
        fail(attribute, "a non-negative amount", str(value))


@frozen(kw_only=True)
class Goal:
    """
    A goal in a project's goal tree.

    Attributes:
        id: Id of the goal, unique inside its project.
        text: The goal as the source words it.
        kind: ``"vision"``, ``"main"``, ``"refined"`` or ``"sub"``.
        parent_id: The goal this one refines, if the source says.
        addressed_by_ids: Groups (such as working groups) that work on it.
        note: Free text, such as why a link is uncertain.
    """

    id: str = field(validator=identifier)
    text: str = field(validator=non_empty)
    kind: str = field(default="main", validator=one_of(GOAL_KINDS))
    parent_id: str | None = field(default=None, validator=optional_identifier)
    addressed_by_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    note: str = ""


@frozen(kw_only=True)
class Risk:
    """
    A risk from a project's risk analysis.

    Attributes:
        description: What could hinder the goals.
        likelihood: As the analysis rates it, if given.
        impact: As the analysis rates it, if given.
        mitigation: What is done about it.
    """

    description: str = field(validator=non_empty)
    likelihood: str = ""
    impact: str = ""
    mitigation: str = ""


@frozen(kw_only=True)
class Funding:
    """
    A funding line: planned against actual.

    Attributes:
        source_id: The funding organisation, if named.
        source_name: The funder as written, when not a record.
        planned: Planned amount.
        actual: Actual amount so far.
        currency: ISO 4217 code.
        status: Code such as ``"as_planned"``, if the source says only that.
        note: Free text from the source.
    """

    source_id: str | None = field(default=None, validator=optional_identifier)
    source_name: str = ""
    planned: decimal.Decimal | None = field(default=None, validator=_amount)
    actual: decimal.Decimal | None = field(default=None, validator=_amount)
    currency: str = "EUR"
    status: str = field(default="", validator=optional_code)
    note: str = ""


@frozen(kw_only=True)
class IndicatorValue:
    """
    One measured value of an indicator.

    Attributes:
        on: When it was measured.
        value: The number, or ``None`` with a *count* bound.
        count: A bound such as ">300" when that is all the source gives.
        note: Free text.
    """

    on: PartialDate
    value: float | None = None
    count: Count | None = None
    note: str = ""


@frozen(kw_only=True)
class Indicator:
    """
    A measure of a project's progress, with its measured values.

    Attributes:
        id: Id of the indicator, unique inside its project.
        name: What is measured.
        unit: The unit, such as "participants".
        target: The target value, if any.
        values: Measured values in time order.
    """

    id: str = field(validator=identifier)
    name: str = field(validator=non_empty)
    unit: str = ""
    target: float | None = None
    values: tuple[IndicatorValue, ...] = field(default=(), converter=to_tuple)


@frozen(kw_only=True)
class Deliverable:
    """
    Something a project produces: a curriculum, a plan, a model.

    Attributes:
        title: Its title.
        kind: Code from ``plan_kinds`` (or a local term).
        due: When it is due or was done.
        note: Free text.
    """

    title: str = field(validator=non_empty)
    kind: str = field(default="", validator=optional_code)
    due: PartialDate | None = None
    note: str = ""


@frozen(kw_only=True)
class Participation:
    """
    An organisation's part in a project, possibly as a count ("33 of 35 schools").

    Attributes:
        party_id: The organisation (or group).
        role: ``"owner"``, ``"participant"``, ``"partner"``, ``"funder"``,
            ``"declined"`` or ``"target"``.
        count: How many of the party (when it stands for several) take this part.
        period: When.
        note: Free text from the source.
    """

    party_id: str = field(validator=identifier)
    role: str = field(default="participant", validator=one_of(PARTICIPATION_ROLES))
    count: Count | None = None
    period: Period = field(factory=Period.always)
    note: str = ""


def _goal_tree(
    instance: Project, attribute: attrs.Attribute[Any], value: tuple[Goal, ...]
) -> None:
    ids: set[str] = set()
    for goal in value:
        if goal.id in ids:
            msg = f"project {instance.id!r}: goal id {goal.id!r} is repeated"
            raise ValidationError(msg, [(msg, f"{attribute.name}")])
        ids.add(goal.id)
    parents = {g.id: g.parent_id for g in value}
    for goal in value:
        if goal.parent_id is not None and goal.parent_id not in ids:
            msg = f"project {instance.id!r}: goal {goal.id!r} parent_id {goal.parent_id!r} not found"
            raise ValidationError(msg)
        seen = [goal.id]
        parent = goal.parent_id
        while parent is not None:
            if parent in seen:
                cycle = " -> ".join([*seen, parent])
                msg = f"project {instance.id!r}: goals form a cycle: {cycle}"
                raise ValidationError(msg)
            seen.append(parent)
            parent = parents[parent]


@frozen(kw_only=True)
class Project:
    """
    A development project (hanke), possibly part of a larger whole.

    Attributes:
        id: Id of the record.
        name: Finnish (or the only) name.
        name_sv: Swedish name.
        name_en: English name.
        code: Project number, such as ``"T70079"``.
        acronym: Short name, such as ``"LATU"``.
        status: Code from ``project_statuses``.
        period: When the project runs.
        owner_ids: Organisations that own the project.
        coordinator_ids: People coordinating it.
        steering_group_ids: Its steering groups.
        working_group_ids: Its working groups.
        goals: The goal tree.
        risks: The risk analysis.
        funding: Funding lines.
        indicators: Indicators with values.
        results: Results by dimension.
        approach: How the work is done, as the source lists it (principles,
            "viisaita ratkaisuja", ways of working).
        deliverables: What it produces.
        participation: Who takes part, possibly as counts.
        contributions: Other parts taken (encouraged, supports…).
        target_groups: Codes from ``target_groups``.
        predecessor_ids: Projects it continues.
        successor_ids: Projects that continue it.
        part_of_id: The whole it was merged into.
        joined: When it joined that whole.
        note: Free text from the source.

    Examples:
        >>> p = Project(id="latu", name="LATU-hanke", acronym="LATU",
        ...             period=Period.from_edtf("2002/.."))
        >>> p.period.start.edtf
        '2002'
    """

    id: str = field(validator=identifier)
    name: str = field(validator=non_empty)
    name_sv: str = ""
    name_en: str = ""
    code: str = ""
    acronym: str = ""
    status: str = field(default="", validator=optional_code)
    period: Period = field(factory=Period.always)
    owner_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    coordinator_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    steering_group_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    working_group_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    goals: tuple[Goal, ...] = field(
        default=(), converter=to_tuple, validator=_goal_tree
    )
    risks: tuple[Risk, ...] = field(default=(), converter=to_tuple)
    funding: tuple[Funding, ...] = field(default=(), converter=to_tuple)
    indicators: tuple[Indicator, ...] = field(default=(), converter=to_tuple)
    results: tuple[Result, ...] = field(default=(), converter=to_tuple)
    approach: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=texts
    )
    deliverables: tuple[Deliverable, ...] = field(default=(), converter=to_tuple)
    participation: tuple[Participation, ...] = field(default=(), converter=to_tuple)
    contributions: tuple[Contribution, ...] = field(default=(), converter=to_tuple)
    target_groups: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    predecessor_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    successor_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    part_of_id: str | None = field(default=None, validator=optional_identifier)
    joined: PartialDate | None = None
    note: str = field(default="", repr=False)

    def goal_children(self, goal_id: str | None) -> tuple[Goal, ...]:
        """Return the goals whose parent is *goal_id* (``None``: the roots)."""
        return tuple(g for g in self.goals if g.parent_id == goal_id)
