"""Tests of the bundled rules: each breaks once, applies in its dates, and names its records."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from oppilashuolto.checks import default_rules, run_checks
from oppilashuolto.checks.statutory import BILINGUAL_COUNTIES, council_terms
from oppilashuolto.model import (
    Group,
    LegalReference,
    Membership,
    Organisation,
    PartialDate,
    Period,
    Plan,
    ServiceArrangement,
    WelfareStructure,
)
from tests.checks.structures import BEFORE_REFORM, ON, breakers, build, records


BREAKERS = breakers()
CODES = sorted(BREAKERS)


def codes(structure: WelfareStructure, on: dt.date) -> list[tuple[str, str]]:
    return [(f.code, f.record_id) for f in run_checks(structure, on=on)]


class TestCompliantStructure:
    @pytest.mark.parametrize(
        "on",
        [
            dt.date(2014, 8, 1),
            BEFORE_REFORM,
            dt.date(2023, 8, 1),
            ON,
            dt.date(2025, 5, 31),
        ],
    )
    def test_no_findings(self, on):
        """The synthetic structure meets every bundled rule from 2014 to the end of the first council term."""
        assert [] == codes(build(), on)


class TestEachRuleBreaksOnce:
    def test_every_rule_has_a_breaker(self):
        """Every bundled rule has a synthetic structure that breaks it."""
        assert CODES == [r.code for r in default_rules()]

    @pytest.mark.parametrize("code", CODES)
    def test_breaker_gives_exactly_its_finding(self, code):
        """The breaker of a rule gives one finding, of that rule, naming the record; it fails if the rule is removed."""
        structure, record_id = BREAKERS[code]
        assert [(code, record_id)] == codes(structure, ON)

    @pytest.mark.parametrize("code", CODES)
    def test_removing_the_rule_removes_the_finding(self, code):
        """Without the rule, its breaker gives no finding at all."""
        structure, _ = BREAKERS[code]
        rules = [r for r in default_rules() if r.code != code]
        assert () == run_checks(structure, on=ON, rules=rules)

    @pytest.mark.parametrize("code", CODES)
    @pytest.mark.parametrize("language", ["fi", "sv", "en"])
    def test_message_names_the_record_in_each_language(self, code, language):
        """Each message is filled in fully and names the record it is about."""
        structure, record_id = BREAKERS[code]
        (finding,) = run_checks(structure, on=ON, language=language)
        assert (record_id in finding.message, "{" in finding.message) == (True, False)

    @pytest.mark.parametrize("code", CODES)
    def test_languages_differ(self, code):
        """The Swedish and English messages are translations, not the Finnish text."""
        structure, _ = BREAKERS[code]
        texts = {
            lang: run_checks(structure, on=ON, language=lang)[0].message
            for lang in ("fi", "sv", "en")
        }
        assert 3 == len(set(texts.values()))


class TestRuleMetadata:
    def test_codes_are_sorted_and_distinct(self):
        """default_rules lists statutory rules first, in code order, each code once."""
        found = [r.code for r in default_rules()]
        assert sorted(set(found)) == found

    def test_statutory_rules_are_errors_with_a_section(self):
        """OHL rules are errors citing a section; OHP rules are warnings."""
        summary = {
            (r.code[:3], r.severity, bool(r.section))
            for r in default_rules()
            if r.code[:3] == "OHL"
        }
        assert {("OHL", "error", True)} == summary
        assert {"warning"} == {
            r.severity for r in default_rules() if r.code.startswith("OHP")
        }

    def test_reform_dates(self):
        """The 2023 reform's rules apply from 1.1.2023 or 1.8.2023; the 2014 ones from the Act."""
        starts = {
            r.code: r.applies.start_bound
            for r in default_rules()
            if r.applies.start_bound
        }
        expected = {
            "OHL001": dt.date(2014, 8, 1),
            "OHL002": dt.date(2014, 8, 1),
            "OHL003": dt.date(2023, 1, 1),
            "OHL004": dt.date(2023, 1, 1),
            "OHL005": dt.date(2023, 1, 1),
            "OHL006": dt.date(2023, 8, 1),
            "OHL007": dt.date(2023, 8, 1),
            "OHL008": dt.date(2023, 1, 1),
            "OHL009": dt.date(2008, 1, 1),
        }
        assert expected == starts

    def test_sections(self):
        """Each statutory rule cites the section the issue names."""
        sections = {
            r.code: r.section for r in default_rules() if r.code.startswith("OHL")
        }
        assert {
            "OHL001": "14 § 2 mom.",
            "OHL002": "14 § 1 mom.",
            "OHL003": "14 a §",
            "OHL004": "14 a §",
            "OHL005": "14 a §",
            "OHL006": "13 a §",
            "OHL007": "13 §",
            "OHL008": "9 §",
            "OHL009": "417/2007 12 §",
        } == sections

    def test_default_rules_is_a_new_list(self):
        """Changing the list default_rules returns leaves the next call alone."""
        rules = default_rules()
        rules.clear()
        assert 15 == len(default_rules())


