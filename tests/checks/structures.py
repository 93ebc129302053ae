"""Synthetic structures for the checks: one that meets every rule, and one breaker per rule."""

from __future__ import annotations

import datetime as dt

from collections.abc import Callable
from typing import Any

from oppilashuolto.model import (
    CompositionRule,
    Group,
    LegalReference,
    Membership,
    Organisation,
    PartialDate,
    Period,
    Person,
    Plan,
    ServiceArrangement,
    WelfareStructure,
)


P = Period.from_edtf
D = PartialDate.from_edtf
ON = dt.date(2024, 1, 1)
BEFORE_REFORM = dt.date(2022, 6, 1)


def _composition(*represents: str) -> list[CompositionRule]:
    return [CompositionRule(role="representative", represents=[r]) for r in represents]


def records() -> dict[str, Any]:
    """Return the collections of a structure that meets every bundled rule in 2022-2025."""
    return {
        "organisations": [
            Organisation(
                id="pirkanmaa-hva",
                kind="wellbeing_services_county",
                name="Pirkanmaan hyvinvointialue",
                wellbeing_county_code="08",
            ),
            Organisation(
                id="lansi-uusimaa-hva",
                kind="wellbeing_services_county",
                name="Länsi-Uudenmaan hyvinvointialue",
                name_sv="Västra Nylands välfärdsområde",
                wellbeing_county_code="03",
            ),
            Organisation(
                id="kangasala",
                kind="municipality",
                name="Kangasalan kaupunki",
                municipality_code="211",
            ),
            Organisation(
                id="koulu",
                kind="school",
                name="Kirkkojärven koulu",
                parent_id="kangasala",
            ),
        ],
        "people": [
            Person(id="p-rehtori", professions=["principal"]),
            Person(id="p-terveydenhoitaja", professions=["school_nurse"]),
            Person(id="p-terveydenhoitaja-2", professions=["school_nurse"]),
            Person(id="p-kuraattori", professions=["curator"]),
            Person(id="p-johtaja", professions=["director_of_education"]),
        ],
        "groups": [
            Group(
                id="ohr",
                kind="school_welfare_group",
                name="Kirkkojärven koulun opiskeluhuoltoryhmä",
                statutory_basis=LegalReference.from_text("14 § 2 mom."),
                organiser_ids=["koulu"],
                period=P("2014-08-01/.."),
            ),
            Group(
                id="ohjaus",
                kind="welfare_steering_group",
                name="Opiskeluhuollon ohjausryhmä",
                statutory_basis=LegalReference.from_text("14 § 1 mom."),
                organiser_ids=["kangasala"],
            ),
            Group(
                id="alue-pirkanmaa",
                kind="regional_welfare_cooperation_group",
                name="Pirkanmaan opiskeluhuollon yhteistyöryhmä",
                statutory_basis=LegalReference.from_text("14 a §"),
                organiser_ids=["pirkanmaa-hva"],
                composition=_composition("guardians", "students", "welfare_staff"),
                period=P("2023-01-01/.."),
            ),
            Group(
                id="alue-lansi-uusimaa",
                kind="regional_welfare_cooperation_group",
                name="Länsi-Uudenmaan opiskeluhuollon yhteistyöryhmä",
                statutory_basis=LegalReference.from_text("14 a §"),
                organiser_ids=["lansi-uusimaa-hva"],
                composition=_composition("guardians", "pupils", "welfare_staff"),
                languages=["fi", "sv"],
                period=P("2023-01-01/.."),
            ),
        ],
        "memberships": [
            Membership(
                id="ohr-pj", group_id="ohr", role="chair", person_id="p-rehtori"
            ),
            Membership(
                id="ohr-th",
                group_id="ohr",
                role="member",
                person_id="p-terveydenhoitaja",
                period=P("2018/.."),
            ),
            Membership(
                id="ohjaus-pj", group_id="ohjaus", role="chair", person_id="p-johtaja"
            ),
            Membership(
                id="ohjaus-kur",
                group_id="ohjaus",
                role="member",
                person_id="p-kuraattori",
            ),
            Membership(
                id="alue-pirkanmaa-pj",
                group_id="alue-pirkanmaa",
                role="chair",
                organisation_id="pirkanmaa-hva",
            ),
            Membership(
                id="alue-lu-pj",
                group_id="alue-lansi-uusimaa",
                role="chair",
                organisation_id="lansi-uusimaa-hva",
            ),
        ],
        "arrangements": [
            ServiceArrangement(
                id="kuraattorit-ennen",
                service="curator_service",
                recipient_id="koulu",
                provider_id="kangasala",
                mode="own_production",
                period=P("2014/2022"),
            ),
            ServiceArrangement(
                id="kuraattorit",
                service="curator_service",
                recipient_id="koulu",
                provider_id="pirkanmaa-hva",
                mode="county_service",
                period=P("2023-01-01/.."),
            ),
        ],
        "plans": [
            Plan(
                id="alueellinen-pirkanmaa",
                kind="regional_welfare_plan",
                name="Pirkanmaan alueellinen opiskeluhuoltosuunnitelma",
                owner_ids=["pirkanmaa-hva"],
                approved=D("2023-06-12"),
                approved_by_id="pirkanmaa-hva",
            ),
            Plan(
                id="alueellinen-lansi-uusimaa",
                kind="regional_welfare_plan",
                name="Länsi-Uudenmaan alueellinen opiskeluhuoltosuunnitelma",
                owner_ids=["lansi-uusimaa-hva"],
                approved=D("2023-05"),
            ),
            Plan(
                id="ohs-kangasala",
                kind="provider_welfare_plan",
                name="Kangasalan opiskeluhuoltosuunnitelma",
                owner_ids=["kangasala"],
                approved=D("2023-06-01"),
                period=P("2023-08-01/.."),
            ),
            Plan(
                id="lnhs-kangasala",
                kind="child_youth_welfare_plan",
                name="Kangasalan lasten ja nuorten hyvinvointisuunnitelma",
                owner_ids=["kangasala"],
                approved=D("2017-11"),
                reviews=[D("2021-12")],
            ),
        ],
    }


