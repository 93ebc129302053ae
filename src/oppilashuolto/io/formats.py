"""Load and save welfare structures as TOML (authoring), JSON (exchange) and YAML."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import stat
import tempfile
import tomllib

from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal

import cattrs
import tomli_w

from oppilashuolto.errors import StructureError, ValidationError
from oppilashuolto.io import _stream
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

Format = Literal["json", "toml", "yaml"]
_MAX_BYTES = 512 * 1024 * 1024
_SUFFIXES: dict[str, Format] = {
    ".json": "json",
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
}


def format_of(path: str | os.PathLike[str]) -> Format:
    """
    Return the format named by a file's extension.

    Raises:
        StructureError: If the extension is not ``.json``, ``.toml``, ``.yaml``
            or ``.yml``.
    """
    suffix = Path(path).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    got = suffix or "no extension"
    raise StructureError(
        str(path),
        [f"file name must end in .json, .toml, .yaml or .yml (got {got!r}) @ $"],
    )


def _too_large(source: str, limit: int) -> StructureError:
    return StructureError(
        source,
        [f"file is larger than {limit} bytes (raise max_bytes to read it) @ $"],
    )


def _parse(
    data: bytes | str, fmt: Format, source: str, max_bytes: int | None = None
) -> dict[str, Any]:
    if isinstance(data, bytes):
        limit = _MAX_BYTES if max_bytes is None else max_bytes
        if len(data) > limit:
            raise _too_large(source, limit)
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
        if fmt == "json":
            document = json.loads(text)
        elif fmt == "yaml":
            # PyYAML is the extra `yaml`; without it this raises ExtraNotInstalledError
            from oppilashuolto.io import _yaml

            document = _yaml.parse(text, source)
        else:
            document = tomllib.loads(text)
    except json.JSONDecodeError as exc:
        raise StructureError(
            source,
            [f"broken JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}) @ $"],
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise StructureError(source, [f"broken TOML: {exc} @ $"]) from None
    except RecursionError:
        raise StructureError(source, ["input is nested too deeply @ $"]) from None
    except StructureError:
        raise  # the YAML reader's own, already worded
    except ValueError as exc:
        # int() refuses numbers of more than 4,300 digits (CVE-2020-10735)
        name = {"json": "JSON", "yaml": "YAML", "toml": "TOML"}[fmt]
        raise StructureError(source, [f"broken {name}: {exc} @ $"]) from None
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


def _structure(
    document: dict[str, Any], source: str, conv: cattrs.Converter = converter
) -> WelfareStructure:
    upgraded, problems = migrate(document)
    if problems:
        raise StructureError(source, problems)
    try:
        return conv.structure(upgraded, WelfareStructure)
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
    Read a structure from JSON, TOML or YAML text.

    Args:
        data: The text or its UTF-8 bytes.
        fmt: ``"json"``, ``"toml"`` or ``"yaml"``.
        source: The name to put in error messages.

    Raises:
        StructureError: If the text is not a valid structure; its ``messages``
            are ``"<problem> @ <path>"`` lines.
        ExtraNotInstalledError: If *fmt* is ``"yaml"`` and PyYAML (the
            ``yaml`` extra) is not installed.
    """
    return _loads(data, fmt, source)


def _loads(
    data: bytes | str, fmt: Format, source: str, max_bytes: int | None = None
) -> WelfareStructure:
    with _collector_paused():
        return _structure(_parse(data, fmt, source, max_bytes), source)


def load(
    path: str | os.PathLike[str], *, max_bytes: int | None = None
) -> WelfareStructure:
    """
    Read a structure from a ``.json``, ``.toml``, ``.yaml`` or ``.yml`` file.

    A JSON file larger than a megabyte is read a record at a time, so that
    loading never holds the whole text and the whole parsed document at once;
    the result and any error are those of `loads` on the file's bytes.

    Args:
        path: The file.
        max_bytes: The largest file to read, so that a wrong path does not
            fill the memory; 512 MiB when `None`.

    Raises:
        StructureError: If the file cannot be read, is larger than
            *max_bytes* or is not a valid structure.
        ExtraNotInstalledError: If the file is YAML and PyYAML (the ``yaml``
            extra) is not installed.
    """
    return _load(path, max_bytes=_MAX_BYTES if max_bytes is None else max_bytes)


