"""
The bundled example datasets: each seed document modelled as a structure.

Examples:
    >>> "kangasala-vuosikello" in names()
    True
    >>> load("kangasla")
    Traceback (most recent call last):
    ...
    oppilashuolto.errors.UnknownIdError: Unknown example 'kangasla'; expected one of: ...
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from oppilashuolto.errors import UnknownIdError
from oppilashuolto.io import loads
from oppilashuolto.model import WelfareStructure


__all__ = ["load", "names", "source_text"]


@cache
def names() -> tuple[str, ...]:
    """Return the names of the bundled examples, sorted."""
    folder = resources.files(__package__) / "data"
    return tuple(
        sorted(
            p.name.removesuffix(".toml")
            for p in folder.iterdir()
            if p.name.endswith(".toml")
        )
    )


def source_text(name: str) -> str:
    """Return the TOML source of the example *name*."""
    if name not in names():
        msg = f"Unknown example {name!r}; expected one of: {', '.join(names())}"
        raise UnknownIdError(msg)
    return (resources.files(__package__) / "data" / f"{name}.toml").read_text("utf-8")


@cache
def load(name: str) -> WelfareStructure:
    """
    Return the bundled example *name* as a validated structure.

    Raises:
        UnknownIdError: If there is no such example; the message lists the names.
    """
    return loads(source_text(name), "toml", source=f"example:{name}")
