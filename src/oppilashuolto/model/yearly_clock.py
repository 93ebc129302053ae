"""Yearly clocks (vuosikello): rings of recurring themes across the school year."""

from __future__ import annotations

import datetime as dt
import re

from typing import Any

import attrs

from attrs import field, frozen

from oppilashuolto.errors import ValidationError
from oppilashuolto.model._validators import (
    codes,
    end_after_start_time,
    fail,
    identifier,
    identifiers,
    ints_between,
    non_empty,
    one_of,
    optional_code,
    optional_identifier,
    texts,
    to_str_tuple,
    to_tuple,
)
from oppilashuolto.model.common import Contribution
from oppilashuolto.model.dates import Period
from oppilashuolto.model.legal import LegalReference


__all__ = [
    "ANCHORS",
    "RECURRENCES",
    "TERM_PARTS",
    "ClockEntry",
    "Recurrence",
    "Ring",
    "Timing",
    "YearlyClock",
]

ANCHORS = (
    "first_school_day",
    "last_school_day",
    "autumn_term_start",
    "autumn_term_end",
    "spring_term_start",
    "spring_term_end",
    "autumn_break",
    "christmas_break",
    "winter_break",
    "easter",
)
"""School-year events an entry can be timed relative to."""
TERM_PARTS = ("start", "middle", "end", "whole")
RECURRENCES = ("yearly", "every_other_year", "every_term", "once")
_COLOUR = re.compile(r"^#[0-9a-f]{6}$")


def _positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, int) or value < 1):
        fail(attribute, "a positive whole number", value)


@frozen(kw_only=True)
class Timing:
    """
    When an entry falls within a school year.

    Set exactly one of *months*, *weeks*, *term*, *anchor* or *dates*:

    - ``months=(9,)``: all of September (or several months);
    - ``weeks=(42,)``: ISO week 42 of the school year;
    - ``term="autumn", term_part="start", duration_weeks=2``: the first two
      weeks of the autumn term;
    - ``anchor="winter_break", offset_weeks=-1``: the week before the winter break;
    - ``dates=(Period.from_edtf("2026-09-26"),)``: explicit days or spans.

    *start_time* and *end_time* make the items timed (Europe/Helsinki);
    otherwise they are all-day.

    Attributes:
        months: Months 1–12.
        weeks: ISO weeks 1–53.
        term: ``"autumn"`` or ``"spring"``.
        term_part: ``"start"``, ``"middle"``, ``"end"`` or ``"whole"``.
        anchor: One of `ANCHORS`.
        offset_weeks: Weeks after (or, negative, before) the anchor.
        offset_days: Days after (or before) the anchor.
        duration_weeks: Length in weeks for term parts and anchors.
        duration_days: Length in days for term parts and anchors.
        weekday: Limit to one weekday, such as ``"tuesday"``.
        dates: Explicit days or spans.
        start_time: Local start time.
        end_time: Local end time.
        description: The timing as the source words it.

    Examples:
        >>> Timing(anchor="winter_break", offset_weeks=-1).kind
        'anchor'
        >>> Timing(months=(9,), weeks=(36,))
        Traceback (most recent call last):
        ...
        oppilashuolto.errors.ValidationError: timing must set exactly one of months, weeks, term, anchor or dates (got months, weeks)
    """

    months: tuple[int, ...] = field(
        default=(), converter=to_tuple, validator=ints_between(1, 12, "months")
    )
    weeks: tuple[int, ...] = field(
        default=(), converter=to_tuple, validator=ints_between(1, 53, "ISO weeks")
    )
    term: str = field(default="", validator=one_of(("", "autumn", "spring")))
    term_part: str = field(default="", validator=one_of(("", *TERM_PARTS)))
    anchor: str = field(default="", validator=one_of(("", *ANCHORS)))
    offset_weeks: int = 0
    offset_days: int = 0
    duration_weeks: int | None = field(default=None, validator=_positive)
    duration_days: int | None = field(default=None, validator=_positive)
    weekday: str = field(
        default="",
        validator=one_of(
            (
                "",
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            )
        ),
    )
    dates: tuple[Period, ...] = field(default=(), converter=to_tuple)
    start_time: dt.time | None = None
    end_time: dt.time | None = field(default=None, validator=end_after_start_time)
    description: str = ""

    def __attrs_post_init__(self) -> None:
        chosen = [
            name
            for name, value in (
                ("months", self.months),
                ("weeks", self.weeks),
                ("term", self.term),
                ("anchor", self.anchor),
                ("dates", self.dates),
            )
            if value
        ]
        if len(chosen) != 1:
            got = ", ".join(chosen) if chosen else "none"
            msg = f"timing must set exactly one of months, weeks, term, anchor or dates (got {got})"
            raise ValidationError(msg)
        if self.term and not self.term_part:
            msg = "timing with a term must also set term_part ('start', 'middle', 'end' or 'whole')"
            raise ValidationError(msg)
        for period in self.dates:
            if period.start is None or period.end is None:
                msg = f"timing dates must be bounded periods (got {period.to_edtf()!r})"
                raise ValidationError(msg)

    @property
    def kind(self) -> str:
        """``"months"``, ``"weeks"``, ``"term"``, ``"anchor"`` or ``"dates"``."""
        if self.months:
            return "months"
        if self.weeks:
            return "weeks"
        if self.term:
            return "term"
        if self.anchor:
            return "anchor"
        return "dates"

    def is_timed(self) -> bool:
        """Tell whether items have clock times (otherwise they are all-day)."""
        return self.start_time is not None


