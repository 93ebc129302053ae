"""Generated names: people marked as synthetic, and school names from common stems."""

from __future__ import annotations

import random


__all__ = ["MARK", "person_name", "school_name"]

MARK = "Synteettinen"
"""
Every generated person's name starts with this word.

No real contact in the bundled examples has it, so a generated name can never
be mistaken for (or collide with) one; ``tests/test_synthetic.py`` checks it
against every ``Person.name`` of `oppilashuolto.examples`.
"""

_GIVEN = (
    "Aino", "Anna", "Eeva", "Elina", "Emma", "Hanna", "Heidi", "Johanna", "Katja",
    "Laura", "Leena", "Maria", "Minna", "Noora", "Outi", "Paula", "Riikka",
    "Sanna", "Satu", "Tiina", "Ulla", "Veera", "Anders", "Antti", "Eero", "Elias",
    "Harri", "Jari", "Juha", "Jukka", "Kalle", "Lauri", "Markku", "Mikko", "Olli",
    "Pekka", "Petri", "Sami", "Timo", "Ville", "Karin", "Sofia", "Johan", "Erik",
)  # fmt: skip
_FAMILY = (
    "Aalto", "Heikkinen", "Hämäläinen", "Järvinen", "Koivisto", "Korhonen",
    "Koskinen", "Laine", "Lehtonen", "Leinonen", "Mäkelä", "Nieminen", "Ojala",
    "Peltonen", "Rantanen", "Saarinen", "Salminen", "Tuominen", "Turunen",
    "Virtanen", "Lindholm", "Nyström", "Sjöberg", "Lindqvist", "Karjalainen",
    "Räsänen", "Kettunen", "Honkanen", "Kallio", "Laitinen",
)  # fmt: skip
_STEMS = (
    "Keskuskoulu", "Kirkonkylän koulu", "Koivurinteen koulu", "Metsolan koulu",
    "Mäntylän koulu", "Rantakylän koulu", "Harjun koulu", "Kuusikon koulu",
    "Peltolan koulu", "Järvenrannan koulu", "Vaaran koulu", "Lehtolan koulu",
    "Kallion koulu", "Niittykummun koulu", "Puistolan koulu", "Aseman koulu",
    "Mäen koulu", "Lammin koulu", "Tuulikylän koulu", "Kirjaston koulu",
)  # fmt: skip
_UPPER_STEMS = ("Lukio", "Yhteislyseo", "Iltalukio", "Aikuislukio")


def person_name(rng: random.Random) -> str:
    """Return a generated full name, such as ``"Synteettinen Aino Koivisto"``."""
    return f"{MARK} {rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"


def school_name(index: int, municipality: str, *, upper: bool) -> str:
    """
    Return the *index*-th generated school name of a municipality.

    Examples:
        >>> school_name(0, "Alajärvi", upper=False), school_name(20, "Alajärvi", upper=False)
        ('Keskuskoulu (Alajärvi)', 'Keskuskoulu 2 (Alajärvi)')
    """
    stems = _UPPER_STEMS if upper else _STEMS
    stem = stems[index % len(stems)]
    round_ = index // len(stems)
    suffix = f" {round_ + 1}" if round_ else ""
    return f"{stem}{suffix} ({municipality})"
