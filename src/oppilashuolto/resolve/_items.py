"""The resolved items: concrete all-day spans or timed Europe/Helsinki meetings."""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterable
from typing import Literal
from zoneinfo import ZoneInfo

from attrs import field, frozen


def _to_ids(value: Iterable[str]) -> frozenset[str]:
    # typed converter: `converter=frozenset` breaks call sites under mypy --strict
    return frozenset(value)


__all__ = [
    "HELSINKI",
    "MOVE_REASONS",
    "SOURCES",
    "Item",
    "Language",
    "Rule",
    "Texts",
]

HELSINKI = ZoneInfo("Europe/Helsinki")
"""The zone of every timed item."""

Language = Literal["fi", "sv", "en"]

SOURCES = ("clock", "group", "activity", "project")
"""Kinds of record an item comes from."""

MOVE_REASONS = (
    "weekend",
    "holiday",
    "day_off",
    "autumn",
    "christmas",
    "winter",
    "easter",
    "other",
)
"""Why an item was moved: a weekend, a public holiday, a local day off or a break kind."""


@frozen(kw_only=True)
class Texts:
    """
    A text in Finnish (the source), Swedish and English.

    Attributes:
        fi: Finnish (or the only) text.
        sv: Swedish text, if any.
        en: English text, if any.

    Examples:
        >>> Texts(fi="Kokous", en="Meeting").get("sv")
        'Kokous'
    """

    fi: str = ""
    sv: str = ""
    en: str = ""

    def get(self, language: Language) -> str:
        """Return the text in *language*, falling back to Finnish."""
        if language == "sv":
            return self.sv or self.fi
        if language == "en":
            return self.en or self.fi
        return self.fi


_NO_TEXT = Texts()


@frozen(kw_only=True)
class Rule:
    """
    A fixed weekday rule behind a series of meetings, as an RRULE can state it.

    The items of one series share one `Rule`; feeds write them as one event
    with ``RRULE`` and ``EXDATE`` (the *candidates* that were skipped).

    Attributes:
        key: The stable key of the series, from which its UID is derived.
        frequency: ``"weekly"`` or ``"monthly"``.
        weekday: 0 (Monday) to 6 (Sunday).
        ordinal: For monthly rules, 1-5 or -1 (last).
        months: Months the rule is limited to (``BYMONTH``), or empty.
        candidates: Every day the rule gives from the first to the last kept
            meeting, kept or skipped.
    """

    key: tuple[str, ...]
    frequency: Literal["weekly", "monthly"]
    weekday: int
    ordinal: int | None = None
    months: tuple[int, ...] = ()
    candidates: tuple[dt.date, ...] = ()


@frozen(kw_only=True)
class Item:
    """
    One concrete occurrence: an all-day span or a timed meeting.

    All-day items have `datetime.date` bounds with an exclusive *end* (a theme
    of 1-5 September ends on 6 September); timed items have aware
    Europe/Helsinki datetimes. An item is never zero-length.

    Attributes:
        structure_id: The structure it comes from.
        source: ``"clock"``, ``"group"``, ``"activity"`` or ``"project"``.
        record_id: The clock, group, activity or project.
        entry_id: The clock entry, ``"cadence-N"`` or ``"deliverable-N"``;
            empty when the record itself is the item.
        occurrence: Which occurrence, stable across edits of its time: the
            school year (``"2026-2027"``), a term (``"2026-2027.autumn"``),
            an ordinal (``"2026-2027#2"``), a month or a date.
        start: First day, or start time.
        end: Day after the last day, or end time.
        title: Summary in fi, sv and en.
        description: Description in fi, sv and en.
        location: Where, as free text.
        ring_id: The ring of a clock entry.
        ring_name: The ring's name.
        colour: Hex colour of the ring, such as ``"#1e90ff"``.
        revision: The record's revision (for SEQUENCE).
        updated: When the record last changed, if it says.
        moved_from: The first and last day before the item was moved off
            non-school days, or ``None`` if it was not moved.
        moved_because: One of `MOVE_REASONS` when *moved_from* is set.
        involved_ids: Records taking part (owners, organisers, responsible
            groups, audiences), for audience feeds.
        rule: The weekday rule of the series the item belongs to, if any.
    """

    structure_id: str
    source: str
    record_id: str
    entry_id: str = ""
    occurrence: str = ""
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    title: Texts
    description: Texts = _NO_TEXT
    location: str = ""
    ring_id: str | None = None
    ring_name: Texts = _NO_TEXT
    colour: str = ""
    revision: int = 0
    updated: dt.datetime | None = None
    moved_from: tuple[dt.date, dt.date] | None = None
    moved_because: str = ""
    involved_ids: frozenset[str] = field(default=frozenset(), converter=_to_ids)
    rule: Rule | None = None

    @property
    def key(self) -> tuple[str, ...]:
        """The stable key of this occurrence: structure, source, record, entry, occurrence."""
        return (
            self.structure_id,
            self.source,
            self.record_id,
            self.entry_id,
            self.occurrence,
        )

    @property
    def event_key(self) -> tuple[str, ...]:
        """The key of the calendar event: the series key for rule-based series."""
        return self.rule.key if self.rule is not None else self.key

    @property
    def all_day(self) -> bool:
        """Tell whether the item is all-day (dates) rather than timed."""
        return not isinstance(self.start, dt.datetime)

    @property
    def first_day(self) -> dt.date:
        """The local day the item starts on."""
        if isinstance(self.start, dt.datetime):
            return self.start.astimezone(HELSINKI).date()
        return self.start

    def sort_key(self) -> tuple[dt.date, str, tuple[str, ...]]:
        """Return a key ordering items by day, then start time, then key."""
        clock = (
            self.start.time().isoformat() if isinstance(self.start, dt.datetime) else ""
        )
        return (self.first_day, clock, self.key)
