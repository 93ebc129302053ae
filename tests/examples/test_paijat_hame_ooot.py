"""Seed 003, Päijät-Häme's OOOT group and managers' network, answered through the query API."""

import datetime as dt

from oppilashuolto import examples


D = dt.date
IN_2019 = D(2019, 6, 1)
JOINT = "Yhteinen kokous sosiaali- ja terveyspalvelujen yhdyspintatoimijoiden kanssa"


def structure():
    return examples.load("paijat-hame-ooot")


def counted(arrangements):
    return sum(a.recipient_count.minimum for a in arrangements if a.recipient_count)


class TestPaijatHameOoot:
    def test_managers_network_chair_in_2019_works_for_orimattila(self):
        """Piia Uotinen, education manager employed by Orimattila (560), chaired the managers' network in 2019."""
        s = structure()
        seat = s.chair("esimiesverkosto", on=IN_2019)
        person = s.person(seat.person_id if seat and seat.person_id else "")
        employer = s.organisation(person.employer_id or "")
        assert (
            "Piia Uotinen",
            ("education_manager",),
            "Orimattilan kaupunki",
            "560",
        ) == (
            person.name,
            person.professions,
            employer.name,
            employer.municipality_code,
        )

    def test_managers_network_chair_is_chosen_yearly(self):
        """The chair rotates yearly, so the 2019 chair is not the chair in 2020."""
        s = structure()
        assert ("yearly", None) == (
            s.group("esimiesverkosto").chair_rule.rotation,
            s.chair("esimiesverkosto", on=D(2020, 6, 1)),
        )

    def test_one_municipality_bought_curator_services_from_a_neighbour(self):
        """Exactly one municipality bought curator services from a neighbouring municipality."""
        found = [
            a
            for a in structure().services_for(
                "paijat-hame", "curator_service", on=IN_2019
            )
            if a.mode == "purchased_municipal"
        ]
        assert (1, "naapurikunta") == (counted(found), found[0].provider_id)

    def test_services_moved_under_education_in_seven_and_six_municipalities(self):
        """Curator services moved in seven, psychologist services in six, and three already had them under education."""
        s = structure()
        moved = {
            a.service: a.recipient_count.to_text() if a.recipient_count else None
            for a in s.arrangements
            if a.id.endswith("-siirtyneet")
        }
        already = {
            a.service: a.recipient_count.to_text() if a.recipient_count else None
            for a in s.arrangements
            if a.id.endswith("-jo-sivistystoimessa")
        }
        assert (
            {"curator_service": "7", "psychologist_service": "6"},
            {"curator_service": "3", "psychologist_service": "3"},
        ) == (moved, already)

    def test_curator_services_cover_ten_municipalities_by_home(self):
        """Seven moved plus three already under education make ten municipalities with curator services under education."""
        under_education = [
            a
            for a in structure().services_for(
                "paijat-hame", "curator_service", on=IN_2019
            )
            if a.administrative_sector == "education"
        ]
        assert 10 == counted(under_education)

    def test_private_provider_sells_all_services_to_one_small_municipality(self):
        """One municipality buys curator and psychologist services from a private provider."""
        private = [
            (a.service, a.recipient_count.to_text() if a.recipient_count else None)
            for a in structure().services_for("paijat-hame", on=IN_2019)
            if a.mode == "purchased_private"
        ]
        assert [("curator_service", "1"), ("psychologist_service", "1")] == private

    def test_no_municipal_arrangement_outlasts_2022(self):
        """From 2023 the wellbeing services county organises the services, so no arrangement is in force."""
        assert () == structure().services_for("paijat-hame", on=D(2023, 6, 1))

    def test_ooot_reports_to_the_directors_steering_group(self):
        """OOOT reports to the sub-regional steering group of directors of education, which founded it and names its chair."""
        s = structure()
        ooot = s.group("ooot")
        boss = s.group(ooot.reports_to_id or "")
        assert (
            "Sivistystoimenjohtajien seudullinen ohjausryhmä",
            ("sivistystoimenjohtajien-ohjausryhma",),
            "sivistystoimenjohtajien-ohjausryhma",
            None,
        ) == (
            boss.name,
            ooot.organiser_ids,
            ooot.chair_rule.appointed_by_id if ooot.chair_rule else None,
            boss.reports_to_id,
        )

    def test_ooot_memos_go_to_the_steering_group_on_peda_net(self):
        """OOOT's memos go to the steering group for information and are kept on its peda.net platform."""
        records = structure().group("ooot").records
        assert (
            "peda.net",
            "sivistystoimenjohtajien-ohjausryhma",
            ("sivistystoimenjohtajien-ohjausryhma",),
            "for_information",
        ) == (
            records.location if records else None,
            records.holder_id if records else None,
            records.sent_to_ids if records else None,
            records.purpose if records else None,
        )

    def test_ooot_was_founded_in_spring_2017(self):
        """OOOT's period starts in spring 2017; it is not in force at the start of 2017."""
        s = structure()
        assert ("2017-21", False, True) == (
            s.group("ooot").period.to_edtf().split("/")[0],
            "ooot" in s.snapshot(on=D(2017, 1, 1)).ids()["groups"],
            "ooot" in s.snapshot(on=IN_2019).ids()["groups"],
        )

    def test_each_municipality_sends_one_steering_group_representative(self):
        """OOOT has one representative per municipality drawn from the statutory steering groups, ten in all."""
        s = structure()
        rule = s.group("ooot").composition[0]
        seats = [m for m in s.members("ooot", on=IN_2019) if m.role == "representative"]
        steering = s.group(seats[0].represents_ids[0])
        assert (
            ("representative", "1", "municipality", "welfare_steering_group"),
            "10",
            ("14 § 1 mom.", "10"),
        ) == (
            (
                rule.role,
                rule.count.to_text() if rule.count else None,
                rule.per,
                rule.from_group_kind,
            ),
            seats[0].count.to_text() if seats[0].count else None,
            (
                str(steering.statutory_basis),
                steering.count.to_text() if steering.count else None,
            ),
        )

    def test_phhyky_experts_sit_only_in_ooot(self):
        """PHHYKY holds expert seats from family social work and from child-health-clinic, school and student health care."""
        s = structure()
        seats = [
            m for m in s.members("ooot", on=IN_2019) if m.organisation_id == "phhyky"
        ]
        assert (
            ["ooot"],
            [
                ("family_social_work",),
                ("child_health_clinic", "school_health_care", "student_health_care"),
            ],
        ) == (
            [g.id for g in s.groups_of("phhyky", on=IN_2019)],
            [m.services for m in seats],
        )

    def test_lape_planner_coordinates_and_writes_the_memos(self):
        """The unnamed LAPE project planner is OOOT's coordinator and minute-taker."""
        s = structure()
        roles = sorted(
            m.role
            for m in s.members("ooot", on=IN_2019)
            if m.person_id == "lape-projektisuunnittelija"
        )
        assert (["coordinator", "minute_taker"], False) == (
            roles,
            s.person("lape-projektisuunnittelija").is_named(),
        )

    def test_managers_network_meets_two_or_three_times_a_year_in_lahti_in_2019(self):
        """The network meets 2–3 times a year, in 2019 at Lahti's education services centre, plus once a year with social and health services."""
        s = structure()
        regular, joint = s.group("esimiesverkosto").cadences
        venue = s.organisation(regular.location_id or "")
        assert (
            "2-3",
            "2019",
            "Lahden kaupungin sivistyspalvelukeskus",
            "lahti",
            "1",
            JOINT,
        ) == (
            regular.times.to_text() if regular.times else None,
            regular.period.to_edtf(),
            venue.name,
            venue.parent_id,
            joint.times.to_text() if joint.times else None,
            joint.label,
        )

    def test_managers_network_members_by_service(self):
        """The standing members manage curator, psychologist and nurse services, with the responsible physicians; oral health is planned."""
        seats = [
            m
            for m in structure().members("esimiesverkosto", on=IN_2019)
            if m.role == "member" and not m.meeting_label
        ]
        assert (
            [
                (("curator_service",), False),
                (("oral_health_care",), True),
                (("psychologist_service",), False),
                (("school_health_care", "student_health_care"), False),
                (("school_health_care", "student_health_care"), False),
            ],
            ["responsible_physician"],
        ) == (
            sorted((m.services, m.planned) for m in seats),
            [m.profession for m in seats if m.profession],
        )

    def test_joint_meeting_adds_social_and_health_management(self):
        """Family social and psychosocial services join the yearly joint meeting; disability services and rehabilitation are considered."""
        seats = [
            m
            for m in structure().members("esimiesverkosto", on=IN_2019)
            if m.meeting_label == JOINT and m.services
        ]
        assert [
            ("disability_service", True),
            ("family_social_work", False),
            ("psychosocial_service", False),
            ("rehabilitation", True),
        ] == sorted((m.services[0], m.planned) for m in seats)

    def test_future_lape_group_will_include_the_directors_of_education(self):
        """The regional LAPE cooperation group is planned, and the directors of education are to belong to it."""
        s = structure()
        seats = s.members("maakunnallinen-lape-yhteistyoryhma", on=IN_2019)
        assert (True, [("director_of_education", True)]) == (
            s.group("maakunnallinen-lape-yhteistyoryhma").planned,
            [(m.profession, m.planned) for m in seats],
        )

    def test_ooot_spread_the_mita_kuuluu_process(self):
        """OOOT disseminated the "Mitä kuuluu" process, a model for school welfare groups."""
        practice = structure().get("mita-kuuluu-prosessi")
        assert ([("disseminated", "ooot")], ("opiskeluhuoltoryhmat",)) == (
            [(c.kind, c.party_id) for c in practice.contributions],
            practice.group_ids,
        )
