"""Wellbeing services counties and Helsinki: who they are, their languages, their council terms."""

from __future__ import annotations

import datetime as dt

from oppilashuolto.checks._core import Context
from oppilashuolto.model import Organisation


__all__ = [
    "BILINGUAL_COUNTIES",
    "council_terms",
    "counties",
    "is_bilingual",
    "is_county_organiser",
    "is_helsinki",
]

_HELSINKI_MUNICIPALITY = "091"
_HELSINKI_COUNTY = "90"

BILINGUAL_COUNTIES = frozenset({"01", "03", "04", "05", "17", "18", "90"})
"""
Bilingual wellbeing services counties, and Helsinki (``"90"``).

Itä-Uusimaa, Länsi-Uusimaa, Vantaa-Kerava, Varsinais-Suomi, Pohjanmaa and
Keski-Pohjanmaa, which have a bilingual municipality [u, high: Language Act
423/2003 and the government decree on the languages of municipalities]. Used
only when the county's record gives no ``languages``; `Municipality.is_bilingual`
of the reference data is not used, because a Swedish name is only a proxy.
"""


def is_helsinki(organisation: Organisation) -> bool:
    """Tell whether the organisation is the City of Helsinki (which acts as a county)."""
    return organisation.kind == "municipality" and (
        organisation.municipality_code == _HELSINKI_MUNICIPALITY
        or organisation.wellbeing_county_code == _HELSINKI_COUNTY
    )


def is_county_organiser(ctx: Context, organisation_id: str | None) -> bool:
    """Tell whether the organisation, or one it is part of, is a county or Helsinki."""
    seen: set[str] = set()
    node = organisation_id
    while node is not None and node not in seen:
        seen.add(node)
        if ctx.structure.collection_of(node) != "organisations":
            return False
        organisation = ctx.structure.organisation(node)
        if organisation.kind == "wellbeing_services_county" or is_helsinki(
            organisation
        ):
            return True
        node = organisation.parent_id
    return False


def counties(ctx: Context) -> tuple[Organisation, ...]:
    found = [
        *ctx.organisations("wellbeing_services_county"),
        *(o for o in ctx.organisations("municipality") if is_helsinki(o)),
    ]
    return tuple(sorted(found, key=lambda o: o.id))


def council_terms(
    *, helsinki: bool, until: dt.date
) -> tuple[tuple[dt.date, dt.date], ...]:
    """
    Return the council terms from the first county council to the one containing *until*.

    County councils: 1.3.2022-31.5.2025, then four years from 1.6.2025.
    Helsinki's city council: 1.8.2021-31.5.2025, then the same four-year terms.

    Examples:
        >>> council_terms(helsinki=False, until=dt.date(2026, 1, 1))[-1]
        (datetime.date(2025, 6, 1), datetime.date(2029, 5, 31))

    References:
        Hyvinvointialuelaki 611/2021, 22 §; Voimaanpanolaki 616/2021 (first term)
        [u, high]; Kuntalaki 410/2015, 14 §.
    """
    first = dt.date(2021, 8, 1) if helsinki else dt.date(2022, 3, 1)
    terms = [(first, dt.date(2025, 5, 31))]
    while terms[-1][1] < until:
        start = terms[-1][1] + dt.timedelta(days=1)
        terms.append((start, dt.date(start.year + 4, 5, 31)))
    return tuple(terms)


def is_bilingual(county: Organisation) -> bool:
    """Tell whether a county (or Helsinki) is bilingual: by its record, else by `BILINGUAL_COUNTIES`."""
    if county.languages:
        return {"fi", "sv"} <= set(county.languages)
    code = _HELSINKI_COUNTY if is_helsinki(county) else county.wellbeing_county_code
    return code in BILINGUAL_COUNTIES