def _load(
    path: str | os.PathLike[str],
    *,
    chunk_size: int = _stream.CHUNK_SIZE,
    max_bytes: int | None = None,
) -> WelfareStructure:
    fmt = format_of(path)
    source = str(path)
    limit = _MAX_BYTES if max_bytes is None else max_bytes
    with _open(path, source) as handle:
        # every format: a file over the limit is refused before it is read
        streamable = _streamable(handle, source, chunk_size, limit)
        if fmt == "json" and streamable:
            return _load_json(handle, source, chunk_size, limit)
        data = _read_all(handle, source)
    return _loads(data, fmt, source, limit)


def _unreadable(source: str, exc: OSError) -> StructureError:
    return StructureError(source, [f"cannot read file: {exc.strerror} @ $"])


def _open(path: str | os.PathLike[str], source: str) -> BinaryIO:
    try:
        return Path(path).open("rb")
    except OSError as exc:
        raise _unreadable(source, exc) from None


def _streamable(handle: BinaryIO, source: str, chunk_size: int, limit: int) -> bool:
    # A regular file, which can be read again if the streaming path falls back,
    # and larger than a chunk: a smaller one is read whole a little faster.
    # A file over the size limit is refused before it is read.
    try:
        info = os.fstat(handle.fileno())
    except OSError as exc:
        raise _unreadable(source, exc) from None
    if info.st_size > limit:
        raise _too_large(source, limit)
    return stat.S_ISREG(info.st_mode) and info.st_size > chunk_size


def _read_all(handle: BinaryIO, source: str) -> bytes:
    try:
        return handle.read()
    except OSError as exc:
        raise _unreadable(source, exc) from None


def _load_json(
    handle: BinaryIO, source: str, chunk_size: int, limit: int
) -> WelfareStructure:
    with _collector_paused():
        try:
            document = _stream.read_document(handle, source, chunk_size)
        except _stream.Fallback:
            pass
        else:
            return _structure(document, source, _stream.streaming_converter())
        # an older schema, an unusual layout or an error: the whole-text path
        # reads it, and reports any error with the same words as `loads`
        try:
            handle.seek(0)
        except OSError as exc:
            raise _unreadable(source, exc) from None
        return _loads(_read_all(handle, source), "json", source, limit)


def to_document(structure: WelfareStructure) -> dict[str, Any]:
    """Return the exchange document of *structure*: plain dicts, lists and strings."""
    body = converter.unstructure(structure)
    return {"schema_version": SCHEMA_VERSION, **body}


def dumps(structure: WelfareStructure, fmt: Format = "json") -> str:
    """
    Return the JSON, TOML or YAML text of *structure*; the same structure gives the same text.

    Examples:
        >>> from oppilashuolto.model import WelfareStructure
        >>> print(dumps(WelfareStructure(id="tyhja", name="Tyhjä"), "toml"), end="")
        schema_version = 1
        id = "tyhja"
        name = "Tyhjä"

    Raises:
        ExtraNotInstalledError: If *fmt* is ``"yaml"`` and PyYAML (the ``yaml``
            extra) is not installed.
    """
    document = to_document(structure)
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        from oppilashuolto.io import _yaml

        with _collector_paused():  # as in loading: many small objects, no cycles
            return _yaml.dump(document)
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
    Write *structure* to a ``.json``, ``.toml``, ``.yaml`` or ``.yml`` file atomically.

    Returns:
        Whether the file changed.

    Raises:
        StructureError: If the extension names no format.
        ExtraNotInstalledError: If the file is YAML and PyYAML (the ``yaml``
            extra) is not installed.
    """
    return write_atomic(path, dumps(structure, format_of(path)).encode("utf-8"))
