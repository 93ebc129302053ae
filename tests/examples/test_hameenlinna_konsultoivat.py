"""Seed 000, Hämeenlinna's network of consulting teachers, answered through the query API."""

import datetime as dt

from oppilashuolto import examples
from oppilashuolto.model import Person, personal_fields


D = dt.date
RECORDED = D(2017, 10, 27)


def structure():
    return examples.load("hameenlinna-konsultoivat")


class TestHameenlinnaKonsultoivat:
    def test_network_operates_from_the_autumn_term_2014(self):
        """The network's period starts with the partial date autumn 2014 and is still open."""
        period = structure().group("konsultoivien-verkosto").period
        assert ("2014-23", D(2014, 9, 1), None) == (
            period.start.edtf if period.start else None,
            period.start_bound,
            period.end_bound,
        )

    def test_network_is_in_force_from_autumn_2014_only(self):
        """A snapshot in spring 2014, when only the idea existed, has no network; one on the record date has it."""
        s = structure()
        before = s.snapshot(on=D(2014, 5, 1)).ids()["groups"]
        after = s.snapshot(on=RECORDED).ids()["groups"]
        assert (False, True) == (
            "konsultoivien-verkosto" in before,
            "konsultoivien-verkosto" in after,
        )

    def test_two_special_education_teachers_are_responsible(self):
        """The two contact persons hold the network's coordinating seats on the record date."""
        s = structure()
        seats = [
            m
            for m in s.members("konsultoivien-verkosto", on=RECORDED)
            if m.role == "coordinator"
        ]
        people = [s.person(m.person_id) for m in seats if m.person_id]
        assert [
            ("Liisa Vaarne", ("special_education_teacher",)),
            ("Sirpa Kopra", ("special_education_teacher",)),
        ] == sorted((p.name, p.professions) for p in people)

    def test_contacts_work_for_the_education_services_of_municipality_109(self):
        """Both contacts are employed by the education services of Hämeenlinna (109)."""
        s = structure()
        employers = {
            s.person(pid).employer_id for pid in ("sirpa-kopra", "liisa-vaarne")
        }
        department = s.organisation("hameenlinna-opetuspalvelut")
        city = s.organisation(department.parent_id or "")
        assert ({"hameenlinna-opetuspalvelut"}, "109", "05") == (
            employers,
            city.municipality_code,
            city.region_code,
        )

    def test_network_brings_professional_groups_together(self):
        """The network's seats cover the professions, staff groups and hospital unit the seed lists."""
        seats = structure().members("konsultoivien-verkosto", on=RECORDED)
        professions = {m.profession for m in seats if m.profession}
        staff_groups = {code for m in seats for code in m.represents}
        assert (
            {
                "comprehensive_special_education_teacher",
                "consulting_teacher",
                "ecec_special_education_teacher",
                "pre_primary_teacher",
                "special_class_teacher",
                "support_person",
                "teacher",
            },
            {"apip_staff", "welfare_staff"},
        ) == (professions, staff_groups)

    def test_child_psychiatry_of_khks_takes_part_in_the_network(self):
        """KHKS's child and adolescent psychiatry holds a seat in the network and nothing else."""
        groups = structure().groups_of("khks-lasten-nuortenpsykiatria", on=RECORDED)
        assert ["konsultoivien-verkosto"] == [g.id for g in groups]

    def test_fairs_were_held_three_times_for_early_education_staff(self):
        """The "Katseet koulutulokkaisiin" fairs happened three times between autumn 2014 and the record date."""
        fair = structure().get("katseet-koulutulokkaisiin")
        assert (
            "3",
            ("konsultoivien-verkosto",),
            ("pre_primary_early_primary_staff",),
            "2014-23/2017-10-27",
            None,
        ) == (
            fair.occurrences.to_text(),
            fair.organiser_ids,
            fair.audience,
            fair.period.to_edtf(),
            fair.participants,
        )

    def test_practice_record_is_completed_with_five_result_dimensions(self):
        """The portal record is "Valmis", dated 27.10.2017, with results under five headings."""
        practice = structure().get("konsultoivien-verkoston-kehittaminen")
        assert (
            "completed",
            "2017-10-27",
            [
                "cost_efficiency",
                "service_fluency",
                "customer_feedback",
                "staff_wellbeing",
                "other_effects",
            ],
            [0, 3, 2, 2, 5],
        ) == (
            practice.status,
            practice.recorded.edtf if practice.recorded else None,
            [r.dimension for r in practice.results],
            [len(r.points) for r in practice.results],
        )

    def test_administration_encouraged_and_steering_group_supported(self):
        """The children's and youth services administration encouraged the start in spring 2014; the steering group supported the work."""
        practice = structure().get("konsultoivien-verkoston-kehittaminen")
        assert [
            ("encouraged", "hameenlinna-lasten-nuorten-palvelut", "2014-21"),
            ("supports", "konsultoivien-ohjausryhma", "../.."),
            ("built", "konsultoivien-verkosto", "../.."),
        ] == [(c.kind, c.party_id, c.period.to_edtf()) for c in practice.contributions]

    def test_network_members_may_join_statutory_expert_groups(self):
        """Case-specific groups are modelled only as a 19 § kind that draws experts from the network."""
        group = structure().group("yksilolliset-oppilashuoltoryhmat")
        rule = group.composition[0]
        assert ("expert_group", "19 §", True, "expert", "network") == (
            group.kind,
            str(group.statutory_basis),
            group.placeholder,
            rule.role,
            rule.from_group_kind,
        )

    def test_contact_details_are_personal_data(self):
        """The contacts' name and e-mail sit in personal fields and stay out of repr()."""
        person = structure().person("sirpa-kopra")
        assert (
            True,
            "sirpa.kopra@hmledu.fi",
            False,
        ) == (
            {"name", "email"} <= set(personal_fields(Person)),
            person.email,
            "Kopra" in repr(person),
        )

    def test_find_locates_the_network_by_a_word_of_its_name(self):
        """Searching groups for "konsultoivien" finds the network and its steering group."""
        found = structure().find("konsultoivien", kind="groups")
        assert {"konsultoivien-verkosto", "konsultoivien-ohjausryhma"} == {
            g.id for g in found
        }
