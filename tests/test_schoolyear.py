"""Tests of oppilashuolto.schoolyear: rules, defaults, overrides, names and text."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys

from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

import oppilashuolto

from oppilashuolto.errors import ValidationError
from oppilashuolto.model.schoolcalendar import Break, SchoolCalendar
from oppilashuolto.schoolyear import (
    ANCHORS,
    SchoolYear,
    format_school_year,
    school_year,
    week_of_school_year,
)


D = dt.date

# school-year.md §1.1: (first year, working days, reductions, last day of school work)
TABLE = [
    (2020, 189, (D(2021, 1, 6),), D(2021, 6, 5)),
    (2021, 188, (D(2021, 12, 6), D(2022, 1, 6)), D(2022, 6, 4)),
    (2022, 187, (D(2022, 12, 6), D(2023, 1, 6), D(2023, 5, 1)), D(2023, 6, 3)),
    (2023, 188, (D(2023, 12, 6), D(2024, 5, 1)), D(2024, 6, 1)),
    (2024, 187, (D(2024, 12, 6), D(2025, 1, 6), D(2025, 5, 1)), D(2025, 5, 31)),
    (2025, 188, (D(2026, 1, 6), D(2026, 5, 1)), D(2026, 5, 30)),
    (2026, 189, (D(2027, 1, 6),), D(2027, 6, 5)),
    (2027, 187, (D(2027, 12, 6), D(2028, 1, 6), D(2028, 5, 1)), D(2028, 6, 3)),
    (2028, 188, (D(2028, 12, 6), D(2029, 5, 1)), D(2029, 6, 2)),
    (2029, 188, (D(2029, 12, 6), D(2030, 5, 1)), D(2030, 6, 1)),
]

SRC = Path(oppilashuolto.__file__).resolve().parents[1]


def _calendar(**kwargs: Any) -> SchoolCalendar:
    return SchoolCalendar(id="test-2025", school_year="2025-2026", **kwargs)


def _run(code: str, lang: str) -> str:
    # a clean locale: only LANG decides, as on a server started with LANG=C
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("LC_") and k not in {"LANG", "LANGUAGE"}
    }
    env["LANG"] = lang
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout


class TestStatutoryTable:
    @pytest.mark.parametrize(("year", "days", "reductions", "end"), TABLE)
    def test_required_count(self, year, days, reductions, end):
        """The statutory count matches school-year.md §1.1."""
        assert days == school_year(year).required_working_days

    @pytest.mark.parametrize(("year", "days", "reductions", "end"), TABLE)
    def test_reductions(self, year, days, reductions, end):
        """The reducing weekday holidays match school-year.md §1.1."""
        assert reductions == school_year(year).reductions

    @pytest.mark.parametrize(("year", "days", "reductions", "end"), TABLE)
    def test_statutory_end(self, year, days, reductions, end):
        """The statutory end is the Saturday of §1.1, and the default last day."""
        sy = school_year(year)
        assert (end, end) == (sy.statutory_end, sy.last_day)

    @pytest.mark.parametrize(("year", "days", "reductions", "end"), TABLE)
    def test_school_days_meet_count(self, year, days, reductions, end):
        """The default calendar lists exactly the statutory number of school days."""
        sy = school_year(year)
        assert (days, days) == (sy.working_day_count, len(sy.school_days))

    @pytest.mark.parametrize(("year", "days", "reductions", "end"), TABLE)
    def test_first_day_early_august(self, year, days, reductions, end):
        """The default first day is a Wednesday or Thursday from 6 to 12 August."""
        first = school_year(year).first_day
        assert (8, True, True) == (
            first.month,
            6 <= first.day <= 12,
            first.weekday() in {2, 3},
        )

    def test_text_and_number_agree(self):
        """The text '2025-2026' and the number 2025 give the same school year."""
        assert school_year(2025) == SchoolYear.for_year("2025-2026")

    def test_hashable(self):
        """Equal school years hash alike, so they can key a cache."""
        assert hash(school_year(2025)) == hash(school_year("2025-2026"))


class TestPublishedCalendars:
    def test_2025_2026(self):
        """Defaults reproduce the published 2025-2026 calendar of peda.net/id/3b671b7e9a0."""
        sy = school_year(2025)
        assert (
            (D(2025, 8, 6), D(2025, 12, 19)),
            (D(2026, 1, 7), D(2026, 5, 30)),
            (D(2025, 10, 13), D(2025, 10, 17)),
            (D(2026, 2, 23), D(2026, 2, 27)),
            (D(2026, 4, 3), D(2026, 4, 6)),
        ) == (
            sy.autumn_term,
            sy.spring_term,
            sy.event("autumn_break"),
            sy.event("winter_break"),
            sy.event("easter"),
        )

    def test_2026_2027_first_day(self):
        """Defaults reproduce the published first day Wednesday 12.8.2026 (189 days)."""
        assert D(2026, 8, 12) == school_year(2026).first_day

    def test_span(self):
        """The school year runs from 1 August to 31 July."""
        assert (D(2026, 8, 1), D(2027, 7, 31)) == school_year(2026).span

    def test_koski_tl(self):
        """Koski Tl's own 2025-2026 calendar (koski.fi) keeps 188 days."""
        cal = SchoolCalendar(
            id="koski-tl-2025",
            school_year="2025-2026",
            municipality_code="284",
            first_day=D(2025, 8, 7),
            winter_break_week=8,
            breaks=[Break(kind="christmas", start=D(2025, 12, 21), end=D(2026, 1, 6))],
            school_days=[D(2025, 12, 20)],
        )
        sy = school_year(2025, calendar=cal)
        assert (
            "284",
            188,
            (D(2025, 8, 7), D(2025, 12, 20)),
            (D(2026, 2, 16), D(2026, 2, 20)),
        ) == (
            sy.municipality_code,
            sy.working_day_count,
            sy.autumn_term,
            sy.event("winter_break"),
        )


