"""The yearly clock of a synthetic school: about 30 entries from a shared template."""

from __future__ import annotations

import datetime as dt
import random

from functools import cache
from typing import Any

from attrs import frozen

from oppilashuolto.model import (
    ClockEntry,
    Period,
    Recurrence,
    Ring,
    Timing,
    YearlyClock,
)


__all__ = ["RINGS", "school_clock"]

RINGS = (
    Ring(id="teemat", name="Teemat", name_en="Themes", colour="#1e90ff"),
    Ring(id="kokoukset", name="Kokoukset", name_en="Meetings", colour="#2e8b57"),
    Ring(
        id="kyselyt", name="Kyselyt ja arviointi", name_en="Surveys", colour="#ff8c00"
    ),
    Ring(id="yhteistyo", name="Yhteistyö", name_en="Cooperation", colour="#9932cc"),
)
"""The four rings every synthetic clock has."""

_ODD_YEARS = Recurrence(frequency="every_other_year", anchor_year=2017)
"""The School Health Promotion study runs in odd years (2017, 2019, …)."""


@frozen
class _Spec:
    key: str
    title: str
    ring: str
    timing: dict[str, Any]
    roles: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    level: str = "all"  # "all", "basic" or "upper"
    optional: bool = False
    odd_years: bool = False


# The welfare group's own meetings are timed; the weeks are ISO weeks of the school year.
_MEETING_WEEKS = (34, 43, 4, 16)
_WEEKDAYS = ("tuesday", "wednesday", "thursday")
_TIMES = ((dt.time(14), dt.time(15, 30)), (dt.time(8), dt.time(9, 30)))