def build(changes: dict[str, Any] | None = None) -> WelfareStructure:
    """Return the compliant structure with some collections replaced."""
    collections = records()
    collections.update(changes or {})
    return WelfareStructure(id="synteettinen", name="Synteettinen", **collections)


def _without(collection: str, *ids: str) -> Callable[[dict[str, Any]], None]:
    def change(c: dict[str, Any]) -> None:
        c[collection] = [r for r in c[collection] if r.id not in ids]

    return change


def _add(collection: str, record: Any) -> Callable[[dict[str, Any]], None]:
    def change(c: dict[str, Any]) -> None:
        c[collection] = [*c[collection], record]

    return change


def _replace(collection: str, record: Any) -> Callable[[dict[str, Any]], None]:
    def change(c: dict[str, Any]) -> None:
        c[collection] = [record if r.id == record.id else r for r in c[collection]]

    return change


def _group(group_id: str, **kwargs: Any) -> Callable[[dict[str, Any]], None]:
    import attrs

    def change(c: dict[str, Any]) -> None:
        c["groups"] = [
            attrs.evolve(g, **kwargs) if g.id == group_id else g for g in c["groups"]
        ]

    return change


def _steps(*steps: Callable[[dict[str, Any]], None]) -> WelfareStructure:
    collections = records()
    for step in steps:
        step(collections)
    return WelfareStructure(id="synteettinen", name="Synteettinen", **collections)