class TestBreaks:
    def test_default_breaks(self):
        """The default breaks of 2025-2026 are weeks 42 and 9, 22.12-6.1 and Easter."""
        expected = (
            Break(
                kind="autumn",
                start=D(2025, 10, 13),
                end=D(2025, 10, 17),
                name="syysloma",
            ),
            Break(
                kind="christmas",
                start=D(2025, 12, 22),
                end=D(2026, 1, 6),
                name="joululoma",
            ),
            Break(
                kind="winter",
                start=D(2026, 2, 23),
                end=D(2026, 2, 27),
                name="talviloma",
            ),
            Break(
                kind="easter", start=D(2026, 4, 3), end=D(2026, 4, 6), name="pääsiäinen"
            ),
        )
        assert expected == school_year(2025).breaks

    def test_break_containing(self):
        """A Christmas day lies in the Christmas break."""
        expected = Break(
            kind="christmas", start=D(2025, 12, 22), end=D(2026, 1, 6), name="joululoma"
        )
        assert expected == school_year(2025).break_containing(D(2025, 12, 30))

    def test_no_break(self):
        """An ordinary Tuesday lies in no break."""
        assert None is school_year(2025).break_containing(D(2025, 11, 4))

    def test_easter_follows_holidays(self):
        """Easter 2027 comes from the holidays package: Good Friday 26.3 to Easter Monday 29.3."""
        assert (D(2027, 3, 26), D(2027, 3, 29)) == school_year(2026).event("easter")


