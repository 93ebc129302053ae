"""Helpers shared by the command modules: sources, dates, output files."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from pathlib import Path

from oppilashuolto.errors import OppilashuoltoError
from oppilashuolto.model import WelfareStructure


__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "CliError",
    "add_language",
    "add_source",
    "load_source",
    "parse_date",
    "write_output",
]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class CliError(OppilashuoltoError):
    """A command cannot run; *status* is the exit status."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


def load_source(source: str) -> WelfareStructure:
    """Load a structure from a path or ``example:NAME``."""
    if source.startswith("example:"):
        from oppilashuolto import examples

        name = source.removeprefix("example:")
        if name not in examples.names():
            msg = f"Unknown example {name!r}; expected one of: {', '.join(examples.names())}"
            raise CliError(msg, EXIT_INVALID)
        return examples.load(name)
    from oppilashuolto.io import load

    return load(source)


def parse_date(text: str) -> dt.date:
    """Parse an ISO date for argparse, with a usage error that says what was expected."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"expected a date like 2026-08-12 (got {text!r})"
        raise argparse.ArgumentTypeError(msg) from None


def add_source(parser: argparse.ArgumentParser) -> None:
    """Add the positional SRC argument."""
    parser.add_argument(
        "source",
        metavar="SRC",
        help="a .json, .toml, .yaml or .yml file, or example:NAME",
    )


def add_language(parser: argparse.ArgumentParser) -> None:
    """Add ``--lang fi|sv|en``."""
    parser.add_argument(
        "--lang",
        choices=("fi", "sv", "en"),
        default="fi",
        help="label language (default: fi)",
    )


def write_output(path: str | None, data: bytes) -> bool:
    """Write *data* atomically to *path*, or to stdout when *path* is ``None`` or ``-``."""
    if path is None or path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return True
    from oppilashuolto.io import write_atomic

    target = Path(path)
    if not target.parent.exists():
        msg = f"cannot write {path}: folder {target.parent} does not exist"
        raise CliError(msg, EXIT_INVALID)
    return write_atomic(target, data)
