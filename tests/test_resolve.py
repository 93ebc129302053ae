import datetime as dt

import attrs
import pytest

from oppilashuolto.errors import UnknownIdError, ValidationError
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
from oppilashuolto.resolve import (
    HELSINKI,
    for_audience,
    place,
    planned_count,
    resolve_clock,
    resolve_group,
    resolve_project,
    resolve_structure,
    school_year_for,
    span_keys,
    to_year,
)
from oppilashuolto.schoolyear import school_year


D = dt.date


def clock_of(*entries, **kwargs):
    clock = YearlyClock(
        id="vk",
        name="Vuosikello",
        rings=[Ring(id="teemat", name="Teemat", colour="#1e90ff")],
        entries=list(entries),
        **kwargs,
    )
    return WelfareStructure(id="s", name="S", clocks=[clock])


def entry(timing, **kwargs):
    return ClockEntry(
        id=kwargs.pop("id", "e"),
        title=kwargs.pop("title", "Teema"),
        timing=timing,
        **kwargs,
    )


def spans(structure, year=2026, municipality_code=None):
    return [
        (i.start, i.end)
        for i in resolve_clock(
            structure, "vk", year=year, municipality_code=municipality_code
        )
    ]


def with_cadence(*cadences, period="../.."):
    group = Group(
        id="ohr",
        kind="school_welfare_group",
        name="OHR",
        name_sv="EHG",
        cadences=list(cadences),
        period=Period.from_edtf(period),
    )
    return WelfareStructure(id="s", name="S", groups=[group])


def meeting_days(structure, year=2026):
    return [i.first_day for i in resolve_group(structure, "ohr", year=year)]


class TestPlace:
    def test_day_in_break_moves_to_next_school_day(self):
        """A day in the autumn break moves to the Monday after it and says why."""
        p = place(school_year(2026), D(2026, 10, 14), D(2026, 10, 14))
        assert (D(2026, 10, 19), D(2026, 10, 19)) == (p.start, p.end)
        assert ((D(2026, 10, 14), D(2026, 10, 14)), "autumn") == (
            p.moved_from,
            p.moved_because,
        )

    def test_holiday_and_weekend_reasons(self):
        """A weekday holiday and a Saturday name their own reasons."""
        sy = school_year(2026)
        assert "holiday" == place(sy, D(2027, 5, 6), D(2027, 5, 6)).moved_because
        assert "weekend" == place(sy, D(2026, 9, 5), D(2026, 9, 6)).moved_because

    def test_span_is_trimmed_to_school_days(self):
        """A Monday-Sunday week becomes Monday-Friday, without counting as moved."""
        p = place(school_year(2026), D(2026, 9, 7), D(2026, 9, 13))
        assert (D(2026, 9, 7), D(2026, 9, 11), None) == (p.start, p.end, p.moved_from)

    def test_december_ends_before_christmas_break(self):
        """December is trimmed to end on the last school day before the break."""
        p = place(school_year(2026), D(2026, 12, 1), D(2026, 12, 31))
        assert (D(2026, 12, 1), D(2026, 12, 21)) == (p.start, p.end)

    def test_summer_stays(self):
        """A span wholly outside school work is left as it is."""
        p = place(school_year(2026), D(2027, 7, 1), D(2027, 7, 31))
        assert (D(2027, 7, 1), D(2027, 7, 31), None) == (p.start, p.end, p.moved_from)

    def test_partly_outside_keeps_outer_end(self):
        """An end outside school work stays; an end inside moves to a school day."""
        p = place(school_year(2026), D(2026, 8, 1), D(2026, 8, 16))
        assert (D(2026, 8, 1), D(2026, 8, 14)) == (p.start, p.end)

    def test_moved_span_keeps_its_length(self):
        """A break week moves to the next week and keeps its calendar length."""
        p = place(school_year(2026), D(2026, 10, 12), D(2026, 10, 18))
        assert (D(2026, 10, 19), D(2026, 10, 23)) == (p.start, p.end)


