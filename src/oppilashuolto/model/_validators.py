"""Field validators shared by the model classes."""

from __future__ import annotations

import re

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from oppilashuolto.errors import ValidationError


_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$")
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def describe(value: object) -> str:
    """Return a repr of *value* that is safe for an error message (no free text)."""
    if isinstance(value, str):
        if _ID.match(value) or _CODE.match(value) or len(value) <= 16:
            return repr(value)
        return f"a {len(value)}-character string"
    if isinstance(value, (int, float, bool)) or value is None:
        return repr(value)
    return f"a value of type {type(value).__name__}"


def describe_private(value: object) -> str:
    """Return only the kind of *value*, for personal data."""
    if isinstance(value, str):
        return f"a {len(value)}-character string"
    return f"a value of type {type(value).__name__}"


def fail(attribute: attrs.Attribute[Any], requirement: str, value: object) -> None:
    """Raise a `ValidationError` naming the field, the rule and the value."""
    private = attribute.metadata.get("personal", False)
    got = describe_private(value) if private else describe(value)
    msg = f"{attribute.name} must be {requirement} (got {got})"
    raise ValidationError(msg)


def is_id(value: object) -> bool:
    """Tell whether *value* is a valid record id."""
    return isinstance(value, str) and _ID.match(value) is not None


def is_code(value: object) -> bool:
    """Tell whether *value* is a valid vocabulary code."""
    return isinstance(value, str) and _CODE.match(value) is not None


ID_REQUIREMENT = (
    "an id of lowercase ASCII letters, digits and hyphens like 'ooot-paijat-hame'"
)
CODE_REQUIREMENT = "a lowercase ASCII code like 'school_nurse'"


def identifier(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a record id such as ``"ooot-paijat-hame"``."""
    if not is_id(value):
        fail(attribute, ID_REQUIREMENT, value)


def optional_identifier(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Validate an id that may be ``None``."""
    if value is not None and not is_id(value):
        fail(attribute, ID_REQUIREMENT + " or empty", value)


def identifiers(
    _: object, attribute: attrs.Attribute[Any], value: Iterable[object]
) -> None:
    """Validate a tuple of ids: each valid, none repeated."""
    seen: set[object] = set()
    for item in value:
        if not is_id(item):
            fail(attribute, "a list of ids like 'ooot-paijat-hame'", item)
        if item in seen:
            fail(attribute, "a list of distinct ids", item)
        seen.add(item)


def code(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a vocabulary code such as ``"school_nurse"``."""
    if not is_code(value):
        fail(attribute, CODE_REQUIREMENT, value)


def optional_code(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a vocabulary code that may be empty."""
    if value != "" and not is_code(value):
        fail(attribute, CODE_REQUIREMENT + " or empty", value)


def codes(_: object, attribute: attrs.Attribute[Any], value: Iterable[object]) -> None:
    """Validate a tuple of vocabulary codes: each valid, none repeated."""
    seen: set[object] = set()
    for item in value:
        if not is_code(item):
            fail(attribute, "a list of lowercase ASCII codes like 'school_nurse'", item)
        if item in seen:
            fail(attribute, "a list of distinct codes", item)
        seen.add(item)


def non_empty(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a non-empty, stripped single-line-or-more text."""
    if not isinstance(value, str) or not value.strip():
        fail(attribute, "a non-empty text", value)


def texts(_: object, attribute: attrs.Attribute[Any], value: Iterable[object]) -> None:
    """Validate a tuple of non-empty texts."""
    for item in value:
        if not isinstance(item, str) or not item.strip():
            fail(attribute, "a list of non-empty texts", item)


def one_of(
    choices: Iterable[str],
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Validate that a value is one of a closed set of strings."""
    frozen = frozenset(choices)
    listing = ", ".join(repr(c) for c in sorted(frozen))

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in frozen:
            fail(attribute, f"one of {listing}", value)

    return check


def ints_between(
    lo: int, hi: int, what: str
) -> Callable[[object, attrs.Attribute[Any], tuple[object, ...]], None]:
    """Validate a tuple of whole numbers in ``lo..hi``, such as months 1–12."""

    def check(
        _: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
    ) -> None:
        for item in value:
            if (
                not isinstance(item, int)
                or isinstance(item, bool)
                or not lo <= item <= hi
            ):
                fail(attribute, f"a list of {what} {lo}–{hi}", item)

    return check


def end_after_start_time(
    instance: Any, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Validate that ``end_time`` comes after a set ``start_time`` on the same record."""
    start = instance.start_time
    if value is not None and (start is None or value <= start):
        fail(attribute, "after start_time (and start_time must be set)", str(value))


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Convert any iterable to a tuple (typed, unlike ``converter=tuple``)."""
    return value if isinstance(value, tuple) else tuple(value)


def to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """Convert an iterable of strings to a tuple; a bare string is one item."""
    if isinstance(value, str):
        return (value,)
    return value if isinstance(value, tuple) else tuple(value)


PERSONAL = {"personal": True}
"""Field metadata marking personal data (dropped from research exports)."""
