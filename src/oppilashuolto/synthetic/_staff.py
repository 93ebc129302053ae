"""Posts held by a succession of people: tenures, churn, and the seats they give."""

from __future__ import annotations

import datetime as dt
import random

from collections.abc import Iterator

from attrs import define, field

from oppilashuolto.model import Membership, Period, Person
from oppilashuolto.synthetic._names import person_name


__all__ = ["REFORM", "Post", "Staff", "period"]

REFORM = dt.date(2023, 1, 1)
"""Curator, psychologist and health services moved to the wellbeing services counties."""

_MID_YEAR_SHARE = 0.2
"""Share of changes of holder on 1 January rather than at the school year's start."""


def period(start: dt.date, end: dt.date | None) -> Period:
    """Return the period from *start* to *end* (inclusive; ``None``: open), shared when equal."""
    right = ".." if end is None else end.isoformat()
    return Period.from_edtf(f"{start.isoformat()}/{right}")


@define
class Post:
    """
    A job that a succession of people hold, such as a school's principal.

    Attributes:
        profession: Code from ``professions``.
        title: The job title.
        employer_id: Employer before the 2023 reform (or always).
        employer_after_id: Employer of those in post on or after 1.1.2023,
            when the reform moved the job; else ``None``.
        tenures: ``(person_id, start, end)``, end inclusive or ``None`` (open).
    """

    profession: str
    title: str
    employer_id: str
    employer_after_id: str | None = None
    tenures: list[tuple[str, dt.date, dt.date | None]] = field(factory=list)


class Staff:
    """Makes posts, the people who hold them, and their seats, with ids in order."""

    def __init__(self, rng: random.Random, last_year: int) -> None:
        self.rng = rng
        self.last_day = dt.date(last_year, 12, 31)
        self.people: list[Person] = []
        self.memberships: list[Membership] = []

    def _next_change(self, begin: dt.date, mean_years: float) -> dt.date:
        rng = self.rng
        years = 1 + int(rng.expovariate(1 / max(mean_years - 1, 0.5)))
        if rng.random() < _MID_YEAR_SHARE:
            change = dt.date(begin.year + years, 1, 1)
        else:
            change = dt.date(begin.year + years, 8, 1)
        if (change - begin).days < 180:
            change = dt.date(change.year + 1, 8, 1)
        return change

    def post(
        self,
        profession: str,
        title: str,
        *,
        employer_id: str,
        since: dt.date,
        mean_years: float,
        employer_after_id: str | None = None,
        until: dt.date | None = None,
    ) -> Post:
        """
        Return a post held from *since* by one person after another.

        Each holder stays about *mean_years*; holders change on 1 August, or
        sometimes on 1 January. The last holder's seat stays open unless
        *until* ends the post.
        """
        made = Post(profession, title, employer_id, employer_after_id)
        end_of_post = until or self.last_day
        begin = since
        while begin <= end_of_post:
            change = self._next_change(begin, mean_years)
            end = until if change > end_of_post else change - dt.timedelta(days=1)
            self._person(made, begin, end)
            if end is None or end == until:
                break
            begin = change
        return made

    def _person(self, post: Post, start: dt.date, end: dt.date | None) -> None:
        person_id = f"hlo-{len(self.people) + 1:06d}"
        employer = post.employer_id
        if post.employer_after_id is not None and (end is None or end >= REFORM):
            employer = post.employer_after_id
        self.people.append(
            Person(
                id=person_id,
                professions=(post.profession,),
                title=post.title,
                employer_id=employer,
                name=person_name(self.rng),
                synthetic=True,
                period=period(start, end),
            )
        )
        post.tenures.append((person_id, start, end))

    def _membership(self, **fields: object) -> None:
        self.memberships.append(
            Membership(id=f"jas-{len(self.memberships) + 1:07d}", **fields)  # type: ignore[arg-type]
        )

    def seat(
        self,
        group_id: str,
        role: str,
        post: Post,
        *,
        start: dt.date,
        end: dt.date | None = None,
        represents: tuple[str, ...] = (),
    ) -> None:
        """Give each holder of *post* a seat in a group, within the group's days."""
        for person_id, begin, finish in _clamp(post.tenures, start, end):
            self._membership(
                group_id=group_id,
                role=role,
                person_id=person_id,
                represents=represents,
                period=period(begin, finish),
            )

    def organisation_seat(
        self,
        group_id: str,
        role: str,
        organisation_id: str,
        *,
        start: dt.date,
        end: dt.date | None = None,
    ) -> None:
        """Give an organisation a seat in a group."""
        self._membership(
            group_id=group_id,
            role=role,
            organisation_id=organisation_id,
            period=period(start, end),
        )

    def open_seat(
        self,
        group_id: str,
        role: str,
        *,
        represents: tuple[str, ...],
        start: dt.date,
        end: dt.date | None = None,
    ) -> None:
        """Add an unfilled seat, such as the guardians' representative (never a named pupil)."""
        self._membership(
            group_id=group_id,
            role=role,
            represents=represents,
            period=period(start, end),
        )


def _clamp(
    tenures: list[tuple[str, dt.date, dt.date | None]],
    start: dt.date,
    end: dt.date | None,
) -> Iterator[tuple[str, dt.date, dt.date | None]]:
    for person_id, begin, finish in tenures:
        lo = max(begin, start)
        if end is None:
            hi = finish
        elif finish is None:
            hi = end
        else:
            hi = min(finish, end)
        if hi is None or hi >= lo:
            yield person_id, lo, hi