class TestDateRanges:
    @pytest.mark.parametrize("code", ["OHL003", "OHL004", "OHL005", "OHL008"])
    def test_not_before_reform(self, code):
        """The county duties of the 2023 reform do not apply on 31.12.2022."""
        structure, _ = BREAKERS[code]
        assert [] == codes(structure, dt.date(2022, 12, 31))

    @pytest.mark.parametrize("code", ["OHL006", "OHL007"])
    def test_plans_from_august_2023(self, code):
        """The plan duties apply from 1.8.2023, not on 31.7.2023."""
        structure, record_id = BREAKERS[code]
        assert ([], [(code, record_id)]) == (
            codes(structure, dt.date(2023, 7, 31)),
            codes(structure, dt.date(2023, 8, 1)),
        )

    def test_municipal_services_before_2023_are_not_flagged(self):
        """A municipality's own curator service is flagged on 1.1.2023 and not on 31.12.2022."""
        structure, _ = BREAKERS["OHL008"]
        assert ([], [("OHL008", "psykologit")]) == (
            codes(structure, dt.date(2022, 12, 31)),
            codes(structure, dt.date(2023, 1, 1)),
        )

    def test_nothing_before_the_act(self):
        """Before 1.8.2014 only the child welfare plan rule and practice rules apply."""
        structure, _ = BREAKERS["OHL001"]
        assert [] == codes(structure, dt.date(2014, 7, 31))


class TestRegionalPlanTerms:
    def test_terms(self):
        """County council terms: 2022-2025, then four years from 1.6.2025."""
        assert (
            (dt.date(2022, 3, 1), dt.date(2025, 5, 31)),
            (dt.date(2025, 6, 1), dt.date(2029, 5, 31)),
            (dt.date(2029, 6, 1), dt.date(2033, 5, 31)),
        ) == council_terms(helsinki=False, until=dt.date(2030, 1, 1))

    def test_previous_term_plan_stands_in(self):
        """A plan of the 2022-2025 council still counts in the new term, until 2029."""
        assert [] == [
            c for c in codes(build(), dt.date(2026, 1, 1)) if c[0] == "OHL006"
        ]

    def test_a_term_without_approval_is_flagged(self):
        """In the 2029 term, a council term 2025-2029 without an approval is named."""
        findings = run_checks(build(), on=dt.date(2029, 6, 1), language="en")
        flagged = [(f.code, f.record_id) for f in findings if f.code == "OHL006"]
        terms = {f.message.rsplit(" ", 1)[-1] for f in findings if f.code == "OHL006"}
        assert [("OHL006", "lansi-uusimaa-hva"), ("OHL006", "pirkanmaa-hva")] == flagged
        assert {"1.6.2025–31.5.2029."} == terms

    def test_approval_in_the_current_term(self):
        """A plan approved in the current term meets the rule."""
        collections = records()
        collections["plans"] = [
            *collections["plans"],
            Plan(
                id="uusi-pirkanmaa",
                kind="regional_welfare_plan",
                name="Uusi",
                owner_ids=["pirkanmaa-hva"],
                approved=PartialDate.from_edtf("2029-10-01"),
            ),
        ]
        s = WelfareStructure(id="s", name="S", **collections)
        flagged = [
            f.record_id
            for f in run_checks(s, on=dt.date(2029, 12, 1))
            if f.code == "OHL006"
        ]
        assert ["lansi-uusimaa-hva"] == flagged