class TestQueries:
    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2025, 8, 6), True),  # first day
            (D(2025, 8, 5), False),  # before it
            (D(2025, 8, 9), False),  # an ordinary Saturday
            (D(2026, 5, 30), True),  # the Saturday that ends school work
            (D(2026, 5, 1), False),  # May Day, a Friday
            (D(2026, 5, 14), False),  # Ascension Day
            (D(2025, 10, 15), False),  # autumn break
            (D(2026, 1, 7), True),  # spring term starts
        ],
    )
    def test_is_school_day(self, day, expected):
        """School days are Mon-Fri outside holidays and breaks, plus the final Saturday."""
        assert expected == school_year(2025).is_school_day(day)

    def test_next_school_day(self):
        """The next school day after the autumn term is 7.1."""
        assert D(2026, 1, 7) == school_year(2025).next_school_day(D(2025, 12, 19))

    def test_next_school_day_before_start(self):
        """Before school work begins, the next school day is the first day."""
        assert D(2025, 8, 6) == school_year(2025).next_school_day(D(2025, 8, 1))

    def test_next_school_day_after_end(self):
        """After the last day there is no next school day."""
        assert None is school_year(2025).next_school_day(D(2026, 5, 30))

    def test_previous_school_day(self):
        """The school day before Easter Monday's week is Thursday 2.4."""
        assert D(2026, 4, 2) == school_year(2025).previous_school_day(D(2026, 4, 6))

    def test_previous_school_day_before_start(self):
        """On the first day there is no previous school day."""
        assert None is school_year(2025).previous_school_day(D(2025, 8, 6))

    @pytest.mark.parametrize(
        ("anchor", "expected"),
        [
            ("first_school_day", (D(2025, 8, 6), D(2025, 8, 6))),
            ("last_school_day", (D(2026, 5, 30), D(2026, 5, 30))),
            ("autumn_term", (D(2025, 8, 6), D(2025, 12, 19))),
            ("spring_term", (D(2026, 1, 7), D(2026, 5, 30))),
            ("autumn_term_start", (D(2025, 8, 6), D(2025, 8, 6))),
            ("autumn_term_end", (D(2025, 12, 19), D(2025, 12, 19))),
            ("spring_term_start", (D(2026, 1, 7), D(2026, 1, 7))),
            ("spring_term_end", (D(2026, 5, 30), D(2026, 5, 30))),
            ("autumn_break", (D(2025, 10, 13), D(2025, 10, 17))),
            ("christmas_break", (D(2025, 12, 22), D(2026, 1, 6))),
            ("winter_break", (D(2026, 2, 23), D(2026, 2, 27))),
            ("easter", (D(2026, 4, 3), D(2026, 4, 6))),
        ],
    )
    def test_event(self, anchor, expected):
        """Each anchor resolves to its inclusive date range in 2025-2026."""
        assert expected == school_year(2025).event(anchor)

    def test_every_anchor_resolves(self):
        """Every name in ANCHORS resolves to a start not after its end."""
        sy = school_year(2026)
        assert all(sy.event(a)[0] <= sy.event(a)[1] for a in ANCHORS)

    def test_unknown_anchor(self):
        """An unknown anchor is a ValidationError that lists the known ones."""
        with pytest.raises(
            ValidationError,
            match=re.escape("Unknown anchor 'summer'; expected one of: autumn_break"),
        ):
            school_year(2025).event("summer")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("year", "week", "expected"),
        [
            (2025, 42, (D(2025, 10, 13), D(2025, 10, 19))),
            (2025, 1, (D(2025, 12, 29), D(2026, 1, 4))),
            (2025, 30, (D(2026, 7, 20), D(2026, 7, 26))),
            (2025, 31, (D(2025, 7, 28), D(2025, 8, 3))),
            (2026, 53, (D(2026, 12, 28), D(2027, 1, 3))),
        ],
    )
    def test_week_range(self, year, week, expected):
        """Weeks 31-53 are taken from the autumn and weeks 1-30 from the spring."""
        assert expected == school_year(year).week_range(week)

    @pytest.mark.parametrize(
        ("week", "message"),
        [
            (54, "iso_week must be an ISO week number 1-53 (got 54)"),
            (0, "iso_week must be an ISO week number 1-53 (got 0)"),
            (True, "iso_week must be an ISO week number 1-53 (got True)"),
            (53, "iso_week must be a week 1-52 of the ISO year 2025 (got 53)"),
        ],
    )
    def test_bad_week(self, week, message):
        """A week that the school year lacks is a ValidationError naming the value."""
        with pytest.raises(ValidationError) as e:
            school_year(2025).week_range(week)
        assert message == str(e.value)


