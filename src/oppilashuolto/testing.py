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

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar, cast

from oppilashuolto.errors import ExtraNotInstalledError


try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ExtraNotInstalledError("oppilashuolto.testing", "testing") from exc

from oppilashuolto.model import (
    Activity,
    Adoption,
    Affiliation,
    Break,
    Cadence,
    ChairRule,
    ClockEntry,
    CompositionRule,
    Contact,
    Contribution,
    Count,
    Deliverable,
    Funding,
    Goal,
    Group,
    Indicator,
    IndicatorValue,
    LegalReference,
    LocalTerm,
    Membership,
    Organisation,
    PartialDate,
    Participation,
    Period,
    Person,
    Plan,
    Practice,
    Project,
    RecordKeeping,
    Recurrence,
    Result,
    Ring,
    Risk,
    SchoolCalendar,
    ServiceArrangement,
    Succession,
    Timing,
    WelfareStructure,
    YearlyClock,
)
from oppilashuolto.model.organisation import AFFILIATION_RELATIONS, SUCCESSION_KINDS
from oppilashuolto.model.project import GOAL_KINDS, PARTICIPATION_ROLES
from oppilashuolto.vocab import load as load_vocabulary


__all__ = [
    "activities",
    "adoptions",
    "affiliations",
    "breaks",
    "cadences",
    "chair_rules",
    "clock_entries",
    "codes",
    "composition_rules",
    "contacts",
    "contributions",
    "counts",
    "deliverables",
    "fundings",
    "goals",
    "groups",
    "identifiers",
    "indicator_values",
    "indicators",
    "legal_references",
    "local_terms",
    "memberships",
    "organisations",
    "partial_dates",
    "participations",
    "people",
    "periods",
    "plans",
    "practices",
    "projects",
    "record_keepings",
    "recurrences",
    "results",
    "rings",
    "risks",
    "school_calendars",
    "service_arrangements",
    "successions",
    "texts",
    "timings",
    "welfare_structures",
    "yearly_clocks",
]

_YEARS = st.integers(min_value=1990, max_value=2040)
_F = TypeVar("_F", bound=Callable[..., Any])


def _cached(fn: _F) -> _F:
    # Strategies are immutable; building each once keeps Hypothesis from
    # re-validating nested strategies at every draw (about 3x faster generation).
    return cast("_F", lru_cache(maxsize=512)(fn))


# naive bounds for st.datetimes; the UTC zone is added to every drawn value
_FIRST_STAMP = dt.datetime(2000, 1, 1)  # noqa: DTZ001
_LAST_STAMP = dt.datetime(2040, 1, 1)  # noqa: DTZ001


@_cached
def identifiers() -> st.SearchStrategy[str]:
    """Record ids such as ``"ooot-paijat-hame"``."""
    word = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)
    return st.lists(word, min_size=1, max_size=3).map("-".join)


@_cached
def codes(vocabulary: str) -> st.SearchStrategy[str]:
    """Codes of a bundled vocabulary."""
    return st.sampled_from(load_vocabulary(vocabulary).codes())


@_cached
def texts() -> st.SearchStrategy[str]:
    """Non-empty free text, including Finnish letters and awkward characters."""
    alphabet = st.characters(
        min_codepoint=32, max_codepoint=0x2FFF, exclude_categories=["Cs"]
    )
    return st.text(alphabet, min_size=1, max_size=40).filter(str.strip)


@_cached
def _single_lines() -> st.SearchStrategy[str]:
    return st.text(
        st.characters(
            min_codepoint=32, max_codepoint=0x2FF, exclude_categories=["Cs", "Cc"]
        ),
        max_size=30,
    )


@_cached
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


@_cached
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


@_cached
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


@_cached
def legal_references() -> st.SearchStrategy[LegalReference]:
    """Sections such as ``14 § 2 mom.``."""
    return st.builds(
        LegalReference,
        section=st.sampled_from(["9", "13", "13 a", "14", "14 a", "19"]),
        subsection=st.one_of(st.none(), st.integers(1, 4)),
    )


