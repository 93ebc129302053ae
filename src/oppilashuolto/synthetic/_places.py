"""
Where the synthetic schools go: a size proxy for every municipality.

The reference data has no population column, so the generator weighs
municipalities by a documented size class:

========  ======  ===================================================
class     weight  which municipalities
========  ======  ===================================================
capital   120     Helsinki
large     48      the other cities of over 100,000 inhabitants
city      20      cities of 50,000 to 100,000 inhabitants
centre    10      the namesake municipality of its sub-region
suburb    8       another municipality in the sub-region of a
                  capital or large city
rural     3       every other municipality
========  ======  ===================================================

The first three classes come from the small table `SIZE_TABLE` (names, resolved
to codes through `oppilashuolto.reference`); the last three from the
sub-region structure of the reference data.
Counts are shared out in proportion to the weights by the largest-remainder
method, ties going to the lower municipality code, so the same total always
gives the same shares.

References:
    Statistics Finland, population by municipality 31.12.2024, rounded into
    the classes above [u, medium: from the published figures as remembered,
    not checked against a file here]. Sub-regions: the classification of
    the reference data (``oppilashuolto.reference``, CC BY 4.0).
"""

from __future__ import annotations

import csv
import io

from collections.abc import Sequence
from functools import cache
from importlib import resources

from attrs import frozen

from oppilashuolto.reference import Municipality, municipalities, municipality


__all__ = ["SIZE_TABLE", "WEIGHTS", "Place", "allocate", "places"]

SIZE_TABLE: dict[str, tuple[str, ...]] = {
    "capital": ("Helsinki",),
    "large": (
        "Espoo",
        "Tampere",
        "Vantaa",
        "Oulu",
        "Turku",
        "Jyväskylä",
        "Kuopio",
        "Lahti",
    ),
    "city": (
        "Pori",
        "Kouvola",
        "Joensuu",
        "Lappeenranta",
        "Hämeenlinna",
        "Vaasa",
        "Seinäjoki",
        "Rovaniemi",
        "Mikkeli",
        "Porvoo",
        "Salo",
        "Kotka",
    ),
}
"""Size classes by name for the municipalities whose size the sub-regions cannot tell."""

WEIGHTS = {
    "capital": 120,
    "large": 48,
    "city": 20,
    "centre": 10,
    "suburb": 8,
    "rural": 3,
}
"""Weight of each size class in the share-out of schools."""


@frozen(kw_only=True)
class Place:
    """
    A municipality with its sub-region name and size class.

    Attributes:
        municipality: The reference record.
        subregion_name: The Finnish name of its sub-region.
        size_class: A key of `WEIGHTS`.
        weight: Its weight.
    """

    municipality: Municipality
    subregion_name: str
    size_class: str
    weight: int


def _subregion_names() -> dict[str, str]:
    # the reference API gives sub-region codes only; the names are in the same file
    text = (
        resources.files("oppilashuolto.reference") / "data" / "municipalities-2026.csv"
    ).read_text("utf-8")
    return {
        row["code"]: row["subregion_fi"] for row in csv.DictReader(io.StringIO(text))
    }


@cache
def places() -> tuple[Place, ...]:
    """
    Return the 308 municipalities of 2026 with their size classes, by code.

    The size proxy: Helsinki is ``"capital"``; the cities of `SIZE_TABLE` are
    ``"large"`` (over 100,000 inhabitants) or ``"city"`` (50,000 to 100,000);
    any other municipality is a ``"centre"`` when it gives its Finnish name to
    its sub-region, a ``"suburb"`` when it lies in the sub-region of the
    capital or a large city, and ``"rural"`` otherwise. `WEIGHTS` gives each
    class its weight in the share-out of schools.

    Examples:
        >>> found = {p.municipality.name_fi: p.size_class for p in places()}
        >>> found["Helsinki"], found["Kerava"], found["Kajaani"], found["Utsjoki"]
        ('capital', 'suburb', 'centre', 'rural')
    """
    table = {
        municipality(name).code: size
        for size, names in SIZE_TABLE.items()
        for name in names
    }
    names = _subregion_names()
    current = municipalities()
    big_subregions = {
        m.subregion_code for m in current if table.get(m.code) in ("capital", "large")
    }
    found = []
    for m in current:
        sub = names[m.code]
        if m.code in table:
            size = table[m.code]
        elif sub == m.name_fi:
            size = "centre"
        elif m.subregion_code in big_subregions:
            size = "suburb"
        else:
            size = "rural"
        found.append(
            Place(
                municipality=m,
                subregion_name=sub,
                size_class=size,
                weight=WEIGHTS[size],
            )
        )
    return tuple(found)


def allocate(total: int, weights: Sequence[int]) -> list[int]:
    """
    Share *total* out in proportion to *weights* by the largest remainder.

    Ties go to the earlier item, so the result depends only on the arguments.

    Examples:
        >>> allocate(10, [1, 1, 1])
        [4, 3, 3]
        >>> sum(allocate(2300, [w.weight for w in places()]))
        2300
    """
    whole = sum(weights)
    if total <= 0 or whole <= 0:
        return [0] * len(weights)
    exact = [total * w / whole for w in weights]
    shares = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (shares[i] - exact[i], i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares
