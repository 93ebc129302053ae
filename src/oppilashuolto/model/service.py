"""Service arrangements: who provides curator, psychologist… services to whom."""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

from oppilashuolto.model._validators import (
    code,
    identifier,
    optional_code,
    optional_identifier,
)
from oppilashuolto.model.count import Count
from oppilashuolto.model.dates import Period


__all__ = ["ServiceArrangement"]


@frozen(kw_only=True)
class ServiceArrangement:
    """
    A service provided by one organisation to another over a period.

    When the source gives only a count ("in seven of the ten municipalities"),
    the recipient is the area and *recipient_count* says how many of its
    members the arrangement covers.

    Attributes:
        id: Id of the record.
        service: Code from the ``service_kinds`` vocabulary.
        recipient_id: The organisation whose pupils or schools get the service.
        provider_id: The organisation providing it, or ``None`` if not stated.
        mode: Code from the ``service_modes`` vocabulary, or empty if not stated.
        administrative_home_id: The department the service staff work under.
        administrative_sector: Code from ``sectors`` when the home is known only
            by sector ("under the education department").
        recipient_count: How many members of the recipient area it covers.
        period: When the arrangement holds.
        note: Free text from the source.

    Examples:
        >>> a = ServiceArrangement(id="a1", service="curator_service", recipient_id="lahti",
        ...                        provider_id="lahti", mode="own_production",
        ...                        period=Period.from_edtf("2019~/2022"))
        >>> a.is_active(on=dt.date(2023, 1, 1))
        False
    """

    id: str = field(validator=identifier)
    service: str = field(validator=code)
    recipient_id: str = field(validator=identifier)
    provider_id: str | None = field(default=None, validator=optional_identifier)
    mode: str = field(default="", validator=optional_code)
    administrative_home_id: str | None = field(
        default=None, validator=optional_identifier
    )
    administrative_sector: str = field(default="", validator=optional_code)
    recipient_count: Count | None = None
    period: Period = field(factory=Period.always)
    note: str = field(default="", repr=False)

    def is_active(self, *, on: dt.date) -> bool:
        """Tell whether the arrangement holds on the day *on*."""
        return self.period.contains(on)
