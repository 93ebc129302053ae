"""A synthetic yearly clock for the render tests: three rings, overlaps, long titles."""

from __future__ import annotations

from oppilashuolto.model import (
    ClockEntry,
    Organisation,
    Period,
    Recurrence,
    Ring,
    SchoolCalendar,
    Timing,
    WelfareStructure,
    YearlyClock,
)


LONG_TITLE = (
    "Lukuvuoden suunnittelu, opiskeluhuoltosuunnitelman päivitys ja "
    "yhteisöllisen opiskeluhuoltoryhmän kokoonpanon vahvistaminen"
)


def clock(start_month: int = 8) -> YearlyClock:
    """Return the test clock."""
    return YearlyClock(
        id="vk",
        name="Yhteisöllisen oppilas- ja opiskeluhuollon vuosikello",
        name_sv="Årshjul för gemensam elevhälsa",
        name_en="Yearly clock of communal welfare",
        owner_ids=["kunta"],
        start_month=start_month,
        rings=[
            Ring(
                id="teemat",
                name="Teemat",
                name_sv="Teman",
                name_en="Themes",
                colour="#1e90ff",
            ),
            Ring(
                id="kokoukset",
                name="Kokoukset",
                name_sv="Möten",
                name_en="Meetings",
                colour="#2e8b57",
            ),
            Ring(
                id="hallinto",
                name="Hallinto",
                name_sv="Administration",
                name_en="Administration",
                colour="#f4a460",
            ),
        ],
        entries=[
            ClockEntry(
                id="suunnittelu",
                title=LONG_TITLE,
                ring_id="hallinto",
                timing=Timing(weeks=(33,)),
            ),
            ClockEntry(
                id="kysely",
                title="Kouluterveyskysely",
                title_sv="Hälsoenkäten",
                title_en="School Health Promotion study",
                ring_id="teemat",
                timing=Timing(months=(3, 4)),
                recurrence=Recurrence(frequency="every_other_year", anchor_year=2017),
            ),
            ClockEntry(
                id="viikko",
                title="Hyvinvointiviikko",
                ring_id="teemat",
                timing=Timing(weeks=(40,)),
            ),
            ClockEntry(
                id="paallekkainen",
                title="Liikuntakuukausi",
                ring_id="teemat",
                timing=Timing(months=(10,)),
            ),
            ClockEntry(
                id="ohr",
                title="OHR-kokous",
                ring_id="kokoukset",
                timing=Timing(term="autumn", term_part="start"),
                recurrence=Recurrence(frequency="every_term"),
            ),
            ClockEntry(
                id="paiva",
                title="Kiusaamisen vastainen päivä",
                ring_id="teemat",
                timing=Timing(dates=(Period.from_edtf("2026-11-04"),)),
            ),
            ClockEntry(
                id="tea",
                title="TEAviisari-tiedonkeruu",
                ring_id="hallinto",
                timing=Timing(months=(10, 11)),
                illustrative=True,
            ),
            ClockEntry(
                id="talvi",
                title="Liikuntateema",
                ring_id="teemat",
                timing=Timing(anchor="winter_break", offset_weeks=-1),
            ),
            ClockEntry(id="ilta", title="Vanhempainilta", timing=Timing(weeks=(37,))),
        ],
    )


def structure(start_month: int = 8) -> WelfareStructure:
    """Return a structure holding the test clock and a local school calendar."""
    return WelfareStructure(
        id="demo",
        name="Demo",
        organisations=[
            Organisation(
                id="kunta",
                kind="municipality",
                name="Kangasala",
                municipality_code="211",
            )
        ],
        clocks=[clock(start_month)],
        school_calendars=[
            SchoolCalendar(
                id="kangasala-2026",
                school_year="2026-2027",
                municipality_code="211",
                winter_break_week=9,
            )
        ],
    )
