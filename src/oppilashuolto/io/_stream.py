"""
Read a JSON exchange file a record at a time.

`read_document` walks the top-level object and its collection arrays itself
and decodes each value with the scanner of `json.loads`, from a window of
text that holds about one chunk of the file. Each record is structured as soon as it is
decoded, so neither the whole text nor the whole parsed document is ever held;
the records go into the top-level document as `Prestructured` values, which
`streaming_converter` turns into tuples (or raises the errors collected for
them) exactly where the shared converter would have structured the lists.

Anything else raises `Fallback`: a file whose first key is not the current
``schema_version`` (older versions need the whole document to migrate), and
every malformed input, whose error the whole-text loader reports with the
same words, line and column as before.
"""

from __future__ import annotations

import codecs
import functools
import json
import json.scanner
import re
import typing

from collections.abc import Callable
from typing import IO, Any, cast

import attrs
import cattrs

from cattrs.errors import IterableValidationError, IterableValidationNote

from oppilashuolto.errors import StructureError
from oppilashuolto.io import migrations
from oppilashuolto.io._converter import build_converter, converter
from oppilashuolto.model import WelfareStructure


__all__ = [
    "CHUNK_SIZE",
    "Fallback",
    "Prestructured",
    "read_document",
    "streaming_converter",
]

CHUNK_SIZE = 1 << 20
"""Bytes read from the file at a time (more while a value is longer than that)."""

# json.loads skips " \t\n\r" between tokens
_TOKEN = re.compile(r"[^ \t\n\r]")
_NEXT_ITEM = re.compile(r"[ \t\n\r]*,[ \t\n\r]*(?=[^ \t\n\r])")
# the scanner of json.loads, without raw_decode's wrapper (half the cost of a record)
_scan: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(
    cast("Any", json.JSONDecoder())
)


class Fallback(Exception):  # noqa: N818 - a signal, not an error
    """The file must be read whole: an older schema, an unusual layout or an error."""


@attrs.define(slots=True)
class Prestructured:
    """The records of one collection, structured as they were read, and their errors."""

    records: list[Any] = attrs.Factory(list)
    errors: list[Exception] = attrs.Factory(list)


@attrs.frozen
class _Collection:
    tuple_type: Any
    item_type: Any
    structure: Any  # the shared converter's hook for one record


@functools.cache
def _collections() -> dict[str, _Collection]:
    """Return the fields of `WelfareStructure` that hold a tuple of records, by name."""
    hints = typing.get_type_hints(WelfareStructure)
    found: dict[str, _Collection] = {}
    for a in attrs.fields(WelfareStructure):
        tp = hints[a.name]
        args = typing.get_args(tp)
        if (
            a.init
            and typing.get_origin(tp) is tuple
            and len(args) == 2
            and args[1] is Ellipsis
            and attrs.has(args[0])
        ):
            found[a.name] = _Collection(
                tp, args[0], converter.get_structure_hook(args[0])
            )
    return found


@functools.cache
def streaming_converter() -> cattrs.Converter:
    """
    Return a converter that also accepts `Prestructured` collections.

    Any other value of a collection goes to the shared converter's hook, so a
    document structures exactly as with the shared converter.
    """
    conv = build_converter()
    for collection in _collections().values():
        tuple_type = collection.tuple_type
        plain = converter.get_structure_hook(tuple_type)

        def hook(value: Any, tp: Any, plain: Any = plain) -> Any:
            if type(value) is Prestructured:
                if value.errors:
                    # as cattrs' own list hook raises it, so the paths read the same
                    raise IterableValidationError(
                        f"While structuring {tp!r}", value.errors, tp
                    )
                return tuple(value.records)
            return plain(value, tp)

        conv.register_structure_hook_func(_is(tuple_type), hook)
    return conv


def _is(expected: Any) -> Callable[[Any], bool]:
    def predicate(tp: Any) -> bool:
        return bool(tp == expected)

    return predicate


