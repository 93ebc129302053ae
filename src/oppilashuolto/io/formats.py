"""Load and save welfare structures as TOML (authoring) and JSON (exchange)."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import tempfile
import tomllib

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import cattrs
import tomli_w

from oppilashuolto.errors import StructureError, ValidationError
from oppilashuolto.io._converter import converter, format_exception
from oppilashuolto.io.migrations import SCHEMA_VERSION, migrate
from oppilashuolto.model import WelfareStructure


__all__ = [
    "Format",
    "dumps",
    "format_of",
    "load",
    "loads",
    "save",
    "to_document",
    "write_atomic",
]

Format = Literal["json", "toml"]
_MAX_BYTES = 512 * 1024 * 1024


def format_of(path: str | os.PathLike[str]) -> Format:
    """
    Return the format named by a file's extension.

    Raises:
        StructureError: If the extension is neither ``.json`` nor ``.toml``.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".toml":
        return "toml"
    raise StructureError(
        str(path),
        [
            f"file name must end in .json or .toml (got {suffix or 'no extension'!r}) @ $"
        ],
    )


def _parse(data: bytes | str, fmt: Format, source: str) -> dict[str, Any]:
    if isinstance(data, bytes):
        if len(data) > _MAX_BYTES:
            raise StructureError(
                source, [f"file is larger than {_MAX_BYTES} bytes @ $"]
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StructureError(
                source,
                [f"file must be UTF-8 text (invalid byte at offset {exc.start}) @ $"],
            ) from None
    else:
        text = data
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise StructureError(
            source, ["file is empty; expected a welfare structure @ $"]
        )
    try:
        document = json.loads(text) if fmt == "json" else tomllib.loads(text)
    except json.JSONDecodeError as exc:
        raise StructureError(
            source,
            [f"broken JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}) @ $"],
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise StructureError(source, [f"broken TOML: {exc} @ $"]) from None
    except RecursionError:
        raise StructureError(source, ["input is nested too deeply @ $"]) from None
    if not isinstance(document, dict):
        kind = type(document).__name__
        raise StructureError(
            source, [f"expected a table (object) at the top (got {kind}) @ $"]
        )
    return document


def _problem_lines(errors: list[ValidationError]) -> list[str]:
    return [
        f"{msg} @ $.{path}" if path else f"{msg} @ $"
        for error in errors
        for msg, path in error.problems
    ]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    # Loading allocates hundreds of thousands of small objects and no cycles; the
    # cyclic collector would walk them again and again (35-50 % of a national load).
    # Pause it for the duration, and restore it only if it was on.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _structure(document: dict[str, Any], source: str) -> WelfareStructure:
    upgraded, problems = migrate(document)
    if problems:
        raise StructureError(source, problems)
    try:
        return converter.structure(upgraded, WelfareStructure)
    except cattrs.BaseValidationError as exc:
        own = [
            e
            for e in exc.exceptions
            if isinstance(e, ValidationError) and not getattr(e, "__notes__", None)
        ]
        if own and len(own) == len(exc.exceptions):
            # raised by WelfareStructure itself: its problems carry their own paths
            raise StructureError(source, _problem_lines(own)) from None
        lines = cattrs.transform_error(exc, path="$", format_exception=format_exception)
        raise StructureError(source, lines) from None
    except ValidationError as exc:
        raise StructureError(source, _problem_lines([exc])) from None
    except RecursionError:
        raise StructureError(source, ["input is nested too deeply @ $"]) from None


def loads(
    data: bytes | str, fmt: Format = "json", *, source: str = "<string>"
) -> WelfareStructure:
    """
    Read a structure from JSON or TOML text.

    Args:
        data: The text or its UTF-8 bytes.
        fmt: ``"json"`` or ``"toml"``.
        source: The name to put in error messages.

    Raises:
        StructureError: If the text is not a valid structure; its ``messages``
            are ``"<problem> @ <path>"`` lines.
    """
    with _collector_paused():
        return _structure(_parse(data, fmt, source), source)


def load(path: str | os.PathLike[str]) -> WelfareStructure:
    """
    Read a structure from a ``.json`` or ``.toml`` file.

    Raises:
        StructureError: If the file cannot be read or is not a valid structure.
    """
    fmt = format_of(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise StructureError(
            str(path), [f"cannot read file: {exc.strerror} @ $"]
        ) from None
    return loads(data, fmt, source=str(path))


def to_document(structure: WelfareStructure) -> dict[str, Any]:
    """Return the exchange document of *structure*: plain dicts, lists and strings."""
    body = converter.unstructure(structure)
    return {"schema_version": SCHEMA_VERSION, **body}


def dumps(structure: WelfareStructure, fmt: Format = "json") -> str:
    """
    Return the JSON or TOML text of *structure*; the same structure gives the same text.

    Examples:
        >>> from oppilashuolto.model import WelfareStructure
        >>> print(dumps(WelfareStructure(id="tyhja", name="Tyhjä"), "toml"), end="")
        schema_version = 1
        id = "tyhja"
        name = "Tyhjä"
    """
    document = to_document(structure)
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return tomli_w.dumps(document, multiline_strings=False)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> bool:
    """
    Write *data* to *path* through a temporary file and a rename.

    A failure leaves any old file intact.
    Returns ``False`` without writing when the file already holds *data*.
    """
    target = Path(path)
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).chmod(0o644)
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def save(structure: WelfareStructure, path: str | os.PathLike[str]) -> bool:
    """
    Write *structure* to a ``.json`` or ``.toml`` file atomically.

    Returns:
        Whether the file changed.
    """
    return write_atomic(path, dumps(structure, format_of(path)).encode("utf-8"))
