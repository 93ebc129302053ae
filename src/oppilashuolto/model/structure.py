"""The aggregate `WelfareStructure`: records, validation on construction, as-of queries."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Protocol, TypeVar, cast

import attrs

from attrs import field, frozen

from oppilashuolto.errors import UnknownIdError, ValidationError
from oppilashuolto.model._validators import (
    code,
    identifier,
    is_code,
    non_empty,
    to_tuple,
)
from oppilashuolto.model.activity import Activity
from oppilashuolto.model.dates import Period
from oppilashuolto.model.group import Group
from oppilashuolto.model.membership import ROLE_ORDER, Membership
from oppilashuolto.model.organisation import Affiliation, Organisation, Succession
from oppilashuolto.model.person import Person
from oppilashuolto.model.plan import Plan
from oppilashuolto.model.practice import Practice
from oppilashuolto.model.project import Project
from oppilashuolto.model.references import (
    CODE_FIELDS,
    COLLECTIONS,
    REFERENCES,
    iter_path,
    values_at,
)
from oppilashuolto.model.schoolcalendar import SchoolCalendar, parse_school_year
from oppilashuolto.model.service import ServiceArrangement
from oppilashuolto.model.yearly_clock import YearlyClock
from oppilashuolto.vocab import Language, Term, Vocabulary, normalise
from oppilashuolto.vocab import load as load_vocabulary


__all__ = ["LocalTerm", "Snapshot", "WelfareStructure"]

_MAX_PROBLEMS = 50
_COLLECTION_NAMES = frozenset(name for name, _ in COLLECTIONS)
_SINGULAR = {name: cls.__name__.lower() for name, cls in COLLECTIONS} | {
    "arrangements": "service arrangement",
    "clocks": "yearly clock",
    "school_calendars": "school calendar",
}
_REFERENCES_BY_COLLECTION = {
    name: tuple(r for r in REFERENCES if r.collection == name)
    for name, _ in COLLECTIONS
}
_CODES_BY_COLLECTION = {
    name: tuple(c for c in CODE_FIELDS if c.collection == name)
    for name, _ in COLLECTIONS
}
_WORD = re.compile(r"[a-z0-9]+")


@frozen(kw_only=True)
class LocalTerm:
    """
    A term a structure adds to a bundled vocabulary, with its own labels.

    Attributes:
        vocabulary: The vocabulary it extends, such as ``"group_kinds"``.
        code: Its lowercase ASCII code.
        fi: Finnish label.
        sv: Swedish label.
        en: English label.
        note: Free text.

    Examples:
        >>> LocalTerm(vocabulary="group_kinds", code="tuki_ohr", fi="Tuki-OHR").code
        'tuki_ohr'
    """

    vocabulary: str = field(validator=code)
    code: str = field(validator=code)
    fi: str = field(validator=non_empty)
    sv: str = ""
    en: str = ""
    note: str = ""

    def to_term(self) -> Term:
        """Return the vocabulary term, labelled in Finnish where others are missing."""
        return Term(
            code=self.code,
            fi=self.fi,
            sv=self.sv or self.fi,
            en=self.en or self.fi,
            note=self.note,
            local=True,
        )


def _role_key(m: Membership) -> tuple[int, str, str, str]:
    return (ROLE_ORDER.get(m.role, len(ROLE_ORDER)), m.role, m.holder_id or "", m.id)


class _Dated(Protocol):
    @property
    def period(self) -> Period: ...


_R = TypeVar("_R", bound=_Dated)

# The days on which a set of dated records changes, ascending, and the records in
# force (in their given order) for each span: span 0 before the first change day,
# span i from change day i - 1 up to, not including, change day i.
_Spans = tuple[tuple[dt.date, ...], tuple[tuple[_R, ...], ...]]


def _spans(records: tuple[_R, ...]) -> _Spans[_R]:
    bounds = (b for r in records for b in (r.period.start_bound, r.period.end_bound))
    days = tuple(sorted({b for b in bounds if b is not None}))
    # every bound is a change day, so a record is in force all through a span or
    # not at all: test its first day (span 0 holds the records open at the start)
    answers = [tuple(r for r in records if r.period.start is None)]
    answers.extend(tuple(r for r in records if r.period.contains(day)) for day in days)
    return days, tuple(answers)


def _school_year_contains(cal: SchoolCalendar, on: dt.date) -> bool:
    first = parse_school_year(cal.school_year)
    return dt.date(first, 8, 1) <= on <= dt.date(first + 1, 7, 31)


@frozen(kw_only=True)
class Snapshot:
    """
    The records of a structure that are in force on one day.

    Attributes:
        on: The day.
        organisations … clocks: The records whose period contains *on*
            (successions that took effect by then; school calendars of the
            school year containing *on*).
    """

    on: dt.date
    organisations: tuple[Organisation, ...]
    affiliations: tuple[Affiliation, ...]
    successions: tuple[Succession, ...]
    people: tuple[Person, ...]
    groups: tuple[Group, ...]
    memberships: tuple[Membership, ...]
    arrangements: tuple[ServiceArrangement, ...]
    projects: tuple[Project, ...]
    practices: tuple[Practice, ...]
    activities: tuple[Activity, ...]
    plans: tuple[Plan, ...]
    clocks: tuple[YearlyClock, ...]
    school_calendars: tuple[SchoolCalendar, ...]

    def counts(self) -> dict[str, int]:
        """Return the number of records per collection."""
        return {name: len(getattr(self, name)) for name, _ in COLLECTIONS}

    def ids(self) -> dict[str, frozenset[str]]:
        """Return the ids per collection."""
        return {
            name: frozenset(r.id for r in getattr(self, name))
            for name, _ in COLLECTIONS
        }


class _Index:
    """Lookups built once per structure; the query maps are built on first use."""

    __slots__ = (
        "by_holder",
        "by_id",
        "collection_of",
        "members",
        "search_tokens",
        "search_words",
        "service_spans",
        "services",
        "spans",
        "vocabularies",
    )

    def __init__(self, s: WelfareStructure) -> None:
        self.by_id: dict[str, Any] = {}
        self.collection_of: dict[str, str] = {}
        for name, _ in COLLECTIONS:
            for record in getattr(s, name):
                # the first record with an id wins; a repeat is reported by validation
                if record.id not in self.by_id:
                    self.by_id[record.id] = record
                    self.collection_of[record.id] = name
        self.members: dict[str, tuple[Membership, ...]] | None = None
        self.by_holder: dict[str, tuple[Membership, ...]] | None = None
        self.services: dict[tuple[str, str], tuple[ServiceArrangement, ...]] | None = (
            None
        )
        self.search_words: dict[str, set[str]] | None = None
        self.search_tokens: list[str] | None = None
        self.vocabularies: dict[str, Vocabulary] = {}
        # group id -> its seats between change days, built on the group's first query
        self.spans: dict[str, _Spans[Membership]] = {}
        # (recipient id, service or "") -> the arrangements between change days
        self.service_spans: dict[tuple[str, str], _Spans[ServiceArrangement]] = {}


def _collect(value: Iterable[Any]) -> tuple[Any, ...]:
    return to_tuple(value)


@frozen(kw_only=True)
class WelfareStructure:
    """
    A whole welfare structure: organisations, groups, people, seats, services…

    Construction validates the whole: unique ids, every reference resolves, every
    code is known (bundled or declared in *local_terms*), and no cycle in
    ``reports_to_id``, ``parent_id`` or ``part_of_id`` chains.
    Queries answer as of a day, from indexes built once.

    Attributes:
        id: Id of the structure.
        name: Finnish (or the only) name.
        name_sv: Swedish name.
        name_en: English name.
        description: What the structure describes.
        source: Where the data comes from.
        updated: When the data last changed (UTC), used as calendar stamps.
        local_terms: Terms added to the bundled vocabularies.
        organisations: The organisations.
        affiliations: Organisations belonging to others over time.
        successions: Mergers and renames.
        people: Staff (never pupils).
        groups: Statutory and voluntary groups.
        memberships: Seats in groups.
        arrangements: Service arrangements.
        projects: Development projects.
        practices: Described practices.
        activities: Fairs, seminars, meetings.
        plans: Plans.
        clocks: Yearly clocks.
        school_calendars: Local school-year decisions.

    Examples:
        >>> s = WelfareStructure(
        ...     id="demo", name="Demo",
        ...     organisations=[Organisation(id="lahti", kind="municipality", name="Lahti")],
        ...     groups=[Group(id="ohr", kind="school_welfare_group", name="OHR")],
        ...     memberships=[Membership(id="m1", group_id="ohr", role="chair",
        ...                             organisation_id="lahti")],
        ... )
        >>> s.chair("ohr", on=dt.date(2026, 1, 1)).organisation_id
        'lahti'
        >>> WelfareStructure(id="bad", name="Bad",
        ...     memberships=[Membership(id="m1", group_id="ohr", role="chair")])
        Traceback (most recent call last):
        ...
        oppilashuolto.errors.ValidationError: membership 'm1': group_id 'ohr' not found
    """

    id: str = field(validator=identifier)
    name: str = field(validator=non_empty)
    name_sv: str = ""
    name_en: str = ""
    description: str = ""
    source: str = ""
    updated: dt.datetime | None = None
    local_terms: tuple[LocalTerm, ...] = field(default=(), converter=_collect)
    organisations: tuple[Organisation, ...] = field(default=(), converter=_collect)
    affiliations: tuple[Affiliation, ...] = field(default=(), converter=_collect)
    successions: tuple[Succession, ...] = field(default=(), converter=_collect)
    people: tuple[Person, ...] = field(default=(), converter=_collect)
    groups: tuple[Group, ...] = field(default=(), converter=_collect)
    memberships: tuple[Membership, ...] = field(default=(), converter=_collect)
    arrangements: tuple[ServiceArrangement, ...] = field(default=(), converter=_collect)
    projects: tuple[Project, ...] = field(default=(), converter=_collect)
    practices: tuple[Practice, ...] = field(default=(), converter=_collect)
    activities: tuple[Activity, ...] = field(default=(), converter=_collect)
    plans: tuple[Plan, ...] = field(default=(), converter=_collect)
    clocks: tuple[YearlyClock, ...] = field(default=(), converter=_collect)
    school_calendars: tuple[SchoolCalendar, ...] = field(default=(), converter=_collect)
    _index: _Index = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index = _Index(self)
        object.__setattr__(self, "_index", index)
        if not attrs.validators.get_disabled():
            problems = self._problems()
            if problems:
                first = problems[0][0]
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                raise ValidationError(first + more, problems)

    # -- validation ---------------------------------------------------------------

    def _problems(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        index = self._index
        total = sum(len(getattr(self, name)) for name, _ in COLLECTIONS)
        duplicates = self._duplicates() if total != len(index.by_id) else []
        self._check_local_terms(problems)
        for name, _ in COLLECTIONS:
            records = getattr(self, name)
            if records:
                self._scan(name, records, problems)
        self._check_cycles(problems)
        problems.sort(key=lambda p: p[1])
        return (duplicates + problems)[:_MAX_PROBLEMS]

    def _scan(
        self, collection: str, records: tuple[Any, ...], problems: list[tuple[str, str]]
    ) -> None:
        # One pass per collection: cheap membership tests first, and path texts
        # only for a record that fails one (this is the hot path of loading).
        kind_of = self._index.collection_of.get
        checks: list[tuple[str | None, tuple[str, ...], Any, bool]] = []
        for ref in _REFERENCES_BY_COLLECTION.get(collection, ()):
            simple = ref.parts[0] if len(ref.parts) == 1 else None
            checks.append((simple, ref.parts, ref.targets, True))
        for cf in _CODES_BY_COLLECTION.get(collection, ()):
            simple = cf.parts[0] if len(cf.parts) == 1 else None
            allowed = frozenset().union(
                *(self.vocabulary(v).codes() for v in cf.vocabularies)
            )
            checks.append((simple, cf.parts, allowed, False))
        for i, record in enumerate(records):
            for simple, parts, allowed, is_ref in checks:
                if simple is not None:
                    value = getattr(record, simple)
                    values = (
                        value if type(value) is tuple else ((value,) if value else ())
                    )
                else:
                    values = values_at(record, parts)
                if is_ref:
                    ok = all(kind_of(v) in allowed for v in values)
                else:
                    ok = all(v in allowed for v in values)
                if not ok:
                    self._explain(
                        collection, i, record, parts, allowed, is_ref, problems
                    )

    def _explain(  # noqa: PLR0917 - private helper of _scan
        self,
        collection: str,
        i: int,
        record: Any,
        parts: tuple[str, ...],
        allowed: Any,
        is_ref: bool,
        problems: list[tuple[str, str]],
    ) -> None:
        kind_of = self._index.collection_of.get
        for path, value in iter_path(record, parts, f"{collection}[{i}]"):
            if is_ref and kind_of(value) not in allowed:
                field_path = path.split(".", 1)[1]
                problems.append(
                    (
                        f"{_SINGULAR[collection]} {record.id!r}: {field_path} {value!r} not found",
                        path,
                    )
                )
            elif not is_ref and value not in allowed:
                if not is_code(value):
                    message = f"{path} must be a lowercase ASCII code (got {value!r})"
                else:
                    vocabularies = next(
                        cf.vocabularies
                        for cf in _CODES_BY_COLLECTION[collection]
                        if cf.parts == parts
                    )
                    message = self.vocabulary(vocabularies[0]).unknown_message(value)
                problems.append((message, path))

    def _duplicates(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        problems = []
        for name, _ in COLLECTIONS:
            for i, record in enumerate(getattr(self, name)):
                where = f"{name}[{i}]"
                if record.id in seen:
                    problems.append(
                        (
                            f"id {record.id!r} is used twice: {seen[record.id]} and {where}",
                            where,
                        )
                    )
                else:
                    seen[record.id] = where
        return problems

    def _check_local_terms(self, problems: list[tuple[str, str]]) -> None:
        for i, term in enumerate(self.local_terms):
            if term.vocabulary not in _vocabulary_names():
                problems.append(
                    (
                        (
                            f"local term {term.code!r}: unknown vocabulary "
                            f"{term.vocabulary!r}; expected one of: "
                            + ", ".join(_vocabulary_names())
                        ),
                        f"local_terms[{i}].vocabulary",
                    )
                )

    def _check_cycles(self, problems: list[tuple[str, str]]) -> None:
        chains = (
            ("groups", "reports_to_id", self.groups),
            ("organisations", "parent_id", self.organisations),
            ("projects", "part_of_id", self.projects),
        )
        for collection, attribute, records in chains:
            parent_of: dict[str, str | None] = {
                r.id: getattr(r, attribute) for r in records
            }
            position = {r.id: i for i, r in enumerate(records)}  # type: ignore[attr-defined]
            done: set[str] = set()
            for start in parent_of:
                path: list[str] = []
                on_path: set[str] = set()
                node: str | None = start
                while node is not None and node not in done and node in parent_of:
                    if node in on_path:
                        cycle = [*path[path.index(node) :], node]
                        where = f"{collection}[{position[node]}].{attribute}"
                        problems.append(
                            (f"{attribute} forms a cycle: {' -> '.join(cycle)}", where)
                        )
                        break
                    on_path.add(node)
                    path.append(node)
                    node = parent_of[node]
                done.update(path)

    # -- lookups ------------------------------------------------------------------

    def vocabulary(self, name: str) -> Vocabulary:
        """Return the bundled vocabulary *name* extended with this structure's local terms."""
        cached = self._index.vocabularies.get(name)
        if cached is None:
            local = tuple(t.to_term() for t in self.local_terms if t.vocabulary == name)
            base = load_vocabulary(name)
            cached = base.with_terms(local) if local else base
            self._index.vocabularies[name] = cached
        return cached

    def label(self, vocabulary: str, code: str, language: Language = "fi") -> str:
        """Return the label of *code* in *vocabulary* in *language* (fi, sv or en)."""
        return self.vocabulary(vocabulary)[code].label(language)

    def get(self, record_id: str) -> Any:
        """
        Return the record with id *record_id*, whatever its kind.

        Raises:
            UnknownIdError: If there is none.
        """
        try:
            return self._index.by_id[record_id]
        except KeyError:
            msg = f"no record {record_id!r} in structure {self.id!r}"
            raise UnknownIdError(msg) from None

    def collection_of(self, record_id: str) -> str:
        """Return the collection (``"groups"``, ``"people"``…) holding *record_id*."""
        self.get(record_id)
        return self._index.collection_of[record_id]

    def _typed(self, record_id: str, collection: str) -> Any:
        record = self._index.by_id.get(record_id)
        if record is None or self._index.collection_of[record_id] != collection:
            kind = collection.removesuffix("s")
            msg = f"no {kind} {record_id!r} in structure {self.id!r}"
            raise UnknownIdError(msg)
        return record

    def group(self, group_id: str) -> Group:
        """Return the group *group_id* (raises `UnknownIdError`)."""
        return cast("Group", self._typed(group_id, "groups"))

    def organisation(self, organisation_id: str) -> Organisation:
        """Return the organisation *organisation_id* (raises `UnknownIdError`)."""
        return cast("Organisation", self._typed(organisation_id, "organisations"))

    def person(self, person_id: str) -> Person:
        """Return the person *person_id* (raises `UnknownIdError`)."""
        return cast("Person", self._typed(person_id, "people"))

    def project(self, project_id: str) -> Project:
        """Return the project *project_id* (raises `UnknownIdError`)."""
        return cast("Project", self._typed(project_id, "projects"))

    def counts(self) -> dict[str, int]:
        """Return the number of records per collection."""
        return {name: len(getattr(self, name)) for name, _ in COLLECTIONS}

    # -- as-of queries ------------------------------------------------------------

    def _members_index(self) -> dict[str, tuple[Membership, ...]]:
        index = self._index
        if index.members is None:
            by_group: dict[str, list[Membership]] = defaultdict(list)
            by_holder: dict[str, list[Membership]] = defaultdict(list)
            for m in self.memberships:
                by_group[m.group_id].append(m)
                if m.holder_id is not None:
                    by_holder[m.holder_id].append(m)
            index.members = {
                g: tuple(sorted(ms, key=_role_key)) for g, ms in by_group.items()
            }
            index.by_holder = {h: tuple(ms) for h, ms in by_holder.items()}
        return index.members

    def members(self, group_id: str, *, on: dt.date) -> tuple[Membership, ...]:
        """
        Return the seats of a group on a day, chair first.

        Unfilled seats are included; see `Membership.is_filled`.

        Args:
            group_id: Id of the group.
            on: The day to answer for.

        Returns:
            The seats whose period contains *on*, by role, then by holder id.

        Raises:
            UnknownIdError: If *group_id* names no group in this structure.
        """
        days, answers = self._index.spans.get(group_id) or self._group_spans(group_id)
        return answers[bisect.bisect_right(days, on)]

    def chair(self, group_id: str, *, on: dt.date) -> Membership | None:
        """Return the chair's seat of a group on a day, or ``None``."""
        days, answers = self._index.spans.get(group_id) or self._group_spans(group_id)
        seats = answers[bisect.bisect_right(days, on)]
        # seats sort chair first (only "chair" has role order 0)
        return seats[0] if seats and seats[0].role == "chair" else None

    def _group_spans(self, group_id: str) -> _Spans[Membership]:
        # Built on a group's first query: a group's seats change on a few days only,
        # so a query is one bisection instead of a test of every seat.  Only group
        # ids get an entry, so a hit needs no check of the id.
        self._typed(group_id, "groups")
        spans = _spans(self._members_index().get(group_id, ()))
        self._index.spans[group_id] = spans
        return spans

    def groups_of(self, holder_id: str, *, on: dt.date) -> tuple[Group, ...]:
        """Return the groups in which a person or organisation holds a seat on a day, by id."""
        self.get(holder_id)
        self._members_index()
        assert self._index.by_holder is not None  # noqa: S101 - built with members
        seats = self._index.by_holder.get(holder_id, ())
        ids = sorted({m.group_id for m in seats if m.period.contains(on)})
        by_id = self._index.by_id
        return tuple(by_id[g] for g in ids)

    def services_for(
        self, organisation_id: str, kind: str | None = None, *, on: dt.date
    ) -> tuple[ServiceArrangement, ...]:
        """
        Return the service arrangements an organisation receives on a day.

        Args:
            organisation_id: The recipient.
            kind: A ``service_kinds`` code, or ``None`` for every service.
            on: The day.

        Returns:
            The arrangements by service, then id.
        """
        key = (organisation_id, kind or "")
        days, answers = self._index.service_spans.get(key) or self._service_spans(key)
        return answers[bisect.bisect_right(days, on)]

    def _service_spans(self, key: tuple[str, str]) -> _Spans[ServiceArrangement]:
        # As `_group_spans`: one bisection per query; only organisation ids get
        # an entry, so a hit needs no check of the id.
        self._typed(key[0], "organisations")
        index = self._index
        if index.services is None:
            grouped: dict[tuple[str, str], list[ServiceArrangement]] = defaultdict(list)
            for a in sorted(self.arrangements, key=lambda a: (a.service, a.id)):
                grouped[(a.recipient_id, a.service)].append(a)
                grouped[(a.recipient_id, "")].append(a)
            index.services = {k: tuple(v) for k, v in grouped.items()}
        spans = _spans(index.services.get(key, ()))
        index.service_spans[key] = spans
        return spans

    def snapshot(self, *, on: dt.date) -> Snapshot:
        """Return the records in force on the day *on*."""
        active: dict[str, tuple[Any, ...]] = {}
        for name, _ in COLLECTIONS:
            records = getattr(self, name)
            if name == "successions":
                active[name] = tuple(r for r in records if r.on <= on)
            elif name == "school_calendars":
                active[name] = tuple(r for r in records if _school_year_contains(r, on))
            else:
                active[name] = tuple(r for r in records if r.period.contains(on))
        return Snapshot(on=on, **active)

    def find(self, text: str, kind: str | None = None) -> tuple[Any, ...]:
        """
        Return records whose names, acronyms, codes or ids match *text*.

        Matching ignores case and accents; every word of *text* must begin a
        word of the record.

        Args:
            text: Words to look for, such as ``"paijat ooot"``.
            kind: A collection name (``"groups"``) to limit the search to.

        Returns:
            Matching records, by collection order, then id.
        """
        if kind is not None and kind not in _COLLECTION_NAMES:
            msg = f"Unknown kind {kind!r}; expected one of: {', '.join(sorted(_COLLECTION_NAMES))}"
            raise ValidationError(msg)
        index = self._index
        if index.search_words is None:
            words: dict[str, set[str]] = defaultdict(set)
            for record_id, record in index.by_id.items():
                for value in _searchable(record):
                    for word in _WORD.findall(normalise(value)):
                        words[word].add(record_id)
            index.search_words = dict(words)
            index.search_tokens = sorted(words)
        tokens = index.search_tokens
        assert tokens is not None  # noqa: S101 - built together
        result: set[str] | None = None
        for word in _WORD.findall(normalise(text)):
            matched: set[str] = set()
            i = bisect.bisect_left(tokens, word)
            while i < len(tokens) and tokens[i].startswith(word):
                matched |= index.search_words[tokens[i]]
                i += 1
            result = matched if result is None else result & matched
            if not result:
                return ()
        if not result:
            return ()
        order = {name: i for i, (name, _) in enumerate(COLLECTIONS)}
        chosen = sorted(
            (r for r in result if kind is None or index.collection_of[r] == kind),
            key=lambda r: (order[index.collection_of[r]], r),
        )
        return tuple(index.by_id[r] for r in chosen)

    def merge(self, other: WelfareStructure) -> WelfareStructure:
        """Return the union of two structures (see `oppilashuolto.model.compare.merge`)."""
        from oppilashuolto.model.compare import merge

        return merge(self, other)

    def diff(self, on_a: dt.date, on_b: dt.date) -> Any:
        """Return what changed between two days (see `oppilashuolto.model.compare.diff`)."""
        from oppilashuolto.model.compare import diff

        return diff(self, on_a, on_b)


def _vocabulary_names() -> tuple[str, ...]:
    from oppilashuolto.vocab import names

    return names()


def _searchable(record: Any) -> Iterable[str]:
    yield record.id
    for attribute in ("name", "name_sv", "name_en", "acronym", "code", "title"):
        value = getattr(record, attribute, "")
        if isinstance(value, str) and value:
            yield value
    for code_attribute in ("municipality_code", "business_id", "school_number"):
        value = getattr(record, code_attribute, None)
        if value:
            yield value
