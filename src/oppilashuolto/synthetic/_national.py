"""The builder of the synthetic national structure (see `oppilashuolto.synthetic.national`)."""

from __future__ import annotations

import datetime as dt
import random

from collections import defaultdict
from typing import Any

from oppilashuolto.model import (
    Affiliation,
    Group,
    LegalReference,
    Organisation,
    PartialDate,
    Period,
    Plan,
    Project,
    ServiceArrangement,
    Succession,
    WelfareStructure,
    YearlyClock,
)
from oppilashuolto.reference import regions, wellbeing_counties
from oppilashuolto.synthetic._places import Place, places
from oppilashuolto.synthetic._staff import REFORM, Post, Staff, period


__all__ = [
    "BASIC_SCHOOLS",
    "BILINGUAL_COUNTIES",
    "PROJECTS",
    "UPPER_SCHOOLS",
    "Builder",
]

BASIC_SCHOOLS = 2300
"""Basic-education schools at scale 1."""
UPPER_SCHOOLS = 350
"""Upper-secondary schools at scale 1."""
PROJECTS = 60
"""Development projects at scale 1."""
PRIVATE_SHARE = 0.05
"""Share of basic schools in cities that a private provider runs."""
JOINT_AUTHORITY_SHARE = 0.3
"""Share of rural sub-regions whose upper-secondary schools a joint authority runs."""
ACT_IN_FORCE = dt.date(2014, 8, 1)
COUNTIES_FOUNDED = dt.date(2021, 7, 1)
PLANS_2023 = dt.date(2023, 8, 1)
HELSINKI = "091"
BILINGUAL_COUNTIES = frozenset({"01", "03", "04", "05", "17", "18", "90"})
"""Counties with a bilingual municipality, and Helsinki (Language Act 423/2003)."""

CURATORS_PER = 2  # schools a curator serves
PSYCHOLOGISTS_PER = 4
NURSES_PER = 2
_SERVICES = (
    ("curator_service", "kuraattori"),
    ("psychologist_service", "psykologi"),
    ("school_health_care", "terveydenhuolto"),
)

_SECTION = LegalReference.from_text
_D = PartialDate.from_edtf


