"""
Exceptions of oppilashuolto.

Every exception the library raises on purpose derives from `OppilashuoltoError`;
those about invalid data also derive from `ValueError`, as in python-stdnum and
icalendar.
"""

from __future__ import annotations

from collections.abc import Iterable


__all__ = [
    "ExtraNotInstalledError",
    "OppilashuoltoError",
    "StructureError",
    "UnknownIdError",
    "ValidationError",
]


class OppilashuoltoError(Exception):
    """Base class of every error raised by oppilashuolto."""


class ValidationError(OppilashuoltoError, ValueError):
    """
    A value or record breaks a rule of the model.

    Attributes:
        problems: ``(message, path)`` pairs; *path* is relative to the record
            that was validated, such as ``"memberships[3].group_id"``, or ``""``.
    """

    def __init__(self, message: str, problems: Iterable[tuple[str, str]] = ()) -> None:
        self.problems: tuple[tuple[str, str], ...] = tuple(problems) or ((message, ""),)
        super().__init__(message)


class UnknownIdError(OppilashuoltoError, KeyError):
    """A query named an id that the structure does not hold."""

    def __str__(self) -> str:
        # KeyError quotes its argument; ours is a sentence.
        return str(self.args[0]) if self.args else ""


class StructureError(OppilashuoltoError, ValueError):
    """
    A file or document could not be read as a welfare structure.

    Attributes:
        source: The file name (or ``"<string>"``) the input came from.
        messages: One ``"<problem> @ <path>"`` line per problem.
    """

    def __init__(self, source: str, messages: Iterable[str]) -> None:
        self.source = source
        self.messages: tuple[str, ...] = tuple(messages)
        super().__init__(self.source, self.messages)

    def __str__(self) -> str:
        lines = "\n".join(f"  {m}" for m in self.messages)
        return f"{self.source}: invalid welfare structure\n{lines}"


class ExtraNotInstalledError(OppilashuoltoError, ImportError):
    """An optional feature needs an extra that is not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs the optional dependencies of oppilashuolto[{extra}]; "
            f"install them with: pip install 'oppilashuolto[{extra}]'"
        )
        self.extra = extra
