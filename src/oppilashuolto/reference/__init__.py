"""
Finland's municipalities, regions and wellbeing services counties (1.1.2026).

Look-ups accept a code or a name in Finnish or Swedish, ignoring case and accents;
only the code is ever stored.
Municipalities merged away before 2026 that the bundled examples need are
included with their last day and successor.

Examples:
    >>> kangasala = municipality("Kangasala")
    >>> kangasala.code, kangasala.region_code, kangasala.wellbeing_county_code
    ('211', '06', '08')
    >>> region("07").name_sv
    'Päijänne-Tavastland'
    >>> municipality("Jaala").merged_into
    '286'

References:
    Source: Statistics Finland, classifications of municipalities, regions,
    sub-regions and wellbeing services counties 2026 (CC BY 4.0),
    https://stat.fi/en/luokitukset. Modified (see ``data/NOTICE.md``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from functools import cache
from importlib import resources

from attrs import frozen

from oppilashuolto.errors import ValidationError
from oppilashuolto.vocab import normalise


__all__ = [
    "Merger",
    "Municipality",
    "Region",
    "WellbeingCounty",
    "mergers",
    "municipalities",
    "municipality",
    "region",
    "regions",
    "wellbeing_counties",
    "wellbeing_county",
]


@frozen(kw_only=True)
class Municipality:
    """
    A municipality with its region, sub-region and wellbeing services county.

    Attributes:
        code: 3-digit code.
        name_fi: Finnish name.
        name_sv: Swedish name (repeats the Finnish one where there is none).
        region_code: Region (maakunta) code.
        subregion_code: Sub-region (seutukunta) code, empty for historic ones.
        wellbeing_county_code: County code (``"90"`` Helsinki, empty for Åland).
        last_day: The last day of a municipality merged away, else ``None``.
        merged_into: The code of its successor, if merged away.
    """

    code: str
    name_fi: str
    name_sv: str
    region_code: str
    subregion_code: str = ""
    wellbeing_county_code: str = ""
    last_day: dt.date | None = None
    merged_into: str = ""

    @property
    def is_bilingual(self) -> bool:
        """Tell whether the municipality has a separate Swedish name (a proxy, not the legal status)."""
        return self.name_sv != self.name_fi


@frozen(kw_only=True)
class Region:
    """A region (maakunta): code, names and ISO 3166-2 code."""

    code: str
    name_fi: str
    name_sv: str
    name_en: str
    iso_3166_2: str


@frozen(kw_only=True)
class WellbeingCounty:
    """A wellbeing services county, or the City of Helsinki (code ``"90"``)."""

    code: str
    name_fi: str
    name_sv: str


@frozen(kw_only=True)
class Merger:
    """Predecessor municipalities formed a successor on a day."""

    successor_code: str
    on: dt.date
    predecessor_codes: tuple[str, ...]
    note: str


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files(__package__) / "data" / name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@cache
def municipalities(*, include_historic: bool = False) -> tuple[Municipality, ...]:
    """Return the 308 municipalities of 2026 (plus merged-away ones if asked), by code."""
    current = [
        Municipality(
            code=r["code"],
            name_fi=r["name_fi"],
            name_sv=r["name_sv"],
            region_code=r["region_code"],
            subregion_code=r["subregion_code"],
            wellbeing_county_code=r["wellbeing_county_code"],
        )
        for r in _rows("municipalities-2026.csv")
    ]
    if include_historic:
        current += [
            Municipality(
                code=r["code"],
                name_fi=r["name_fi"],
                name_sv=r["name_sv"],
                region_code=r["region_code"],
                last_day=dt.date.fromisoformat(r["last_day"]),
                merged_into=r["merged_into"],
            )
            for r in _rows("historic-municipalities.csv")
        ]
    return tuple(sorted(current, key=lambda m: (m.code, m.last_day is not None)))


@cache
def _municipality_index() -> dict[str, Municipality]:
    index: dict[str, Municipality] = {}
    # current municipalities win over historic ones with the same code or name
    for m in reversed(municipalities(include_historic=True)):
        for key in (m.code, normalise(m.name_fi), normalise(m.name_sv)):
            if key not in index or m.last_day is None:
                index[key] = m
    return index


def municipality(code_or_name: str) -> Municipality:
    """
    Return a municipality by code or by Finnish or Swedish name.

    Raises:
        ValidationError: If nothing matches.
    """
    found = _municipality_index().get(code_or_name) or _municipality_index().get(
        normalise(code_or_name)
    )
    if found is None:
        msg = f"Unknown municipality {code_or_name!r}; expected a 3-digit code like '211' or a name"
        raise ValidationError(msg)
    return found


@cache
def regions() -> tuple[Region, ...]:
    """Return the 19 regions, by code."""
    return tuple(
        Region(
            code=r["code"],
            name_fi=r["name_fi"],
            name_sv=r["name_sv"],
            name_en=r["name_en"],
            iso_3166_2=r["iso_3166_2"],
        )
        for r in _rows("regions-2026.csv")
    )


def region(code_or_name: str) -> Region:
    """Return a region by code or name (fi, sv or en)."""
    key = normalise(code_or_name)
    for r in regions():
        if code_or_name == r.code or key in (
            normalise(r.name_fi),
            normalise(r.name_sv),
            normalise(r.name_en),
        ):
            return r
    msg = f"Unknown region {code_or_name!r}; expected one of: {', '.join(r.code for r in regions())}"
    raise ValidationError(msg)


@cache
def wellbeing_counties() -> tuple[WellbeingCounty, ...]:
    """Return the 21 wellbeing services counties and the City of Helsinki (``"90"``), by code."""
    return tuple(
        WellbeingCounty(code=r["code"], name_fi=r["name_fi"], name_sv=r["name_sv"])
        for r in _rows("wellbeing-counties-2026.csv")
    )


def wellbeing_county(code_or_name: str) -> WellbeingCounty:
    """Return a wellbeing services county by code or name."""
    key = normalise(code_or_name)
    for c in wellbeing_counties():
        if code_or_name == c.code or key in (
            normalise(c.name_fi),
            normalise(c.name_sv),
        ):
            return c
    codes = ", ".join(c.code for c in wellbeing_counties())
    msg = (
        f"Unknown wellbeing services county {code_or_name!r}; expected one of: {codes}"
    )
    raise ValidationError(msg)


@cache
def mergers() -> tuple[Merger, ...]:
    """Return the municipal mergers the bundled data needs, by date."""
    return tuple(
        sorted(
            (
                Merger(
                    successor_code=r["successor_code"],
                    on=dt.date.fromisoformat(r["on"]),
                    predecessor_codes=tuple(r["predecessor_codes"].split()),
                    note=r["note"],
                )
                for r in _rows("mergers.csv")
            ),
            key=lambda m: m.on,
        )
    )
