"""People in roles and professions. Every personal field is optional and marked."""

from __future__ import annotations

from typing import Any

import attrs

from attrs import field, frozen

from oppilashuolto.model._validators import (
    PERSONAL,
    codes,
    fail,
    identifier,
    optional_identifier,
    to_str_tuple,
)
from oppilashuolto.model.dates import Period


__all__ = ["Person", "personal_fields"]


def _no_newlines(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or "\n" in value or "\r" in value:
        fail(attribute, "a single line of text", value)


@frozen(kw_only=True)
class Person:
    """
    A member of staff, possibly unnamed ("the LAPE project planner").

    The library models structures, not cases: a person is staff in a role,
    never a pupil.
    Name, contact details, degree and job title are personal data: they are
    left out of ``repr()``, of error messages and of research exports unless
    asked for. A job title counts because in a small municipality it often
    names one person ("the curator of Orimattila"); professions, as codes,
    stay in exports.

    Attributes:
        id: Id of the record.
        professions: Codes from the ``professions`` vocabulary.
        title: The job title as the source writes it (personal).
        employer_id: The employing organisation, if known.
        name: Full name (personal).
        email: Work e-mail (personal).
        phone: Work phone (personal).
        degree: Academic degree, such as ``"KM"`` (personal).
        synthetic: Generated, not a real person.
        period: When the person is known to be in post.
        note: Free text from the source.

    Examples:
        >>> p = Person(id="kitola", professions=["project_coordinator"], name="Arja Kitola")
        >>> p
        Person(id='kitola', professions=('project_coordinator',), employer_id=None, synthetic=False, period=...)
    """

    id: str = field(validator=identifier)
    professions: tuple[str, ...] = field(
        default=(), converter=to_str_tuple, validator=codes
    )
    title: str = field(default="", repr=False, metadata=PERSONAL)
    employer_id: str | None = field(default=None, validator=optional_identifier)
    name: str = field(default="", repr=False, metadata=PERSONAL, validator=_no_newlines)
    email: str = field(
        default="", repr=False, metadata=PERSONAL, validator=_no_newlines
    )
    phone: str = field(
        default="", repr=False, metadata=PERSONAL, validator=_no_newlines
    )
    degree: str = field(
        default="", repr=False, metadata=PERSONAL, validator=_no_newlines
    )
    synthetic: bool = False
    period: Period = field(factory=Period.always)
    note: str = field(default="", repr=False)

    def is_named(self) -> bool:
        """Tell whether the record holds a name."""
        return bool(self.name)


def personal_fields(cls: type) -> tuple[str, ...]:
    """
    Return the names of the fields of an attrs class that hold personal data.

    Examples:
        >>> personal_fields(Person)
        ('title', 'name', 'email', 'phone', 'degree')
    """
    return tuple(a.name for a in attrs.fields(cls) if a.metadata.get("personal", False))
