"""Seed 001, Kangasala's yearly clock of communal welfare, answered through the query API."""

import datetime as dt

from oppilashuolto import examples


D = dt.date
RECORDED = D(2020, 10, 1)


def structure():
    return examples.load("kangasala-vuosikello")


def clock():
    return structure().get("kangasala-vuosikello")


def entry(entry_id):
    return next(e for e in clock().entries if e.id == entry_id)


class TestKangasalaVuosikello:
    def test_principals_meeting_reviewed_the_clock(self):
        """The clock was reviewed by the principals' meeting of the education services."""
        s = structure()
        reviewers = [c.party_id for c in clock().contributions if c.kind == "reviewed"]
        meeting = s.group(reviewers[0])
        assert (
            ["kangasala-rehtorikokous"],
            "principals_meeting",
            ("kangasala-opetuspalvelut",),
        ) == (reviewers, meeting.kind, meeting.organiser_ids)

    def test_three_roles_built_the_clock(self):
        """The clock was built by an ECEC planner, a lead special education teacher and a wellbeing coordinator, none named."""
        s = structure()
        builders = [c.party_id for c in clock().contributions if c.kind == "built"]
        people = [s.person(b) for b in builders if b]
        assert (
            {"ecec_planner", "lead_special_education_teacher", "wellbeing_coordinator"},
            [False, False, False],
        ) == ({p.professions[0] for p in people}, [p.is_named() for p in people])

    def test_working_group_takes_over_from_the_record_date(self):
        """The city's welfare working group maintains and evaluates the clock from 1.10.2020 on."""
        takers = [
            (c.kind, c.party_id)
            for c in clock().contributions
            if c.period.contains(RECORDED) and not c.period.contains(D(2020, 9, 30))
        ]
        assert [
            ("maintains", "kangasala-oppilas-ja-opiskeluhuoltotyoryhma"),
            ("evaluates", "kangasala-oppilas-ja-opiskeluhuoltotyoryhma"),
        ] == takers

    def test_clock_is_in_use_and_owned_by_sivistyskeskus(self):
        """The clock is in use, starts in August and belongs to Sivistyskeskus of Kangasala (211)."""
        s = structure()
        owner = s.organisation(clock().owner_ids[0])
        city = s.organisation(owner.parent_id or "")
        assert ("in_use", 8, "Sivistyskeskus", "211") == (
            clock().status,
            clock().start_month,
            owner.name,
            city.municipality_code,
        )

    def test_every_entry_is_illustrative_and_says_so(self):
        """The seed gives no entries, so each of the 15–25 entries is flagged and described as illustrative."""
        entries = clock().entries
        assert (True, True, True, True) == (
            15 <= len(entries) <= 25,
            all(e.illustrative for e in entries),
            all(e.description.startswith("Havainnollistava") for e in entries),
            all(e.description_en.startswith("Illustrative") for e in entries),
        )

    def test_entries_sit_on_three_rings_with_varied_timing(self):
        """Entries use the themes, meetings and surveys rings and every kind of relative timing."""
        entries = clock().entries
        assert (
            ["teemat", "kokoukset", "kyselyt"],
            {"anchor", "months", "term", "weeks"},
        ) == (
            [r.id for r in clock().rings],
            {e.timing.kind for e in entries},
        )

    def test_school_health_promotion_study_recurs_in_odd_springs(self):
        """The School Health Promotion study is every other year from 2017, in March and April, with THL."""
        survey = entry("kouluterveyskysely")
        assert ((3, 4), "every_other_year", 2017, True, False, ("thl",)) == (
            survey.timing.months,
            survey.recurrence.frequency,
            survey.recurrence.anchor_year,
            survey.recurrence.occurs_in_year(2027),
            survey.recurrence.occurs_in_year(2026),
            survey.partner_ids,
        )

    def test_teaviisari_recurs_in_odd_autumns(self):
        """TEAviisari is collected in October every other year from 2023."""
        collection = entry("teaviisari")
        assert ((10,), "every_other_year", 2023, True) == (
            collection.timing.months,
            collection.recurrence.frequency,
            collection.recurrence.anchor_year,
            collection.recurrence.occurs_in_year(2025),
        )

    def test_a_theme_week_falls_before_the_winter_break(self):
        """One theme is timed to the week before the winter break."""
        week = entry("mielen-hyvinvointi-ennen-talvilomaa")
        assert ("anchor", "winter_break", -1, 1) == (
            week.timing.kind,
            week.timing.anchor,
            week.timing.offset_weeks,
            week.timing.duration_weeks,
        )

    def test_every_institution_has_a_communal_welfare_group(self):
        """The communal welfare groups are statutory (14 § 2 mom.), organised by the institutions, with parent and pupil representatives."""
        group = structure().group("kangasala-yhteisolliset-ryhmat")
        assert (
            "14 § 2 mom.",
            ("kangasala-oppilaitokset",),
            ["guardian_representative", "pupil_representative"],
        ) == (
            str(group.statutory_basis),
            group.organiser_ids,
            [r.role for r in group.composition],
        )

    def test_working_group_is_voluntary(self):
        """The city working group is modelled as a voluntary working group, as the seed calls it."""
        group = structure().group("kangasala-oppilas-ja-opiskeluhuoltotyoryhma")
        assert ("working_group", False) == (group.kind, group.is_statutory())

    def test_record_names_its_contact_and_no_external_funding(self):
        """The portal record's contact is Maija Mäkinen, and its results say the work had no external funding."""
        s = structure()
        practice = s.get("vuosikello-kaytanto")
        contact = s.person(practice.contacts[0].person_id)
        funding = [r.text for r in practice.results if r.dimension == "funding"]
        assert ("Maija Mäkinen", "maija.makinen@kangasala.fi", True) == (
            contact.name,
            contact.email,
            "Ulkopuolista rahoitusta ei käytetty" in funding[0],
        )
