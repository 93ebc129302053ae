"""Development projects: owners, partners, steering and working groups, goals and funding."""

from __future__ import annotations

import datetime as dt
import decimal

from oppilashuolto.model import Funding, Goal, Group, Participation, Project
from oppilashuolto.reference import regions
from oppilashuolto.synthetic._groups import municipal_post
from oppilashuolto.synthetic._national import PROJECTS, Builder
from oppilashuolto.synthetic._staff import period


__all__ = ["add_projects"]

_THEMES = (
    "Yhteisöllisen opiskeluhuollon kehittäminen",
    "Mielenterveyden tuki kouluissa",
    "Kiusaamisen ehkäisy ja puuttuminen",
    "Nivelvaiheiden sujuvuus",
    "Kouluun kiinnittymisen tuki",
    "Oppimisen tuen vahvistaminen",
    "Perhekeskus ja koulu yhteistyössä",
    "Liikkuva ja hyvinvoiva koulu",
)


def add_projects(b: Builder) -> None:
    """Add development projects with steering and working groups, owners and participants."""
    by_region: dict[str, list[str]] = {}
    for p in b.places:
        if b.schools[p.municipality.code]:
            by_region.setdefault(p.municipality.region_code, []).append(
                p.municipality.code
            )
    region_codes = sorted(by_region)
    if not region_codes:
        return
    weights = [sum(len(b.schools[c]) for c in by_region[r]) for r in region_codes]
    region_names = {r.code: r.name_fi for r in regions()}
    rng = b.rng
    for n in range(1, round(PROJECTS * b.scale) + 1):
        region = rng.choices(region_codes, weights)[0]
        codes = by_region[region]
        owner_code = rng.choice(codes)
        others = [c for c in codes if c != owner_code]
        partners = sorted(rng.sample(others, min(len(others), rng.randint(1, 4))))
        start = dt.date(rng.randint(b.years[0], b.years[1] - 1), rng.choice((1, 8)), 1)
        end = dt.date(start.year + rng.randint(2, 3), start.month, 1) - dt.timedelta(
            days=1
        )
        _project(
            b,
            n,
            region=region_names[region],
            owner_code=owner_code,
            partners=partners,
            start=start,
            end=end,
        )


def _project(
    b: Builder,
    n: int,
    *,
    region: str,
    owner_code: str,
    partners: list[str],
    start: dt.date,
    end: dt.date,
) -> None:
    project_id = f"hanke-{n:03d}"
    owner = f"kunta-{owner_code}"
    theme = b.rng.choice(_THEMES)
    when = period(start, end)
    steering, working = f"{project_id}-ohjausryhma", f"{project_id}-tyoryhma"
    coordinator = b.staff.post(
        "project_coordinator",
        "hankekoordinaattori",
        employer_id=owner,
        since=start,
        mean_years=9,
        until=end,
    )
    b.groups.append(
        Group(
            id=steering,
            kind="project_steering_group",
            name=f"Ohjausryhmä: {theme}",
            organiser_ids=(owner,),
            level="region",
            mandate=("steers",),
            period=when,
        )
    )
    b.groups.append(
        Group(
            id=working,
            kind="working_group",
            name=f"Työryhmä: {theme}",
            organiser_ids=(owner,),
            level="region",
            mandate=("develops",),
            reports_to_id=steering,
            period=when,
        )
    )
    seat = b.staff.seat
    director = municipal_post(
        b, owner_code, "director", "director_of_education", "sivistysjohtaja"
    )
    seat(steering, "chair", director, start=start, end=end)
    for code in partners:
        b.staff.organisation_seat(
            steering, "representative", f"kunta-{code}", start=start, end=end
        )
    seat(working, "chair", coordinator, start=start, end=end)
    for code in (owner_code, *partners):
        schools = b.schools[code]
        if schools:
            seat(
                working, "member", b.posts[schools[0]]["curator"], start=start, end=end
            )
    for code in partners[:1]:
        schools = b.schools[code]
        if schools:
            seat(
                working,
                "member",
                b.posts[schools[0]]["psychologist"],
                start=start,
                end=end,
            )
    status = "ended" if end < dt.date(b.years[1], 12, 31) else "ongoing"
    amount = decimal.Decimal(b.rng.randrange(40, 400) * 1000)
    b.projects.append(
        Project(
            id=project_id,
            name=f"{theme}: {region}",
            status=status,
            period=when,
            owner_ids=(owner,),
            coordinator_ids=(coordinator.tenures[0][0],),
            steering_group_ids=(steering,),
            working_group_ids=(working,),
            goals=(
                Goal(id="paa", text=f"{theme} alueen kouluissa.", kind="main"),
                Goal(
                    id="malli",
                    text="Yhteinen toimintamalli kuvataan ja otetaan käyttöön.",
                    kind="refined",
                    parent_id="paa",
                    addressed_by_ids=(working,),
                ),
                Goal(
                    id="arviointi",
                    text="Vaikutukset arvioidaan oppilaiden ja huoltajien kanssa.",
                    kind="refined",
                    parent_id="paa",
                ),
            ),
            funding=(Funding(source_name="Opetushallitus", planned=amount),),
            participation=(
                Participation(party_id=owner, role="owner"),
                *(Participation(party_id=f"kunta-{c}") for c in partners),
            ),
            target_groups=("pupils", "school_communities"),
        )
    )
