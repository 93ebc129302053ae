"""References to sections of Finnish acts, such as ``14 § 2 mom.``."""

from __future__ import annotations

import re

from functools import lru_cache

from attrs import frozen

from oppilashuolto.errors import ValidationError


__all__ = ["WELFARE_ACT", "LegalReference"]

WELFARE_ACT = "1287/2013"
"""The Pupil and Student Welfare Act (oppilas- ja opiskelijahuoltolaki)."""

_TEXT = re.compile(
    r"^(?:(?P<act>\d{1,4}/\d{4}) )?(?P<section>\d{1,3}(?: [a-z])?) §(?: (?P<sub>\d{1,2}) mom\.)?$"
)


@frozen(kw_only=True)
class LegalReference:
    """
    A section (and subsection) of an act.

    The text form is ``"14 § 2 mom."`` for Act 1287/2013, or
    ``"417/2007 12 §"`` for another act.

    Attributes:
        act: The statute number, ``"1287/2013"`` unless said otherwise.
        section: The section, such as ``"14"`` or ``"14 a"``.
        subsection: The subsection (momentti), if any.

    Examples:
        >>> ref = LegalReference.from_text("14 a §")
        >>> ref.section, ref.act
        ('14 a', '1287/2013')
        >>> str(LegalReference.from_text("417/2007 12 §"))
        '417/2007 12 §'
    """

    act: str = WELFARE_ACT
    section: str
    subsection: int | None = None

    @classmethod
    def from_text(cls, text: str) -> LegalReference:
        """Parse the text form."""
        return _cached(text)

    def to_text(self) -> str:
        """Return the text form, leaving out the act when it is 1287/2013."""
        act = "" if self.act == WELFARE_ACT else f"{self.act} "
        sub = "" if self.subsection is None else f" {self.subsection} mom."
        return f"{act}{self.section} §{sub}"

    def __str__(self) -> str:
        return self.to_text()


@lru_cache(maxsize=1024)
def _cached(text: object) -> LegalReference:
    m = _TEXT.match(text) if isinstance(text, str) else None
    if m is None:
        got = (
            repr(text) if isinstance(text, str) and len(text) < 40 else "another value"
        )
        msg = (
            "legal reference must look like '14 § 2 mom.', '14 a §' or "
            f"'417/2007 12 §' (got {got})"
        )
        raise ValidationError(msg)
    return LegalReference(
        act=m["act"] or WELFARE_ACT,
        section=m["section"],
        subsection=None if m["sub"] is None else int(m["sub"]),
    )
