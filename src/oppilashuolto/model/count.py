"""Counts that sources give as bounds: "over 300", "2–3 times", "about 60"."""

from __future__ import annotations

import re

from functools import lru_cache
from typing import Any

import attrs

from attrs import field, frozen

from oppilashuolto.errors import ValidationError


__all__ = ["Count"]

_TEXT = re.compile(
    r"^(?:(?P<exact>\d+)|>(?P<gt>\d+)|<(?P<lt>\d+)|(?P<lo>\d+)-(?P<hi>\d+))$"
)


def _non_negative(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        not isinstance(value, int) or isinstance(value, bool) or value < 0
    ):
        msg = f"{attribute.name} must be a non-negative whole number (got {value!r})"
        raise ValidationError(msg)


def _ordered(instance: Count, _: attrs.Attribute[Any], value: int | None) -> None:
    _non_negative(instance, _, value)
    if value is not None and instance.minimum is not None and value < instance.minimum:
        msg = f"maximum {value} must not be below minimum {instance.minimum}"
        raise ValidationError(msg)


@frozen(kw_only=True)
class Count:
    """
    A whole number known exactly, as a range, or as a bound.

    The text form is ``"19"``, ``">300"`` (more than 300), ``"<5"`` (fewer than 5)
    or ``"2-3"``; a leading ``~`` marks an approximate value (``"~60"``).

    Attributes:
        minimum: The smallest possible value, or ``None`` if unbounded.
        maximum: The largest possible value, or ``None`` if unbounded.
        approximate: The source says "about".

    Examples:
        >>> Count.from_text(">300").minimum
        301
        >>> Count.from_text("2-3").to_text()
        '2-3'
        >>> Count.from_text("yli 300")
        Traceback (most recent call last):
        ...
        oppilashuolto.errors.ValidationError: count must look like '19', '>300', '<5', '2-3' or '~60' (got 'yli 300')
    """

    minimum: int | None = field(default=None, validator=_non_negative)
    maximum: int | None = field(default=None, validator=_ordered)
    approximate: bool = False

    def __attrs_post_init__(self) -> None:
        if self.minimum is None and self.maximum is None:
            msg = "count must have a minimum, a maximum or both"
            raise ValidationError(msg)

    @classmethod
    def exactly(cls, value: int) -> Count:
        """Return the exact count *value*."""
        return cls(minimum=value, maximum=value)

    @classmethod
    def from_text(cls, text: str) -> Count:
        """Parse the text form."""
        return _cached_count(text)

    def to_text(self) -> str:
        """Return the canonical text form."""
        lo, hi = self.minimum, self.maximum
        if lo is not None and hi is not None:
            body = str(lo) if lo == hi else f"{lo}-{hi}"
        elif hi is None:
            assert lo is not None  # noqa: S101 - guaranteed by __attrs_post_init__
            body = f">{lo - 1}"
        else:
            body = f"<{hi + 1}"
        return f"~{body}" if self.approximate else body

    def __str__(self) -> str:
        return self.to_text()

    @property
    def is_exact(self) -> bool:
        """Tell whether the count is one known number."""
        return self.minimum is not None and self.minimum == self.maximum

    def admits(self, value: int) -> bool:
        """Tell whether *value* is possible under this count."""
        return (self.minimum is None or value >= self.minimum) and (
            self.maximum is None or value <= self.maximum
        )


@lru_cache(maxsize=4096)
def _cached_count(text: object) -> Count:
    if not isinstance(text, str):
        msg = f"count must be a text like '>300' (got a value of type {type(text).__name__})"
        raise ValidationError(msg)
    body = text.removeprefix("~")
    m = _TEXT.match(body)
    if m is None:
        msg = f"count must look like '19', '>300', '<5', '2-3' or '~60' (got {text!r})"
        raise ValidationError(msg)
    approximate = text.startswith("~")
    if m["exact"] is not None:
        n = int(m["exact"])
        return Count(minimum=n, maximum=n, approximate=approximate)
    if m["gt"] is not None:
        return Count(minimum=int(m["gt"]) + 1, approximate=approximate)
    if m["lt"] is not None:
        hi = int(m["lt"]) - 1
        if hi < 0:
            msg = f"count must not be below zero (got {text!r})"
            raise ValidationError(msg)
        return Count(maximum=hi, approximate=approximate)
    return Count(minimum=int(m["lo"]), maximum=int(m["hi"]), approximate=approximate)