@_cached
def _ids_from(
    ids: tuple[str, ...], *, max_size: int = 2
) -> st.SearchStrategy[tuple[str, ...]]:
    if not ids:
        return st.just(())
    return st.lists(st.sampled_from(ids), unique=True, max_size=max_size).map(tuple)


@_cached
def _optional_id(ids: tuple[str, ...]) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), st.sampled_from(ids)) if ids else st.none()


@_cached
def _optional_code(vocabulary: str) -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), codes(vocabulary))


@_cached
def _code_tuple(
    vocabulary: str, max_size: int = 2
) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(codes(vocabulary), unique=True, max_size=max_size).map(tuple)


@_cached
def _time_pair() -> st.SearchStrategy[tuple[dt.time | None, dt.time | None]]:
    return st.one_of(
        st.just((None, None)),
        st.tuples(st.integers(7, 15), st.integers(1, 3)).map(
            lambda t: (dt.time(t[0], 0), dt.time(t[0] + t[1], 30))
        ),
    )


@_cached
def results() -> st.SearchStrategy[Result]:
    """Results under a heading, with numbered points."""
    return st.builds(
        Result,
        dimension=codes("result_dimensions"),
        text=st.text(max_size=30),
        points=st.lists(texts(), max_size=2).map(tuple),
    )


@_cached
def contributions(party_ids: tuple[str, ...] = ()) -> st.SearchStrategy[Contribution]:
    """Contributions by a named party or by profession only."""
    by_party = (
        st.builds(
            Contribution,
            kind=codes("contribution_kinds"),
            party_id=st.sampled_from(party_ids),
        )
        if party_ids
        else st.nothing()
    )
    by_role = st.builds(
        Contribution,
        kind=codes("contribution_kinds"),
        profession=codes("professions"),
        period=periods(),
    )
    return st.one_of(by_party, by_role)


@_cached
def organisations(
    ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Organisation]:
    """Organisations with valid national codes."""
    return st.builds(
        Organisation,
        id=ids or identifiers(),
        kind=codes("organisation_kinds"),
        name=texts(),
        name_sv=st.text(max_size=10),
        municipality_code=st.one_of(
            st.none(), st.sampled_from(["091", "211", "398", "560"])
        ),
        region_code=st.one_of(st.none(), st.sampled_from(["01", "07", "21"])),
        wellbeing_county_code=st.one_of(st.none(), st.sampled_from(["09", "90"])),
        business_id=st.one_of(st.none(), st.just("0204819-8")),
        school_number=st.one_of(st.none(), st.just("03456")),
        sector=_optional_code("sectors"),
        languages=_code_tuple("languages"),
        count=st.one_of(st.none(), counts()),
        placeholder=st.booleans(),
        period=periods(),
        note=st.text(max_size=20),
    )


@_cached
def affiliations(organisation_ids: tuple[str, ...]) -> st.SearchStrategy[Affiliation]:
    """Affiliations between the given organisations."""
    return st.builds(
        Affiliation,
        id=identifiers(),
        organisation_id=st.sampled_from(organisation_ids),
        parent_id=st.sampled_from(organisation_ids),
        relation=st.sampled_from(AFFILIATION_RELATIONS),
        period=periods(),
    )


@_cached
@st.composite
def successions(draw: st.DrawFn, organisation_ids: tuple[str, ...]) -> Succession:
    """Mergers and renames between the given organisations."""
    successor = draw(st.sampled_from(organisation_ids))
    others = tuple(o for o in organisation_ids if o != successor) or (successor,)
    kind = (
        "merger" if others == (successor,) else draw(st.sampled_from(SUCCESSION_KINDS))
    )
    return Succession(
        id=draw(identifiers()),
        kind=kind,
        predecessor_ids=draw(
            st.lists(st.sampled_from(others), min_size=1, unique=True)
        ),
        successor_id=successor,
        on=draw(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))),
    )


