"""Organisations, their affiliations over time, and successions (mergers, renames)."""

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
    non_empty,
    one_of,
    optional_code,
    optional_identifier,
    to_str_tuple,
)
from oppilashuolto.model.count import Count
from oppilashuolto.model.dates import Period
from oppilashuolto.model.identifiers import (
    validate_business_id,
    validate_municipality_code,
    validate_region_code,
    validate_school_number,
    validate_subregion_code,
    validate_wellbeing_county_code,
)


__all__ = [
    "AFFILIATION_RELATIONS",
    "SUCCESSION_KINDS",
    "Affiliation",
    "Organisation",
    "Succession",
]

AFFILIATION_RELATIONS = (
    "located_in",
    "part_of",
    "member_of",
    "under_provider",
    "administered_by",
)
SUCCESSION_KINDS = ("merger", "rename", "split", "transfer")


def _national(validator: Any) -> Any:
    def check(_: object, _attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(value)

    return check


@frozen(kw_only=True)
class Organisation:
    """
    A municipality, county, provider, school, department or other organisation.

    Attributes:
        id: Id of the record, such as ``"kangasala"``.
        kind: Code from the ``organisation_kinds`` vocabulary.
        name: Finnish (or the only) name.
        name_sv: Swedish name, if any.
        name_en: English name, if any.
        acronym: Short name, such as ``"PHHYKY"``.
        parent_id: The organisation this one is part of (a department's
            municipality), if any.
        municipality_code: 3-digit municipality code (of the municipality itself,
            or where the organisation lies).
        region_code: 2-digit region code.
        subregion_code: 3-digit sub-region code.
        wellbeing_county_code: 2-digit wellbeing services county code.
        business_id: Business ID (Y-tunnus), check digit validated.
        school_number: Institution number (oppilaitosnumero).
        sector: Code from the ``sectors`` vocabulary.
        languages: Official languages, such as ``("fi", "sv")``.
        count: When the record stands for several unnamed organisations (such
            as "the area's 35 schools"), how many.
        placeholder: The source names no specific organisation here.
        period: When the organisation exists.
        note: Free text from the source.

    Examples:
        >>> Organisation(id="kangasala", kind="municipality", name="Kangasala",
        ...              municipality_code="211").municipality_code
        '211'
    """

    id: str = field(validator=identifier)
    kind: str = field(validator=code)
    name: str = field(validator=non_empty)
    name_sv: str = ""
    name_en: str = ""
    acronym: str = ""
    parent_id: str | None = field(default=None, validator=optional_identifier)
    municipality_code: str | None = field(
        default=None, validator=_national(validate_municipality_code)
    )
    region_code: str | None = field(
        default=None, validator=_national(validate_region_code)
    )
    subregion_code: str | None = field(
        default=None, validator=_national(validate_subregion_code)
    )
    wellbeing_county_code: str | None = field(
        default=None, validator=_national(validate_wellbeing_county_code)
    )
    business_id: str | None = field(
        default=None, validator=_national(validate_business_id)
    )
    school_number: str | None = field(
        default=None, validator=_national(validate_school_number)
    )
    sector: str = field(default="", validator=optional_code)
    languages: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    count: Count | None = None
    placeholder: bool = False
    period: Period = field(factory=Period.always)
    note: str = field(default="", repr=False)


@frozen(kw_only=True)
class Affiliation:
    """
    An organisation belongs to another over a period.

    Attributes:
        id: Id of the record.
        organisation_id: The member organisation.
        parent_id: The organisation it belongs to.
        relation: ``"located_in"`` (a municipality in a region or county),
            ``"part_of"``, ``"member_of"``, ``"under_provider"`` (a school under
            its education provider) or ``"administered_by"``.
        period: When the affiliation holds.
        note: Free text from the source.

    Examples:
        >>> Affiliation(id="iitti-in-07", organisation_id="iitti", parent_id="paijat-hame",
        ...             relation="located_in", period=Period.from_edtf("2021-01-01/..")).relation
        'located_in'
    """

    id: str = field(validator=identifier)
    organisation_id: str = field(validator=identifier)
    parent_id: str = field(validator=identifier)
    relation: str = field(validator=one_of(AFFILIATION_RELATIONS))
    period: Period = field(factory=Period.always)
    note: str = field(default="", repr=False)


def _successor_not_predecessor(
    instance: Succession, attribute: attrs.Attribute[Any], value: str
) -> None:
    if value in instance.predecessor_ids and instance.kind != "merger":
        fail(
            attribute,
            "different from its predecessors unless the kind is 'merger'",
            value,
        )


@frozen(kw_only=True)
class Succession:
    """
    Predecessor organisations are succeeded by another on a date.

    In a merger the successor may carry the id of one predecessor's name (as
    Kouvola did in 2009); each record stays distinct by id.

    Attributes:
        id: Id of the record.
        kind: ``"merger"``, ``"rename"``, ``"split"`` or ``"transfer"``.
        predecessor_ids: The organisations that ceased or changed.
        successor_id: The organisation that continues.
        on: The first day of the successor.
        note: Free text from the source.

    Examples:
        >>> Succession(id="kouvola-2009", kind="merger", predecessor_ids=["jaala", "valkeala"],
        ...            successor_id="kouvola", on=dt.date(2009, 1, 1)).on.year
        2009
    """

    id: str = field(validator=identifier)
    kind: str = field(validator=one_of(SUCCESSION_KINDS))
    predecessor_ids: tuple[str, ...] = field(
        converter=to_str_tuple, validator=identifiers
    )
    successor_id: str = field(validator=[identifier, _successor_not_predecessor])
    on: dt.date
    note: str = field(default="", repr=False)
