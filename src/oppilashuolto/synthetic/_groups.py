"""Steering groups, regional cooperation groups and networks."""

from __future__ import annotations

import datetime as dt

from oppilashuolto.model import (
    ChairRule,
    CompositionRule,
    Count,
    Group,
    LegalReference,
)
from oppilashuolto.reference import wellbeing_counties
from oppilashuolto.synthetic._national import (
    ACT_IN_FORCE,
    BILINGUAL_COUNTIES,
    HELSINKI,
    Builder,
)
from oppilashuolto.synthetic._staff import REFORM, Post, period


__all__ = [
    "add_networks",
    "add_regional_groups",
    "add_steering_groups",
    "municipal_post",
]

_STEERING = LegalReference.from_text("14 § 1 mom.")
_REGIONAL = LegalReference.from_text("14 a §")
_ONE = Count.from_text("1")


def municipal_post(
    b: Builder,
    code: str,
    key: str,
    profession: str,
    title: str,
    *,
    moves: bool = False,
    since: dt.date = ACT_IN_FORCE,
) -> Post:
    """Return a municipality's post of *key*, made on first use."""
    posts = b.municipal_posts.setdefault(code, {})
    if key not in posts:
        own = f"kunta-{code}"
        county = b.county_of.get(code)
        after = county if moves and county is not None and county != own else None
        posts[key] = b.staff.post(
            profession,
            title,
            employer_id=own,
            employer_after_id=after,
            since=since,
            mean_years=7,
        )
    return posts[key]


def add_steering_groups(b: Builder) -> None:
    """Add one student welfare steering group (14 § 1 mom.) per education provider."""
    for provider, schools in sorted(b.provider_schools.items()):
        group_id = f"ohjausryhma-{provider}"
        code = schools[0].split("-")[1]
        b.groups.append(
            Group(
                id=group_id,
                kind="welfare_steering_group",
                name=f"Opiskeluhuollon ohjausryhmä: {b.provider_name(provider)}",
                statutory_basis=_STEERING,
                organiser_ids=(provider,),
                level="provider",
                mandate=("steers", "coordinates"),
                period=period(ACT_IN_FORCE, None),
            )
        )
        first = b.posts[schools[0]]
        seat, start = b.staff.seat, ACT_IN_FORCE
        if provider.startswith("kunta-"):
            seat(
                group_id,
                "chair",
                municipal_post(
                    b, code, "director", "director_of_education", "sivistysjohtaja"
                ),
                start=start,
            )
            if len(schools) >= 6:
                seat(
                    group_id,
                    "member",
                    municipal_post(
                        b, code, "manager", "education_manager", "opetuspäällikkö"
                    ),
                    start=start,
                )
                seat(
                    group_id,
                    "member",
                    municipal_post(
                        b,
                        code,
                        "lead_curator",
                        "lead_curator",
                        "johtava kuraattori",
                        moves=True,
                    ),
                    start=start,
                )
            seat(
                group_id,
                "member",
                municipal_post(
                    b, code, "social", "social_worker", "sosiaalityöntekijä", moves=True
                ),
                start=start,
            )
            seat(
                group_id,
                "member",
                municipal_post(b, code, "youth", "youth_worker", "nuorisotyöntekijä"),
                start=start,
            )
            seat(group_id, "representative", first["principal"], start=start)
        else:
            seat(group_id, "chair", first["principal"], start=start)
            seat(group_id, "member", first["special"], start=start)
        for key in ("curator", "psychologist", "nurse"):
            seat(group_id, "member", first[key], start=start)


