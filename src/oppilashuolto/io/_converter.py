"""The private cattrs converter: the only place that knows the exchange format's shapes."""

from __future__ import annotations

import datetime as dt
import decimal
import re

from typing import Any

import cattrs

from cattrs.preconf.json import make_converter

from oppilashuolto.errors import ValidationError
from oppilashuolto.model import Count, LegalReference, PartialDate, Period


__all__ = ["build_converter", "converter", "format_exception"]

_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$")


def _expect_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        msg = (
            f"expected {what} as a string (got a value of type {type(value).__name__})"
        )
        raise ValidationError(msg)
    return value


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = _expect_str(value, "a date like '2026-08-12'")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"expected a date like '2026-08-12' (got {text[:30]!r})"
        raise ValidationError(msg) from None


def _structure_time(value: object, _: type) -> dt.time:
    if isinstance(value, dt.time):
        return value.replace(tzinfo=None)
    text = _expect_str(value, "a time like '14:00'")
    m = _TIME.match(text)
    if m is None:
        msg = f"expected a time like '14:00' (got {text[:30]!r})"
        raise ValidationError(msg)
    return dt.time(int(m[1]), int(m[2]), int(m[3] or 0))


def _unstructure_time(value: dt.time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _structure_datetime(value: object, _: type) -> dt.datetime:
    if isinstance(value, dt.datetime):
        result = value
    else:
        text = _expect_str(value, "a UTC time like '2026-08-01T00:00:00Z'")
        try:
            result = dt.datetime.fromisoformat(text)
        except ValueError:
            msg = f"expected a UTC time like '2026-08-01T00:00:00Z' (got {text[:40]!r})"
            raise ValidationError(msg) from None
    if result.tzinfo is None:
        msg = "expected a time with a zone, like '2026-08-01T00:00:00Z' (got a floating time)"
        raise ValidationError(msg)
    return result.astimezone(dt.UTC)


def _unstructure_datetime(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _structure_decimal(value: object, _: type) -> decimal.Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        msg = "expected an amount as a string like '1200.50'"
        raise ValidationError(msg)
    try:
        return decimal.Decimal(value)
    except decimal.InvalidOperation:
        msg = f"expected an amount like '1200.50' (got {str(value)[:20]!r})"
        raise ValidationError(msg) from None


def _strict(kind: type, what: str) -> Any:
    # the preconf converter would turn 5 into "5" and "1" into True; files must say what they mean
    def structure(value: object, _: type) -> Any:
        if type(value) is kind or (kind is float and type(value) is int):
            return value
        msg = f"expected {what} (got a value of type {type(value).__name__})"
        raise ValidationError(msg)

    return structure


def build_converter() -> cattrs.Converter:
    """Return a new converter of the exchange format (`converter` is the shared one)."""
    conv = make_converter(forbid_extra_keys=True, omit_if_default=True)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(float, _strict(float, "a number"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(
        PartialDate, lambda v, _: PartialDate.from_edtf(_expect_str(v, "an EDTF date"))
    )
    conv.register_unstructure_hook(PartialDate, lambda v: v.edtf)
    conv.register_structure_hook(
        Period,
        lambda v, _: Period.from_edtf(_expect_str(v, "an EDTF period like '2014/..'")),
    )
    conv.register_unstructure_hook(Period, Period.to_edtf)
    conv.register_structure_hook(
        Count, lambda v, _: Count.from_text(_expect_str(v, "a count like '>300'"))
    )
    conv.register_unstructure_hook(Count, Count.to_text)
    conv.register_structure_hook(
        LegalReference,
        lambda v, _: LegalReference.from_text(
            _expect_str(v, "a section like '14 § 2 mom.'")
        ),
    )
    conv.register_unstructure_hook(LegalReference, LegalReference.to_text)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(dt.time, _structure_time)
    conv.register_unstructure_hook(dt.time, _unstructure_time)
    conv.register_structure_hook(dt.datetime, _structure_datetime)
    conv.register_unstructure_hook(dt.datetime, _unstructure_datetime)
    conv.register_structure_hook(decimal.Decimal, _structure_decimal)
    conv.register_unstructure_hook(decimal.Decimal, str)
    return conv


converter = build_converter()


def format_exception(exc: BaseException, type_: Any) -> str:
    """Let our own messages through; otherwise describe like cattrs does."""
    if isinstance(exc, ValidationError):
        return str(exc)
    if isinstance(exc, KeyError) and not isinstance(exc, ValidationError):
        return "required field missing"
    return cattrs.v.format_exception(exc, type_)
