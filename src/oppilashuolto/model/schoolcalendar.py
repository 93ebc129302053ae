"""Local school-year decisions: the data that overrides the rule-based defaults."""

from __future__ import annotations

import datetime as dt
import re

from typing import Any

import attrs

from attrs import field, frozen

from oppilashuolto.errors import ValidationError
from oppilashuolto.model._validators import (
    fail,
    identifier,
    one_of,
    optional_identifier,
    to_tuple,
)
from oppilashuolto.model.identifiers import is_valid_municipality_code


__all__ = ["BREAK_KINDS", "Break", "SchoolCalendar", "parse_school_year"]

BREAK_KINDS = ("autumn", "christmas", "winter", "easter", "other")
_SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")


def parse_school_year(text: object) -> int:
    """
    Return the first calendar year of a school year written ``"2026-2027"``.

    Examples:
        >>> parse_school_year("2026-2027")
        2026
    """
    m = _SCHOOL_YEAR.match(text) if isinstance(text, str) else None
    if m is None or int(m[2]) != int(m[1]) + 1:
        msg = f"school_year must look like '2026-2027' (got {text!r})"
        raise ValidationError(msg)
    return int(m[1])


def _school_year(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _SCHOOL_YEAR.match(value) is None:
        fail(attribute, "a school year like '2026-2027'", value)
        return
    parse_school_year(value)


def _week(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, int) or not 1 <= value <= 53):
        fail(attribute, "an ISO week number 1–53 or empty", value)


def _municipality(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not is_valid_municipality_code(value):
        fail(attribute, "a 3-digit municipality code like '211' or empty", value)


def _end_after_start(instance: Break, _: attrs.Attribute[Any], value: dt.date) -> None:
    if value < instance.start:
        msg = f"break end {value} must not come before its start {instance.start}"
        raise ValidationError(msg)


@frozen(kw_only=True)
class Break:
    """
    A break in school work decided locally, both days inclusive.

    Attributes:
        kind: ``"autumn"``, ``"christmas"``, ``"winter"``, ``"easter"`` or ``"other"``.
        start: The first day of the break.
        end: The last day of the break.
        name: An optional name, such as ``"hiihtoloma"``.
    """

    kind: str = field(validator=one_of(BREAK_KINDS))
    start: dt.date
    end: dt.date = field(validator=_end_after_start)
    name: str = ""


@frozen(kw_only=True)
class SchoolCalendar:
    """
    A provider's or municipality's own decisions for one school year.

    Every field set here overrides the rule-based default of
    `oppilashuolto.schoolyear`; fields left empty keep the default.

    Attributes:
        id: Id of the record.
        school_year: The school year, such as ``"2026-2027"``.
        municipality_code: The municipality the calendar applies to.
        organisation_id: The education provider that decided it, if recorded.
        first_day: First day of school work.
        last_day: Last day of school work.
        autumn_break_week: ISO week of the autumn break (usually 42 or 43).
        winter_break_week: ISO week of the winter break (8, 9 or 10).
        breaks: Breaks given as dates; they replace the defaults of their kind.
        days_off: Extra days without school work.
        school_days: Extra school days, such as a working Saturday.
        note: Free text from the source.

    Examples:
        >>> cal = SchoolCalendar(id="kangasala-2026", school_year="2026-2027",
        ...                      municipality_code="211", winter_break_week=9)
        >>> cal.winter_break_week
        9
    """

    id: str = field(validator=identifier)
    school_year: str = field(validator=_school_year)
    municipality_code: str | None = field(default=None, validator=_municipality)
    organisation_id: str | None = field(default=None, validator=optional_identifier)
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    autumn_break_week: int | None = field(default=None, validator=_week)
    winter_break_week: int | None = field(default=None, validator=_week)
    breaks: tuple[Break, ...] = field(default=(), converter=to_tuple)
    days_off: tuple[dt.date, ...] = field(default=(), converter=to_tuple)
    school_days: tuple[dt.date, ...] = field(default=(), converter=to_tuple)
    note: str = field(default="", repr=False)
