"""Seed 002, Kouvola's long arc of development projects, answered through the query API."""

import datetime as dt

from oppilashuolto import examples


D = dt.date
WHOLE = "oppilaan-hyva"


def structure():
    return examples.load("kouvola-hankkeet")


class TestKouvolaHankkeet:
    def test_nine_projects_were_joined_into_one_whole(self):
        """The nine projects of slides 5–6 are parts of the whole, by acronym."""
        parts = [p for p in structure().projects if p.part_of_id == WHOLE]
        assert [
            "ALPO",
            "JOPO",
            "KELPO",
            "LATU",
            "MOKU",
            "OH",
            "OPO",
            "ROKU",
            "SAIREKE",
        ] == sorted(p.acronym for p in parts)

    def test_latu_began_in_2002_and_was_followed_by_alpo(self):
        """LATU's period starts in 2002 with an unknown end, and ALPO continues it."""
        s = structure()
        latu = s.project("latu")
        assert ("2002", True, ("alpo",), ("latu",)) == (
            latu.period.start.edtf if latu.period.start else None,
            latu.period.end_unknown,
            latu.successor_ids,
            s.project("alpo").predecessor_ids,
        )

    def test_latu_vision_of_2005_has_five_statements(self):
        """LATU carries five vision goals and the vision document dated 2005."""
        latu = structure().project("latu")
        assert (5, ["vision"], "2005") == (
            len(latu.goals),
            sorted({g.kind for g in latu.goals}),
            latu.deliverables[0].due.edtf if latu.deliverables[0].due else None,
        )

    def test_six_old_municipalities_merged_into_kouvola_in_2009(self):
        """The 2009 merger's predecessors are the six old municipalities, named from the reference data."""
        s = structure()
        merger = s.get("kouvola-2009")
        names = sorted(s.organisation(i).name for i in merger.predecessor_ids)
        assert (
            D(2009, 1, 1),
            "kouvola",
            [
                "Anjalankoski",
                "Elimäki",
                "Jaala",
                "Kouvola (vanha kunta)",
                "Kuusankoski",
                "Valkeala",
            ],
        ) == (merger.on, merger.successor_id, names)

    def test_snapshots_show_the_old_municipalities_before_the_merger_only(self):
        """Old municipalities are in force on 31.12.2008 and the new city on 1.1.2009."""
        s = structure()
        before = s.snapshot(on=D(2008, 12, 31)).ids()["organisations"]
        after = s.snapshot(on=D(2009, 1, 1)).ids()["organisations"]
        assert (True, False, False, True) == (
            "jaala" in before,
            "kouvola" in before,
            "jaala" in after,
            "kouvola" in after,
        )

    def test_old_municipalities_ran_the_three_joint_projects_in_2007_2008(self):
        """The old municipalities took part in the welfare, guidance and support projects in 2007–2008."""
        s = structure()
        joint = sorted(
            p.acronym
            for p in s.projects
            for part in p.participation
            if part.party_id == "vanhat-kunnat" and part.role == "participant"
        )
        periods = {
            part.period.to_edtf()
            for p in s.projects
            for part in p.participation
            if part.party_id == "vanhat-kunnat" and part.role == "participant"
        }
        assert (["KELPO", "OH", "OPO"], {"2007/2008"}) == (joint, periods)

    def test_own_projects_belong_to_some_old_municipalities(self):
        """MOKU, ROKU, JOPO and SAIREKE are owned by an unstated number of the old municipalities."""
        owned = {
            p.acronym: part.count.to_text() if part.count else None
            for p in structure().projects
            for part in p.participation
            if part.role == "owner"
        }
        assert {"JOPO": ">0", "MOKU": ">0", "ROKU": ">0", "SAIREKE": ">0"} == owned

    def test_goals_per_project(self):
        """The welfare, guidance and support projects have four, six and three goals."""
        s = structure()
        assert (4, 6, 3) == (
            len(s.project("oppilashuollon-hanke").goals),
            len(s.project("oppilaanohjauksen-hanke").goals),
            len(s.project("tehostetun-ja-erityisen-tuen-hanke").goals),
        )

    def test_kelpo_is_the_intensified_and_special_support_project(self):
        """Searching for KELPO finds the project on intensified and special support."""
        found = structure().find("kelpo", kind="projects")
        assert ["Tehostetun ja erityisen tuen kehittäminen"] == [p.name for p in found]

    def test_guidance_project_has_five_partners(self):
        """The guidance project works with the entrepreneurs, upper secondary, the youth workshop, employment and social services."""
        s = structure()
        partners = [
            s.organisation(p.party_id).name
            for p in s.project("oppilaanohjauksen-hanke").participation
            if p.role == "partner"
        ]
        assert [
            "Paikallinen yrittäjäjärjestö",
            "Alueen toisen asteen oppilaitokset",
            "OTE-nuorisopaja Spiraali",
            "Työvoimahallinto",
            "Sosiaalitoimi",
        ] == partners

    def test_working_groups_have_unfilled_chair_and_coordinator(self):
        """Each working group on the chart has a chair and a coordinator seat with no person named."""
        s = structure()
        seats = [
            (m.role, m.is_filled())
            for g in ("tyoryhma-1", "tyoryhma-2")
            for m in s.members(g, on=D(2009, 1, 1))
        ]
        assert [("chair", False), ("coordinator", False)] * 2 == seats

    def test_chart_groups_belong_to_the_whole_without_reporting_lines(self):
        """The whole has four steering-type and three working groups, none with a reporting line."""
        s = structure()
        whole = s.project(WHOLE)
        groups = [*whole.steering_group_ids, *whole.working_group_ids]
        assert (4, 3, [None] * 7) == (
            len(whole.steering_group_ids),
            len(whole.working_group_ids),
            [s.group(g).reports_to_id for g in groups],
        )

    def test_curriculum_work_produced_five_curricula(self):
        """Five curricula were part of the development work."""
        whole = structure().project(WHOLE)
        assert 5 == len([d for d in whole.deliverables if d.kind == "curriculum"])

    def test_piiroinen_presented_the_arc(self):
        """Pirjo Piiroinen presented the slide deck about the whole."""
        s = structure()
        presenters = [
            s.person(c.party_id).name
            for c in s.project(WHOLE).contributions
            if c.kind == "presented" and c.party_id
        ]
        assert ["Pirjo Piiroinen"] == presenters