class Builder:
    """Holds the records while the national structure is made, in a fixed order."""

    def __init__(self, *, seed: int, scale: float, years: tuple[int, int]) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
        self.seed, self.scale, self.years = seed, scale, years
        self.first = dt.date(years[0], 8, 1)
        self.staff = Staff(self.rng, years[1])
        self.organisations: list[Organisation] = []
        self.affiliations: list[Affiliation] = []
        self.successions: list[Succession] = []
        self.groups: list[Group] = []
        self.arrangements: list[ServiceArrangement] = []
        self.projects: list[Project] = []
        self.plans: list[Plan] = []
        self.clocks: list[YearlyClock] = []
        self.places = places()
        self.county_of: dict[str, str] = {}  # municipality code -> county org id
        self.sote: dict[str, str] = {}  # county code -> pre-2023 joint authority id
        self.schools: dict[str, list[str]] = defaultdict(list)  # by municipality code
        self.provider_schools: dict[str, list[str]] = defaultdict(list)
        self.posts: dict[str, dict[str, Post]] = {}  # school id -> posts
        self.municipal_posts: dict[str, dict[str, Post]] = {}
        self.county_posts: dict[str, list[Post]] = {}
        self.upper: set[str] = set()
        self.school_info: dict[str, tuple[str, str]] = {}  # id -> (name, provider)
        self._names: dict[str, str] | None = None

    def provider_name(self, organisation_id: str) -> str:
        """Return the name of an organisation made so far."""
        if self._names is None or organisation_id not in self._names:
            self._names = {o.id: o.name for o in self.organisations}
        return self._names[organisation_id]

    # -- geography ----------------------------------------------------------------

    def geography(self) -> None:
        """Add the regions, sub-regions, counties and 308 municipalities with affiliations."""
        add = self.organisations.append
        for r in regions():
            add(
                Organisation(
                    id=f"maakunta-{r.code}",
                    kind="region",
                    name=r.name_fi,
                    name_sv=r.name_sv,
                    name_en=r.name_en,
                    region_code=r.code,
                )
            )
        subregions = sorted(
            {
                (
                    p.municipality.subregion_code,
                    p.subregion_name,
                    p.municipality.region_code,
                )
                for p in self.places
            }
        )
        for code, name, region_code in subregions:
            add(
                Organisation(
                    id=f"seutukunta-{code}",
                    kind="sub_region",
                    name=name,
                    subregion_code=code,
                    region_code=region_code,
                )
            )
            self.affiliations.append(
                Affiliation(
                    id=f"seutukunta-{code}-maakunta",
                    organisation_id=f"seutukunta-{code}",
                    parent_id=f"maakunta-{region_code}",
                    relation="part_of",
                )
            )
        for c in wellbeing_counties():
            if c.code == "90":
                continue  # the City of Helsinki acts as its own county
            add(
                Organisation(
                    id=f"hva-{c.code}",
                    kind="wellbeing_services_county",
                    name=c.name_fi,
                    name_sv=c.name_sv,
                    wellbeing_county_code=c.code,
                    sector="social_and_health",
                    languages=("fi", "sv") if c.code in BILINGUAL_COUNTIES else ("fi",),
                    period=period(COUNTIES_FOUNDED, None),
                )
            )
            if self.rng.random() < 0.5:
                self._sote(c.code, c.name_fi)
        for p in self.places:
            self._municipality(p)

    def _sote(self, code: str, county_name: str) -> None:
        # a joint authority for social and health services that the county succeeded
        sote = f"sote-ky-{code}"
        self.sote[code] = sote
        area = county_name.removesuffix(" hyvinvointialue")
        self.organisations.append(
            Organisation(
                id=sote,
                kind="joint_authority",
                name=f"Sosiaali- ja terveyspalvelujen kuntayhtymä ({area})",
                sector="social_and_health",
                period=Period.from_edtf("../2022-12-31"),
            )
        )
        self.successions.append(
            Succession(
                id=f"{sote}-hva",
                kind="transfer",
                predecessor_ids=(sote,),
                successor_id=f"hva-{code}",
                on=REFORM,
            )
        )

    def _municipality(self, p: Place) -> None:
        m = p.municipality
        own = f"kunta-{m.code}"
        county = m.wellbeing_county_code
        self.organisations.append(
            Organisation(
                id=own,
                kind="municipality",
                name=m.name_fi,
                name_sv=m.name_sv if m.name_sv != m.name_fi else "",
                municipality_code=m.code,
                region_code=m.region_code,
                subregion_code=m.subregion_code,
                wellbeing_county_code=county or None,
                languages=("fi", "sv") if m.code == HELSINKI else (),
            )
        )
        links = [
            ("maakunta", f"maakunta-{m.region_code}", Period.always()),
            ("seutukunta", f"seutukunta-{m.subregion_code}", Period.always()),
        ]
        if county and county != "90":
            self.county_of[m.code] = f"hva-{county}"
            links.append(("hva", f"hva-{county}", period(COUNTIES_FOUNDED, None)))
        elif county == "90":
            self.county_of[m.code] = own
        for suffix, parent, when in links:
            self.affiliations.append(
                Affiliation(
                    id=f"{own}-{suffix}",
                    organisation_id=own,
                    parent_id=parent,
                    relation="located_in",
                    period=when,
                )
            )

    # -- services and plans -------------------------------------------------------

    def services(self) -> None:
        """Add curator, psychologist and school health services, moving to the county in 2023."""
        before = Period.from_edtf("../2022-12-31")
        after = period(REFORM, None)
        rng = self.rng
        centre_of = self._centres()
        for p in self.places:
            code = p.municipality.code
            own = f"kunta-{code}"
            county = self.county_of.get(code)
            for service, short in _SERVICES:
                base = f"palvelu-{code}-{short}"
                if county is None or county == own:
                    # Helsinki organises the services itself; on Åland the Act and
                    # the 2023 reform do not apply, and only health care is modelled
                    if county is None and service != "school_health_care":
                        continue
                    self._service(
                        base,
                        service,
                        recipient=own,
                        provider=own,
                        mode="own_production",
                        when=Period.always(),
                    )
                    continue
                provider, mode = own, "own_production"
                if service == "school_health_care":
                    sote = self.sote.get(county.removeprefix("hva-"))
                    if sote is not None:
                        provider, mode = sote, "joint_authority"
                elif p.size_class == "rural":
                    draw = rng.random()
                    centre = centre_of.get(p.municipality.subregion_code)
                    if draw < 0.3 and centre is not None and centre != code:
                        provider, mode = f"kunta-{centre}", "purchased_municipal"
                    elif draw < 0.45:
                        provider, mode = own, "purchased_private"
                self._service(
                    f"{base}-ennen",
                    service,
                    recipient=own,
                    provider=provider,
                    mode=mode,
                    when=before,
                )
                self._service(
                    f"{base}-2023",
                    service,
                    recipient=own,
                    provider=county,
                    mode="county_service",
                    when=after,
                )

    def _centres(self) -> dict[str, str]:
        best: dict[str, Place] = {}
        for p in self.places:
            sub = p.municipality.subregion_code
            if sub not in best or p.weight > best[sub].weight:
                best[sub] = p
        return {sub: p.municipality.code for sub, p in best.items()}

    def _service(
        self,
        id_: str,
        service: str,
        *,
        recipient: str,
        provider: str,
        mode: str,
        when: Period,
    ) -> None:
        purchased = mode == "purchased_private"
        self.arrangements.append(
            ServiceArrangement(
                id=id_,
                service=service,
                recipient_id=recipient,
                provider_id=None if purchased else provider,
                mode=mode,
                administrative_home_id=recipient if purchased else None,
                period=when,
            )
        )

    def plans_of(self, providers: list[str], counties: list[str]) -> None:
        """Add the providers' welfare plans (2014, 2023), regional plans and child welfare plans."""
        for provider in providers:
            for year, when in (
                (2014, Period.from_edtf("2014-08-01/2023-07-31")),
                (2023, period(PLANS_2023, None)),
            ):
                self.plans.append(
                    Plan(
                        id=f"ohs-{provider}-{year}",
                        kind="provider_welfare_plan",
                        name=f"Opiskeluhuoltosuunnitelma {year}: {self.provider_name(provider)}",
                        owner_ids=(provider,),
                        statutory_basis=_SECTION("13 §"),
                        approved_by_id=provider,
                        approved=_D(f"{year}-06"),
                        period=when,
                    )
                )
        for county in counties:
            self.plans.append(
                Plan(
                    id=f"aohs-{county}",
                    kind="regional_welfare_plan",
                    name=f"Alueellinen opiskeluhuoltosuunnitelma: {self.provider_name(county)}",
                    owner_ids=(county,),
                    statutory_basis=_SECTION("13 a §"),
                    approved_by_id=county,
                    approved=_D("2023-06"),
                    period=period(PLANS_2023, None),
                )
            )
        last = self.years[1]
        for p in self.places:
            own = f"kunta-{p.municipality.code}"
            self.plans.append(
                Plan(
                    id=f"lnhs-{own}",
                    kind="child_youth_welfare_plan",
                    name=f"Lasten ja nuorten hyvinvointisuunnitelma: {p.municipality.name_fi}",
                    owner_ids=(own,),
                    statutory_basis=_SECTION("417/2007 12 §"),
                    approved=_D("2017-05"),
                    reviews=tuple(_D(f"{y}-05") for y in (2021, 2025) if y <= last),
                )
            )

    def structure(self) -> WelfareStructure:
        """Return the structure of everything added, validated."""
        first, last = self.years
        fields: dict[str, Any] = {
            "organisations": self.organisations,
            "affiliations": self.affiliations,
            "successions": self.successions,
            "people": self.staff.people,
            "groups": self.groups,
            "memberships": self.staff.memberships,
            "arrangements": self.arrangements,
            "projects": self.projects,
            "plans": self.plans,
            "clocks": self.clocks,
        }
        return WelfareStructure(
            id="suomi-synteettinen",
            name=f"Synteettinen Suomi: opiskeluhuollon rakenteet {first}-{last}",
            name_en=f"Synthetic Finland: student welfare structures {first}-{last}",
            description=(
                "A generated, deterministic structure of every municipality of Finland: "
                "schools, providers, groups, seats, services, plans, projects and "
                "yearly clocks. No real person appears in it."
            ),
            source=(
                f"oppilashuolto.synthetic.national(seed={self.seed}, "
                f"scale={self.scale!r}, years=({first}, {last}))"
            ),
            updated=dt.datetime(last, 6, 1, tzinfo=dt.UTC),
            **fields,
        )