class TestYears:
    def test_to_year(self):
        """Years are given as 2026, '2026' or '2026-2027'."""
        assert [2026, 2026, 2026] == [
            to_year(2026),
            to_year("2026"),
            to_year("2026-2027"),
        ]

    @pytest.mark.parametrize("bad", ["2026-2028", "26", 2026.0, "next"])
    def test_bad_year(self, bad):
        """A malformed year is a validation error."""
        with pytest.raises(ValidationError):
            to_year(bad)

    def test_structure_calendar_overrides_defaults(self):
        """The structure's calendar for the municipality moves the winter break."""
        cal = SchoolCalendar(
            id="c",
            school_year="2026-2027",
            municipality_code="211",
            winter_break_week=8,
        )
        s = WelfareStructure(id="s", name="S", school_calendars=[cal])
        assert (D(2027, 2, 22), D(2027, 2, 26)) == school_year_for(
            s, 2026, "211"
        ).event("winter_break")
        assert (D(2027, 3, 1), D(2027, 3, 5)) == school_year_for(s, 2026, "091").event(
            "winter_break"
        )

    def test_only_calendar_applies_without_municipality(self):
        """Without a municipality the only calendar of the year applies."""
        cal = SchoolCalendar(
            id="c",
            school_year="2026-2027",
            municipality_code="211",
            winter_break_week=10,
        )
        s = WelfareStructure(id="s", name="S", school_calendars=[cal])
        assert D(2027, 3, 8) == school_year_for(s, "2026-2027").event("winter_break")[0]