class _Reader:
    """A window of the file's text: ``buf[pos:]`` is not consumed yet."""

    def __init__(self, handle: IO[bytes], chunk_size: int, source: str) -> None:
        self._handle = handle
        self.chunk_size = chunk_size
        self._source = source
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._started = False
        self.buf = ""
        self.pos = 0
        self.eof = False

    def more(self) -> bool:
        """
        Drop the consumed text and append more; return False at the end of the file.

        Reads at least as much as is left unconsumed, so that a value longer than
        a chunk is decoded again only a logarithmic number of times.
        """
        size = max(self.chunk_size, len(self.buf) - self.pos)
        text = ""
        while not text and not self.eof:
            try:
                data = self._handle.read(size)
            except OSError as exc:
                raise StructureError(
                    self._source, [f"cannot read file: {exc.strerror} @ $"]
                ) from None
            try:
                text = self._decoder.decode(data, final=not data)
            except UnicodeDecodeError:
                raise Fallback from None
            self.eof = not data
        if not text:
            return False
        if not self._started:
            self._started = True
            text = text.removeprefix("\ufeff")  # as the whole-text loader does
        self.buf = self.buf[self.pos :] + text
        self.pos = 0
        return True

    def peek(self) -> str:
        """Skip whitespace; return the next character, or "" at the end of the file."""
        while True:
            token = _TOKEN.search(self.buf, self.pos)
            if token is not None:
                self.pos = token.start()
                return self.buf[self.pos]
            self.pos = len(self.buf)
            if not self.more():
                return ""

    def take(self, char: str) -> None:
        """Consume *char*, the next character after whitespace."""
        if self.peek() != char:
            raise Fallback
        self.pos += 1

    def value(self) -> Any:
        """Decode the JSON value after whitespace."""
        self.peek()
        return self.decode()

    def decode(self) -> Any:
        """Decode the JSON value at the position."""
        while True:
            buf = self.buf
            try:
                value, end = _scan(buf, self.pos)
            except (StopIteration, json.JSONDecodeError):
                # cut off by the end of the window, or broken: read on to tell
                if self.more():
                    continue
                raise Fallback from None
            except (RecursionError, ValueError):
                # too deep, or a number of more than 4,300 digits: the
                # whole-text path reports it
                raise Fallback from None
            # a number or literal may go on past the window
            if end < len(buf) or not self.more():
                self.pos = end
                return value


def _records(reader: _Reader, collection: _Collection) -> Prestructured:
    """Read a collection array, structuring each record as cattrs' list hook would."""
    result = Prestructured()
    records = result.records
    reader.take("[")
    if reader.peek() == "]":
        reader.pos += 1
        return result
    structure = collection.structure
    item_type = collection.item_type
    next_item = _NEXT_ITEM.match
    margin = reader.chunk_size // 8
    index = 0
    while True:
        # at a value: read ahead before the window runs short, to decode each
        # record once (a failed attempt costs the record and a line count)
        if len(reader.buf) - reader.pos < margin:
            reader.more()
        raw = reader.decode()
        try:
            records.append(structure(raw, item_type))
        except Exception as exc:  # noqa: BLE001 - collected and reported as cattrs does
            note = IterableValidationNote(
                f"Structuring {collection.tuple_type} @ index {index}",
                index,
                item_type,
            )
            exc.__notes__ = [*getattr(exc, "__notes__", []), note]
            result.errors.append(exc)
        del raw
        index += 1
        item = next_item(reader.buf, reader.pos)
        if item is not None:
            reader.pos = item.end()
            continue
        char = reader.peek()
        reader.pos += 1
        if char == "]":
            return result
        if char != "," or reader.peek() == "":
            raise Fallback


def read_document(
    handle: IO[bytes], source: str, chunk_size: int = CHUNK_SIZE
) -> dict[str, Any]:
    """
    Return the top-level document of a JSON file, its collections `Prestructured`.

    Raises:
        Fallback: If the file must be read whole instead.
        StructureError: If the file cannot be read.
    """
    reader = _Reader(handle, chunk_size, source)
    collections = _collections()
    reader.take("{")
    # the version decides how to read the rest, so it must come first
    if reader.peek() != '"' or reader.value() != "schema_version":
        raise Fallback
    reader.take(":")
    version = reader.value()
    if type(version) is not int or version != migrations.SCHEMA_VERSION:
        raise Fallback
    document: dict[str, Any] = {"schema_version": version}
    while True:
        char = reader.peek()
        reader.pos += 1
        if char == "}":
            break
        if char != "," or reader.peek() != '"':
            raise Fallback
        key = reader.value()
        if key == "schema_version":
            raise Fallback  # repeated: the last one counts, as in json.loads
        reader.take(":")
        collection = collections.get(key)
        if collection is not None and reader.peek() == "[":
            document[key] = _records(reader, collection)
        else:
            document[key] = reader.value()
    if reader.peek() != "":
        raise Fallback
    return document
