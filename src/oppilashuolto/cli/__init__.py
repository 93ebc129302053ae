"""
The command line: ``oppilashuolto <command>``.

Each command lives in a module of this package with a ``register(subparsers)``
function; each is a thin shell over an adapter function that Python users can
call directly.
Exit status: 0 on success, 1 on invalid input (messages on stderr), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys

from collections.abc import Sequence

from oppilashuolto.cli._common import EXIT_INVALID, EXIT_USAGE, CliError
from oppilashuolto.errors import OppilashuoltoError, StructureError


__all__ = ["main"]

_COMMAND_MODULES = ("structure", "calendar", "network", "checks", "synthetic")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every available command."""
    parser = argparse.ArgumentParser(
        prog="oppilashuolto",
        description="Finnish pupil and student welfare structures: validate, convert, "
        "show, and turn them into feeds, graphs, checks and pictures.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _COMMAND_MODULES:
        qualified = f"{__name__}.{name}"
        if importlib.util.find_spec(qualified) is None:
            continue
        importlib.import_module(qualified).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return int(args.run(args))
    except StructureError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    except CliError as exc:
        print(f"oppilashuolto {args.command}: {exc}", file=sys.stderr)
        return exc.status
    except OppilashuoltoError as exc:
        print(f"oppilashuolto {args.command}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:  # pragma: no cover - `| head`
        return 0
    except KeyboardInterrupt:  # pragma: no cover
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