def breakers() -> dict[str, tuple[WelfareStructure, str]]:
    """Return, per rule code, a structure that breaks only that rule, once, on `ON`, and the record."""
    return {
        "OHL001": (
            _steps(
                _add(
                    "organisations",
                    Organisation(
                        id="koulu-2",
                        kind="ecec_unit",
                        name="Päiväkoti Tuulikello",
                        parent_id="kangasala",
                    ),
                )
            ),
            "koulu-2",
        ),
        "OHL002": (
            _steps(
                _without("groups", "ohjaus"),
                _without("memberships", "ohjaus-pj", "ohjaus-kur"),
            ),
            "kangasala",
        ),
        "OHL003": (
            _steps(
                _without("groups", "alue-pirkanmaa"),
                _without("memberships", "alue-pirkanmaa-pj"),
            ),
            "pirkanmaa-hva",
        ),
        "OHL004": (
            _steps(
                _group(
                    "alue-pirkanmaa",
                    composition=_composition("guardians", "welfare_staff"),
                )
            ),
            "alue-pirkanmaa",
        ),
        "OHL005": (
            _steps(_group("alue-lansi-uusimaa", languages=["fi"])),
            "alue-lansi-uusimaa",
        ),
        "OHL006": (
            _steps(_without("plans", "alueellinen-pirkanmaa")),
            "pirkanmaa-hva",
        ),
        "OHL007": (_steps(_without("plans", "ohs-kangasala")), "kangasala"),
        "OHL008": (
            _steps(
                _add(
                    "arrangements",
                    ServiceArrangement(
                        id="psykologit",
                        service="psychologist_service",
                        recipient_id="koulu",
                        provider_id="kangasala",
                        mode="own_production",
                        period=P("2020/.."),
                    ),
                )
            ),
            "psykologit",
        ),
        "OHL009": (
            _steps(
                _replace(
                    "plans",
                    Plan(
                        id="lnhs-kangasala",
                        kind="child_youth_welfare_plan",
                        name="Kangasalan lasten ja nuorten hyvinvointisuunnitelma",
                        owner_ids=["kangasala"],
                        approved=D("2017-11"),
                    ),
                )
            ),
            "lnhs-kangasala",
        ),
        "OHP001": (
            _steps(
                _replace(
                    "memberships",
                    Membership(
                        id="ohr-pj",
                        group_id="ohr",
                        role="member",
                        person_id="p-rehtori",
                    ),
                )
            ),
            "ohr",
        ),
        "OHP002": (
            _steps(
                _replace(
                    "memberships",
                    Membership(
                        id="ohr-pj",
                        group_id="ohr",
                        role="chair",
                        person_id="p-terveydenhoitaja-2",
                    ),
                )
            ),
            "ohr",
        ),
        "OHP003": (
            _steps(
                _add(
                    "groups",
                    Group(
                        id="vanha-tyoryhma",
                        kind="working_group",
                        name="Vanha työryhmä",
                        organiser_ids=["kangasala"],
                        period=P("2019/2020"),
                    ),
                ),
                _add(
                    "memberships",
                    Membership(
                        id="vanha-pj",
                        group_id="vanha-tyoryhma",
                        role="chair",
                        person_id="p-johtaja",
                        period=P("2019/.."),
                    ),
                ),
            ),
            "vanha-tyoryhma",
        ),
        "OHP004": (
            _steps(
                _add(
                    "memberships",
                    Membership(
                        id="ohr-kur",
                        group_id="ohr",
                        role="member",
                        person_id="p-kuraattori",
                        period=P("2010/2030"),
                    ),
                )
            ),
            "ohr-kur",
        ),
        "OHP005": (
            _steps(
                _add(
                    "groups",
                    Group(
                        id="mar",
                        kind="expert_group",
                        name="Monialainen asiantuntijaryhmä",
                        statutory_basis=LegalReference.from_text("14 § 3 mom."),
                        organiser_ids=["koulu"],
                    ),
                ),
                _add(
                    "memberships",
                    Membership(
                        id="mar-1",
                        group_id="mar",
                        role="member",
                        person_id="p-kuraattori",
                    ),
                ),
            ),
            "mar",
        ),
        "OHP006": (
            _steps(
                _replace(
                    "organisations",
                    Organisation(
                        id="koulu",
                        kind="school",
                        name="Kirkkojärven koulu",
                        parent_id="kangasala",
                        note="Yhteyshenkilön tunnus 131052-308T",
                    ),
                )
            ),
            "koulu",
        ),
    }