_SPECS = (
    _Spec("aloitus", "Lukuvuoden aloitus ja ryhmäytyminen", "teemat",
          {"term": "autumn", "term_part": "start", "duration_weeks": 3},
          ("class_teacher", "subject_teacher"), ("pupils", "school_communities")),
    _Spec("lukuvuosisuunnitelma", "Lukuvuosisuunnitelman hyväksyminen", "kokoukset",
          {"weeks": (35,)}, ("principal",)),
    _Spec("vanhempainillat", "Yhteisöllinen opiskeluhuolto vanhempainilloissa", "yhteistyo",
          {"months": (9,)}, ("principal",), ("guardians",)),
    _Spec("edustajat", "Oppilas- ja huoltajaedustajat opiskeluhuoltoryhmään", "yhteistyo",
          {"weeks": (37, 38)}, ("principal",), ("pupils", "guardians")),
    _Spec("terveystarkastukset", "Terveystarkastukset", "teemat",
          {"months": (9, 10)}, ("school_nurse", "school_doctor"), ("pupils",)),
    _Spec("liikkuva-koulu", "Liikkuva koulu -teemaviikko", "teemat",
          {"weeks": (38,)}, ("subject_teacher",), ("pupils",), optional=True),
    _Spec("poistumisharjoitus", "Turvallisuuskävely ja poistumisharjoitus", "teemat",
          {"months": (10,)}, ("principal",), ("school_communities",), optional=True),
    _Spec("hyvinvointikysely", "Oppilaskunnan hyvinvointikysely", "kyselyt",
          {"weeks": (41,)}, ("curator",), ("pupils",)),
    _Spec("syksyn-valitarkastelu", "Syksyn hyvinvoinnin välitarkastelu", "teemat",
          {"anchor": "autumn_break", "offset_weeks": -1, "duration_weeks": 1},
          ("class_teacher", "curator"), ("pupils",)),
    _Spec("kiusaaminen", "Turvallisuus ja kiusaamisen ehkäisy", "teemat",
          {"months": (11,)}, ("curator", "school_psychologist"), ("school_communities",)),
    _Spec("sosiaalitoimi", "Yhteistyöpalaveri lastensuojelun ja perhepalvelujen kanssa",
          "yhteistyo", {"months": (11,)}, ("curator", "social_worker")),
    _Spec("syksyn-arviointi", "Syyslukukauden tukitoimien arviointi", "kyselyt",
          {"term": "autumn", "term_part": "end", "duration_weeks": 2},
          ("special_education_teacher",), ("special_needs_pupils",)),
    _Spec("tunnetaidot", "Tunne- ja vuorovaikutustaitojen jakso", "teemat",
          {"months": (1,)}, ("school_psychologist", "class_teacher"), ("pupils",), optional=True),
    _Spec("kodin-ja-koulun-ilta", "Kodin ja koulun yhteistyöilta", "yhteistyo",
          {"weeks": (3,), "weekday": "tuesday", "start_time": dt.time(18),
           "end_time": dt.time(19, 30)}, ("principal",), ("guardians",)),
    _Spec("mieli", "Mielen hyvinvoinnin teemaviikko", "teemat",
          {"anchor": "winter_break", "offset_weeks": -1, "duration_weeks": 1},
          ("school_psychologist", "school_nurse"), ("pupils", "school_communities")),
    _Spec("paihteet", "Päihde- ja mediakasvatus", "teemat",
          {"months": (2,)}, ("school_nurse", "curator"), ("pupils",)),
    _Spec("kouluterveyskysely", "Kouluterveyskysely", "kyselyt",
          {"months": (3, 4)}, ("principal",), ("pupils", "guardians"), odd_years=True),
    _Spec("kyselyn-kasittely", "Kouluterveyskyselyn tulosten käsittely", "kyselyt",
          {"term": "autumn", "term_part": "middle", "duration_weeks": 4},
          ("principal", "school_nurse"), ("school_communities",), odd_years=True),
    _Spec("kevatkysely", "Kevään hyvinvointikysely", "kyselyt",
          {"months": (4,)}, ("curator",), ("pupils",)),
    _Spec("suunnitelma", "Opiskeluhuoltosuunnitelman ja vuosikellon päivitys", "kokoukset",
          {"anchor": "spring_term_end", "offset_weeks": -2, "duration_weeks": 1},
          ("principal",)),
    _Spec("arviointi", "Yhteisöllisen opiskeluhuollon arviointi", "kyselyt",
          {"term": "spring", "term_part": "end", "duration_weeks": 2}, ("principal",),
          ("school_communities",)),
    _Spec("paatos", "Lukuvuoden päätös ja kesän turvallisuus", "teemat",
          {"anchor": "last_school_day", "offset_days": -7, "duration_days": 7},
          ("class_teacher",), ("pupils", "guardians")),
    _Spec("esiopetus", "Nivelvaihe: esiopetuksesta perusopetukseen", "yhteistyo",
          {"months": (4, 5)}, ("pre_primary_teacher", "principal"),
          ("school_starters", "guardians"), level="basic"),
    _Spec("ylakoulu", "Nivelvaihe: alakoulusta yläkouluun", "yhteistyo",
          {"term": "spring", "term_part": "end", "duration_weeks": 3},
          ("special_education_teacher", "guidance_counsellor"), ("pupils",), level="basic"),
    _Spec("tet", "Työelämään tutustumisen jakso", "teemat",
          {"weeks": (10,)}, ("guidance_counsellor",), ("pupils",), level="basic"),
    _Spec("valinnaiset", "Valinnaisaineiden ja jatko-opintojen ohjaus", "teemat",
          {"months": (2, 3)}, ("guidance_counsellor",), ("pupils", "guardians"), level="basic"),
    _Spec("laajat-tarkastukset", "Laajat terveystarkastukset (1., 5. ja 8. luokka)", "teemat",
          {"term": "autumn", "term_part": "whole"}, ("school_nurse", "school_doctor"),
          ("pupils", "guardians"), level="basic"),
    _Spec("oppimissuunnitelmat", "Oppimissuunnitelmien ja HOJKS:ien päivitys", "kokoukset",
          {"weeks": (40, 41)}, ("special_education_teacher",), ("special_needs_pupils",),
          level="basic"),
    _Spec("opiskeluterveys", "Opiskeluterveydenhuollon terveystarkastukset", "teemat",
          {"term": "autumn", "term_part": "whole"}, ("school_nurse",), ("students",),
          level="upper"),
    _Spec("tutorit", "Tutoreiden ja ryhmänohjaajien koulutus", "teemat",
          {"weeks": (33,)}, ("guidance_counsellor",), ("students",), level="upper"),
    _Spec("yo-kokeet", "Tuki ylioppilaskokeisiin valmistautumiseen", "teemat",
          {"months": (2, 3)}, ("guidance_counsellor", "school_psychologist"),
          ("students",), level="upper"),
    _Spec("jatko-opinnot", "Jatko-opintojen ohjausviikko", "teemat",
          {"weeks": (45,)}, ("guidance_counsellor",), ("students",), level="upper"),
    _Spec("opintojen-edistyminen", "Opintojen edistymisen seuranta", "kyselyt",
          {"term": "spring", "term_part": "middle", "duration_weeks": 2},
          ("guidance_counsellor",), ("students",), level="upper"),
    _Spec("opiskelijakunta", "Opiskelijakunnan hyvinvointifoorumi", "yhteistyo",
          {"months": (10,)}, ("principal",), ("students",), level="upper"),
    _Spec("ensiapu", "Ensiapukoulutus henkilöstölle", "teemat",
          {"months": (8,)}, ("school_nurse",), ("staff",), optional=True),
    _Spec("kiva-tunnit", "Kiusaamisen vastaiset oppitunnit", "teemat",
          {"weeks": (44,)}, ("class_teacher",), ("pupils",), optional=True),
    _Spec("ruokailu", "Kouluruokailun ja välipalojen tarkastelu", "teemat",
          {"months": (12,)}, ("school_nurse",), ("pupils",), optional=True),
    _Spec("lukuinto", "Lukemisen teemaviikko", "teemat",
          {"weeks": (6,)}, ("class_teacher",), ("pupils",), optional=True),
    _Spec("henkilostokysely", "Henkilöstön työhyvinvointikysely", "kyselyt",
          {"months": (11,)}, ("principal",), ("staff",), optional=True),
    _Spec("digi", "Digitaalinen hyvinvointi ja ruutuaika", "teemat",
          {"months": (3,)}, ("curator",), ("pupils", "guardians"), optional=True),
    _Spec("oppilaskunta", "Oppilaskunnan hallituksen tapaaminen", "yhteistyo",
          {"weeks": (42,)}, ("principal",), ("pupils",), optional=True),
    _Spec("kevatretki", "Kevään teemapäivä ja retki", "teemat",
          {"anchor": "last_school_day", "offset_weeks": -2, "duration_days": 1},
          ("class_teacher",), ("pupils",), optional=True),
)  # fmt: skip
_OPTIONAL_PICKS = 1