class TestCalendarOverrides:
    def test_winter_week_8(self):
        """Winter break week 8 moves the break to 16-20.2.2026 and keeps the first day."""
        sy = school_year(2025, calendar=_calendar(winter_break_week=8))
        assert ((D(2026, 2, 16), D(2026, 2, 20)), D(2025, 8, 6), 188) == (
            sy.event("winter_break"),
            sy.first_day,
            sy.working_day_count,
        )

    def test_autumn_week_43(self):
        """Autumn break week 43 moves the break to 20-24.10.2025."""
        sy = school_year(2025, calendar=_calendar(autumn_break_week=43))
        assert (D(2025, 10, 20), D(2025, 10, 24)) == sy.event("autumn_break")

    def test_explicit_break_replaces_its_kind(self):
        """A winter break given as dates replaces the week, and school starts earlier to keep the count."""
        long_break = Break(
            kind="winter", start=D(2026, 2, 23), end=D(2026, 3, 3), name="hiihtoloma"
        )
        sy = school_year(
            2025, calendar=_calendar(winter_break_week=10, breaks=[long_break])
        )
        assert ((D(2026, 2, 23), D(2026, 3, 3)), long_break, D(2025, 8, 4), 188) == (
            sy.event("winter_break"),
            sy.break_containing(D(2026, 3, 2)),
            sy.first_day,
            sy.working_day_count,
        )

    def test_other_break_is_added(self):
        """A break of kind 'other' is added to the defaults."""
        extra = Break(kind="other", start=D(2025, 9, 5), end=D(2025, 9, 5), name="tyhy")
        sy = school_year(2025, calendar=_calendar(breaks=[extra]))
        assert (5, extra) == (len(sy.breaks), sy.break_containing(D(2025, 9, 5)))

    def test_extra_day_off(self):
        """A day off on Friday 15.5.2026 moves the default first day back to Tuesday 5.8.2025."""
        sy = school_year(2025, calendar=_calendar(days_off=[D(2026, 5, 15)]))
        assert (D(2025, 8, 5), 188, False) == (
            sy.first_day,
            sy.working_day_count,
            sy.is_school_day(D(2026, 5, 15)),
        )

    def test_extra_school_day(self):
        """A working Saturday 14.2.2026 moves the default first day on to Thursday 7.8.2025."""
        sy = school_year(2025, calendar=_calendar(school_days=[D(2026, 2, 14)]))
        assert (D(2025, 8, 7), 188, True) == (
            sy.first_day,
            sy.working_day_count,
            sy.is_school_day(D(2026, 2, 14)),
        )

    def test_last_day_friday(self):
        """Ending on Friday 29.5.2026 loses the Saturday, so school starts a day earlier."""
        sy = school_year(2025, calendar=_calendar(last_day=D(2026, 5, 29)))
        assert (D(2025, 8, 5), D(2026, 5, 29), D(2026, 5, 30), 188) == (
            sy.first_day,
            sy.last_day,
            sy.statutory_end,
            sy.working_day_count,
        )

    def test_first_day_is_kept(self):
        """An explicit first day is kept even when the count falls short."""
        sy = school_year(2025, calendar=_calendar(first_day=D(2025, 8, 7)))
        assert (D(2025, 8, 7), 187, 188) == (
            sy.first_day,
            sy.working_day_count,
            sy.required_working_days,
        )

    def test_municipality_from_calendar(self):
        """The municipality code is taken from the calendar when not given."""
        sy = school_year(2025, calendar=_calendar(municipality_code="211"))
        assert "211" == sy.municipality_code

    def test_too_many_days_off(self):
        """When days off make the count impossible, school starts on the first school day of August."""
        off = [D(2026, 3, 2) + dt.timedelta(days=i) for i in range(60)]
        sy = school_year(2025, calendar=_calendar(days_off=off))
        assert (D(2025, 8, 1), True) == (sy.first_day, sy.working_day_count < 188)