class TestCounties:
    def _helsinki(self, **kwargs):
        return WelfareStructure(
            id="s",
            name="S",
            organisations=[
                Organisation(
                    id="helsinki",
                    kind="municipality",
                    name="Helsinki",
                    municipality_code="091",
                    **kwargs,
                )
            ],
        )

    def test_helsinki_acts_as_a_county(self):
        """Helsinki must convene a 14 a § group and approve a regional plan."""
        assert [("OHL003", "helsinki"), ("OHL006", "helsinki")] == codes(
            self._helsinki(), ON
        )

    def test_helsinki_organises_its_own_services(self):
        """Curator services produced by Helsinki itself are not flagged."""
        s = WelfareStructure(
            id="s",
            name="S",
            organisations=[
                Organisation(
                    id="helsinki",
                    kind="municipality",
                    name="Helsinki",
                    municipality_code="091",
                ),
                Organisation(
                    id="opetus",
                    kind="department",
                    name="Kasvatus ja koulutus",
                    parent_id="helsinki",
                ),
            ],
            arrangements=[
                ServiceArrangement(
                    id="a",
                    service="curator_service",
                    recipient_id="opetus",
                    provider_id="opetus",
                    mode="own_production",
                )
            ],
        )
        assert [] == [f for f in codes(s, ON) if f[0] == "OHL008"]

    def test_bilingual_counties(self):
        """The bilingual counties are Itä-, Länsi-Uusimaa, Vantaa-Kerava, Varsinais-Suomi, Pohjanmaa, Keski-Pohjanmaa and Helsinki."""
        assert {"01", "03", "04", "05", "17", "18", "90"} == BILINGUAL_COUNTIES

    def test_county_languages_override_the_table(self):
        """A county record that gives its languages decides whether it is bilingual."""
        structure, _ = BREAKERS["OHL005"]
        import attrs

        orgs = [
            attrs.evolve(o, languages=["fi"]) if o.id == "lansi-uusimaa-hva" else o
            for o in structure.organisations
        ]
        s = attrs.evolve(structure, organisations=orgs)
        assert [] == codes(s, ON)

    def test_purchased_services_belong_to_the_purchaser(self):
        """A service a school buys from a private provider after 2022 is flagged; one the county buys is not."""

        def arrangement(home):
            return ServiceArrangement(
                id="osto",
                service="psychologist_service",
                recipient_id="koulu",
                provider_id="yritys",
                mode="purchased_private",
                administrative_home_id=home,
            )

        orgs = [
            *records()["organisations"],
            Organisation(id="yritys", kind="private_provider", name="Oy"),
        ]
        found = []
        for home in (None, "pirkanmaa-hva"):
            s = build({"organisations": orgs, "arrangements": [arrangement(home)]})
            found.append(codes(s, ON))
        assert [[("OHL008", "osto")], []] == found


class TestGroupsAndProviders:
    def test_department_groups_count_for_the_municipality(self):
        """A steering group organised by the education department counts for its municipality."""
        collections = records()
        collections["organisations"] = [
            *collections["organisations"],
            Organisation(
                id="sivistys", kind="department", name="Sivistys", parent_id="kangasala"
            ),
        ]
        collections["groups"] = [
            Group(
                id=g.id,
                kind=g.kind,
                name=g.name,
                statutory_basis=g.statutory_basis,
                organiser_ids=["sivistys"],
                period=g.period,
            )
            if g.id == "ohjaus"
            else g
            for g in collections["groups"]
        ]
        assert [] == codes(WelfareStructure(id="s", name="S", **collections), ON)

    def test_another_group_named_for_the_tasks(self):
        """A group of another kind with the 14 § 1 mom. basis meets the steering-group duty."""
        import attrs

        s = build()
        groups = [
            attrs.evolve(g, kind="working_group") if g.id == "ohjaus" else g
            for g in s.groups
        ]
        assert [] == codes(attrs.evolve(s, groups=groups), ON)

    def test_planned_groups_do_not_count(self):
        """A school welfare group only planned does not meet 14 § 2 mom."""
        import attrs

        s = build()
        groups = [
            attrs.evolve(g, planned=True) if g.id == "ohr" else g for g in s.groups
        ]
        assert [("OHL001", "koulu")] == codes(attrs.evolve(s, groups=groups), ON)

    def test_affiliation_names_the_provider(self):
        """A school under a joint authority by affiliation makes the authority a provider."""
        from oppilashuolto.model import Affiliation

        s = WelfareStructure(
            id="s",
            name="S",
            organisations=[
                Organisation(
                    id="ky", kind="joint_authority", name="Koulutuskuntayhtymä"
                ),
                Organisation(
                    id="opisto", kind="educational_institution", name="Opisto"
                ),
            ],
            affiliations=[
                Affiliation(
                    id="af",
                    organisation_id="opisto",
                    parent_id="ky",
                    relation="under_provider",
                )
            ],
        )
        assert [("OHL001", "opisto"), ("OHL002", "ky"), ("OHL007", "ky")] == codes(
            s, ON
        )


