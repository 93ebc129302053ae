"""Small records shared by projects, practices, clocks and plans."""

from __future__ import annotations

from attrs import field, frozen

from oppilashuolto.errors import ValidationError
from oppilashuolto.model._validators import (
    code,
    optional_code,
    optional_identifier,
    texts,
    to_str_tuple,
)
from oppilashuolto.model.dates import Period


__all__ = ["Contribution", "Result"]


@frozen(kw_only=True)
class Result:
    """
    A result reported under a heading, such as "Palvelun sujuvuus".

    Attributes:
        dimension: Code from the ``result_dimensions`` vocabulary.
        text: The result in one paragraph.
        points: Numbered points, when the source lists them.
    """

    dimension: str = field(validator=code)
    text: str = ""
    points: tuple[str, ...] = field(default=(), converter=to_str_tuple, validator=texts)


@frozen(kw_only=True)
class Contribution:
    """
    A party's part in a clock, practice, plan or project: built, reviewed, maintains…

    Either *party_id* names a record, or *profession* says who by role when the
    source names nobody ("the ECEC planner").

    Attributes:
        kind: Code from the ``contribution_kinds`` vocabulary.
        party_id: The group, organisation or person, if named.
        profession: Code from ``professions`` when only the role is known.
        period: When the contribution happened or holds.
        note: Free text from the source.
    """

    kind: str = field(validator=code)
    party_id: str | None = field(default=None, validator=optional_identifier)
    profession: str = field(default="", validator=optional_code)
    period: Period = field(factory=Period.always)
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if self.party_id is None and not self.profession:
            msg = "contribution must name a party_id or a profession"
            raise ValidationError(msg)
