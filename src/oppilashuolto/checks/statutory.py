"""
Rules from the Pupil and Student Welfare Act 1287/2013, as amended, and the Child Welfare Act.

Each rule is a duty of an education provider, a wellbeing services county or
the City of Helsinki; a finding is an error.
The rules judge what the data says: an organisation is an education provider
when its kind is ``education_provider``, a school is ``under_provider`` of it,
or it is the municipality (or joint authority) a school belongs to through
``parent_id`` (see `Context.providers`); a group belongs to the organisations in
its ``organiser_ids`` and to their parents, so that a department's group counts
for its municipality. Groups only planned (``planned``) count for nothing.

References:
    Oppilas- ja opiskelijahuoltolaki 1287/2013, 9 §, 13 §, 13 a §, 14 §, 14 a §,
    as amended by 633/2021 and 377/2022 (HE 19/2022, EV 46/2022), in force 1.1.2023.

    Lastensuojelulaki 417/2007, 12 § (amended by 610/2022).

    ``law.md`` §2, §4, §4.1 and §6 of the project's domain notes.
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterator

from oppilashuolto.checks._core import UNIT_KINDS, Context, Hit, Rule, Texts
from oppilashuolto.checks._county import (
    BILINGUAL_COUNTIES,
    council_terms,
    counties,
    is_bilingual,
    is_county_organiser,
    is_helsinki,
)
from oppilashuolto.model import Group, Organisation, Period, Plan, ServiceArrangement


__all__ = [
    "BILINGUAL_COUNTIES",
    "REFORM_2023",
    "council_terms",
    "is_county_organiser",
    "statutory_rules",
]

ACT_IN_FORCE = dt.date(2014, 8, 1)
"""Act 1287/2013 entered into force."""
REFORM_2023 = dt.date(2023, 1, 1)
"""633/2021 and 377/2022: wellbeing services counties, 13 a § and 14 a §."""
PLANS_2023 = dt.date(2023, 8, 1)
"""377/2022: provider plans used, and the first regional plan in force, from 1.8.2023."""

_REGIONAL_SERVICES = ("curator_service", "psychologist_service")


def _since(day: dt.date) -> Period:
    return Period.from_dates(day, None)


def _plans(ctx: Context, kind: str, owner: Organisation) -> list[Plan]:
    index: dict[tuple[str, str], list[Plan]] = ctx.memo(
        "plans", lambda: _plan_index(ctx)
    )
    return index.get((kind, owner.id), [])


def _plan_index(ctx: Context) -> dict[tuple[str, str], list[Plan]]:
    # a plan belongs to its owners and to their parents (a department's plan)
    parents = {o.id: o.parent_id for o in ctx.structure.organisations}
    index: dict[tuple[str, str], list[Plan]] = {}
    for plan in sorted(ctx.structure.plans, key=lambda p: p.id):
        owners = set(plan.owner_ids)
        for owner in plan.owner_ids:
            parent = parents.get(owner)
            if parent is not None:
                owners.add(parent)
        for owner in sorted(owners):
            index.setdefault((plan.kind, owner), []).append(plan)
    return index


def _is_section(group: Group, section: str, subsection: int | None = None) -> bool:
    basis = group.statutory_basis
    return (
        basis is not None
        and basis.act == "1287/2013"
        and basis.section == section
        and (subsection is None or basis.subsection == subsection)
    )


# -- 14 § 2 mom.: every school and pre-primary unit ---------------------------------


def _school_group(ctx: Context) -> Iterator[Hit]:
    for unit in ctx.organisations(*UNIT_KINDS):
        if not any(
            g.kind == "school_welfare_group" or _is_section(g, "14", 2)
            for g in ctx.groups_organised_by(unit.id)
        ):
            yield Hit(record_id=unit.id, values={"unit": ctx.name(unit.id)})


SCHOOL_WELFARE_GROUP = Rule(
    code="OHL001",
    name="school_welfare_group",
    section="14 § 2 mom.",
    severity="error",
    summary=Texts(
        fi="Jokaisella koululla ja esiopetusyksiköllä on oppilaitoskohtainen opiskeluhuoltoryhmä.",
        sv="Varje skola och förskoleenhet har en läroanstaltsspecifik elevhälsogrupp.",
        en="Every school and pre-primary unit has a school student welfare group.",
    ),
    message=Texts(
        fi="{unit}: ei oppilaitoskohtaista opiskeluhuoltoryhmää tai muuta monialaista ryhmää sen tehtäviin.",
        sv="{unit}: ingen läroanstaltsspecifik elevhälsogrupp eller annan sektorsövergripande grupp för dess uppgifter.",
        en="{unit}: no school student welfare group, nor another multidisciplinary group named for its tasks.",
    ),
    check=_school_group,
    applies=_since(ACT_IN_FORCE),
    references=("1287/2013 14 § 2 mom.", "law.md §4.1"),
)


# -- 14 § 1 mom.: every education provider ------------------------------------------


def _steering_group(ctx: Context) -> Iterator[Hit]:
    for provider in ctx.providers():
        if not any(
            g.kind == "welfare_steering_group" or _is_section(g, "14", 1)
            for g in ctx.groups_organised_by(provider.id)
        ):
            yield Hit(record_id=provider.id, values={"provider": ctx.name(provider.id)})


PROVIDER_STEERING_GROUP = Rule(
    code="OHL002",
    name="provider_steering_group",
    section="14 § 1 mom.",
    severity="error",
    summary=Texts(
        fi="Jokaisella koulutuksen järjestäjällä on opiskeluhuollon ohjausryhmä tai sen tehtäviin nimetty muu monialainen ryhmä.",
        sv="Varje utbildningsanordnare har en styrgrupp för elevhälsan eller en annan sektorsövergripande grupp med dess uppgifter.",
        en="Every education provider has a student welfare steering group, or names another multidisciplinary group for its tasks.",
    ),
    message=Texts(
        fi="{provider}: ei opiskeluhuollon ohjausryhmää eikä sen tehtäviin nimettyä monialaista ryhmää (ryhmä, jonka perusta on 14 § 1 mom.).",
        sv="{provider}: ingen styrgrupp för elevhälsan och ingen sektorsövergripande grupp med dess uppgifter (grupp med grund i 14 § 1 mom.).",
        en="{provider}: no student welfare steering group, nor a multidisciplinary group named for its tasks (a group based on 14 § 1 mom.).",
    ),
    check=_steering_group,
    applies=_since(ACT_IN_FORCE),
    references=("1287/2013 14 § 1 mom.", "law.md §4.1"),
)


# -- 14 a §: the regional cooperation group ------------------------------------------


def _regional_groups(ctx: Context, county: Organisation) -> list[Group]:
    return [
        g
        for g in ctx.groups_organised_by(county.id)
        if g.kind == "regional_welfare_cooperation_group" or _is_section(g, "14 a")
    ]


def _regional_group(ctx: Context) -> Iterator[Hit]:
    for county in counties(ctx):
        if not _regional_groups(ctx, county):
            yield Hit(record_id=county.id, values={"county": ctx.name(county.id)})


REGIONAL_GROUP = Rule(
    code="OHL003",
    name="regional_cooperation_group",
    section="14 a §",
    severity="error",
    summary=Texts(
        fi="Hyvinvointialue ja Helsingin kaupunki asettavat alueellisen opiskeluhuollon yhteistyöryhmän.",
        sv="Välfärdsområdet och Helsingfors stad tillsätter en regional samarbetsgrupp för elevhälsan.",
        en="Each wellbeing services county, and the City of Helsinki, convenes a regional student welfare cooperation group.",
    ),
    message=Texts(
        fi="{county}: ei alueellista opiskeluhuollon yhteistyöryhmää (14 a §, 1.1.2023 alkaen).",
        sv="{county}: ingen regional samarbetsgrupp för elevhälsan (14 a §, från 1.1.2023).",
        en="{county}: no regional student welfare cooperation group (14 a §, from 1.1.2023).",
    ),
    check=_regional_group,
    applies=_since(REFORM_2023),
    references=("1287/2013 14 a § (377/2022)", "law.md §4"),
)

_REQUIRED_SEATS = (("guardians",), ("students", "pupils"), ("welfare_staff",))


def _represented(ctx: Context, group: Group) -> set[str]:
    found = {t for rule in group.composition for t in rule.represents}
    found |= {t for m in ctx.memberships(group.id) for t in m.represents}
    return found


def _regional_composition(ctx: Context) -> Iterator[Hit]:
    for county in counties(ctx):
        for group in _regional_groups(ctx, county):
            present = _represented(ctx, group)
            missing = [need[0] for need in _REQUIRED_SEATS if not present & set(need)]
            if missing:
                yield Hit(
                    record_id=group.id,
                    values={
                        "group": ctx.name(group.id),
                        "missing": ctx.labels("target_groups", missing),
                    },
                    related_ids=(county.id,),
                )


REGIONAL_COMPOSITION = Rule(
    code="OHL004",
    name="regional_group_composition",
    section="14 a §",
    severity="error",
    summary=Texts(
        fi="Alueellisessa yhteistyöryhmässä on alaikäisten huoltajien, opiskelijoiden ja opiskeluhuollon henkilöstön edustus.",
        sv="I den regionala samarbetsgruppen finns företrädare för vårdnadshavare till minderåriga, studerande och elevhälsans personal.",
        en="The regional cooperation group includes representatives of guardians of minors, of students and of welfare-services staff.",
    ),
    message=Texts(
        fi="{group}: kokoonpanosta puuttuu edustus: {missing}.",
        sv="{group}: sammansättningen saknar företrädare för: {missing}.",
        en="{group}: its composition lacks representatives of: {missing}.",
    ),
    check=_regional_composition,
    applies=_since(REFORM_2023),
    references=("1287/2013 14 a § (377/2022)", "law.md §4"),
)


def _regional_languages(ctx: Context) -> Iterator[Hit]:
    for county in counties(ctx):
        if not is_bilingual(county):
            continue
        for group in _regional_groups(ctx, county):
            languages = set(group.languages) | {
                lang for rule in group.composition for lang in rule.languages
            }
            missing = [lang for lang in ("fi", "sv") if lang not in languages]
            if missing:
                yield Hit(
                    record_id=group.id,
                    values={
                        "group": ctx.name(group.id),
                        "county": ctx.name(county.id),
                        "missing": ctx.labels("languages", missing),
                    },
                    related_ids=(county.id,),
                )


REGIONAL_LANGUAGES = Rule(
    code="OHL005",
    name="regional_group_languages",
    section="14 a §",
    severity="error",
    summary=Texts(
        fi="Kaksikielisen hyvinvointialueen yhteistyöryhmässä ovat edustettuina molemmat kansalliskielet.",
        sv="I samarbetsgruppen i ett tvåspråkigt välfärdsområde är båda nationalspråken företrädda.",
        en="In a bilingual county the regional cooperation group represents both national languages.",
    ),
    message=Texts(
        fi="{group}: {county} on kaksikielinen, mutta ryhmän kielistä puuttuu: {missing}.",
        sv="{group}: {county} är tvåspråkigt, men gruppens språk saknar: {missing}.",
        en="{group}: {county} is bilingual, but the group's languages lack: {missing}.",
    ),
    check=_regional_languages,
    applies=_since(REFORM_2023),
    references=("1287/2013 14 a § (377/2022)", "law.md §4"),
)


# -- 13 a §: the regional plan, once per council term -------------------------------


def _approved_within(plan: Plan, start: dt.date, end: dt.date, on: dt.date) -> bool:
    approved = plan.approved
    return (
        approved is not None
        and approved.earliest <= min(end, on)
        and approved.latest >= start
    )


def _term_text(term: tuple[dt.date, dt.date]) -> Texts:
    start, end = term
    return Texts.same(
        f"{start.day}.{start.month}.{start.year}–{end.day}.{end.month}.{end.year}"
    )


def _regional_plan(ctx: Context) -> Iterator[Hit]:
    on = ctx.on
    for county in counties(ctx):
        terms = council_terms(helsinki=is_helsinki(county), until=on)
        plans = _plans(ctx, "regional_welfare_plan", county)
        current = terms[-1]
        if any(_approved_within(p, *current, on) for p in plans):
            continue
        # a new council has until its own plan: the previous term's plan stands in
        due = terms[-2] if len(terms) > 1 and terms[-2][1] >= PLANS_2023 else current
        if due is not current and any(_approved_within(p, *due, on) for p in plans):
            continue
        yield Hit(
            record_id=county.id,
            values={"county": ctx.name(county.id), "term": _term_text(due)},
            related_ids=tuple(p.id for p in plans),
        )


REGIONAL_PLAN = Rule(
    code="OHL006",
    name="regional_welfare_plan",
    section="13 a §",
    severity="error",
    summary=Texts(
        fi="Aluevaltuusto hyväksyy alueellisen opiskeluhuoltosuunnitelman kerran valtuustokaudessa; ensimmäinen 1.8.2023 mennessä.",
        sv="Välfärdsområdesfullmäktige godkänner den regionala elevhälsoplanen en gång per fullmäktigeperiod; den första senast 1.8.2023.",
        en="The county council approves a regional student welfare plan once per council term; the first by 1.8.2023.",
    ),
    message=Texts(
        fi="{county}: ei valtuuston hyväksymää alueellista opiskeluhuoltosuunnitelmaa valtuustokaudelta {term}.",
        sv="{county}: ingen regional elevhälsoplan godkänd av fullmäktige för perioden {term}.",
        en="{county}: no regional student welfare plan approved by the council in the term {term}.",
    ),
    check=_regional_plan,
    applies=_since(PLANS_2023),
    references=("1287/2013 13 a § (377/2022)", "law.md §6"),
)


# -- 13 §: the provider's plan --------------------------------------------------------


def _in_use(plan: Plan, on: dt.date) -> bool:
    approved = plan.approved
    return plan.period.contains(on) and (approved is None or approved.earliest <= on)


def _provider_plan(ctx: Context) -> Iterator[Hit]:
    for provider in ctx.providers():
        plans = _plans(ctx, "provider_welfare_plan", provider)
        if not any(_in_use(p, ctx.on) for p in plans):
            yield Hit(
                record_id=provider.id,
                values={"provider": ctx.name(provider.id)},
                related_ids=tuple(p.id for p in plans),
            )


PROVIDER_PLAN = Rule(
    code="OHL007",
    name="provider_welfare_plan",
    section="13 §",
    severity="error",
    summary=Texts(
        fi="Koulutuksen järjestäjällä on käytössä opiskeluhuoltosuunnitelma 1.8.2023 alkaen.",
        sv="Utbildningsanordnaren har en elevhälsoplan i bruk från 1.8.2023.",
        en="Every education provider has a student welfare plan in use from 1.8.2023.",
    ),
    message=Texts(
        fi="{provider}: ei käytössä olevaa koulutuksen järjestäjän opiskeluhuoltosuunnitelmaa.",
        sv="{provider}: ingen elevhälsoplan för utbildningsanordnaren i bruk.",
        en="{provider}: no education provider's student welfare plan in use.",
    ),
    check=_provider_plan,
    applies=_since(PLANS_2023),
    references=("1287/2013 13 § (377/2022)", "law.md §6"),
)


# -- 9 §: curator and psychologist services from the county ------------------------


def _organiser_of(arrangement: ServiceArrangement) -> str | None:
    mode = arrangement.mode
    if mode in ("purchased_private", "purchased_municipal"):
        # the purchaser organises; the data names it as home, else the recipient buys
        return arrangement.administrative_home_id or arrangement.recipient_id
    if arrangement.provider_id is not None:
        return arrangement.provider_id
    if mode == "own_production":
        return arrangement.administrative_home_id or arrangement.recipient_id
    return arrangement.administrative_home_id


def _county_services(ctx: Context) -> Iterator[Hit]:
    for arrangement in sorted(ctx.structure.arrangements, key=lambda a: a.id):
        if arrangement.service not in _REGIONAL_SERVICES or not arrangement.is_active(
            on=ctx.on
        ):
            continue
        if arrangement.mode == "county_service":
            continue
        organiser = _organiser_of(arrangement)
        if organiser is None or is_county_organiser(ctx, organiser):
            continue
        yield Hit(
            record_id=arrangement.id,
            values={
                "service": ctx.labels("service_kinds", [arrangement.service]),
                "recipient": ctx.name(arrangement.recipient_id),
                "organiser": ctx.name(organiser),
            },
            related_ids=(organiser, arrangement.recipient_id),
        )


COUNTY_SERVICES = Rule(
    code="OHL008",
    name="county_organises_services",
    section="9 §",
    severity="error",
    summary=Texts(
        fi="1.1.2023 alkaen kuraattori- ja psykologipalvelut järjestää hyvinvointialue (Helsingissä kaupunki).",
        sv="Från 1.1.2023 ordnar välfärdsområdet (i Helsingfors staden) kurators- och psykologtjänsterna.",
        en="From 1.1.2023 curator and psychologist services are organised by the wellbeing services county (in Helsinki, the city).",
    ),
    message=Texts(
        fi="Palvelujärjestely '{id}': {service} kohteelle {recipient} järjestää {organiser}, ei hyvinvointialue.",
        sv="Tjänsteupplägg '{id}': {service} för {recipient} ordnas av {organiser}, inte av välfärdsområdet.",
        en="Service arrangement '{id}': {service} for {recipient} organised by {organiser}, not by the wellbeing services county.",
    ),
    check=_county_services,
    applies=_since(REFORM_2023),
    references=("1287/2013 9 § (633/2021)", "law.md §2"),
)


# -- Child Welfare Act 12 §: the child and youth welfare plan -----------------------


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _welfare_plan_review(ctx: Context) -> Iterator[Hit]:
    for plan in sorted(ctx.structure.plans, key=lambda p: p.id):
        if plan.kind != "child_youth_welfare_plan" or not plan.period.contains(ctx.on):
            continue
        last = plan.last_reviewed()
        # undated plans cannot be judged; the rule names only plans known to be late
        if last is None or _add_years(last.latest, 4) >= ctx.on:
            continue
        yield Hit(
            record_id=plan.id,
            values={"plan": ctx.name(plan.id), "last": Texts.same(last.edtf)},
            related_ids=plan.owner_ids,
        )


WELFARE_PLAN_REVIEW = Rule(
    code="OHL009",
    name="child_youth_welfare_plan_review",
    section="417/2007 12 §",
    severity="error",
    summary=Texts(
        fi="Lasten ja nuorten hyvinvointisuunnitelma tarkistetaan vähintään kerran neljässä vuodessa.",
        sv="Planen för barns och ungas välfärd ses över minst en gång vart fjärde år.",
        en="The child and youth welfare plan is reviewed at least once every four years.",
    ),
    message=Texts(
        fi="{plan}: viimeksi hyväksytty tai tarkistettu {last}, yli neljä vuotta sitten.",
        sv="{plan}: senast godkänd eller översedd {last}, för över fyra år sedan.",
        en="{plan}: last approved or reviewed {last}, more than four years ago.",
    ),
    check=_welfare_plan_review,
    applies=_since(dt.date(2008, 1, 1)),
    references=("Lastensuojelulaki 417/2007 12 § (610/2022)", "law.md §6"),
)


def statutory_rules() -> list[Rule]:
    """Return the statutory rules, by code."""
    return [
        SCHOOL_WELFARE_GROUP,
        PROVIDER_STEERING_GROUP,
        REGIONAL_GROUP,
        REGIONAL_COMPOSITION,
        REGIONAL_LANGUAGES,
        REGIONAL_PLAN,
        PROVIDER_PLAN,
        COUNTY_SERVICES,
        WELFARE_PLAN_REVIEW,
    ]