class TestPractice:
    def test_unknown_professions_are_not_judged(self):
        """A group with an organisation's seat is not called single-profession."""
        s, _ = BREAKERS["OHP002"]
        import attrs

        seats = [
            *s.memberships,
            Membership(
                id="x", group_id="ohr", role="member", organisation_id="kangasala"
            ),
        ]
        assert [] == codes(attrs.evolve(s, memberships=seats), ON)

    def test_open_membership_start_is_not_before(self):
        """A seat with an open start claims nothing about its group's start."""
        import attrs

        s = build()
        seats = [
            *s.memberships,
            Membership(id="x", group_id="ohr", role="member", person_id="p-kuraattori"),
        ]
        assert [] == codes(attrs.evolve(s, memberships=seats), ON)

    def test_membership_after_the_group(self):
        """A bounded seat that outlives its group is reported as running past the end."""
        s, _ = BREAKERS["OHP003"]
        import attrs

        seats = [
            attrs.evolve(m, period=Period.from_edtf("2019/2022"))
            if m.id == "vanha-pj"
            else m
            for m in s.memberships
        ]
        findings = run_checks(
            attrs.evolve(s, memberships=seats), on=dt.date(2021, 6, 1), language="en"
        )
        assert [("OHP003", "vanha-tyoryhma"), ("OHP004", "vanha-pj")] == [
            (f.code, f.record_id) for f in findings
        ]
        assert "runs past the group's end" in findings[1].message

    @pytest.mark.parametrize(
        ("text", "found"),
        [
            ("131052-308T", True),
            ("131052-308U", False),
            ("Y-tunnus 0204819-8", False),
            ("x131052A308Tx", False),
        ],
    )
    def test_identity_code_pattern(self, text, found):
        """Only a well-formed identity code with a valid check character is reported."""
        s = build(
            {
                "organisations": [
                    *records()["organisations"][:3],
                    Organisation(
                        id="koulu",
                        kind="school",
                        name="Koulu",
                        parent_id="kangasala",
                        note=text,
                    ),
                ]
            }
        )
        assert found == ("OHP006" in [f.code for f in run_checks(s, on=ON)])

    def test_identity_code_message_does_not_echo_it(self):
        """The finding names the record and field, never the code itself."""
        s, _ = BREAKERS["OHP006"]
        (finding,) = run_checks(s, on=ON, language="en")
        assert ("131052" in finding.message, "note" in finding.message) == (False, True)

    def test_expert_group_by_basis(self):
        """A group based on 19 § with a named member is case-specific whatever its kind."""
        s = build(
            {
                "groups": [
                    *records()["groups"],
                    Group(
                        id="tapaus",
                        kind="working_group",
                        name="Tapausryhmä",
                        statutory_basis=LegalReference.from_text("19 §"),
                    ),
                ],
                "memberships": [
                    *records()["memberships"],
                    Membership(
                        id="t1",
                        group_id="tapaus",
                        role="member",
                        person_id="p-kuraattori",
                    ),
                ],
            }
        )
        assert [("OHP005", "tapaus")] == codes(s, ON)


def test_codes_look_stable():
    """Codes are OHL or OHP and three digits."""
    assert all(re.fullmatch(r"OH[LP]\d{3}", r.code) for r in default_rules())
