"""Small hand-built structures for the graph tests, fresh on every call."""

from __future__ import annotations

import datetime as dt

from oppilashuolto.model import (
    Affiliation,
    Group,
    LegalReference,
    Membership,
    Organisation,
    Participation,
    Period,
    Person,
    Project,
    ServiceArrangement,
    WelfareStructure,
)


KEY = "test-key"
ON = dt.date(2020, 3, 1)
LATER = dt.date(2021, 6, 1)


def _p(text: str) -> Period:
    return Period.from_edtf(text)


def tiny() -> WelfareStructure:
    """
    Two municipalities, a county-level joint authority, three people, two groups.

    On 2020-03-01: anna chairs ohr and bo sits in ohr and ooot; hollola sits
    in ooot; cy joins ooot only in 2021; bo leaves ohr at the end of 2020.
    """
    return WelfareStructure(
        id="tiny",
        name="Tiny",
        organisations=[
            Organisation(
                id="lahti", kind="municipality", name="Lahti", municipality_code="398"
            ),
            Organisation(
                id="hollola",
                kind="municipality",
                name="Hollola",
                municipality_code="098",
            ),
            Organisation(
                id="lahti-opetus",
                kind="department",
                name="Lahden opetuspalvelut",
                parent_id="lahti",
                sector="education",
            ),
            Organisation(
                id="phhyky",
                kind="joint_authority",
                name="PHHYKY",
                region_code="07",
                sector="social_and_health",
                period=_p("2017/.."),
            ),
        ],
        affiliations=[
            Affiliation(
                id="hollola-phhyky",
                organisation_id="hollola",
                parent_id="phhyky",
                relation="member_of",
                period=_p("2017/.."),
            )
        ],
        people=[
            Person(
                id="anna",
                professions=["curator"],
                title="koulukuraattori",
                employer_id="lahti-opetus",
                name="Anna Aalto",
                email="anna.aalto@example.fi",
                phone="+358 40 123 4567",
                degree="YTM",
            ),
            Person(
                id="bo",
                professions=["school_nurse", "school_doctor"],
                employer_id="phhyky",
                name="Bo Berg",
            ),
            Person(id="cy"),
        ],
        groups=[
            Group(
                id="ooot",
                kind="cooperation_group",
                name="OOOT",
                level="region",
                organiser_ids=["lahti", "hollola"],
                period=_p("2017/.."),
            ),
            Group(
                id="ohr",
                kind="school_welfare_group",
                name="OHR",
                level="school",
                statutory_basis=LegalReference.from_text("14 § 2 mom."),
                organiser_ids=["lahti-opetus"],
                reports_to_id="ooot",
            ),
        ],
        memberships=[
            Membership(
                id="ohr-anna",
                group_id="ohr",
                role="chair",
                person_id="anna",
                period=_p("2019/.."),
            ),
            Membership(
                id="ohr-bo",
                group_id="ohr",
                role="member",
                person_id="bo",
                period=_p("2019/2020"),
            ),
            Membership(
                id="ooot-bo",
                group_id="ooot",
                role="member",
                person_id="bo",
                period=_p("2019/.."),
            ),
            Membership(
                id="ooot-cy",
                group_id="ooot",
                role="member",
                person_id="cy",
                profession="principal",
                period=_p("2021/.."),
            ),
            Membership(
                id="ooot-hollola",
                group_id="ooot",
                role="member",
                organisation_id="hollola",
                represents_ids=["phhyky"],
                period=_p("2019/.."),
            ),
            Membership(
                id="ooot-vacant",
                group_id="ooot",
                role="secretary",
                period=_p("2019/.."),
            ),
        ],
        arrangements=[
            ServiceArrangement(
                id="kuraattori-hollola",
                service="curator_service",
                recipient_id="hollola",
                provider_id="phhyky",
                mode="joint_authority",
                period=_p("2019/.."),
            ),
            ServiceArrangement(
                id="kuraattori-lahti",
                service="curator_service",
                recipient_id="lahti",
                period=_p("2019/.."),
            ),
        ],
        projects=[
            Project(
                id="latu",
                name="LATU",
                period=_p("2018/2022"),
                owner_ids=["lahti"],
                coordinator_ids=["anna"],
                steering_group_ids=["ooot"],
                participation=[
                    Participation(party_id="lahti", role="owner"),
                    Participation(party_id="hollola", role="participant"),
                    Participation(party_id="phhyky", role="declined"),
                ],
            )
        ],
    )