class TestClockTimings:
    def test_week_in_break_moves(self):
        """ISO week 42 (the default autumn break) moves to week 43, Monday-Friday."""
        s = clock_of(entry(Timing(weeks=(42,))))
        item = resolve_clock(s, "vk", year=2026)[0]
        assert (D(2026, 10, 19), D(2026, 10, 24)) == (item.start, item.end)
        assert ((D(2026, 10, 12), D(2026, 10, 18)), "autumn") == (
            item.moved_from,
            item.moved_because,
        )

    def test_consecutive_months_make_one_span(self):
        """September and October make one span; November apart makes another."""
        s = clock_of(entry(Timing(months=(9, 10, 12))))
        items = resolve_clock(s, "vk", year=2026)
        assert [
            (D(2026, 9, 1), D(2026, 10, 31)),
            (D(2026, 12, 1), D(2026, 12, 22)),
        ] == [(i.start, i.end) for i in items]
        assert ["2026-2027", "2026-2027.2"] == [i.occurrence for i in items]

    def test_spring_months_belong_to_next_calendar_year(self):
        """Months 1-7 of a school year are in its second calendar year."""
        s = clock_of(entry(Timing(months=(2,))))
        assert [(D(2027, 2, 1), D(2027, 2, 27))] == spans(s)

    def test_anchor_with_offset(self):
        """The week before the winter break is Monday-Friday of ISO week 8."""
        s = clock_of(entry(Timing(anchor="winter_break", offset_weeks=-1)))
        assert [(D(2027, 2, 22), D(2027, 2, 27))] == spans(s)

    def test_first_school_day(self):
        """The first school day anchor is one all-day day."""
        s = clock_of(entry(Timing(anchor="first_school_day")))
        assert [(D(2026, 8, 12), D(2026, 8, 13))] == spans(s)

    def test_anchor_duration(self):
        """Two weeks before the Christmas break start 14 days before it."""
        s = clock_of(
            entry(Timing(anchor="christmas_break", offset_weeks=-2, duration_weeks=2))
        )
        assert [(D(2026, 12, 8), D(2026, 12, 22))] == spans(s)

    def test_term_parts(self):
        """Start, middle and end of the autumn term, one week each by default."""
        s = clock_of(
            entry(Timing(term="autumn", term_part="start"), id="a"),
            entry(Timing(term="autumn", term_part="middle"), id="b"),
            entry(Timing(term="autumn", term_part="end"), id="c"),
            entry(Timing(term="spring", term_part="whole"), id="d"),
        )
        assert [
            (D(2026, 8, 12), D(2026, 8, 19)),
            (D(2026, 10, 19), D(2026, 10, 24)),
            (D(2026, 12, 15), D(2026, 12, 22)),
            (D(2027, 1, 7), D(2027, 6, 6)),
        ] == spans(s)

    def test_every_term(self):
        """A term timing that recurs every term resolves in both terms, keyed by term."""
        s = clock_of(
            entry(
                Timing(term="autumn", term_part="start", duration_weeks=2),
                recurrence=Recurrence(frequency="every_term"),
            )
        )
        items = resolve_clock(s, "vk", year=2026)
        assert [(D(2026, 8, 12), D(2026, 8, 26)), (D(2027, 1, 7), D(2027, 1, 21))] == [
            (i.start, i.end) for i in items
        ]
        assert ["2026-2027.autumn", "2026-2027.spring"] == [i.occurrence for i in items]

    def test_every_term_mirrors_term_anchors(self):
        """A term-start anchor that recurs every term gives both term starts."""
        s = clock_of(
            entry(
                Timing(anchor="autumn_term_start"),
                recurrence=Recurrence(frequency="every_term"),
            )
        )
        assert [
            (D(2026, 8, 12), D(2026, 8, 13)),
            (D(2027, 1, 7), D(2027, 1, 8)),
        ] == spans(s)

    @pytest.mark.parametrize(
        ("year", "expected"),
        [(2025, []), (2026, [(D(2027, 3, 8), D(2027, 4, 1))]), (2027, [])],
    )
    def test_every_other_year_in_odd_springs(self, year, expected):
        """The School Health Promotion study (March, odd years) appears only in 2026-2027."""
        s = clock_of(
            entry(
                Timing(months=(3,)),
                recurrence=Recurrence(frequency="every_other_year", anchor_year=2017),
            )
        )
        assert expected == spans(s, year)

    @pytest.mark.parametrize(("year", "count"), [(2025, 1), (2026, 0), (2027, 1)])
    def test_every_other_year_in_odd_autumns(self, year, count):
        """TEAviisari (October, odd years) appears in 2025-2026 and 2027-2028."""
        s = clock_of(
            entry(
                Timing(months=(10,)),
                recurrence=Recurrence(frequency="every_other_year", anchor_year=2017),
            )
        )
        assert count == len(spans(s, year))

    def test_once(self):
        """A one-off entry appears only in its school year."""
        s = clock_of(
            entry(
                Timing(anchor="easter"),
                recurrence=Recurrence(frequency="once", school_year="2026-2027"),
            )
        )
        assert [1, 0] == [len(spans(s, 2026)), len(spans(s, 2027))]

    def test_weekday_on_holiday_moves(self):
        """Thursday of ISO week 18 of 2027 is Ascension Day; the item moves to Friday."""
        s = clock_of(entry(Timing(weeks=(18,), weekday="thursday")))
        item = resolve_clock(s, "vk", year=2026)[0]
        assert (D(2027, 5, 7), D(2027, 5, 8), "holiday") == (
            item.start,
            item.end,
            item.moved_because,
        )

    def test_timed_entry(self):
        """A timed entry is one Europe/Helsinki meeting on its weekday."""
        s = clock_of(
            entry(
                Timing(
                    weeks=(36,),
                    weekday="tuesday",
                    start_time=dt.time(18),
                    end_time=dt.time(19, 30),
                )
            )
        )
        item = resolve_clock(s, "vk", year=2026)[0]
        assert dt.datetime(2026, 9, 1, 18, tzinfo=HELSINKI) == item.start
        assert dt.datetime(2026, 9, 1, 19, 30, tzinfo=HELSINKI) == item.end
        assert "+03:00" == item.start.isoformat()[-6:]

    def test_timed_without_weekday_uses_first_school_day(self):
        """A timed month falls on its first school day, with a one-hour default."""
        s = clock_of(entry(Timing(months=(8,), start_time=dt.time(8))))
        item = resolve_clock(s, "vk", year=2026)[0]
        assert (
            dt.datetime(2026, 8, 12, 8, tzinfo=HELSINKI),
            dt.datetime(2026, 8, 12, 9, tzinfo=HELSINKI),
        ) == (
            item.start,
            item.end,
        )

    def test_explicit_dates_never_move(self):
        """A date given explicitly stays on it, even in a break; other years lack it."""
        s = clock_of(
            entry(
                Timing(
                    dates=(
                        Period.from_edtf("2026-10-14"),
                        Period.from_edtf("2027-09-01"),
                    )
                )
            )
        )
        items = resolve_clock(s, "vk", year=2026)
        assert [(D(2026, 10, 14), D(2026, 10, 15), None)] == [
            (i.start, i.end, i.moved_from) for i in items
        ]
        assert "2026-10-14" == items[0].occurrence

    def test_clock_period_limits(self):
        """Entries outside the clock's period are not in force."""
        s = clock_of(entry(Timing(months=(9,))), period=Period.from_edtf("2027/.."))
        assert [[], [(D(2027, 9, 1), D(2027, 10, 1))]] == [
            spans(s, 2026),
            spans(s, 2027),
        ]

    def test_municipality_calendar(self):
        """The municipality's own break dates move an item that the defaults would not."""
        cal = SchoolCalendar(
            id="c",
            school_year="2026-2027",
            municipality_code="211",
            breaks=[Break(kind="autumn", start=D(2026, 10, 19), end=D(2026, 10, 23))],
        )
        clock = YearlyClock(id="vk", name="V", entries=[entry(Timing(weeks=(43,)))])
        s = WelfareStructure(id="s", name="S", clocks=[clock], school_calendars=[cal])
        assert [(D(2026, 10, 26), D(2026, 10, 31))] == spans(s, municipality_code="211")

    def test_ring_and_texts(self):
        """Items carry the ring, its colour and the entry's texts."""
        s = clock_of(
            entry(Timing(months=(9,)), ring_id="teemat", title_sv="Tema", revision=3)
        )
        item = resolve_clock(s, "vk", year=2026)[0]
        assert ("teemat", "Teemat", "#1e90ff", "Tema", "Teema", 3) == (
            item.ring_id,
            item.ring_name.get("fi"),
            item.colour,
            item.title.get("sv"),
            item.title.get("en"),
            item.revision,
        )

    def test_keys(self):
        """Keys name structure, source, record, entry and occurrence."""
        s = clock_of(entry(Timing(months=(9,))))
        assert ("s", "clock", "vk", "e", "2026-2027") == resolve_clock(
            s, "vk", year=2026
        )[0].key
        assert ["2026-2027", "2026-2027.2"] == span_keys("2026-2027", 2)

    def test_unknown_clock(self):
        """A group id is not a clock."""
        s = with_cadence()
        with pytest.raises(UnknownIdError):
            resolve_clock(s, "ohr", year=2026)

    def test_equal_timings_share_placement_but_not_their_own_fields(self):
        """Clocks with equal timings under other school calendars and periods each get their own items."""
        timing = Timing(weeks=(43,), start_time=dt.time(18))
        cal = SchoolCalendar(
            id="c",
            school_year="2026-2027",
            municipality_code="211",
            breaks=[Break(kind="autumn", start=D(2026, 10, 19), end=D(2026, 10, 23))],
        )
        clocks = [
            YearlyClock(
                id=f"vk{n}",
                name="V",
                period=Period.from_edtf(period),
                entries=[entry(timing, revision=n)],
            )
            for n, period in enumerate(("../..", "2027-01-01/.."))
        ]
        plain = WelfareStructure(id="s", name="S", clocks=clocks)
        local = attrs.evolve(plain, school_calendars=[cal])
        first = resolve_clock(plain, "vk0", year=2026)
        assert () == resolve_clock(plain, "vk1", year=2026)
        moved = resolve_clock(local, "vk0", year=2026)
        assert first == resolve_clock(plain, "vk0", year=2026)
        assert (D(2026, 10, 19), "", frozenset({"vk0"}), 0) == (
            first[0].first_day,
            first[0].moved_because,
            first[0].involved_ids,
            first[0].revision,
        )
        assert (D(2026, 10, 26), "autumn") == (
            moved[0].first_day,
            moved[0].moved_because,
        )

    def test_equal_times_of_other_zones_keep_their_own_clock_time(self):
        """18:00+02 equals 19:00+03, yet each entry keeps its own wall-clock time."""
        at = [
            dt.time(18, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            dt.time(19, tzinfo=dt.timezone(dt.timedelta(hours=3))),
        ]
        assert at[0] == at[1]
        s = clock_of(
            *(entry(Timing(weeks=(43,), start_time=t), id=f"e{t.hour}") for t in at)
        )
        assert [
            dt.datetime(2026, 10, 19, 18, tzinfo=HELSINKI),
            dt.datetime(2026, 10, 19, 19, tzinfo=HELSINKI),
        ] == [i.start for i in resolve_clock(s, "vk", year=2026)]

    @pytest.mark.parametrize("year", range(2020, 2031))
    def test_never_zero_length_and_never_dropped(self, year):
        """Every timing of a full clock gives a non-empty item in every year from 2020 to 2030."""
        weeks = [
            entry(Timing(weeks=(w,)), id=f"w{w}")
            for w in (*range(33, 53), *range(1, 23))
        ]
        anchors = [
            entry(Timing(anchor=a, offset_days=o), id=f"a-{a.replace('_', '-')}-{o}")
            for a in (
                "first_school_day",
                "autumn_break",
                "christmas_break",
                "winter_break",
                "easter",
                "last_school_day",
            )
            for o in (-1, 0, 1)
        ]
        s = clock_of(*weeks, *anchors)
        items = resolve_clock(s, "vk", year=year)
        assert len(weeks) + len(anchors) == len(items)
        assert all(i.end > i.start for i in items)
        sy = school_year(year)
        inside = [i for i in items if sy.first_day <= i.start <= sy.last_day]
        assert all(sy.is_school_day(i.start) for i in inside)


class TestCadences:
    def test_first_tuesday_except_breaks(self):
        """First Tuesday 14:00-15:30 skips August (before school), January, March and July."""
        s = with_cadence(
            Cadence(
                weekday="tuesday",
                ordinal=1,
                per="month",
                start_time=dt.time(14),
                end_time=dt.time(15, 30),
            )
        )
        items = resolve_group(s, "ohr", year=2026)
        assert [
            D(2026, 9, 1),
            D(2026, 10, 6),
            D(2026, 11, 3),
            D(2026, 12, 1),
            D(2027, 2, 2),
            D(2027, 4, 6),
            D(2027, 5, 4),
            D(2027, 6, 1),
        ] == [i.first_day for i in items]
        rule = items[0].rule
        assert rule is not None
        assert ("monthly", 1, 1) == (rule.frequency, rule.weekday, rule.ordinal)
        assert (D(2027, 1, 5), D(2027, 3, 2)) == tuple(
            d for d in rule.candidates if d not in {i.first_day for i in items}
        )
        assert dt.datetime(2026, 11, 3, 14, tzinfo=HELSINKI) == items[2].start
        assert "+02:00" == items[2].start.isoformat()[-6:]

    def test_without_except_breaks_keeps_every_month(self):
        """Without except_breaks the rule gives all twelve months."""
        s = with_cadence(
            Cadence(weekday="tuesday", ordinal=1, per="month", except_breaks=False)
        )
        assert 12 == len(meeting_days(s))

    def test_last_weekday_and_months(self):
        """The last Friday of September and February only."""
        s = with_cadence(
            Cadence(weekday="friday", ordinal=-1, per="month", months=(9, 2))
        )
        assert [D(2026, 9, 25), D(2027, 2, 26)] == meeting_days(s)

    def test_weekly(self):
        """Weekly on Wednesdays: every Wednesday of school work, none in breaks."""
        s = with_cadence(Cadence(weekday="wednesday", per="week"))
        days = meeting_days(s)
        sy = school_year(2026)
        expected = [d for d in sy.school_days if d.weekday() == 2]
        assert expected == days
        assert D(2026, 10, 14) not in days
        rule = resolve_group(s, "ohr", year=2026)[0].rule
        assert rule is not None
        assert "weekly" == rule.frequency

    def test_two_to_three_times_a_year(self):
        """2-3 times a year plans three, spread over the 40 school weeks (indices 6, 20, 33)."""
        s = with_cadence(Cadence(times=Count.from_text("2-3"), per="year"))
        items = resolve_group(s, "ohr", year=2026)
        assert [D(2026, 9, 23), D(2027, 1, 13), D(2027, 4, 21)] == [
            i.start for i in items
        ]
        assert ["2026-2027#1", "2026-2027#2", "2026-2027#3"] == [
            i.occurrence for i in items
        ]
        assert all(i.rule is None for i in items)

    def test_at_least_once_a_term(self):
        """At least once a term plans one meeting in the middle school week of each term."""
        s = with_cadence(
            Cadence(times=Count.from_text(">0"), per="term", weekday="monday")
        )
        items = resolve_group(s, "ohr", year=2026)
        assert [D(2026, 10, 19), D(2027, 3, 22)] == [i.first_day for i in items]
        assert ["2026-2027.autumn#1", "2026-2027.spring#1"] == [
            i.occurrence for i in items
        ]

    def test_spread_weekday_on_holiday_moves_within_week(self):
        """A spread meeting whose weekday is a holiday moves to the next school day of that week."""
        s = with_cadence(
            Cadence(
                times=Count.exactly(5), per="month", weekday="thursday", months=(5,)
            )
        )
        item = resolve_group(s, "ohr", year=2026)[0]
        assert (D(2027, 5, 7), "holiday") == (item.first_day, item.moved_because)

    def test_monthly_count(self):
        """Twice a month gives two meetings in each month of school work."""
        s = with_cadence(Cadence(times=Count.exactly(2), per="month"))
        days = meeting_days(s)
        assert 2 * 11 == len(days)
        assert [D(2026, 8, 19), D(2026, 8, 31)] == days[:2]

    def test_weekly_count_spreads_days(self):
        """Twice a week spreads over the week's school days."""
        s = with_cadence(Cadence(times=Count.exactly(2), per="week"))
        assert [
            D(2026, 8, 12),
            D(2026, 8, 14),
            D(2026, 8, 18),
            D(2026, 8, 20),
        ] == meeting_days(s)[:4]

    def test_no_count_no_weekday_gives_nothing(self):
        """A cadence with neither count nor weekday has nothing to schedule."""
        assert [] == meeting_days(with_cadence(Cadence(description="tarvittaessa")))

    def test_period_limits(self):
        """Meetings follow the group's period."""
        s = with_cadence(Cadence(weekday="tuesday", ordinal=1), period="2027-01-01/..")
        assert D(2027, 2, 2) == meeting_days(s)[0]

    def test_planned_count(self):
        """Ranges plan their upper bound, lower bounds their minimum."""
        assert [3, 1, 4, 1, 0] == [
            planned_count(Cadence(times=Count.from_text("2-3"))),
            planned_count(Cadence(times=Count.from_text(">0"))),
            planned_count(Cadence(times=Count.from_text("<5"))),
            planned_count(Cadence(weekday="monday")),
            planned_count(Cadence()),
        ]

    def test_group_title(self):
        """Meetings are titled by the group and the cadence label, per language."""
        s = with_cadence(Cadence(times=Count.exactly(1), label="yhteiskokous"))
        item = resolve_group(s, "ohr", year=2026)[0]
        assert ["OHR \N{EN DASH} yhteiskokous", "EHG \N{EN DASH} yhteiskokous"] == [
            item.title.get("fi"),
            item.title.get("sv"),
        ]


class TestDated:
    @pytest.fixture
    def structure(self):
        return WelfareStructure(
            id="s",
            name="S",
            organisations=[Organisation(id="kunta", kind="municipality", name="Kunta")],
            groups=[Group(id="ohr", kind="school_welfare_group", name="OHR")],
            projects=[
                Project(
                    id="hanke",
                    name="Hanke",
                    owner_ids=["kunta"],
                    deliverables=[
                        Deliverable(
                            title="Raportti", due=PartialDate.from_edtf("2027-01-29")
                        ),
                        Deliverable(
                            title="Kesken", due=PartialDate.from_edtf("2027-05")
                        ),
                    ],
                )
            ],
            activities=[
                Activity(
                    id="ss-1",
                    kind="meeting",
                    name="Ohjausryhmän 1. kokous",
                    period=Period.from_edtf("2007-09-26"),
                    project_id="hanke",
                ),
                Activity(
                    id="seminaari",
                    kind="seminar",
                    name="Seminaari",
                    organiser_ids=["ohr"],
                    project_id="hanke",
                    period=Period.from_edtf("2026-11-12"),
                    start_time=dt.time(12, 15),
                    end_time=dt.time(16),
                ),
                Activity(
                    id="kevat",
                    kind="fair",
                    name="Messut",
                    period=Period.from_edtf("2027-21"),
                ),
            ],
        )

    def test_first_steering_group_meeting(self, structure):
        """The first steering group meeting on 26.9.2007 is an all-day event of 2007-2008."""
        items = resolve_project(structure, "hanke", year=2007)
        assert [("ss-1", D(2007, 9, 26), D(2007, 9, 27))] == [
            (i.record_id, i.start, i.end) for i in items
        ]

    def test_project_milestones(self, structure):
        """Deliverables due on a day and timed activities are milestones; a month-only date is not."""
        items = resolve_project(structure, "hanke", year=2026)
        assert [("seminaari", ""), ("hanke", "deliverable-1")] == [
            (i.record_id, i.entry_id) for i in items
        ]
        assert dt.datetime(2026, 11, 12, 12, 15, tzinfo=HELSINKI) == items[0].start

    def test_group_feed_has_organised_activities(self, structure):
        """A group's items include the activities it organises."""
        assert ["seminaari"] == [
            i.record_id for i in resolve_group(structure, "ohr", year=2026)
        ]

    def test_season_dates_are_not_events(self, structure):
        """An activity known only to a season is not an event."""
        assert "kevat" not in {
            i.record_id for i in resolve_structure(structure, year=2026)
        }


class TestAudience:
    def test_shared_item_once(self):
        """An activity organised by two groups appears once in their combined audience."""
        s = WelfareStructure(
            id="s",
            name="S",
            groups=[
                Group(
                    id="a",
                    kind="network",
                    name="A",
                    cadences=[Cadence(times=Count.exactly(1))],
                ),
                Group(id="b", kind="network", name="B"),
            ],
            activities=[
                Activity(
                    id="x",
                    kind="seminar",
                    name="X",
                    organiser_ids=["a", "b"],
                    period=Period.from_edtf("2026-11-12"),
                )
            ],
        )
        items = resolve_structure(s, year=2026)
        assert ["a", "x"] == sorted(
            i.record_id for i in for_audience(items, ["a", "b"])
        )
        assert ["x"] == [i.record_id for i in for_audience(items, ["b"])]