@cache
def _timing(spec_key: str) -> Timing:
    spec = next(s for s in _SPECS if s.key == spec_key)
    return Timing(**spec.timing)


@cache
def _meeting_timing(week: int, weekday: str, slot: int) -> Timing:
    start, end = _TIMES[slot]
    return Timing(weeks=(week,), weekday=weekday, start_time=start, end_time=end)


def _entry(spec: _Spec) -> ClockEntry:
    return ClockEntry(
        id=spec.key,
        title=spec.title,
        ring_id=spec.ring,
        timing=_timing(spec.key),
        recurrence=_ODD_YEARS if spec.odd_years else Recurrence(),
        responsible_roles=spec.roles,
        target_groups=spec.targets,
    )


@cache
def _shared_entry(spec_key: str) -> ClockEntry:
    # entries without a school's ids are equal everywhere: one object serves all clocks
    return _entry(next(s for s in _SPECS if s.key == spec_key))


def school_clock(
    rng: random.Random,
    *,
    school_id: str,
    school_name: str,
    group_id: str,
    upper: bool,
    since: dt.date,
) -> YearlyClock:
    """
    Return the yearly clock of a school: the template's entries plus its group's meetings.

    Args:
        rng: The generator's random source.
        school_id: The school, owner of the clock.
        school_name: Its name.
        group_id: Its school welfare group, responsible for the meetings.
        upper: An upper-secondary school (else basic education).
        since: When the clock came into use.
    """
    level = "upper" if upper else "basic"
    fixed = [s for s in _SPECS if not s.optional and s.level in ("all", level)]
    optional = [s for s in _SPECS if s.optional]
    chosen = {s.key for s in rng.sample(optional, _OPTIONAL_PICKS)}
    weekday = rng.choice(_WEEKDAYS)
    slot = rng.randrange(len(_TIMES))
    entries = [_shared_entry(s.key) for s in fixed]
    entries += [_shared_entry(s.key) for s in optional if s.key in chosen]
    entries += [
        ClockEntry(
            id=f"ohr-kokous-{n}",
            title=f"Opiskeluhuoltoryhmän kokous {n}/{len(_MEETING_WEEKS)}",
            ring_id="kokoukset",
            timing=_meeting_timing(week, weekday, slot),
            responsible_roles=("principal",),
            responsible_ids=(group_id,),
        )
        for n, week in enumerate(_MEETING_WEEKS, start=1)
    ]
    return YearlyClock(
        id=f"vuosikello-{school_id}",
        name=f"Opiskeluhuollon vuosikello: {school_name}",
        owner_ids=(school_id,),
        target_groups=("school_communities",),
        status="in_use",
        rings=RINGS,
        entries=entries,
        period=Period.from_dates(since, None),
    )
