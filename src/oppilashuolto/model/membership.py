"""Seats in groups, held by people or organisations, or unfilled."""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs

from attrs import field, frozen

from oppilashuolto.model._validators import (
    code,
    codes,
    fail,
    identifier,
    identifiers,
    optional_code,
    optional_identifier,
    to_str_tuple,
)
from oppilashuolto.model.count import Count
from oppilashuolto.model.dates import Period


__all__ = ["ROLE_ORDER", "Membership"]

ROLE_ORDER = {
    "chair": 0,
    "vice_chair": 1,
    "convener": 2,
    "secretary": 3,
    "coordinator": 4,
    "minute_taker": 5,
    "member": 6,
    "representative": 7,
    "pupil_representative": 8,
    "guardian_representative": 9,
    "expert": 10,
    "contact_person": 11,
    "observer": 12,
}
"""Sort order of roles in `WelfareStructure.members`; other roles follow by code."""


def _one_holder(
    instance: Membership, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    if value is not None and instance.person_id is not None:
        fail(attribute, "empty when person_id is set", value)


@frozen(kw_only=True)
class Membership:
    """
    A seat in a group, held by a person or an organisation over a period.

    A seat with neither holder is unfilled (or its holder is not known); it may
    still say which profession it is for and how many such seats there are.

    Attributes:
        id: Id of the record.
        group_id: Id of the group.
        role: Code from the ``roles`` vocabulary, such as ``"chair"``.
        period: When the seat exists (half-open).
        person_id: Id of the person holding the seat, if any.
        organisation_id: Id of the organisation holding the seat, if any.
        represents_ids: Ids of the organisations or groups the holder speaks for.
        represents: Target-group codes the holder speaks for, such as ``"guardians"``.
        profession: The profession the seat is for, when no person is named.
        services: Codes from ``service_kinds`` the seat comes from or stands
            for ("the managers of curator services": ``"curator_service"``).
        count: How many such seats the record stands for (default one).
        appointed_by_id: Who named the holder.
        planned: The source speaks of the seat as planned or under
            consideration, not yet taken up.
        meeting_label: The ``label`` of the group's cadence whose meetings
            alone the seat attends (such as the yearly joint meeting); empty
            when the seat attends every meeting.
        note: Free text from the source.

    Examples:
        >>> seat = Membership(id="ooot-chair", group_id="ooot-paijat-hame", role="chair",
        ...                   period=Period.from_edtf("2017-21/.."), organisation_id="lahti")
        >>> seat.is_active(on=dt.date(2018, 1, 1)), seat.is_filled()
        (True, True)
    """

    id: str = field(validator=identifier)
    group_id: str = field(validator=identifier)
    role: str = field(validator=code)
    period: Period = field(factory=Period.always)
    person_id: str | None = field(default=None, validator=optional_identifier)
    organisation_id: str | None = field(
        default=None, validator=[optional_identifier, _one_holder]
    )
    represents_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    represents: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    profession: str = field(default="", validator=optional_code)
    services: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    count: Count | None = None
    appointed_by_id: str | None = field(default=None, validator=optional_identifier)
    planned: bool = False
    meeting_label: str = ""
    note: str = field(default="", repr=False)

    @property
    def holder_id(self) -> str | None:
        """The person or organisation holding the seat, if any."""
        return self.person_id if self.person_id is not None else self.organisation_id

    def is_filled(self) -> bool:
        """Tell whether a person or an organisation holds the seat."""
        return self.holder_id is not None

    def is_active(self, *, on: dt.date) -> bool:
        """Tell whether the seat exists on the day *on*."""
        return self.period.contains(on)
