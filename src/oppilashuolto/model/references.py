"""
The schema as data: which field refers to which records, and which uses which vocabulary.

`WelfareStructure` checks every reference and code against these tables, and the
docs draw them.
A path is a dotted attribute path where ``name[]`` walks a tuple of nested
records, such as ``"goals[].addressed_by_ids"``.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import field, frozen

from oppilashuolto.model.activity import Activity
from oppilashuolto.model.group import Group
from oppilashuolto.model.membership import Membership
from oppilashuolto.model.organisation import Affiliation, Organisation, Succession
from oppilashuolto.model.person import Person
from oppilashuolto.model.plan import Plan
from oppilashuolto.model.practice import Practice
from oppilashuolto.model.project import Project
from oppilashuolto.model.schoolcalendar import SchoolCalendar
from oppilashuolto.model.service import ServiceArrangement
from oppilashuolto.model.yearly_clock import YearlyClock


__all__ = [
    "CODE_FIELDS",
    "COLLECTIONS",
    "REFERENCES",
    "CodeField",
    "Reference",
    "iter_path",
]

COLLECTIONS: tuple[tuple[str, type], ...] = (
    ("organisations", Organisation),
    ("affiliations", Affiliation),
    ("successions", Succession),
    ("people", Person),
    ("groups", Group),
    ("memberships", Membership),
    ("arrangements", ServiceArrangement),
    ("projects", Project),
    ("practices", Practice),
    ("activities", Activity),
    ("plans", Plan),
    ("clocks", YearlyClock),
    ("school_calendars", SchoolCalendar),
)
"""Every collection of a `WelfareStructure`, in file order, with its record class."""

_ANY = tuple(name for name, _ in COLLECTIONS)
_ORG = ("organisations",)
_ORG_GROUP = ("organisations", "groups")
_PARTY = ("organisations", "groups", "people")


def _parts(path: str) -> tuple[str, ...]:
    return tuple(path.split("."))


@frozen
class Reference:
    """A field of *collection* at *path* holds ids of records in *targets*."""

    collection: str
    path: str
    targets: tuple[str, ...]
    parts: tuple[str, ...] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "parts", _parts(self.path))


@frozen
class CodeField:
    """A field of *collection* at *path* holds codes of one of *vocabularies*."""

    collection: str
    path: str
    vocabularies: tuple[str, ...]
    parts: tuple[str, ...] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "parts", _parts(self.path))


def _refs(collection: str, *pairs: tuple[str, tuple[str, ...]]) -> list[Reference]:
    return [Reference(collection, path, targets) for path, targets in pairs]


REFERENCES: tuple[Reference, ...] = (
    *_refs("organisations", ("parent_id", _ORG)),
    *_refs("affiliations", ("organisation_id", _ORG), ("parent_id", _ORG)),
    *_refs("successions", ("predecessor_ids", _ORG), ("successor_id", _ORG)),
    *_refs("people", ("employer_id", _ORG)),
    *_refs(
        "groups",
        ("organiser_ids", _ORG_GROUP),
        ("reports_to_id", ("groups",)),
        ("composition[].organisation_ids", _ORG),
        ("chair_rule.appointed_by_id", _ORG_GROUP),
        ("cadences[].location_id", _ORG),
        ("records.holder_id", _ORG_GROUP),
        ("records.sent_to_ids", _ORG_GROUP),
    ),
    *_refs(
        "memberships",
        ("group_id", ("groups",)),
        ("person_id", ("people",)),
        ("organisation_id", _ORG),
        ("represents_ids", _ORG_GROUP),
        ("appointed_by_id", _PARTY),
    ),
    *_refs(
        "arrangements",
        ("recipient_id", _ORG),
        ("provider_id", _ORG),
        ("administrative_home_id", _ORG),
    ),
    *_refs(
        "projects",
        ("owner_ids", _ORG_GROUP),
        ("coordinator_ids", ("people",)),
        ("steering_group_ids", ("groups",)),
        ("working_group_ids", ("groups",)),
        ("goals[].addressed_by_ids", ("groups",)),
        ("funding[].source_id", _ORG),
        ("participation[].party_id", _ORG_GROUP),
        ("contributions[].party_id", _ANY),
        ("predecessor_ids", ("projects",)),
        ("successor_ids", ("projects",)),
        ("part_of_id", ("projects",)),
    ),
    *_refs(
        "practices",
        ("owner_ids", _ORG),
        ("group_ids", ("groups",)),
        ("contacts[].person_id", ("people",)),
        ("adoptions[].organisation_id", _ORG),
        ("contributions[].party_id", _ANY),
    ),
    *_refs(
        "activities",
        ("organiser_ids", _PARTY),
        ("audience_ids", _ORG_GROUP),
        ("project_id", ("projects",)),
    ),
    *_refs(
        "plans",
        ("owner_ids", _ORG_GROUP),
        ("approved_by_id", _ORG_GROUP),
        ("project_id", ("projects",)),
        ("contributions[].party_id", _ANY),
    ),
    *_refs(
        "clocks",
        ("owner_ids", _ORG_GROUP),
        ("entries[].responsible_ids", _PARTY),
        ("entries[].partner_ids", _PARTY),
        ("contributions[].party_id", _ANY),
    ),
    *_refs("school_calendars", ("organisation_id", _ORG)),
)
"""Every id reference between records."""


def _codes(collection: str, *pairs: tuple[str, tuple[str, ...]]) -> list[CodeField]:
    return [CodeField(collection, path, vocabs) for path, vocabs in pairs]


def _V(names: list[str]) -> tuple[str, ...]:  # noqa: N802 - reads as a constructor
    return tuple(names)


CODE_FIELDS: tuple[CodeField, ...] = (
    *_codes(
        "organisations",
        ("kind", _V(["organisation_kinds"])),
        ("sector", _V(["sectors"])),
        ("languages", _V(["languages"])),
    ),
    *_codes("people", ("professions", _V(["professions"]))),
    *_codes(
        "groups",
        ("kind", _V(["group_kinds"])),
        ("level", _V(["group_levels"])),
        ("mandate", _V(["mandates"])),
        ("composition[].role", _V(["roles"])),
        ("composition[].per", _V(["organisation_kinds"])),
        ("composition[].professions", _V(["professions"])),
        ("composition[].services", _V(["service_kinds"])),
        ("composition[].from_group_kind", _V(["group_kinds"])),
        ("composition[].represents", _V(["target_groups"])),
        ("composition[].languages", _V(["languages"])),
        ("languages", _V(["languages"])),
    ),
    *_codes(
        "memberships",
        ("role", _V(["roles"])),
        ("represents", _V(["target_groups"])),
        ("profession", _V(["professions"])),
        ("services", _V(["service_kinds"])),
    ),
    *_codes(
        "arrangements",
        ("service", _V(["service_kinds"])),
        ("mode", _V(["service_modes"])),
        ("administrative_sector", _V(["sectors"])),
    ),
    *_codes(
        "projects",
        ("status", _V(["project_statuses"])),
        ("target_groups", _V(["target_groups"])),
        ("deliverables[].kind", _V(["plan_kinds"])),
        ("results[].dimension", _V(["result_dimensions"])),
        ("contributions[].kind", _V(["contribution_kinds"])),
        ("contributions[].profession", _V(["professions"])),
    ),
    *_codes(
        "practices",
        ("status", _V(["project_statuses"])),
        ("target_groups", _V(["target_groups"])),
        ("results[].dimension", _V(["result_dimensions"])),
        ("contacts[].role", _V(["roles"])),
        ("contributions[].kind", _V(["contribution_kinds"])),
        ("contributions[].profession", _V(["professions"])),
    ),
    *_codes(
        "activities",
        ("kind", _V(["activity_kinds"])),
        ("audience", _V(["target_groups"])),
        ("audience_professions", _V(["professions"])),
    ),
    *_codes(
        "plans",
        ("kind", _V(["plan_kinds"])),
        ("contributions[].kind", _V(["contribution_kinds"])),
        ("contributions[].profession", _V(["professions"])),
    ),
    *_codes(
        "clocks",
        ("status", _V(["project_statuses"])),
        ("target_groups", _V(["target_groups"])),
        ("entries[].responsible_roles", _V(["roles", "professions"])),
        ("entries[].target_groups", _V(["target_groups"])),
        ("contributions[].kind", _V(["contribution_kinds"])),
        ("contributions[].profession", _V(["professions"])),
    ),
)
"""Every field that holds vocabulary codes."""


def values_at(obj: object, parts: tuple[str, ...]) -> tuple[str, ...]:
    """Return the non-empty strings at *parts* under *obj*, without their paths (fast)."""
    if len(parts) == 1 and not parts[0].endswith("[]"):
        value = getattr(obj, parts[0])
        if isinstance(value, tuple):
            return value
        return (value,) if value else ()
    return tuple(value for _, value in iter_path(obj, parts, ""))


def iter_path(
    obj: object, parts: tuple[str, ...], prefix: str
) -> Iterator[tuple[str, str]]:
    """Yield ``(path, value)`` for every non-empty string at *parts* under *obj*."""
    if not parts:
        if isinstance(obj, tuple):
            for i, item in enumerate(obj):
                yield f"{prefix}[{i}]", item
        elif obj:
            yield prefix, obj  # type: ignore[misc]
        return
    head, rest = parts[0], parts[1:]
    if head.endswith("[]"):
        name = head[:-2]
        for i, item in enumerate(getattr(obj, name)):
            yield from iter_path(item, rest, f"{prefix}.{name}[{i}]")
        return
    value = getattr(obj, head)
    if value is not None:
        yield from iter_path(value, rest, f"{prefix}.{head}")
