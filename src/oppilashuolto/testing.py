"""
Hypothesis strategies for every model class and for whole valid structures.

Install the extra ``oppilashuolto[testing]``.
Systems that import the library can property-test their own integrations with
these, and the project's own tests use the same strategies.

Examples:
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5)
    ... @given(welfare_structures())
    ... def check(s):
    ...     assert s == s.merge(s)
    >>> check()
"""

from __future__ import annotations

import datetime as dt
import string

from typing import Any

from oppilashuolto.errors import ExtraNotInstalledError


try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ExtraNotInstalledError("oppilashuolto.testing", "testing") from exc

from oppilashuolto.model import (
    Activity,
    Cadence,
    ClockEntry,
    Count,
    Goal,
    Group,
    LegalReference,
    Membership,
    Organisation,
    PartialDate,
    Period,
    Person,
    Plan,
    Project,
    Recurrence,
    Ring,
    ServiceArrangement,
    Timing,
    WelfareStructure,
    YearlyClock,
)
from oppilashuolto.vocab import load as load_vocabulary


__all__ = [
    "activities",
    "codes",
    "counts",
    "groups",
    "identifiers",
    "legal_references",
    "memberships",
    "organisations",
    "partial_dates",
    "people",
    "periods",
    "plans",
    "projects",
    "service_arrangements",
    "texts",
    "timings",
    "welfare_structures",
    "yearly_clocks",
]

_YEARS = st.integers(min_value=1990, max_value=2040)
# naive bounds for st.datetimes; the UTC zone is added to every drawn value
_FIRST_STAMP = dt.datetime(2000, 1, 1)  # noqa: DTZ001
_LAST_STAMP = dt.datetime(2040, 1, 1)  # noqa: DTZ001


def identifiers() -> st.SearchStrategy[str]:
    """Record ids such as ``"ooot-paijat-hame"``."""
    word = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)
    return st.lists(word, min_size=1, max_size=3).map("-".join)


def codes(vocabulary: str) -> st.SearchStrategy[str]:
    """Codes of a bundled vocabulary."""
    return st.sampled_from(load_vocabulary(vocabulary).codes())


def texts() -> st.SearchStrategy[str]:
    """Non-empty free text, including Finnish letters and awkward characters."""
    alphabet = st.characters(
        min_codepoint=32, max_codepoint=0x2FFF, exclude_categories=["Cs"]
    )
    return st.text(alphabet, min_size=1, max_size=40).filter(str.strip)


