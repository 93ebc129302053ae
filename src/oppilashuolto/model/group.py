"""Groups: statutory and voluntary, with their rules, cadence and records."""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs

from attrs import field, frozen

from oppilashuolto.model._validators import (
    code,
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
from oppilashuolto.model.count import Count
from oppilashuolto.model.dates import Period
from oppilashuolto.model.legal import LegalReference


__all__ = [
    "CADENCE_UNITS",
    "WEEKDAYS",
    "Cadence",
    "ChairRule",
    "CompositionRule",
    "Group",
    "RecordKeeping",
]

CADENCE_UNITS = ("year", "term", "month", "week")
WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


def _ordinal(_: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value not in (1, 2, 3, 4, 5, -1):
        fail(attribute, "1–5 or -1 (last)", value)


@frozen(kw_only=True)
class CompositionRule:
    """
    Who sits in a group: a rule, not a list of people.

    Examples are "each municipality names one representative from its steering
    group" (``per="municipality"``, ``role="representative"``, ``count="1"``) or
    "representatives of guardians of minors" (``represents=["guardians"]``).

    Attributes:
        role: Code from the ``roles`` vocabulary.
        count: How many seats the rule gives (per unit, if *per* is set).
        per: Organisation kind each of which gets the seats, such as ``"municipality"``.
        professions: Professions the seats are for.
        services: Codes from ``service_kinds`` the seats come from, when the
            source names services rather than professions ("experts from
            school and student health care").
        organisation_ids: Organisations the seats come from.
        from_group_kind: Group kind the holders are drawn from.
        represents: Target-group codes the seats speak for (guardians, pupils…).
        languages: Languages that must be represented.
        description: The rule as the source words it.
    """

    role: str = field(default="member", validator=code)
    count: Count | None = None
    per: str = field(default="", validator=optional_code)
    professions: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    services: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    organisation_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    from_group_kind: str = field(default="", validator=optional_code)
    represents: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    languages: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    description: str = ""


@frozen(kw_only=True)
class ChairRule:
    """
    How a group gets its chair.

    Attributes:
        appointed_by_id: The group or organisation that names the chair.
        rotation: ``"yearly"``, ``"per_term"``, ``"fixed"`` or empty if unknown.
        duties: What the chair does, such as ``("convene", "chair")``.
        description: The rule as the source words it.
    """

    appointed_by_id: str | None = field(default=None, validator=optional_identifier)
    rotation: str = field(
        default="", validator=one_of(("", "yearly", "per_term", "fixed"))
    )
    duties: tuple[str, ...] = field(default=(), converter=to_str_tuple, validator=codes)
    description: str = ""


@frozen(kw_only=True)
class Cadence:
    """
    When a group meets: "2–3 times a year", "first Tuesday of the month 14–15:30".

    Attributes:
        times: How many meetings per *per* (may be a range, such as ``"2-3"``).
        per: ``"year"``, ``"term"``, ``"month"`` or ``"week"``.
        weekday: Day of the week, such as ``"tuesday"``.
        ordinal: Which such weekday in the month: 1–5, or -1 for the last.
        months: Months the cadence is limited to.
        start_time: Local start time (Europe/Helsinki).
        end_time: Local end time.
        except_breaks: Meetings skip school breaks and holidays.
        location: Where the meetings are held.
        location_id: Organisation hosting the meetings.
        label: What kind of meeting, such as "joint meeting with social services".
        period: When this cadence applies (a yearly venue has its own period).
        revision: Raised when the schedule changes (for calendar SEQUENCE).
        description: The cadence as the source words it.

    Examples:
        >>> c = Cadence(times=Count.from_text("2-3"), per="year")
        >>> c.times.to_text()
        '2-3'
    """

    times: Count | None = None
    per: str = field(default="year", validator=one_of(CADENCE_UNITS))
    weekday: str = field(default="", validator=one_of(("", *WEEKDAYS)))
    ordinal: int | None = field(default=None, validator=_ordinal)
    months: tuple[int, ...] = field(
        default=(), converter=to_tuple, validator=ints_between(1, 12, "months")
    )
    start_time: dt.time | None = None
    end_time: dt.time | None = field(default=None, validator=end_after_start_time)
    except_breaks: bool = True
    location: str = ""
    location_id: str | None = field(default=None, validator=optional_identifier)
    label: str = ""
    period: Period = field(factory=Period.always)
    revision: int = 0
    description: str = ""


@frozen(kw_only=True)
class RecordKeeping:
    """
    Where a group's memos go and who writes them.

    Attributes:
        location: Where the records are kept, such as "peda.net".
        holder_id: The group or organisation that keeps them.
        sent_to_ids: Groups or organisations that receive the memos.
        purpose: Why they are sent, such as ``"for_information"``.
        description: As the source words it.
    """

    location: str = ""
    holder_id: str | None = field(default=None, validator=optional_identifier)
    sent_to_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    purpose: str = field(default="", validator=optional_code)
    description: str = ""


@frozen(kw_only=True)
class Group:
    """
    A statutory or voluntary group: steering group, school welfare group, network…

    Attributes:
        id: Id of the record, such as ``"ooot-paijat-hame"``.
        kind: Code from the ``group_kinds`` vocabulary.
        name: Finnish (or the only) name.
        name_sv: Swedish name.
        name_en: English name.
        acronym: Short name, such as ``"OOOT"``.
        statutory_basis: The section that requires the group, or ``None`` when
            the group is voluntary.
        organiser_ids: Organisations (or groups) that set the group up.
        level: Code from the ``group_levels`` vocabulary.
        mandate: Codes from the ``mandates`` vocabulary.
        reports_to_id: The group this one reports to.
        tasks: The group's tasks, as the source lists them.
        composition: Rules for who sits in the group.
        chair_rule: How the chair is chosen.
        cadences: When the group meets.
        records: Where memos go.
        languages: Working languages.
        count: When the record stands for several unnamed groups of one kind
            (such as "the steering groups of the ten municipalities"), how many.
        placeholder: The source names no specific group here.
        planned: The source speaks of the group as planned or future, not yet
            at work ("tuleva").
        period: When the group exists.
        note: Free text from the source.

    Examples:
        >>> g = Group(id="ohr-koulu", kind="school_welfare_group", name="Yhteisöllinen OHR",
        ...           statutory_basis=LegalReference.from_text("14 § 2 mom."))
        >>> g.is_statutory()
        True
    """

    id: str = field(validator=identifier)
    kind: str = field(validator=code)
    name: str = field(validator=non_empty)
    name_sv: str = ""
    name_en: str = ""
    acronym: str = ""
    statutory_basis: LegalReference | None = None
    organiser_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    level: str = field(default="", validator=optional_code)
    mandate: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    reports_to_id: str | None = field(default=None, validator=optional_identifier)
    tasks: tuple[str, ...] = field(default=(), converter=to_str_tuple, validator=texts)
    composition: tuple[CompositionRule, ...] = field(default=(), converter=to_tuple)
    chair_rule: ChairRule | None = None
    cadences: tuple[Cadence, ...] = field(default=(), converter=to_tuple)
    records: RecordKeeping | None = None
    languages: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    count: Count | None = None
    placeholder: bool = False
    planned: bool = False
    period: Period = field(factory=Period.always)
    note: str = field(default="", repr=False)

    def is_statutory(self) -> bool:
        """Tell whether an act requires the group."""
        return self.statutory_basis is not None