class TestBadInput:
    @pytest.mark.parametrize(
        "year", ["2026/2027", "2026-2028", "2026", "", "2026-2027 "]
    )
    def test_bad_year_text(self, year):
        """A school year text not like '2026-2027' is a ValidationError."""
        with pytest.raises(
            ValidationError, match=re.escape("school_year must look like '2026-2027'")
        ):
            school_year(year)

    @pytest.mark.parametrize("year", [1998, 9999, True, 2026.0])
    def test_bad_year_number(self, year):
        """A year outside 1999-9998, or not an int, is a ValidationError."""
        with pytest.raises(ValidationError, match=r"^year must be"):
            school_year(year)

    def test_bad_language(self):
        """An unknown language is a ValidationError listing fi, sv and en."""
        with pytest.raises(
            ValidationError,
            match=re.escape("Unknown language 'sv_FI'; expected one of: en, fi, sv"),
        ):
            school_year(2025, language="sv_FI")  # type: ignore[arg-type]

    @pytest.mark.parametrize("code", ["21", "2110", "abc", 211])
    def test_bad_municipality(self, code):
        """A municipality code that is not 3 digits is a ValidationError."""
        with pytest.raises(
            ValidationError, match=re.escape("municipality_code must be a 3-digit")
        ):
            school_year(2025, municipality_code=code)

    def test_calendar_of_other_year(self):
        """A calendar for another school year is a ValidationError."""
        cal = SchoolCalendar(id="x", school_year="2026-2027")
        with pytest.raises(
            ValidationError,
            match=re.escape(
                "calendar.school_year must be '2025-2026' (got '2026-2027')"
            ),
        ):
            school_year(2025, calendar=cal)

    def test_municipality_conflict(self):
        """A municipality code that contradicts the calendar's is a ValidationError."""
        with pytest.raises(
            ValidationError,
            match=re.escape("must match calendar.municipality_code '211'"),
        ):
            school_year(
                2025,
                municipality_code="098",
                calendar=_calendar(municipality_code="211"),
            )

    def test_last_day_on_sunday(self):
        """A last day on a Sunday is a ValidationError naming the date."""
        with pytest.raises(
            ValidationError,
            match=re.escape(
                "calendar.last_day must be a school day (got 2026-05-31, a Sunday)"
            ),
        ):
            school_year(2025, calendar=_calendar(last_day=D(2026, 5, 31)))

    def test_first_day_after_last(self):
        """A first day after the last day is a ValidationError."""
        with pytest.raises(
            ValidationError, match=re.escape("calendar.first_day must not come after")
        ):
            school_year(
                2025,
                calendar=_calendar(first_day=D(2026, 6, 1), last_day=D(2026, 5, 29)),
            )

    def test_break_outside_year(self):
        """A break outside 1.8-31.7 is a ValidationError."""
        b = Break(kind="other", start=D(2026, 8, 3), end=D(2026, 8, 4))
        with pytest.raises(
            ValidationError,
            match=re.escape("calendar.breaks must lie within the school year"),
        ):
            school_year(2025, calendar=_calendar(breaks=[b]))

    def test_day_off_outside_year(self):
        """A day off outside the school year is a ValidationError."""
        with pytest.raises(
            ValidationError, match=re.escape("calendar.days_off must lie within")
        ):
            school_year(2025, calendar=_calendar(days_off=[D(2025, 7, 31)]))

    def test_winter_week_53_missing(self):
        """A break week that the ISO year lacks is a ValidationError."""
        with pytest.raises(
            ValidationError,
            match=re.escape("iso_week must be a week 1-52 of the ISO year 2025"),
        ):
            school_year(2025, calendar=_calendar(winter_break_week=53))

    def test_no_school_days(self):
        """A calendar that leaves no school day at all is a ValidationError."""
        cal = _calendar(last_day=D(2025, 8, 1), days_off=[D(2025, 8, 1)])
        with pytest.raises(ValidationError, match=re.escape("leaves no school days")):
            school_year(2025, calendar=cal)

    def test_christmas_swallows_autumn(self):
        """A Christmas break covering the whole autumn leaves no autumn term."""
        b = Break(kind="christmas", start=D(2025, 8, 1), end=D(2026, 1, 6))
        with pytest.raises(
            ValidationError,
            match=re.escape("school days before and after the Christmas break"),
        ):
            school_year(2025, calendar=_calendar(breaks=[b], first_day=D(2026, 1, 7)))

    def test_evolve_revalidates(self):
        """attrs.evolve with a bad language raises, as construction does."""
        with pytest.raises(ValidationError):
            attrs.evolve(school_year(2025), language="de")


