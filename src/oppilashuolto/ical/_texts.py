"""Words and texts of the feeds in Finnish, Swedish and English."""

from __future__ import annotations

import datetime as dt

from collections.abc import Sequence
from types import MappingProxyType
from typing import Any, Literal

from oppilashuolto.model.structure import WelfareStructure
from oppilashuolto.resolve import Item, Language
from oppilashuolto.schoolyear import LABELS


__all__ = [
    "FEED_KINDS",
    "WORDS",
    "FeedKind",
    "categories",
    "description",
    "feed_title",
    "summary",
]

FeedKind = Literal["clock", "group", "project", "audience", "structure"]
FEED_KINDS: tuple[FeedKind, ...] = (
    "clock",
    "group",
    "project",
    "audience",
    "structure",
)

WORDS = MappingProxyType(
    {
        "fi": MappingProxyType(
            {
                "clock": "Vuosikello",
                "group": "Kokous",
                "activity": "Tapahtuma",
                "project": "Hanke",
                "meetings": "kokoukset",
                "events": "tapahtumat",
                "all": "kaikki",
                "school_year": "lukuvuosi",
                "moved": "Siirretty koulupäivälle; alkuperäinen ajankohta",
                "weekend": "viikonloppu",
                "holiday": "pyhäpäivä",
                "day_off": "vapaapäivä",
            }
        ),
        "sv": MappingProxyType(
            {
                "clock": "Årshjul",
                "group": "Möte",
                "activity": "Evenemang",
                "project": "Projekt",
                "meetings": "möten",
                "events": "händelser",
                "all": "allt",
                "school_year": "läsår",
                "moved": "Flyttad till en skoldag; ursprunglig tidpunkt",
                "weekend": "veckoslut",
                "holiday": "helgdag",
                "day_off": "ledig dag",
            }
        ),
        "en": MappingProxyType(
            {
                "clock": "Yearly clock",
                "group": "Meeting",
                "activity": "Activity",
                "project": "Project",
                "meetings": "meetings",
                "events": "events",
                "all": "everything",
                "school_year": "school year",
                "moved": "Moved to a school day; originally",
                "weekend": "weekend",
                "holiday": "public holiday",
                "day_off": "day off",
            }
        ),
    }
)
"""Words of the feeds, by language; Finnish is the source."""

_DASH = "\N{EN DASH}"


def _name(record: Any, language: Language) -> str:
    localised = getattr(record, f"name_{language}", "") if language != "fi" else ""
    return str(localised or record.name)


def _day_text(day: dt.date, language: Language) -> str:
    return day.isoformat() if language == "en" else f"{day.day}.{day.month}.{day.year}"


def _moved_text(item: Item, language: Language) -> str:
    if item.moved_from is None:
        return ""
    words = WORDS[language]
    first, last = item.moved_from
    span = _day_text(first, language)
    if last != first:
        span += f" {_DASH} {_day_text(last, language)}"
    why = item.moved_because
    reason = words[why] if why in words else LABELS[language].get(why, why)
    return f"{words['moved']} {span} ({reason})."


def summary(item: Item, language: Language) -> str:
    """Return the event summary of *item* in *language*."""
    return item.title.get(language)


def description(item: Item, language: Language) -> str:
    """Return the description of *item*, with a note when it was moved."""
    parts = [item.description.get(language), _moved_text(item, language)]
    return "\n\n".join(p for p in parts if p)


def categories(item: Item, language: Language) -> list[str]:
    """Return the kind of source, then the ring, as CATEGORIES."""
    out = [WORDS[language][item.source]]
    ring = item.ring_name.get(language)
    if ring:
        out.append(ring)
    return out


def feed_title(
    structure: WelfareStructure,
    kind: FeedKind,
    ids: Sequence[str],
    label: str,
    language: Language,
) -> tuple[str, str]:
    """Return the NAME and DESCRIPTION of a feed."""
    words = WORDS[language]
    year = label.replace("-", _DASH)
    names = ", ".join(_name(structure.get(i), language) for i in ids)
    if kind == "clock":
        name = f"{names} {year}"
    elif kind == "group":
        name = f"{names}: {words['meetings']} {year}"
    elif kind == "project":
        name = f"{names}: {words['events']} {year}"
    elif kind == "audience":
        name = f"{names}: {words['all']} {year}"
    else:
        name = f"{_name(structure, language)} {year}"
    description = f"{_name(structure, language)}; {words['school_year']} {year}"
    return name, description