@_cached
def people(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Person]:
    """Staff, named or unnamed, marked synthetic."""
    return st.builds(
        Person,
        id=ids or identifiers(),
        professions=_code_tuple("professions"),
        title=st.text(max_size=20),
        name=_single_lines(),
        email=st.one_of(st.just(""), st.emails()),
        synthetic=st.just(True),  # noqa: FBT003
        period=periods(),
    )


@_cached
def composition_rules(
    organisation_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[CompositionRule]:
    """Rules for who sits in a group."""
    return st.builds(
        CompositionRule,
        role=codes("roles"),
        count=st.one_of(st.none(), counts()),
        per=_optional_code("organisation_kinds"),
        professions=_code_tuple("professions"),
        organisation_ids=_ids_from(organisation_ids),
        from_group_kind=_optional_code("group_kinds"),
        represents=_code_tuple("target_groups"),
        languages=_code_tuple("languages"),
        services=_code_tuple("service_kinds"),
    )


@_cached
def chair_rules(appointer_ids: tuple[str, ...] = ()) -> st.SearchStrategy[ChairRule]:
    """How a group gets its chair."""
    return st.builds(
        ChairRule,
        appointed_by_id=_optional_id(appointer_ids),
        rotation=st.sampled_from(["", "yearly", "per_term", "fixed"]),
        duties=st.sampled_from([(), ("convene",), ("convene", "chair")]),
    )


@_cached
@st.composite
def cadences(draw: st.DrawFn, location_ids: tuple[str, ...] = ()) -> Cadence:
    """Meeting cadences: counts per period, or a fixed weekday rule with times."""
    start, end = draw(_time_pair())
    return Cadence(
        times=draw(st.one_of(st.none(), counts())),
        per=draw(st.sampled_from(["year", "term", "month", "week"])),
        weekday=draw(st.sampled_from(["", "tuesday", "thursday"])),
        ordinal=draw(st.sampled_from([None, 1, 3, -1])),
        months=tuple(draw(st.lists(st.integers(1, 12), unique=True, max_size=3))),
        start_time=start,
        end_time=end,
        except_breaks=draw(st.booleans()),
        location_id=draw(_optional_id(location_ids)),
        label=draw(st.text(max_size=10)),
        period=draw(periods()),
        revision=draw(st.integers(0, 3)),
    )


@_cached
def record_keepings(
    holder_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[RecordKeeping]:
    """Where a group's memos go."""
    return st.builds(
        RecordKeeping,
        location=st.text(max_size=10),
        holder_id=_optional_id(holder_ids),
        sent_to_ids=_ids_from(holder_ids),
        purpose=st.sampled_from(["", "for_information"]),
    )


@_cached
@st.composite
def groups(
    draw: st.DrawFn,
    organisation_ids: tuple[str, ...] = (),
    group_ids: tuple[str, ...] = (),
) -> Group:
    """Groups organised by some of *organisation_ids*, reporting to one of *group_ids*."""
    parties = organisation_ids + group_ids
    return Group(
        id=draw(identifiers()),
        kind=draw(codes("group_kinds")),
        name=draw(texts()),
        acronym=draw(st.text(string.ascii_uppercase, max_size=5)),
        statutory_basis=draw(st.one_of(st.none(), legal_references())),
        organiser_ids=draw(_ids_from(organisation_ids)),
        level=draw(_optional_code("group_levels")),
        mandate=draw(_code_tuple("mandates")),
        reports_to_id=draw(_optional_id(group_ids)),
        tasks=tuple(draw(st.lists(texts(), max_size=2))),
        composition=tuple(
            draw(st.lists(composition_rules(organisation_ids), max_size=2))
        ),
        chair_rule=draw(st.one_of(st.none(), chair_rules(parties))),
        cadences=tuple(draw(st.lists(cadences(organisation_ids), max_size=2))),
        records=draw(st.one_of(st.none(), record_keepings(parties))),
        languages=draw(_code_tuple("languages")),
        count=draw(st.one_of(st.none(), counts())),
        period=draw(periods()),
    )


@_cached
def memberships(
    group_ids: tuple[str, ...], holder_ids: tuple[str, ...], person_ids: frozenset[str]
) -> st.SearchStrategy[Membership]:
    """Seats in the given groups, held by the given holders or unfilled."""

    @st.composite
    def build(draw: st.DrawFn) -> Membership:
        holder = draw(_optional_id(holder_ids))
        organisation_ids = tuple(h for h in holder_ids if h not in person_ids)
        return Membership(
            id=draw(identifiers()),
            group_id=draw(st.sampled_from(group_ids)),
            role=draw(codes("roles")),
            period=draw(periods()),
            person_id=holder if holder in person_ids else None,
            organisation_id=holder
            if holder is not None and holder not in person_ids
            else None,
            represents_ids=draw(_ids_from(organisation_ids)),
            represents=draw(_code_tuple("target_groups")),
            profession="" if holder else draw(_optional_code("professions")),
            count=draw(st.one_of(st.none(), counts())),
            services=draw(_code_tuple("service_kinds")),
            planned=draw(st.booleans()),
        )

    return build()


@_cached
def service_arrangements(
    organisation_ids: tuple[str, ...],
) -> st.SearchStrategy[ServiceArrangement]:
    """Arrangements between the given organisations."""
    return st.builds(
        ServiceArrangement,
        id=identifiers(),
        service=codes("service_kinds"),
        recipient_id=st.sampled_from(organisation_ids),
        provider_id=_optional_id(organisation_ids),
        mode=_optional_code("service_modes"),
        administrative_home_id=_optional_id(organisation_ids),
        administrative_sector=_optional_code("sectors"),
        recipient_count=st.one_of(st.none(), counts()),
        period=periods(),
    )


@_cached
@st.composite
def goals(draw: st.DrawFn, group_ids: tuple[str, ...] = ()) -> tuple[Goal, ...]:
    """A goal tree: main goals with refined sub-goals (parents always resolve)."""
    mains = draw(
        st.lists(
            st.builds(
                Goal,
                id=identifiers(),
                text=texts(),
                kind=st.sampled_from(GOAL_KINDS),
                addressed_by_ids=_ids_from(group_ids),
            ),
            max_size=3,
            unique_by=lambda g: g.id,
        )
    )
    subs = [
        Goal(id=f"{g.id}-r{i}", text=draw(texts()), kind="refined", parent_id=g.id)
        for g in mains
        for i in range(draw(st.integers(0, 2)))
    ]
    return tuple(mains + subs)


@_cached
def risks() -> st.SearchStrategy[Risk]:
    """Risks of a risk analysis."""
    return st.builds(Risk, description=texts(), likelihood=st.text(max_size=8))


@_cached
def fundings(organisation_ids: tuple[str, ...] = ()) -> st.SearchStrategy[Funding]:
    """Funding lines, planned against actual."""
    amounts = st.one_of(
        st.none(),
        st.decimals(
            min_value=0,
            max_value=10**7,
            places=2,
            allow_nan=False,
            allow_infinity=False,
        ),
    )
    return st.builds(
        Funding,
        source_id=_optional_id(organisation_ids),
        planned=amounts,
        actual=amounts,
        status=st.sampled_from(["", "as_planned"]),
    )


@_cached
def indicator_values() -> st.SearchStrategy[IndicatorValue]:
    """Measured values, exact or as bounds."""
    return st.builds(
        IndicatorValue,
        on=partial_dates(),
        value=st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False, width=32)),
        count=st.one_of(st.none(), counts()),
    )