HOLIDAY_NAMES = {
    "fi": {
        D(2025, 12, 6): "Itsenäisyyspäivä",
        D(2026, 1, 6): "Loppiainen",
        D(2026, 4, 3): "Pitkäperjantai",
        D(2026, 4, 6): "Toinen pääsiäispäivä",
        D(2026, 5, 1): "Vappu",
        D(2026, 5, 14): "Helatorstai",
        D(2026, 6, 19): "Juhannusaatto",
    },
    "sv": {
        D(2025, 12, 6): "Självständighetsdagen",
        D(2026, 1, 6): "Trettondag",
        D(2026, 4, 3): "Långfredagen",
        D(2026, 4, 6): "Annandag påsk",
        D(2026, 5, 1): "Första maj",
        D(2026, 5, 14): "Kristi himmelsfärdsdag",
        D(2026, 6, 19): "Midsommarafton",
    },
    "en": {
        D(2025, 12, 6): "Independence Day",
        D(2026, 1, 6): "Epiphany",
        D(2026, 4, 3): "Good Friday",
        D(2026, 4, 6): "Easter Monday",
        D(2026, 5, 1): "May Day",
        D(2026, 5, 14): "Ascension Day",
        D(2026, 6, 19): "Midsummer Eve",
    },
}

_NAMES_SCRIPT = """
import json
from oppilashuolto.schoolyear import school_year
print(json.dumps({
    lang: {h.date.isoformat(): h.name for h in school_year(2025, language=lang).holidays}
    for lang in ("fi", "sv", "en")
}))
"""


class TestHolidayNames:
    @pytest.mark.parametrize("language", ["fi", "sv", "en"])
    def test_pinned_names(self, language):
        """Holiday names are pinned in Finnish, Swedish and English."""
        names = {h.date: h.name for h in school_year(2025, language=language).holidays}
        assert HOLIDAY_NAMES[language] == {d: names[d] for d in HOLIDAY_NAMES[language]}

    def test_holidays_within_span(self):
        """The holidays run from All Saints' Day 1.11.2025 to Midsummer Day 20.6.2026."""
        hs = school_year(2025).holidays
        assert (D(2025, 11, 1), D(2026, 6, 20), 15) == (
            hs[0].date,
            hs[-1].date,
            len(hs),
        )

    def test_names_do_not_follow_locale(self):
        """Names are the same under LANG=C and LANG=C.UTF-8, in every language."""
        expected = {
            lang: {d.isoformat(): name for d, name in names.items()}
            for lang, names in HOLIDAY_NAMES.items()
        }
        for lang in ("C", "C.UTF-8"):
            got = json.loads(_run(_NAMES_SCRIPT, lang))
            assert expected == {
                language: {d: got[language][d] for d in names}
                for language, names in expected.items()
            }, lang

    def test_locale_control(self):
        """Without language=, the holidays package does follow LANG (so the test above can fail)."""
        code = (
            "import datetime, holidays; "
            "print(holidays.country_holidays('FI', years=2025)[datetime.date(2025, 12, 6)])"
        )
        assert ("Itsenäisyyspäivä", "Independence Day") == (
            _run(code, "C").strip(),
            _run(code, "C.UTF-8").strip(),
        )

    def test_import_is_lazy(self):
        """Importing oppilashuolto and its schoolyear module does not import holidays."""
        code = "import sys, oppilashuolto, oppilashuolto.schoolyear; print('holidays' in sys.modules)"
        assert "False" == _run(code, "C.UTF-8").strip()


FI_2025 = """\
Lukuvuosi 2025–2026: pe 1.8.2025 – pe 31.7.2026
Kunta:               098
Koulutyö alkaa:      ke 6.8.2025
Koulutyö päättyy:    la 30.5.2026
Syyslukukausi:       ke 6.8.2025 – pe 19.12.2025
Kevätlukukausi:      ke 7.1.2026 – la 30.5.2026
Lomat:
  syysloma           ma 13.10.2025 – pe 17.10.2025
  joululoma          ma 22.12.2025 – ti 6.1.2026
  talviloma          ma 23.2.2026 – pe 27.2.2026
  pääsiäinen         pe 3.4.2026 – ma 6.4.2026
Pyhäpäivät koulutyön aikana:
  la 1.11.2025       Pyhäinpäivä
  la 6.12.2025       Itsenäisyyspäivä
  ke 24.12.2025      Jouluaatto
  to 25.12.2025      Joulupäivä
  pe 26.12.2025      Tapaninpäivä
  to 1.1.2026        Uudenvuodenpäivä
  ti 6.1.2026        Loppiainen
  pe 3.4.2026        Pitkäperjantai
  su 5.4.2026        Pääsiäispäivä
  ma 6.4.2026        Toinen pääsiäispäivä
  pe 1.5.2026        Vappu
  to 14.5.2026       Helatorstai
  su 24.5.2026       Helluntaipäivä
Työpäiviä:           188 (lain mukaan: 188)"""


