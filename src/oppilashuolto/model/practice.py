"""Described practices (toimintamalli) and their adoptions."""

from __future__ import annotations

from attrs import field, frozen

from oppilashuolto.model._validators import (
    code,
    identifier,
    identifiers,
    non_empty,
    optional_code,
    texts,
    to_str_tuple,
    to_tuple,
)
from oppilashuolto.model.common import Contribution, Result
from oppilashuolto.model.dates import PartialDate, Period


__all__ = ["Adoption", "Contact", "Practice"]


@frozen(kw_only=True)
class Contact:
    """
    A contact person of a practice.

    Attributes:
        person_id: The person.
        role: Code from ``roles``, usually ``"contact_person"``.
    """

    person_id: str = field(validator=identifier)
    role: str = field(default="contact_person", validator=code)


@frozen(kw_only=True)
class Adoption:
    """
    An organisation takes a practice into use.

    Attributes:
        organisation_id: The adopting organisation.
        period: Since when (and until when).
        note: Free text.
    """

    organisation_id: str = field(validator=identifier)
    period: Period = field(factory=Period.always)
    note: str = ""


@frozen(kw_only=True)
class Practice:
    """
    A described way of working: need and goals, solution, results, contacts.

    Attributes:
        id: Id of the record.
        name: Finnish (or the only) name.
        name_sv: Swedish name.
        name_en: English name.
        status: Code from ``project_statuses``.
        period: When the practice has been developed and used.
        owner_ids: Organisations behind it.
        group_ids: Groups that carry it out.
        need: The need it answers.
        goals: Its goals.
        solution: How it works.
        channels: Ways of delivery, such as "telephone".
        results: Results by dimension.
        contacts: Contact people.
        adoptions: Organisations that took it into use.
        contributions: Parts others took (encouraged, reviewed…).
        target_groups: Codes from ``target_groups``.
        recorded: When the description was recorded (a portal date).
        source: Where the description comes from.
        note: Free text.
    """

    id: str = field(validator=identifier)
    name: str = field(validator=non_empty)
    name_sv: str = ""
    name_en: str = ""
    status: str = field(default="", validator=optional_code)
    period: Period = field(factory=Period.always)
    owner_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    group_ids: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=identifiers
    )
    need: str = ""
    goals: tuple[str, ...] = field(default=(), converter=to_str_tuple, validator=texts)
    solution: str = ""
    channels: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=texts
    )
    results: tuple[Result, ...] = field(default=(), converter=to_tuple)
    contacts: tuple[Contact, ...] = field(default=(), converter=to_tuple)
    adoptions: tuple[Adoption, ...] = field(default=(), converter=to_tuple)
    contributions: tuple[Contribution, ...] = field(default=(), converter=to_tuple)
    target_groups: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    recorded: PartialDate | None = None
    source: str = ""
    note: str = field(default="", repr=False)