@_cached
def indicators() -> st.SearchStrategy[Indicator]:
    """Indicators with measured values."""
    return st.builds(
        Indicator,
        id=identifiers(),
        name=texts(),
        unit=st.text(max_size=8),
        values=st.lists(indicator_values(), max_size=2).map(tuple),
    )


@_cached
def deliverables() -> st.SearchStrategy[Deliverable]:
    """Deliverables such as curricula and plans."""
    return st.builds(
        Deliverable,
        title=texts(),
        kind=_optional_code("plan_kinds"),
        due=st.one_of(st.none(), partial_dates()),
    )


@_cached
def participations(party_ids: tuple[str, ...]) -> st.SearchStrategy[Participation]:
    """Parts taken in a project, possibly as counts."""
    return st.builds(
        Participation,
        party_id=st.sampled_from(party_ids),
        role=st.sampled_from(PARTICIPATION_ROLES),
        count=st.one_of(st.none(), counts()),
        period=periods(),
    )


@_cached
@st.composite
def projects(
    draw: st.DrawFn,
    organisation_ids: tuple[str, ...] = (),
    group_ids: tuple[str, ...] = (),
    person_ids: tuple[str, ...] = (),
) -> Project:
    """Projects with a goal tree, funding, indicators and references that resolve."""
    parties = organisation_ids + group_ids
    with_indicators = draw(st.lists(indicators(), max_size=2, unique_by=lambda i: i.id))
    return Project(
        id=draw(identifiers()),
        name=draw(texts()),
        code=draw(st.text(string.ascii_uppercase + string.digits, max_size=6)),
        acronym=draw(st.text(string.ascii_uppercase, max_size=5)),
        status=draw(_optional_code("project_statuses")),
        period=draw(periods()),
        owner_ids=draw(_ids_from(parties)),
        coordinator_ids=draw(_ids_from(person_ids)),
        steering_group_ids=draw(_ids_from(group_ids, max_size=1)),
        goals=draw(goals(group_ids)),
        risks=tuple(draw(st.lists(risks(), max_size=2))),
        funding=tuple(draw(st.lists(fundings(organisation_ids), max_size=2))),
        indicators=tuple(with_indicators),
        results=tuple(draw(st.lists(results(), max_size=2))),
        deliverables=tuple(draw(st.lists(deliverables(), max_size=2))),
        participation=tuple(draw(st.lists(participations(parties), max_size=2)))
        if parties
        else (),
        contributions=tuple(draw(st.lists(contributions(parties), max_size=2))),
        target_groups=draw(_code_tuple("target_groups")),
        approach=tuple(draw(st.lists(texts(), max_size=2))),
    )


