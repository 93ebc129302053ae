"""Schools, their providers, staff, welfare groups and yearly clocks."""

from __future__ import annotations

import datetime as dt

from oppilashuolto.model import Affiliation, Group, LegalReference, Organisation
from oppilashuolto.synthetic._clock import school_clock
from oppilashuolto.synthetic._names import school_name
from oppilashuolto.synthetic._national import (
    ACT_IN_FORCE,
    BASIC_SCHOOLS,
    CURATORS_PER,
    JOINT_AUTHORITY_SHARE,
    NURSES_PER,
    PRIVATE_SHARE,
    PSYCHOLOGISTS_PER,
    UPPER_SCHOOLS,
    Builder,
)
from oppilashuolto.synthetic._places import allocate
from oppilashuolto.synthetic._staff import period


__all__ = ["add_schools"]

_SCHOOL_GROUP = LegalReference.from_text("14 § 2 mom.")


def add_schools(b: Builder) -> None:
    """Add the schools with their providers, staff posts, welfare groups and clocks."""
    weights = [p.weight for p in b.places]
    basic = allocate(round(BASIC_SCHOOLS * b.scale), weights)
    upper = allocate(round(UPPER_SCHOOLS * b.scale), weights)
    joint = _joint_authorities(b, upper)
    for place, n_basic, n_upper in zip(b.places, basic, upper, strict=True):
        m = place.municipality
        own = f"kunta-{m.code}"
        private: list[str] = []
        for i in range(n_basic):
            provider = own
            if place.size_class in ("capital", "large", "city") and (
                b.rng.random() < PRIVATE_SHARE
            ):
                provider = _private_provider(b, m.code, m.name_fi, private)
            _school(
                b,
                m.code,
                f"koulu-{m.code}-{i + 1:03d}",
                school_name(i, m.name_fi, upper=False),
                provider,
                upper=False,
            )
        for i in range(n_upper):
            provider = joint.get(m.code, own)
            _school(
                b,
                m.code,
                f"lukio-{m.code}-{i + 1:03d}",
                school_name(i, m.name_fi, upper=True),
                provider,
                upper=True,
            )
    for place in b.places:
        _shared_posts(b, place.municipality.code)
    for place in b.places:
        for school_id in b.schools[place.municipality.code]:
            _welfare_group(b, school_id)


def _joint_authorities(b: Builder, upper: list[int]) -> dict[str, str]:
    """Return the joint authority that runs a rural municipality's upper-secondary schools."""
    by_sub: dict[str, list[int]] = {}
    for i, p in enumerate(b.places):
        by_sub.setdefault(p.municipality.subregion_code, []).append(i)
    chosen: dict[str, str] = {}
    for code, members in sorted(by_sub.items()):
        sizes = {b.places[i].size_class for i in members}
        if len(members) < 3 or sizes & {"capital", "large", "city"}:
            continue
        if b.rng.random() >= JOINT_AUTHORITY_SHARE:
            continue
        covered = [i for i in members if b.places[i].size_class == "rural" and upper[i]]
        if not covered:
            continue
        ja = f"kuntayhtyma-{code}"
        first = b.places[members[0]]
        b.organisations.append(
            Organisation(
                id=ja,
                kind="joint_authority",
                name=f"Koulutuskuntayhtymä ({first.subregion_name})",
                subregion_code=code,
                region_code=first.municipality.region_code,
                sector="education",
            )
        )
        for i in covered:
            chosen[b.places[i].municipality.code] = ja
    return chosen


def _private_provider(b: Builder, code: str, name: str, made: list[str]) -> str:
    # a private provider runs up to two schools of one city
    if made and len(b.provider_schools[made[-1]]) < 2:
        return made[-1]
    provider = f"yksityinen-{code}-{len(made) + 1:02d}"
    made.append(provider)
    b.organisations.append(
        Organisation(
            id=provider,
            kind="education_provider",
            name=f"Yksityinen koulutuksen järjestäjä {len(made)} ({name})",
            municipality_code=code,
            sector="private",
        )
    )
    return provider


