"""Plans: statutory welfare plans, curricula, project and action plans."""

from __future__ import annotations

from attrs import field, frozen

from oppilashuolto.model._validators import (
    code,
    identifier,
    identifiers,
    non_empty,
    optional_identifier,
    to_str_tuple,
    to_tuple,
)
from oppilashuolto.model.common import Contribution
from oppilashuolto.model.dates import PartialDate, Period
from oppilashuolto.model.legal import LegalReference


__all__ = ["Plan"]


@frozen(kw_only=True)
class Plan:
    """
    A plan: its existence, owner, approval, reviews and period, never case data.

    Attributes:
        id: Id of the record.
        kind: Code from ``plan_kinds``, such as ``"regional_welfare_plan"``.
        name: Finnish (or the only) name.
        name_sv: Swedish name.
        name_en: English name.
        owner_ids: Organisations the plan belongs to.
        statutory_basis: The section requiring it, if any.
        approved_by_id: The body that approved it.
        approved: When it was approved.
        reviews: When it was reviewed or updated.
        period: When it is in use.
        project_id: The project that produced it.
        contributions: Who prepared, commented or took part.
        note: Free text from the source.
    """

    id: str = field(validator=identifier)
    kind: str = field(validator=code)
    name: str = field(validator=non_empty)
    name_sv: str = ""
    name_en: str = ""
    owner_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    statutory_basis: LegalReference | None = None
    approved_by_id: str | None = field(default=None, validator=optional_identifier)
    approved: PartialDate | None = None
    reviews: tuple[PartialDate, ...] = field(default=(), converter=to_tuple)
    period: Period = field(factory=Period.always)
    project_id: str | None = field(default=None, validator=optional_identifier)
    contributions: tuple[Contribution, ...] = field(default=(), converter=to_tuple)
    note: str = field(default="", repr=False)

    def last_reviewed(self) -> PartialDate | None:
        """Return the latest of approval and reviews, if any."""
        dates = [d for d in (self.approved, *self.reviews) if d is not None]
        return max(dates, key=PartialDate.sort_key) if dates else None
