"""Activities: fairs, seminars, info sessions, trainings and single meetings."""

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
    non_empty,
    optional_identifier,
    texts,
    to_str_tuple,
)
from oppilashuolto.model.count import Count
from oppilashuolto.model.dates import Period


__all__ = ["Activity"]


def _ordinal(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, int) or value < 1):
        fail(attribute, "a positive whole number", value)


@frozen(kw_only=True)
class Activity:
    """
    Something that happens on a date or over a span: a fair, a seminar, a meeting.

    A series the source counts without dating ("three years in a row", "19 info
    sessions") is one record with *occurrences* and the span it falls in.

    Attributes:
        id: Id of the record.
        kind: Code from ``activity_kinds``.
        name: Finnish (or the only) name.
        name_sv: Swedish name.
        name_en: English name.
        organiser_ids: Organisations, groups or people who organise it.
        audience: Target-group codes of the audience.
        audience_ids: Organisations or groups it is for.
        audience_professions: Codes from ``professions`` of the audience or of
            the people heard ("curators, psychologists, nurses…").
        period: When it happened (a day, or the span of a series).
        start_time: Local start time, for a timed meeting.
        end_time: Local end time.
        occurrences: How many times it happened in *period*.
        participants: How many took part, possibly a bound (``">300"``).
        ordinal: Which one in a series ("the second meeting").
        project_id: The project it belongs to.
        location: Where.
        topics: Its themes.
        revision: Raised when its time changes (for calendar SEQUENCE).
        note: Free text from the source.

    Examples:
        >>> a = Activity(id="ss-1", kind="meeting", name="Ohjausryhmän 1. kokous",
        ...              period=Period.from_edtf("2007-09-26"), ordinal=1)
        >>> a.period.start.earliest
        datetime.date(2007, 9, 26)
    """

    id: str = field(validator=identifier)
    kind: str = field(validator=code)
    name: str = field(validator=non_empty)
    name_sv: str = ""
    name_en: str = ""
    organiser_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    audience: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    audience_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    audience_professions: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    period: Period = field(factory=Period.always)
    start_time: dt.time | None = None
    end_time: dt.time | None = field(default=None, validator=end_after_start_time)
    occurrences: Count | None = None
    participants: Count | None = None
    ordinal: int | None = field(default=None, validator=_ordinal)
    project_id: str | None = field(default=None, validator=optional_identifier)
    location: str = ""
    topics: tuple[str, ...] = field(default=(), converter=to_str_tuple, validator=texts)
    revision: int = 0
    note: str = field(default="", repr=False)
