"""Seed 004, Vakka-Suomi's welfare-staff wellbeing project T70079, answered through the query API."""

import datetime as dt

from oppilashuolto import examples


D = dt.date
REPORT = D(2008, 1, 28)


def structure():
    return examples.load("vakka-suomi-t70079")


def project():
    return structure().project("t70079")


def steering_meetings():
    s = structure()
    return sorted(
        (a for a in s.activities if "t70079-ohjausryhma" in a.organiser_ids),
        key=lambda a: a.ordinal or 0,
    )


class TestVakkaSuomiT70079:
    def test_steering_group_first_met_on_26_september_2007(self):
        """The steering group's first meeting was on 26.9.2007."""
        first = steering_meetings()[0]
        assert (1, D(2007, 9, 26), D(2007, 9, 26)) == (
            first.ordinal,
            first.period.start_bound,
            first.period.end.latest if first.period.end else None,
        )

    def test_steering_group_met_again_in_november(self):
        """The second meeting is known only to the month: November 2007."""
        second = steering_meetings()[1]
        assert (2, "2007-11", "month") == (
            second.ordinal,
            second.period.to_edtf(),
            second.period.start.precision if second.period.start else None,
        )

    def test_project_has_four_main_and_eleven_refined_goals(self):
        """The project has four main goals and eleven refined goals, none attached to a main goal."""
        goals = project().goals
        assert (4, 11, []) == (
            len([g for g in goals if g.kind == "main"]),
            len([g for g in goals if g.kind == "refined"]),
            [g.id for g in goals if g.parent_id is not None],
        )

    def test_project_is_found_by_its_number(self):
        """Searching for the project number T70079 finds the project, which started in August 2007."""
        found = structure().find("T70079", kind="projects")
        assert (["t70079"], "2007-08", "ongoing") == (
            [p.id for p in found],
            found[0].period.start.edtf if found[0].period.start else None,
            found[0].status,
        )

    def test_coordinator_is_arja_kitola_km(self):
        """The project's coordinator is Arja Kitola, Master of Education."""
        s = structure()
        people = [s.person(i) for i in project().coordinator_ids]
        assert [("Arja Kitola", "KM", ("project_coordinator",))] == [
            (p.name, p.degree, p.professions) for p in people
        ]

    def test_nineteen_info_sessions_reached_over_300_people(self):
        """There were 19 information sessions with more than 300 participants in all."""
        sessions = structure().get("informaatiotilaisuudet")
        assert ("19", ">300", 301, None) == (
            sessions.occurrences.to_text(),
            sessions.participants.to_text(),
            sessions.participants.minimum,
            sessions.participants.maximum,
        )

    def test_field_tour_heard_seven_professional_groups(self):
        """The field tour heard curators, psychologists, nurses, assistants, teachers, principals and administrative staff."""
        tour = structure().get("kenttakierros")
        assert 7 == len(tour.audience_professions)

    def test_seven_working_groups_with_over_sixty_people(self):
        """Seven working groups were formed, and over 60 people signed up for them."""
        indicator = project().indicators[0]
        value = indicator.values[0]
        assert (7, "2008-01-28", ">60") == (
            len(project().working_group_ids),
            value.on.edtf,
            value.count.to_text() if value.count else None,
        )

    def test_thirty_five_schools_of_which_two_stayed_outside(self):
        """The area has 35 schools, and two institutions stayed outside the project."""
        s = structure()
        parts = {
            p.role: p.count.to_text() if p.count else None
            for p in project().participation
            if p.party_id == "vakka-suomen-koulut"
        }
        assert ({"target": "35", "declined": "2"}, "35") == (
            parts,
            str(s.organisation("vakka-suomen-koulut").count),
        )

    def test_six_refined_goals_have_a_working_group_of_their_own(self):
        """Six refined goals are linked to a working group by topic; five have none."""
        goals = [g for g in project().goals if g.kind == "refined"]
        assert (6, 5) == (
            len([g for g in goals if g.addressed_by_ids]),
            len([g for g in goals if not g.addressed_by_ids]),
        )

    def test_risk_analysis_is_a_plan_of_the_project_without_content(self):
        """The risk analysis exists as the project's plan, but no risk is recorded because its content is not in the seed."""
        s = structure()
        analyses = [p for p in s.plans if p.kind == "risk_analysis"]
        assert (["t70079"], ()) == ([p.project_id for p in analyses], project().risks)

    def test_funding_followed_the_plan(self):
        """Funding went according to the funding plan; funder and amounts are unknown."""
        line = project().funding[0]
        assert ("as_planned", None, None, None) == (
            line.status,
            line.source_id,
            line.planned,
            line.actual,
        )

    def test_social_services_named_a_contact_person(self):
        """Social services joined in late autumn 2007 and named an unnamed contact person."""
        s = structure()
        contact = next(c for c in project().contributions if c.kind == "contact_person")
        person = s.person(contact.party_id or "")
        assert ("sosiaalitoimi", False, "2007-23~/..") == (
            person.employer_id,
            person.is_named(),
            contact.period.to_edtf(),
        )

    def test_interim_report_is_dated_28_january_2008(self):
        """The interim report was written by the coordinator in Uusikaupunki on 28.1.2008."""
        report = structure().get("valiraportti")
        assert ("report", ("arja-kitola",), REPORT, "Uusikaupunki") == (
            report.kind,
            report.organiser_ids,
            report.period.start_bound,
            report.location,
        )