@_cached
def contacts(person_ids: tuple[str, ...]) -> st.SearchStrategy[Contact]:
    """Contact people of a practice."""
    return st.builds(
        Contact, person_id=st.sampled_from(person_ids), role=codes("roles")
    )


@_cached
def adoptions(organisation_ids: tuple[str, ...]) -> st.SearchStrategy[Adoption]:
    """Adoptions of a practice."""
    return st.builds(
        Adoption, organisation_id=st.sampled_from(organisation_ids), period=periods()
    )


@_cached
@st.composite
def practices(
    draw: st.DrawFn,
    organisation_ids: tuple[str, ...] = (),
    person_ids: tuple[str, ...] = (),
) -> Practice:
    """Described practices with results, contacts and adoptions."""
    return Practice(
        id=draw(identifiers()),
        name=draw(texts()),
        status=draw(_optional_code("project_statuses")),
        period=draw(periods()),
        owner_ids=draw(_ids_from(organisation_ids)),
        need=draw(st.text(max_size=30)),
        goals=tuple(draw(st.lists(texts(), max_size=2))),
        channels=tuple(draw(st.lists(texts(), max_size=2))),
        results=tuple(draw(st.lists(results(), max_size=2))),
        contacts=tuple(draw(st.lists(contacts(person_ids), max_size=2)))
        if person_ids
        else (),
        adoptions=tuple(draw(st.lists(adoptions(organisation_ids), max_size=2)))
        if organisation_ids
        else (),
        recorded=draw(st.one_of(st.none(), partial_dates())),
    )


