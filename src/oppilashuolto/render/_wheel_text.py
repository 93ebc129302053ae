"""Words and colours of the wheel in Finnish, Swedish and English."""

from __future__ import annotations

from typing import Any, Literal


__all__ = ["DEFAULT_COLOURS", "LABELS", "MONTHS", "Language", "localised"]

Language = Literal["fi", "sv", "en"]

MONTHS: dict[str, tuple[str, ...]] = {
    "fi": (
        "tammikuu",
        "helmikuu",
        "maaliskuu",
        "huhtikuu",
        "toukokuu",
        "kesäkuu",
        "heinäkuu",
        "elokuu",
        "syyskuu",
        "lokakuu",
        "marraskuu",
        "joulukuu",
    ),
    "sv": (
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
"""Month names, January first (not from the process locale)."""

LABELS: dict[str, dict[str, str]] = {
    "fi": {
        "other": "Muut",
        "summer": "Kesäloma",
        "break_autumn": "Syysloma",
        "break_christmas": "Joululoma",
        "break_winter": "Talviloma",
        "break_easter": "Pääsiäinen",
        "break_other": "Loma",
        "breaks": "Lomat",
        "holidays": "Pyhäpäivät",
        "weeks": "ISO-viikot (kehä)",
        "today": "Tänään",
        "moved": "siirretty, alun perin",
        "illustrative": "esimerkki, ei lähteestä",
        "empty": "Vuosikellossa ei ole merkintöjä.",
    },
    "sv": {
        "other": "Övriga",
        "summer": "Sommarlov",
        "break_autumn": "Höstlov",
        "break_christmas": "Jullov",
        "break_winter": "Sportlov",
        "break_easter": "Påsk",
        "break_other": "Lov",
        "breaks": "Lov",
        "holidays": "Helgdagar",
        "weeks": "ISO-veckor (kanten)",
        "today": "I dag",
        "moved": "flyttad, ursprungligen",
        "illustrative": "exempel, inte ur källan",
        "empty": "Årshjulet har inga poster.",
    },
    "en": {
        "other": "Other",
        "summer": "Summer break",
        "break_autumn": "Autumn break",
        "break_christmas": "Christmas break",
        "break_winter": "Winter break",
        "break_easter": "Easter",
        "break_other": "Break",
        "breaks": "Breaks",
        "holidays": "Public holidays",
        "weeks": "ISO weeks (rim)",
        "today": "Today",
        "moved": "moved, originally",
        "illustrative": "illustrative, not from the source",
        "empty": "The yearly clock has no entries.",
    },
}

DEFAULT_COLOURS = (
    "#1f6fb2",
    "#2e8b57",
    "#c2571a",
    "#7b4fa0",
    "#b8860b",
    "#1a8c8c",
    "#a23b5f",
    "#55606e",
)
"""Ring colours for rings that give none, by ring position (colour-blind aware)."""


def localised(record: Any, attribute: str, language: Language) -> str:
    """Return ``record.<attribute>_<language>``, falling back to the Finnish attribute."""
    if language != "fi":
        value = getattr(record, f"{attribute}_{language}", "")
        if value:
            return str(value)
    return str(getattr(record, attribute))