def _school(
    b: Builder, code: str, school_id: str, name: str, provider: str, *, upper: bool
) -> None:
    b.organisations.append(
        Organisation(
            id=school_id,
            kind="educational_institution" if upper else "school",
            name=name,
            parent_id=provider,
            municipality_code=code,
            sector="education",
        )
    )
    b.affiliations.append(
        Affiliation(
            id=f"{school_id}-jarjestaja",
            organisation_id=school_id,
            parent_id=provider,
            relation="under_provider",
        )
    )
    b.school_info[school_id] = (name, provider)
    b.schools[code].append(school_id)
    b.provider_schools[provider].append(school_id)
    if upper:
        b.upper.add(school_id)
    staff, start = b.staff, ACT_IN_FORCE
    posts = {
        "principal": staff.post(
            "principal", "rehtori", employer_id=school_id, since=start, mean_years=9
        ),
        "special": staff.post(
            "special_education_teacher",
            "erityisopettaja",
            employer_id=school_id,
            since=start,
            mean_years=8,
        ),
        "teacher": staff.post(
            "subject_teacher" if upper else "class_teacher",
            "opettajien edustaja",
            employer_id=school_id,
            since=start,
            mean_years=5,
        ),
    }
    if upper or b.rng.random() < 0.4:
        posts["guidance"] = staff.post(
            "guidance_counsellor",
            "opinto-ohjaaja",
            employer_id=school_id,
            since=start,
            mean_years=8,
        )
    b.posts[school_id] = posts


def _shared_posts(b: Builder, code: str) -> None:
    """Add the curators, psychologists and nurses who serve the schools of a municipality."""
    schools = b.schools[code]
    if not schools:
        return
    own = f"kunta-{code}"
    county = b.county_of.get(code)
    after = county if county is not None and county != own else None
    county_code = after.removeprefix("hva-") if after is not None else ""
    nurse_employer = b.sote.get(county_code, own)
    kinds = (
        ("curator", "curator", "kuraattori", CURATORS_PER, own),
        (
            "psychologist",
            "school_psychologist",
            "koulupsykologi",
            PSYCHOLOGISTS_PER,
            own,
        ),
        ("nurse", "school_nurse", "kouluterveydenhoitaja", NURSES_PER, nurse_employer),
    )
    for key, profession, title, per, employer in kinds:
        for first in range(0, len(schools), per):
            post = b.staff.post(
                profession,
                title,
                employer_id=employer,
                employer_after_id=after,
                since=ACT_IN_FORCE,
                mean_years=5,
            )
            for school_id in schools[first : first + per]:
                b.posts[school_id][key] = post


def _welfare_group(b: Builder, school_id: str) -> None:
    name, provider = b.school_info[school_id]
    group_id = f"ohr-{school_id}"
    upper = school_id in b.upper
    b.groups.append(
        Group(
            id=group_id,
            kind="school_welfare_group",
            name=f"Opiskeluhuoltoryhmä: {name}",
            statutory_basis=_SCHOOL_GROUP,
            organiser_ids=(school_id,),
            level="school",
            mandate=("coordinates", "develops"),
            reports_to_id=f"ohjausryhma-{provider}",
            period=period(ACT_IN_FORCE, None),
        )
    )
    posts = b.posts[school_id]
    seat = b.staff.seat
    seat(group_id, "chair", posts["principal"], start=ACT_IN_FORCE)
    for key in ("special", "teacher", "guidance", "curator", "psychologist", "nurse"):
        if key in posts:
            seat(group_id, "member", posts[key], start=ACT_IN_FORCE)
    pupils = ("students",) if upper else ("pupils",)
    b.staff.open_seat(
        group_id, "pupil_representative", represents=pupils, start=ACT_IN_FORCE
    )
    if not upper:
        b.staff.open_seat(
            group_id,
            "guardian_representative",
            represents=("guardians",),
            start=ACT_IN_FORCE,
        )
    since = dt.date(b.rng.randint(b.years[0], b.years[0] + 3), 8, 1)
    b.clocks.append(
        school_clock(
            b.rng,
            school_id=school_id,
            school_name=name,
            group_id=group_id,
            upper=upper,
            since=since,
        )
    )