@_cached
@st.composite
def activities(draw: st.DrawFn, organiser_ids: tuple[str, ...] = ()) -> Activity:
    """Activities with counts given as bounds, possibly timed."""
    start, end = draw(_time_pair())
    return Activity(
        id=draw(identifiers()),
        kind=draw(codes("activity_kinds")),
        name=draw(texts()),
        organiser_ids=draw(_ids_from(organiser_ids)),
        audience=draw(_code_tuple("target_groups")),
        audience_professions=draw(_code_tuple("professions")),
        period=draw(periods()),
        start_time=start,
        end_time=end,
        occurrences=draw(st.one_of(st.none(), counts())),
        participants=draw(st.one_of(st.none(), counts())),
        ordinal=draw(st.one_of(st.none(), st.integers(1, 5))),
        topics=tuple(draw(st.lists(texts(), max_size=2))),
        revision=draw(st.integers(0, 3)),
    )


@_cached
def plans(owner_ids: tuple[str, ...] = ()) -> st.SearchStrategy[Plan]:
    """Plans with approvals and reviews."""
    return st.builds(
        Plan,
        id=identifiers(),
        kind=codes("plan_kinds"),
        name=texts(),
        owner_ids=_ids_from(owner_ids),
        statutory_basis=st.one_of(st.none(), legal_references()),
        approved_by_id=_optional_id(owner_ids),
        approved=st.one_of(st.none(), partial_dates()),
        reviews=st.lists(partial_dates(), max_size=2).map(tuple),
        period=periods(),
    )


@_cached
@st.composite
def breaks(draw: st.DrawFn) -> Break:
    """Breaks in school work, both days inclusive."""
    start = draw(st.dates(dt.date(2020, 8, 1), dt.date(2030, 6, 30)))
    return Break(
        kind=draw(
            st.sampled_from(["autumn", "christmas", "winter", "easter", "other"])
        ),
        start=start,
        end=start + dt.timedelta(days=draw(st.integers(0, 14))),
    )


@_cached
@st.composite
def school_calendars(
    draw: st.DrawFn, organisation_ids: tuple[str, ...] = ()
) -> SchoolCalendar:
    """Local school-year decisions."""
    year = draw(st.integers(2020, 2030))
    return SchoolCalendar(
        id=draw(identifiers()),
        school_year=f"{year}-{year + 1}",
        municipality_code=draw(
            st.one_of(st.none(), st.sampled_from(["091", "211", "398"]))
        ),
        organisation_id=draw(_optional_id(organisation_ids)),
        autumn_break_week=draw(st.one_of(st.none(), st.integers(41, 43))),
        winter_break_week=draw(st.one_of(st.none(), st.integers(8, 10))),
        breaks=tuple(draw(st.lists(breaks(), max_size=2))),
        days_off=tuple(
            draw(
                st.lists(
                    st.dates(dt.date(year, 8, 1), dt.date(year + 1, 7, 31)), max_size=2
                )
            )
        ),
    )


@_cached
def local_terms() -> st.SearchStrategy[LocalTerm]:
    """Local terms added to bundled vocabularies."""
    return st.builds(
        LocalTerm,
        vocabulary=st.sampled_from(["group_kinds", "professions", "activity_kinds"]),
        code=st.text(string.ascii_lowercase, min_size=3, max_size=8).map(
            lambda c: f"local_{c}"
        ),
        fi=texts(),
    )


@_cached
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
            weekday=st.sampled_from(["", "monday", "friday"]),
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


@_cached
def recurrences() -> st.SearchStrategy[Recurrence]:
    """Every kind of recurrence."""
    return st.one_of(
        st.builds(Recurrence, frequency=st.sampled_from(["yearly", "every_term"])),
        st.builds(
            Recurrence, frequency=st.just("every_other_year"), anchor_year=_YEARS
        ),
        st.builds(
            Recurrence,
            frequency=st.just("once"),
            school_year=st.integers(2020, 2030).map(lambda y: f"{y}-{y + 1}"),
        ),
    )


@_cached
def rings() -> st.SearchStrategy[Ring]:
    """Rings of a clock."""
    return st.builds(
        Ring, id=identifiers(), name=texts(), colour=st.sampled_from(["", "#1e90ff"])
    )