class TestFormat:
    def test_finnish(self):
        """The Finnish summary of the default 2025-2026 calendar is pinned line by line."""
        assert FI_2025 == format_school_year(
            school_year(2025, municipality_code="098"), language="fi"
        )

    def test_swedish_labels_and_names(self):
        """The Swedish summary uses Swedish labels, weekdays and holiday names."""
        lines = format_school_year(school_year(2025), language="sv").splitlines()
        assert (
            "Läsår 2025–2026:    fre 1.8.2025 – fre 31.7.2026",
            "  sportlov          mån 23.2.2026 – fre 27.2.2026",
            "  lör 6.12.2025     Självständighetsdagen",
            "Arbetsdagar:        188 (enligt lag: 188)",
        ) == (lines[0], lines[8], lines[12], lines[-1])

    def test_english_uses_format_language(self):
        """English text uses English holiday names even for a school year built in Finnish."""
        text = format_school_year(school_year(2025, language="fi"), language="en")
        assert ("Independence Day" in text, "Itsenäisyyspäivä" in text) == (True, False)

    def test_own_break_name_shown(self):
        """A calendar's own break name is shown after the label of its kind."""
        b = Break(
            kind="winter", start=D(2026, 2, 23), end=D(2026, 2, 27), name="hiihtoloma"
        )
        text = format_school_year(
            school_year(2025, calendar=_calendar(breaks=[b])), language="fi"
        )
        assert (
            "  talviloma (hiihtoloma) ma 23.2.2026 – pe 27.2.2026" in text.splitlines()
        )

    def test_bad_language(self):
        """An unknown language is a ValidationError."""
        with pytest.raises(ValidationError, match=re.escape("Unknown language 'de'")):
            format_school_year(school_year(2025), language="de")  # type: ignore[arg-type]


class TestProperties:
    @settings(deadline=None, database=None)
    @given(st.integers(min_value=2015, max_value=2040))
    def test_count_and_end(self, year):
        """For 2015-2040 the default count is 190 minus weekday reductions and the end is week 22's Saturday."""
        sy = school_year(year)
        reducing = (D(year, 12, 6), D(year + 1, 1, 6), D(year + 1, 5, 1))
        expected = 190 - sum(1 for d in reducing if d.weekday() < 5)
        end = sy.statutory_end
        assert (expected, expected, (year + 1, 22, 6)) == (
            sy.required_working_days,
            sy.working_day_count,
            tuple(end.isocalendar()),
        )

    @settings(deadline=None, database=None)
    @given(
        st.integers(min_value=2015, max_value=2040),
        st.integers(min_value=0, max_value=364),
    )
    def test_next_school_day(self, year, offset):
        """The next school day comes after the day, with no school day between them."""
        sy = school_year(year)
        day = sy.start + dt.timedelta(days=offset)
        nxt = sy.next_school_day(day)
        between = [d for d in sy.school_days if day < d < (nxt or sy.end)]
        assert ([], True) == (
            between,
            nxt is None or (nxt > day and sy.is_school_day(nxt)),
        )

    @settings(database=None)
    @given(
        st.integers(min_value=2015, max_value=2040),
        st.integers(min_value=1, max_value=52),
    )
    def test_week_range_is_monday_to_sunday(self, year, week):
        """Every week range runs from a Monday to the Sunday six days later."""
        monday, sunday = week_of_school_year(year, week)
        assert (0, 6, week) == (
            monday.weekday(),
            (sunday - monday).days,
            monday.isocalendar().week,
        )