def add_regional_groups(b: Builder) -> None:
    """Add the 14 a § regional cooperation group of every county and Helsinki, from 2023."""
    for c in wellbeing_counties():
        organiser = f"kunta-{HELSINKI}" if c.code == "90" else f"hva-{c.code}"
        codes = [
            p.municipality.code
            for p in b.places
            if b.county_of.get(p.municipality.code) == organiser
        ]
        schools = sum(len(b.schools[code]) for code in codes)
        leads = [
            b.staff.post(
                "lead_curator",
                "opiskeluhuollon palvelupäällikkö",
                employer_id=organiser,
                since=REFORM,
                mean_years=5,
            )
            for _ in range(max(1, round(schools / 60)))
        ]
        psychologist = b.staff.post(
            "school_psychologist",
            "johtava psykologi",
            employer_id=organiser,
            since=REFORM,
            mean_years=5,
        )
        b.county_posts[organiser] = leads
        bilingual = c.code in BILINGUAL_COUNTIES
        group_id = f"yhteistyoryhma-{organiser}"
        b.groups.append(
            Group(
                id=group_id,
                kind="regional_welfare_cooperation_group",
                name=f"Alueellinen opiskeluhuollon yhteistyöryhmä: {c.name_fi}",
                name_sv=f"Regional samarbetsgrupp för elevhälsan: {c.name_sv}",
                statutory_basis=_REGIONAL,
                organiser_ids=(organiser,),
                level="wellbeing_services_county",
                mandate=("coordinates", "develops"),
                composition=(
                    CompositionRule(
                        role="representative",
                        count=_ONE,
                        per="municipality",
                        description="Kunkin koulutuksen järjestäjän edustaja.",
                    ),
                    CompositionRule(
                        role="guardian_representative",
                        count=_ONE,
                        represents=("guardians",),
                    ),
                    CompositionRule(
                        role="pupil_representative",
                        count=_ONE,
                        represents=("pupils", "students"),
                    ),
                    CompositionRule(
                        role="representative",
                        represents=("welfare_staff",),
                        services=("curator_service", "psychologist_service"),
                    ),
                ),
                languages=("fi", "sv") if bilingual else ("fi",),
                period=period(REFORM, None),
            )
        )
        seat = b.staff.seat
        coordinator = b.staff.post(
            "wellbeing_coordinator",
            "hyvinvointikoordinaattori",
            employer_id=organiser,
            since=REFORM,
            mean_years=5,
        )
        seat(group_id, "chair", coordinator, start=REFORM)
        seat(
            group_id,
            "representative",
            leads[0],
            start=REFORM,
            represents=("welfare_staff",),
        )
        providers = sorted(
            {b.school_info[s][1] for code in codes for s in b.schools[code]}
        )
        for provider in providers:
            b.staff.organisation_seat(
                group_id, "representative", provider, start=REFORM
            )
        b.staff.open_seat(
            group_id, "guardian_representative", represents=("guardians",), start=REFORM
        )
        b.staff.open_seat(
            group_id,
            "pupil_representative",
            represents=("pupils", "students"),
            start=REFORM,
        )
        network = f"esihenkiloverkosto-{organiser}"
        b.groups.append(
            Group(
                id=network,
                kind="managers_network",
                name=f"Opiskeluhuoltopalvelujen esihenkilöverkosto: {c.name_fi}",
                organiser_ids=(organiser,),
                level="wellbeing_services_county",
                mandate=("develops", "coordinates"),
                reports_to_id=group_id,
                period=period(REFORM, None),
            )
        )
        seat(network, "chair", leads[0], start=REFORM)
        for post in (*leads[1:], psychologist):
            seat(network, "member", post, start=REFORM)


def add_networks(b: Builder) -> None:
    """Add a sub-regional welfare network wherever a sub-region has two or more municipalities."""
    start = dt.date(b.years[0], 1, 1)
    by_sub: dict[str, list[str]] = {}
    for p in b.places:
        by_sub.setdefault(p.municipality.subregion_code, []).append(p.municipality.code)
    names = {p.municipality.subregion_code: p.subregion_name for p in b.places}
    for sub, codes in sorted(by_sub.items()):
        if len(codes) < 2:
            continue
        group_id = f"verkosto-seutukunta-{sub}"
        b.groups.append(
            Group(
                id=group_id,
                kind="network",
                name=f"Seudullinen opiskeluhuollon verkosto: {names[sub]}",
                organiser_ids=(f"seutukunta-{sub}",),
                level="sub_region",
                mandate=("develops", "informs"),
                chair_rule=ChairRule(
                    rotation="yearly", description="Puheenjohtajuus kiertää kunnittain."
                ),
                period=period(start, None),
            )
        )
        for code in codes:
            b.staff.organisation_seat(group_id, "member", f"kunta-{code}", start=start)
        # the chair rotates yearly among the municipalities, in code order
        offset = b.rng.randrange(len(codes))
        for year in range(b.years[0], b.years[1] + 1):
            code = codes[(year - b.years[0] + offset) % len(codes)]
            end = None if year == b.years[1] else dt.date(year, 12, 31)
            b.staff.organisation_seat(
                group_id, "chair", f"kunta-{code}", start=dt.date(year, 1, 1), end=end
            )