@_cached
def clock_entries(
    ring_ids: tuple[str, ...] = (), party_ids: tuple[str, ...] = ()
) -> st.SearchStrategy[ClockEntry]:
    """Clock entries of every timing and recurrence."""
    return st.builds(
        ClockEntry,
        id=identifiers(),
        title=texts(),
        title_en=st.text(max_size=10),
        ring_id=st.sampled_from([None, *ring_ids]),
        timing=timings(),
        recurrence=recurrences(),
        responsible_roles=_code_tuple("roles"),
        responsible_ids=_ids_from(party_ids),
        target_groups=_code_tuple("target_groups"),
        legal_basis=st.lists(legal_references(), max_size=1).map(tuple),
        illustrative=st.booleans(),
        revision=st.integers(0, 3),
        updated=st.one_of(st.none(), _stamps()),
    )


@_cached
@st.composite
def yearly_clocks(
    draw: st.DrawFn, owner_ids: tuple[str, ...] = (), party_ids: tuple[str, ...] = ()
) -> YearlyClock:
    """Clocks owned by some of *owner_ids*, with entries naming some of *party_ids*."""
    ring_list = draw(st.lists(rings(), max_size=3, unique_by=lambda r: r.id))
    ring_ids = tuple(r.id for r in ring_list)
    entries = draw(
        st.lists(
            clock_entries(ring_ids, party_ids), max_size=5, unique_by=lambda e: e.id
        )
    )
    return YearlyClock(
        id=draw(identifiers()),
        name=draw(texts()),
        owner_ids=draw(_ids_from(owner_ids)),
        rings=tuple(ring_list),
        entries=tuple(entries),
        contributions=tuple(draw(st.lists(contributions(party_ids), max_size=2))),
        period=draw(periods()),
    )


@_cached
def _stamps() -> st.SearchStrategy[dt.datetime]:
    return st.datetimes(_FIRST_STAMP, _LAST_STAMP).map(
        lambda d: d.replace(microsecond=0, tzinfo=dt.UTC)
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
    person_ids = tuple(p.id for p in persons)
    top = fresh(draw(st.lists(groups(org_ids), max_size=2)))
    grps = top + fresh(
        draw(st.lists(groups(org_ids, tuple(g.id for g in top)), max_size=2))
    )
    group_ids = tuple(g.id for g in grps)
    seats: list[Membership] = []
    if grps:
        holders = tuple(sorted(org_ids + person_ids))
        seats = fresh(
            draw(
                st.lists(
                    memberships(group_ids, holders, frozenset(person_ids)), max_size=8
                )
            )
        )
    parties = org_ids + group_ids + person_ids
    return WelfareStructure(
        id=draw(identifiers()),
        name=draw(texts()),
        updated=draw(st.one_of(st.none(), _stamps())),
        local_terms=draw(
            st.lists(
                local_terms(), max_size=2, unique_by=lambda t: (t.vocabulary, t.code)
            )
        ),
        organisations=orgs,
        affiliations=fresh(draw(st.lists(affiliations(org_ids), max_size=2))),
        successions=fresh(draw(st.lists(successions(org_ids), max_size=1))),
        people=persons,
        groups=grps,
        memberships=seats,
        arrangements=fresh(draw(st.lists(service_arrangements(org_ids), max_size=4))),
        projects=fresh(
            draw(st.lists(projects(org_ids, group_ids, person_ids), max_size=2))
        ),
        practices=fresh(draw(st.lists(practices(org_ids, person_ids), max_size=1))),
        activities=fresh(draw(st.lists(activities(parties), max_size=2))),
        plans=fresh(draw(st.lists(plans(org_ids), max_size=2))),
        clocks=fresh(
            draw(st.lists(yearly_clocks(org_ids + group_ids, parties), max_size=2))
        ),
        school_calendars=fresh(draw(st.lists(school_calendars(org_ids), max_size=1))),
    )
