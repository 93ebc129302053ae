"""A demo structure that exercises every kind of timing, cadence and dated record."""

import datetime as dt

import pytest

from oppilashuolto.model import (
    Activity,
    Break,
    Cadence,
    ClockEntry,
    Count,
    Deliverable,
    Group,
    Organisation,
    PartialDate,
    Period,
    Project,
    Recurrence,
    Ring,
    SchoolCalendar,
    Timing,
    WelfareStructure,
    YearlyClock,
)


UPDATED = dt.datetime(2026, 5, 4, 9, 30, tzinfo=dt.UTC)


def demo_structure(**changes):
    """Return the demo structure; *changes* replace clock entries, cadences or names."""
    entries = {
        "hyvinvointiviikko": ClockEntry(
            id="hyvinvointiviikko",
            title="Hyvinvointiviikko; liikunta, uni",
            title_sv="Välmåendevecka",
            title_en="Wellbeing week",
            description="Koko koulun teemaviikko.",
            ring_id="teemat",
            timing=Timing(weeks=(42,)),
            responsible_ids=["ohr-koulu"],
            revision=2,
            updated=dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC),
        ),
        "syyskuu": ClockEntry(
            id="syyskuu",
            title="Ryhmäytyminen",
            ring_id="teemat",
            timing=Timing(months=(9,)),
        ),
        "ennen-talvilomaa": ClockEntry(
            id="ennen-talvilomaa",
            title="Talviliikuntapäivä",
            ring_id="tapahtumat",
            timing=Timing(anchor="winter_break", offset_weeks=-1, weekday="thursday"),
        ),
        "lukukauden-alku": ClockEntry(
            id="lukukauden-alku",
            title="Luokkien hyvinvointikartoitus",
            ring_id="tehtavat",
            timing=Timing(term="autumn", term_part="start", duration_weeks=2),
            recurrence=Recurrence(frequency="every_term"),
        ),
        "kouluterveyskysely": ClockEntry(
            id="kouluterveyskysely",
            title="Kouluterveyskysely",
            ring_id="tehtavat",
            timing=Timing(months=(3, 4)),
            recurrence=Recurrence(frequency="every_other_year", anchor_year=2017),
        ),
        "vanhempainilta": ClockEntry(
            id="vanhempainilta",
            title="Vanhempainilta",
            ring_id="tapahtumat",
            timing=Timing(
                weeks=(36,),
                weekday="tuesday",
                start_time=dt.time(18),
                end_time=dt.time(19, 30),
            ),
            responsible_ids=["ohr-koulu"],
        ),
        "helatorstai": ClockEntry(
            id="helatorstai",
            title="Kevätretki",
            ring_id="tapahtumat",
            timing=Timing(weeks=(18,), weekday="thursday"),
        ),
        "kesa": ClockEntry(
            id="kesa",
            title="Vuosikellon päivitys",
            ring_id="tehtavat",
            timing=Timing(months=(6, 7)),
        ),
    }
    entries.update(changes.pop("entries", {}))
    cadences = changes.pop(
        "cadences",
        (
            Cadence(
                weekday="tuesday",
                ordinal=1,
                per="month",
                start_time=dt.time(14),
                end_time=dt.time(15, 30),
                location="Opettajainhuone, rakennus A; 2. krs",
            ),
        ),
    )
    clock = YearlyClock(
        id="vuosikello",
        name=changes.pop("clock_name", "Yhteisöllisen oppilashuollon vuosikello"),
        name_sv="Årshjul för gemensam elevhälsa",
        name_en="Yearly clock of communal pupil welfare",
        owner_ids=["testikunta"],
        rings=[
            Ring(
                id="teemat",
                name="Teemat",
                name_sv="Teman",
                name_en="Themes",
                colour="#1e90ff",
            ),
            Ring(
                id="tapahtumat", name="Tapahtumat", name_en="Events", colour="#2e8b57"
            ),
            Ring(id="tehtavat", name="Tehtävät", name_en="Tasks", colour="#d2691f"),
        ],
        entries=list(entries.values()),
    )
    return WelfareStructure(
        id="demo",
        name=changes.pop("name", "Testikunta"),
        updated=UPDATED,
        clocks=[clock],
        organisations=[
            Organisation(id="testikunta", kind="municipality", name="Testikunta"),
            Organisation(
                id="testikoulu",
                kind="school",
                name="Testikoulu",
                parent_id="testikunta",
            ),
        ],
        groups=[
            Group(
                id="ohr-koulu",
                kind="school_welfare_group",
                name="Yhteisöllinen oppilashuoltoryhmä",
                name_sv="Gemensam elevhälsogrupp",
                name_en="Communal pupil welfare group",
                organiser_ids=["testikoulu"],
                cadences=cadences,
            ),
            Group(
                id="verkosto",
                kind="network",
                name="Alueellinen verkosto",
                organiser_ids=["testikunta"],
                cadences=[
                    Cadence(
                        times=Count.from_text("2-3"),
                        per="year",
                        start_time=dt.time(9),
                        end_time=dt.time(12),
                        description="Kokoontuu 2–3 kertaa vuodessa.",
                    )
                ],
            ),
            Group(
                id="ohjausryhma",
                kind="welfare_steering_group",
                name="Oppilashuollon ohjausryhmä",
                organiser_ids=["testikunta"],
                cadences=[Cadence(times=Count.from_text(">0"), per="term")],
            ),
        ],
        projects=[
            Project(
                id="hanke",
                name="Hyvinvointihanke",
                acronym="HYHA",
                owner_ids=["testikunta"],
                steering_group_ids=["ohjausryhma"],
                deliverables=[
                    Deliverable(
                        title="Väliraportti", due=PartialDate.from_edtf("2027-01-29")
                    ),
                    Deliverable(
                        title="Loppuraportti", due=PartialDate.from_edtf("2027-05")
                    ),
                ],
            )
        ],
        activities=[
            Activity(
                id="seminaari",
                kind="seminar",
                name="Hyvinvointiseminaari",
                organiser_ids=["ohr-koulu", "verkosto"],
                project_id="hanke",
                period=Period.from_edtf("2026-11-12"),
                start_time=dt.time(12, 15),
                end_time=dt.time(16),
                location="Kunnantalo",
            ),
            Activity(
                id="messut",
                kind="fair",
                name="Hyvinvointimessut",
                organiser_ids=["testikunta"],
                period=Period.from_edtf("2027-04-14/2027-04-15"),
            ),
        ],
        school_calendars=[
            SchoolCalendar(
                id="testikunta-2026",
                school_year="2026-2027",
                municipality_code="211",
                winter_break_week=8,
                breaks=[
                    Break(
                        kind="autumn",
                        start=dt.date(2026, 10, 19),
                        end=dt.date(2026, 10, 23),
                    )
                ],
            )
        ],
        **changes,
    )


@pytest.fixture
def demo():
    """The demo structure."""
    return demo_structure()