@frozen(kw_only=True)
class Recurrence:
    """
    How often an entry recurs.

    Attributes:
        frequency: ``"yearly"`` (every school year), ``"every_other_year"``,
            ``"every_term"`` or ``"once"``.
        anchor_year: For ``"every_other_year"``, a calendar year in which the
            entry happens (2017 for the School Health Promotion study); it then
            happens in the years of the same parity.
        school_year: For ``"once"``, the school year, such as ``"2026-2027"``.

    Examples:
        >>> Recurrence(frequency="every_other_year", anchor_year=2017).occurs_in_year(2027)
        True
    """

    frequency: str = field(default="yearly", validator=one_of(RECURRENCES))
    anchor_year: int | None = None
    school_year: str = ""

    def __attrs_post_init__(self) -> None:
        if self.frequency == "every_other_year" and self.anchor_year is None:
            msg = "recurrence 'every_other_year' must set anchor_year, such as 2017"
            raise ValidationError(msg)
        if self.frequency == "once" and not self.school_year:
            msg = "recurrence 'once' must set school_year, such as '2026-2027'"
            raise ValidationError(msg)

    def occurs_in_year(self, year: int) -> bool:
        """Tell whether an item dated in calendar year *year* belongs to the recurrence."""
        if self.frequency == "every_other_year":
            assert self.anchor_year is not None  # noqa: S101 - checked on construction
            return (year - self.anchor_year) % 2 == 0
        return True


def _month(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 12:
        fail(attribute, "a month 1–12", value)


def _colour(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value and _COLOUR.match(value) is None:
        fail(attribute, "a lowercase hex colour like '#1e90ff' or empty", value)


@frozen(kw_only=True)
class Ring:
    """
    A ring (layer) of a yearly clock, such as "themes" or "meetings".

    Attributes:
        id: Id of the ring, unique inside its clock.
        name: Finnish (or the only) name.
        name_sv: Swedish name.
        name_en: English name.
        colour: Hex colour, such as ``"#1e90ff"``.
    """

    id: str = field(validator=identifier)
    name: str = field(validator=non_empty)
    name_sv: str = ""
    name_en: str = ""
    colour: str = field(default="", validator=_colour)


@frozen(kw_only=True)
class ClockEntry:
    """
    A recurring item of a yearly clock.

    Attributes:
        id: Id of the entry, unique inside its clock.
        title: Finnish (or the only) title.
        title_sv: Swedish title.
        title_en: English title.
        description: Finnish description.
        description_sv: Swedish description.
        description_en: English description.
        ring_id: The ring it sits on.
        timing: When it falls.
        recurrence: How often.
        responsible_roles: Profession or role codes responsible.
        responsible_ids: Groups, organisations or people responsible.
        partner_ids: Partners.
        target_groups: Codes from ``target_groups``.
        legal_basis: Sections it rests on.
        illustrative: The source does not state this entry (an example).
        revision: Raised when its time changes (for calendar SEQUENCE).
        updated: When the entry last changed (UTC), for calendar stamps.
    """

    id: str = field(validator=identifier)
    title: str = field(validator=non_empty)
    title_sv: str = ""
    title_en: str = ""
    description: str = ""
    description_sv: str = ""
    description_en: str = ""
    ring_id: str | None = field(default=None, validator=optional_identifier)
    timing: Timing
    recurrence: Recurrence = field(factory=Recurrence)
    responsible_roles: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    responsible_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    partner_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    target_groups: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    legal_basis: tuple[LegalReference, ...] = field(default=(), converter=to_tuple)
    illustrative: bool = False
    revision: int = 0
    updated: dt.datetime | None = None


def _entries(
    instance: YearlyClock,
    attribute: attrs.Attribute[Any],
    value: tuple[ClockEntry, ...],
) -> None:
    rings = {r.id for r in instance.rings}
    if len(rings) != len(instance.rings):
        msg = f"yearly clock {instance.id!r}: ring ids must be distinct"
        raise ValidationError(msg)
    seen: set[str] = set()
    for entry in value:
        if entry.id in seen:
            msg = f"yearly clock {instance.id!r}: entry id {entry.id!r} is repeated"
            raise ValidationError(msg)
        seen.add(entry.id)
        if entry.ring_id is not None and entry.ring_id not in rings:
            msg = (
                f"yearly clock {instance.id!r}: entry {entry.id!r} ring_id "
                f"{entry.ring_id!r} not found"
            )
            raise ValidationError(msg, [(msg, f"{attribute.name}")])


@frozen(kw_only=True)
class YearlyClock:
    """
    A yearly clock (vuosikello): rings of entries recurring across the school year.

    Attributes:
        id: Id of the record.
        name: Finnish (or the only) name.
        name_sv: Swedish name.
        name_en: English name.
        owner_ids: Organisations or groups that own the clock.
        scope: Whom or what it covers, as the source words it.
        target_groups: Codes from ``target_groups``.
        status: Code from ``project_statuses``.
        start_month: The month at the top of the wheel (8: August).
        rings: Its rings.
        entries: Its entries.
        contributions: Who built, reviewed, maintains or evaluates it.
        basis: Guides and sources it is built on.
        period: When it is in use.
        note: Free text from the source.
    """

    id: str = field(validator=identifier)
    name: str = field(validator=non_empty)
    name_sv: str = ""
    name_en: str = ""
    owner_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    scope: str = ""
    target_groups: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    status: str = field(default="", validator=optional_code)
    start_month: int = field(default=8, validator=_month)
    rings: tuple[Ring, ...] = field(default=(), converter=to_tuple)
    entries: tuple[ClockEntry, ...] = field(
        default=(), converter=to_tuple, validator=_entries
    )
    contributions: tuple[Contribution, ...] = field(default=(), converter=to_tuple)
    basis: tuple[str, ...] = field(default=(), converter=to_str_tuple, validator=texts)
    period: Period = field(factory=Period.always)
    note: str = field(default="", repr=False)