def _single_lines() -> st.SearchStrategy[str]:
    return st.text(
        st.characters(
            min_codepoint=32, max_codepoint=0x2FF, exclude_categories=["Cs", "Cc"]
        ),
        max_size=30,
    )


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """EDTF dates: years, months, days and seasons, possibly qualified."""
    year = draw(_YEARS)
    shape = draw(st.sampled_from(["year", "month", "day", "season"]))
    if shape == "year":
        body = f"{year:04d}"
    elif shape == "month":
        body = f"{year:04d}-{draw(st.integers(1, 12)):02d}"
    elif shape == "season":
        body = f"{year:04d}-{draw(st.integers(21, 24))}"
    else:
        day = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        body = day.isoformat()
    return PartialDate.from_edtf(body + draw(st.sampled_from(["", "", "~", "?", "%"])))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Ordered periods, with open or unknown ends."""
    a, b = draw(partial_dates()), draw(partial_dates())
    if b.latest < a.earliest:
        a, b = b, a
    start = draw(st.sampled_from([a, a, None]))
    end = draw(st.sampled_from([b, b, None]))
    if start is not None and end is not None and end.latest < start.earliest:
        end = None
    return Period(
        start=start,
        end=end,
        start_unknown=start is None and draw(st.booleans()),
        end_unknown=end is None and draw(st.booleans()),
    )


@st.composite
def counts(draw: st.DrawFn) -> Count:
    """Exact counts, ranges and bounds."""
    lo = draw(st.integers(0, 500))
    shape = draw(st.sampled_from(["exact", "range", "more", "fewer"]))
    approximate = draw(st.booleans())
    if shape == "exact":
        return Count(minimum=lo, maximum=lo, approximate=approximate)
    if shape == "range":
        return Count(
            minimum=lo, maximum=lo + draw(st.integers(1, 10)), approximate=approximate
        )
    if shape == "more":
        return Count(minimum=lo + 1, approximate=approximate)
    return Count(maximum=lo, approximate=approximate)


def legal_references() -> st.SearchStrategy[LegalReference]:
    """Sections such as ``14 § 2 mom.``."""
    return st.builds(
        LegalReference,
        section=st.sampled_from(["9", "13", "13 a", "14", "14 a", "19"]),
        subsection=st.one_of(st.none(), st.integers(1, 4)),
    )


def organisations(
    ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Organisation]:
    """Organisations with valid national codes."""
    return st.builds(
        Organisation,
        id=ids or identifiers(),
        kind=codes("organisation_kinds"),
        name=texts(),
        municipality_code=st.one_of(
            st.none(), st.sampled_from(["091", "211", "398", "560"])
        ),
        business_id=st.one_of(st.none(), st.just("0204819-8")),
        sector=st.one_of(st.just(""), codes("sectors")),
        count=st.one_of(st.none(), counts()),
        period=periods(),
        note=st.text(max_size=20),
    )


def people(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Person]:
    """Staff, named or unnamed, marked synthetic."""
    return st.builds(
        Person,
        id=ids or identifiers(),
        professions=st.lists(codes("professions"), max_size=2, unique=True).map(tuple),
        name=_single_lines(),
        email=st.one_of(st.just(""), st.emails()),
        synthetic=st.just(True),  # noqa: FBT003
        period=periods(),
    )


def timings() -> st.SearchStrategy[Timing]:
    """Every kind of yearly-clock timing."""
    return st.one_of(
        st.builds(
            Timing,
            months=st.lists(st.integers(1, 12), min_size=1, max_size=3).map(tuple),
        ),
        st.builds(
            Timing,
            weeks=st.lists(st.integers(1, 53), min_size=1, max_size=2).map(tuple),
        ),
        st.builds(
            Timing,
            term=st.sampled_from(["autumn", "spring"]),
            term_part=st.sampled_from(["start", "middle", "end", "whole"]),
            duration_weeks=st.one_of(st.none(), st.integers(1, 4)),
        ),
        st.builds(
            Timing,
            anchor=st.sampled_from(["winter_break", "first_school_day", "easter"]),
            offset_weeks=st.integers(-2, 2),
        ),
        st.builds(
            Timing,
            dates=st.dates(dt.date(2020, 8, 1), dt.date(2030, 7, 31)).map(
                lambda d: (Period.from_dates(d, d),)
            ),
            start_time=st.just(dt.time(14, 0)),
            end_time=st.just(dt.time(15, 30)),
        ),
    )


def _by_id(items: st.SearchStrategy[list[Any]]) -> st.SearchStrategy[list[Any]]:
    return items.map(lambda xs: list({x.id: x for x in xs}.values()))


@st.composite
def groups(draw: st.DrawFn, organisation_ids: tuple[str, ...] = ()) -> Group:
    """Groups organised by some of *organisation_ids*."""
    organisers = (
        draw(st.lists(st.sampled_from(organisation_ids), unique=True, max_size=2))
        if organisation_ids
        else []
    )
    return Group(
        id=draw(identifiers()),
        kind=draw(codes("group_kinds")),
        name=draw(texts()),
        statutory_basis=draw(st.one_of(st.none(), legal_references())),
        organiser_ids=tuple(organisers),
        level=draw(st.one_of(st.just(""), codes("group_levels"))),
        mandate=tuple(draw(st.lists(codes("mandates"), unique=True, max_size=2))),
        cadences=tuple(
            draw(
                st.lists(
                    st.builds(
                        Cadence, times=counts(), per=st.sampled_from(["year", "term"])
                    ),
                    max_size=2,
                )
            )
        ),
        period=draw(periods()),
    )


def memberships(
    group_ids: tuple[str, ...], holder_ids: tuple[str, ...], person_ids: frozenset[str]
) -> st.SearchStrategy[Membership]:
    """Seats in the given groups, held by the given holders or unfilled."""

    @st.composite
    def build(draw: st.DrawFn) -> Membership:
        holder = (
            draw(st.one_of(st.none(), st.sampled_from(holder_ids)))
            if holder_ids
            else None
        )
        return Membership(
            id=draw(identifiers()),
            group_id=draw(st.sampled_from(group_ids)),
            role=draw(codes("roles")),
            period=draw(periods()),
            person_id=holder if holder in person_ids else None,
            organisation_id=holder
            if holder is not None and holder not in person_ids
            else None,
            profession=""
            if holder
            else draw(st.one_of(st.just(""), codes("professions"))),
            count=draw(st.one_of(st.none(), counts())),
        )

    return build()


def service_arrangements(
    organisation_ids: tuple[str, ...],
) -> st.SearchStrategy[ServiceArrangement]:
    """Arrangements between the given organisations."""
    return st.builds(
        ServiceArrangement,
        id=identifiers(),
        service=codes("service_kinds"),
        recipient_id=st.sampled_from(organisation_ids),
        provider_id=st.one_of(st.none(), st.sampled_from(organisation_ids)),
        mode=st.one_of(st.just(""), codes("service_modes")),
        recipient_count=st.one_of(st.none(), counts()),
        period=periods(),
    )


@st.composite
def projects(draw: st.DrawFn) -> Project:
    """Projects with a two-level goal tree."""
    main = draw(
        _by_id(st.lists(st.builds(Goal, id=identifiers(), text=texts()), max_size=3))
    )
    subs = [
        Goal(id=f"{g.id}-r{i}", text=draw(texts()), kind="refined", parent_id=g.id)
        for g in main
        for i in range(draw(st.integers(0, 2)))
    ]
    return Project(
        id=draw(identifiers()),
        name=draw(texts()),
        code=draw(st.text(string.ascii_uppercase + string.digits, max_size=6)),
        status=draw(st.one_of(st.just(""), codes("project_statuses"))),
        period=draw(periods()),
        goals=tuple(main + subs),
    )


def activities() -> st.SearchStrategy[Activity]:
    """Activities with counts given as bounds."""
    return st.builds(
        Activity,
        id=identifiers(),
        kind=codes("activity_kinds"),
        name=texts(),
        period=periods(),
        occurrences=st.one_of(st.none(), counts()),
        participants=st.one_of(st.none(), counts()),
    )


def plans() -> st.SearchStrategy[Plan]:
    """Plans with approvals and reviews."""
    return st.builds(
        Plan,
        id=identifiers(),
        kind=codes("plan_kinds"),
        name=texts(),
        approved=st.one_of(st.none(), partial_dates()),
        reviews=st.lists(partial_dates(), max_size=2).map(tuple),
        period=periods(),
    )


@st.composite
def yearly_clocks(draw: st.DrawFn) -> YearlyClock:
    """Clocks with rings and entries of every timing kind."""
    rings = draw(
        _by_id(
            st.lists(
                st.builds(
                    Ring,
                    id=identifiers(),
                    name=texts(),
                    colour=st.sampled_from(["", "#1e90ff"]),
                ),
                max_size=3,
            )
        )
    )
    ring_ids = [r.id for r in rings]
    entries = draw(
        _by_id(
            st.lists(
                st.builds(
                    ClockEntry,
                    id=identifiers(),
                    title=texts(),
                    ring_id=st.sampled_from([None, *ring_ids]),
                    timing=timings(),
                    recurrence=st.one_of(
                        st.just(Recurrence()),
                        st.builds(
                            Recurrence,
                            frequency=st.just("every_other_year"),
                            anchor_year=_YEARS,
                        ),
                    ),
                    illustrative=st.booleans(),
                ),
                max_size=5,
            )
        )
    )
    return YearlyClock(
        id=draw(identifiers()),
        name=draw(texts()),
        rings=tuple(rings),
        entries=tuple(entries),
        period=draw(periods()),
    )


@st.composite
def welfare_structures(draw: st.DrawFn) -> WelfareStructure:
    """Whole valid structures: unique ids, references resolved, periods ordered."""
    used: set[str] = set()

    def fresh(records: list[Any]) -> list[Any]:
        kept = []
        for r in records:
            if r.id not in used:
                used.add(r.id)
                kept.append(r)
        return kept

    orgs = fresh(draw(st.lists(organisations(), min_size=1, max_size=5)))
    org_ids = tuple(o.id for o in orgs)
    persons = fresh(draw(st.lists(people(), max_size=5)))
    grps = fresh(draw(st.lists(groups(org_ids), max_size=4)))
    seats: list[Membership] = []
    if grps:
        person_ids = frozenset(p.id for p in persons)
        holders = org_ids + tuple(person_ids)
        seats = fresh(
            draw(
                st.lists(
                    memberships(
                        tuple(g.id for g in grps), tuple(sorted(holders)), person_ids
                    ),
                    max_size=8,
                )
            )
        )
    services = fresh(draw(st.lists(service_arrangements(org_ids), max_size=4)))
    projs = fresh(draw(st.lists(projects(), max_size=2)))
    acts = fresh(draw(st.lists(activities(), max_size=2)))
    pls = fresh(draw(st.lists(plans(), max_size=2)))
    clocks = fresh(draw(st.lists(yearly_clocks(), max_size=2)))
    return WelfareStructure(
        id=draw(identifiers()),
        name=draw(texts()),
        updated=draw(
            st.one_of(
                st.none(),
                st.datetimes(_FIRST_STAMP, _LAST_STAMP).map(
                    lambda d: d.replace(microsecond=0, tzinfo=dt.UTC)
                ),
            )
        ),
        organisations=orgs,
        people=persons,
        groups=grps,
        memberships=seats,
        arrangements=services,
        projects=projs,
        activities=acts,
        plans=pls,
        clocks=clocks,
    )
