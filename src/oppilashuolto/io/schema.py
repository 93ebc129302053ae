"""A JSON Schema (draft 2020-12) of the exchange format, derived from the model classes."""

from __future__ import annotations

import datetime as dt
import decimal
import types
import typing

from typing import Any

import attrs

from oppilashuolto.io.migrations import SCHEMA_VERSION
from oppilashuolto.model import (
    Count,
    LegalReference,
    PartialDate,
    Period,
    WelfareStructure,
)


__all__ = ["json_schema"]

_ID = r"^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$"
_EDTF_DATE = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?[~?%]?$"
_EDTF_SIDE = r"(?:\d{4}(?:-\d{2}(?:-\d{2})?)?[~?%]?|\.\.|)"
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    PartialDate: {"type": "string", "pattern": _EDTF_DATE, "description": "EDTF date"},
    Period: {
        "type": "string",
        "pattern": f"^(?:{_EDTF_DATE[1:-1]}|{_EDTF_SIDE}/{_EDTF_SIDE})$",
        "description": "EDTF date or interval 'start/end'; '..' open, empty unknown",
    },
    Count: {"type": "string", "pattern": r"^~?(?:\d+|>\d+|<\d+|\d+-\d+)$"},
    LegalReference: {
        "type": "string",
        "pattern": r"^(?:\d{1,4}/\d{4} )?\d{1,3}(?: [a-z])? §(?: \d{1,2} mom\.)?$",
    },
    dt.date: {"type": "string", "format": "date"},
    dt.time: {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$"},
    dt.datetime: {"type": "string", "format": "date-time"},
    decimal.Decimal: {"type": "string", "pattern": r"^\d+(?:\.\d+)?$"},
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def type_schema(self, tp: Any, field_name: str) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            return self.type_schema(args[0], field_name)
        if origin is tuple:
            item = typing.get_args(tp)[0]
            return {
                "type": "array",
                "items": self.type_schema(item, field_name.removesuffix("s")),
            }
        if tp not in _SCALARS and attrs.has(tp):
            return {"$ref": f"#/$defs/{self.add(tp)}"}
        schema = dict(_SCALARS[tp])
        if tp is str and (field_name == "id" or field_name.endswith("_id")):
            schema["pattern"] = _ID
        return schema

    def add(self, cls: type) -> str:
        name = cls.__name__
        if name in self.defs:
            return name
        self.defs[name] = {}
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for a in attrs.fields(cls):
            if not a.init:
                continue
            schema = self.type_schema(hints[a.name], a.name)
            properties[a.name] = schema
            if a.default is attrs.NOTHING:
                required.append(a.name)
        doc = (cls.__doc__ or "").strip().splitlines()
        self.defs[name] = {
            "type": "object",
            "description": doc[0] if doc else name,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        return name


def json_schema() -> dict[str, Any]:
    """
    Return the JSON Schema of the exchange format.

    Examples:
        >>> schema = json_schema()
        >>> schema["$schema"]
        'https://json-schema.org/draft/2020-12/schema'
        >>> schema["properties"]["schema_version"]["const"]
        1
    """
    builder = _Builder()
    root = builder.add(WelfareStructure)
    top = dict(builder.defs.pop(root))
    top["properties"] = {
        "schema_version": {"const": SCHEMA_VERSION},
        **top["properties"],
    }
    top["required"] = ["schema_version", *top["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://oppilashuolto.invalid/schema/v{SCHEMA_VERSION}.json",
        "title": "oppilashuolto welfare structure",
        **top,
        "$defs": dict(sorted(builder.defs.items())),
    }
