"""
A deterministic synthetic welfare structure of the whole of Finland, with no real people.

`national` builds, on the real reference data of `oppilashuolto.reference`:

- the 19 regions, 69 sub-regions, 21 wellbeing services counties and all 308
  municipalities of 2026, with their affiliations;
- about 2,300 basic-education schools and 350 upper-secondary schools, shared
  out by municipality size (see `oppilashuolto.synthetic.places` for the
  proxy), under their education providers: the municipalities, some private
  providers in the cities and some joint authorities for upper-secondary
  schools in rural sub-regions;
- a school welfare group per school (14 § 2 mom.), a steering group per
  provider (14 § 1 mom.), a regional cooperation group per county and
  Helsinki from 2023 (14 a §) with guardian, pupil, student and staff seats,
  county managers' networks, sub-regional networks with a yearly rotating chair,
  and development projects with steering and working groups;
- people in posts with professions, each post held by one person after
  another (about every 2.5 to 7 years by profession), so that memberships churn;
- curator, psychologist and school health services that move to the
  wellbeing services county on 1.1.2023 (Helsinki organises its own; the
  Act does not apply on Åland, where only health care is modelled);
- provider, regional and child and youth welfare plans;
- a yearly clock per school with 30 entries.

The same *seed*, *scale* and *years* give the same structure, and so the same
JSON bytes: the builder draws from one ``random.Random(seed)`` in a fixed
order and never iterates over a set or a hash.
Every person has ``synthetic=True`` and a name beginning with
``"Synteettinen"`` (`MARK`).

Examples:
    >>> s = national(seed=1, scale=0.01)
    >>> s.counts()["organisations"] > 308, all(p.synthetic for p in s.people)
    (True, True)
"""

from __future__ import annotations

from oppilashuolto.errors import ValidationError
from oppilashuolto.model import WelfareStructure
from oppilashuolto.synthetic._names import MARK
from oppilashuolto.synthetic._national import (
    BASIC_SCHOOLS,
    PROJECTS,
    UPPER_SCHOOLS,
    Builder,
)
from oppilashuolto.synthetic._places import SIZE_TABLE, WEIGHTS, Place, allocate, places


__all__ = [
    "BASIC_SCHOOLS",
    "MARK",
    "PROJECTS",
    "SIZE_TABLE",
    "UPPER_SCHOOLS",
    "WEIGHTS",
    "Place",
    "allocate",
    "national",
    "places",
]

_FIRST_YEAR = 2015
_MAX_SCALE = 50.0


def national(
    *, seed: int = 1, scale: float = 1.0, years: tuple[int, int] = (2016, 2026)
) -> WelfareStructure:
    """
    Return the synthetic welfare structure of Finland.

    Args:
        seed: Seed of the random source; the same seed gives the same structure.
        scale: Multiplies the numbers of schools and projects (and so of
            people, seats and clocks); the 308 municipalities, the regions and
            the counties stay as they are.
        years: The first and last calendar year of the people's tenures.

    Returns:
        A validated structure.

    Raises:
        ValidationError: If *scale* is not a number above 0 and at most 50, or
            *years* is not two years in order from 2015 on.

    Examples:
        >>> national(scale=0)
        Traceback (most recent call last):
        ...
        oppilashuolto.errors.ValidationError: scale must be a number above 0 and at most 50 (got 0)
    """
    given: object = scale  # callers without type checks pass anything
    if (
        isinstance(given, bool)
        or not isinstance(given, (int, float))
        or not 0 < given <= _MAX_SCALE
    ):
        msg = (
            f"scale must be a number above 0 and at most {_MAX_SCALE:g} (got {scale!r})"
        )
        raise ValidationError(msg)
    if isinstance(seed, bool) or not isinstance(seed, int):
        msg = f"seed must be a whole number (got a value of type {type(seed).__name__})"
        raise ValidationError(msg)
    first, last = _years(years)
    from oppilashuolto.synthetic._groups import (
        add_networks,
        add_regional_groups,
        add_steering_groups,
    )
    from oppilashuolto.synthetic._projects import add_projects
    from oppilashuolto.synthetic._schools import add_schools

    b = Builder(seed=seed, scale=float(scale), years=(first, last))
    b.geography()
    add_schools(b)
    add_steering_groups(b)
    add_regional_groups(b)
    add_networks(b)
    add_projects(b)
    b.services()
    counties = sorted(set(b.county_of.values()))
    b.plans_of(sorted(b.provider_schools), counties)
    return b.structure()


def _years(years: object) -> tuple[int, int]:
    match years:
        case (int() as first, int() as last) if (
            isinstance(years, tuple)
            and not isinstance(first, bool)
            and not isinstance(last, bool)
            and _FIRST_YEAR <= first <= last
        ):
            return (first, last)
    msg = f"years must be two years (first, last) in order from {_FIRST_YEAR} on (got {years!r})"
    raise ValidationError(msg)
