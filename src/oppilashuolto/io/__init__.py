"""Exchange formats: TOML for authoring, JSON for exchange, optional YAML, and a JSON Schema."""

from oppilashuolto.io.formats import (
    dumps,
    format_of,
    load,
    loads,
    save,
    to_document,
    write_atomic,
)
from oppilashuolto.io.migrations import SCHEMA_VERSION
from oppilashuolto.io.schema import json_schema


__all__ = [
    "SCHEMA_VERSION",
    "dumps",
    "format_of",
    "json_schema",
    "load",
    "loads",
    "save",
    "to_document",
    "write_atomic",
]
