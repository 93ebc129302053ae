"""
Controlled vocabularies with Finnish, Swedish and English labels.

Each vocabulary is a TOML file in ``vocab/data``: stable lowercase ASCII codes
with a Finnish label (the source language), a Swedish and an English one, and
the source of each term.
Vocabularies are open: a structure may declare local terms (see `LocalTerm`).

Examples:
    >>> professions = load("professions")
    >>> professions["curator"].label("sv")
    'kurator'
    >>> professions.resolve("kuraattori")
    'curator'
"""

from __future__ import annotations

import tomllib
import unicodedata

from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Literal

from attrs import field, frozen

from oppilashuolto.errors import ValidationError


__all__ = [
    "LANGUAGES",
    "Language",
    "Term",
    "Vocabulary",
    "load",
    "names",
    "normalise",
]

Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")


def normalise(text: str) -> str:
    """
    Fold case and accents for matching: ``"Päijät-Häme"`` → ``"paijat-hame"``.

    Examples:
        >>> normalise("Päijät-HÄME  Åland")
        'paijat-hame aland'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


@frozen(kw_only=True)
class Term:
    """
    One term of a vocabulary.

    Attributes:
        code: Stable lowercase ASCII code.
        fi: Finnish label (authoritative).
        sv: Swedish label.
        en: English label.
        source: Where the labels come from.
        fi_alt: Other Finnish forms.
        sv_alt: Other Swedish forms.
        historic: The term is no longer in legal use.
        valid: EDTF period of legal use, if known.
        statutory: The section making it statutory, if any.
        note: Free text.
        local: Declared by a structure rather than the library.
    """

    code: str
    fi: str
    sv: str
    en: str
    source: str = ""
    fi_alt: tuple[str, ...] = field(default=(), converter=tuple)
    sv_alt: tuple[str, ...] = field(default=(), converter=tuple)
    historic: bool = False
    valid: str = ""
    statutory: str = ""
    note: str = ""
    local: bool = False

    def label(self, language: Language = "fi") -> str:
        """Return the label in *language* (``"fi"``, ``"sv"`` or ``"en"``)."""
        if language == "sv":
            return self.sv
        if language == "en":
            return self.en
        return self.fi


@frozen
class Vocabulary:
    """
    A named set of terms, looked up by code.

    Attributes:
        name: The vocabulary's name, such as ``"professions"``.
        title: Its title in fi, sv and en.
        description: What it holds.
        terms: The terms in file order.
    """

    name: str
    title: dict[str, str]
    description: str
    terms: tuple[Term, ...]
    _by_code: dict[str, Term] = field(init=False, repr=False, eq=False)
    _aliases: dict[str, str] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_code = {t.code: t for t in self.terms}
        aliases: dict[str, str] = {}
        for t in self.terms:
            for text in (t.code, t.fi, t.sv, t.en, *t.fi_alt, *t.sv_alt):
                aliases.setdefault(normalise(text), t.code)
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(self, "_aliases", aliases)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> Term:
        try:
            return self._by_code[code]
        except KeyError:
            raise ValidationError(self.unknown_message(code)) from None

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def codes(self) -> tuple[str, ...]:
        """Return the codes in file order."""
        return tuple(t.code for t in self.terms)

    def unknown_message(self, code: object) -> str:
        """Return the message for an unknown *code*, listing the known ones."""
        return f"Unknown {self.name} code {code!r}; expected one of: " + ", ".join(
            sorted(self._by_code)
        )

    def resolve(self, text: str) -> str:
        """
        Return the code for a code or any label, in any of the three languages.

        Raises:
            ValidationError: If nothing matches.
        """
        found = self._aliases.get(normalise(text))
        if found is None:
            raise ValidationError(self.unknown_message(text))
        return found

    def with_terms(self, extra: tuple[Term, ...]) -> Vocabulary:
        """Return this vocabulary extended with local *extra* terms."""
        return Vocabulary(self.name, self.title, self.description, self.terms + extra)


@cache
def names() -> tuple[str, ...]:
    """Return the names of the bundled vocabularies, sorted."""
    folder = resources.files(__package__) / "data"
    return tuple(
        sorted(
            p.name.removesuffix(".toml")
            for p in folder.iterdir()
            if p.name.endswith(".toml")
        )
    )


@cache
def load(name: str) -> Vocabulary:
    """
    Return the bundled vocabulary *name*.

    Raises:
        ValidationError: If no such vocabulary is bundled.
    """
    if name not in names():
        msg = f"Unknown vocabulary {name!r}; expected one of: {', '.join(names())}"
        raise ValidationError(msg)
    raw = (resources.files(__package__) / "data" / f"{name}.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    terms = tuple(
        Term(
            code=t["code"],
            fi=t["fi"],
            sv=t["sv"],
            en=t["en"],
            source=t.get("source", ""),
            fi_alt=t.get("fi_alt", ()),
            sv_alt=t.get("sv_alt", ()),
            historic=t.get("historic", False),
            valid=t.get("valid", ""),
            statutory=t.get("statutory", ""),
            note=t.get("note", ""),
        )
        for t in data["terms"]
    )
    return Vocabulary(
        data["name"], dict(data.get("title", {})), data.get("description", ""), terms
    )
