"""The ``synth`` command: write the synthetic national structure."""

from __future__ import annotations

import argparse

from pathlib import Path
from typing import Any

from oppilashuolto.cli._common import EXIT_INVALID, EXIT_OK, CliError, write_output


__all__ = ["register"]


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        msg = f"expected a number like 1 or 0.5 (got {text!r})"
        raise argparse.ArgumentTypeError(msg) from None
    return value


def register(sub: Any) -> None:
    """Add the ``synth`` command to the subparsers *sub*."""
    p = sub.add_parser(
        "synth",
        help="write a deterministic synthetic welfare structure of all of Finland",
        description="Write the synthetic national structure of "
        "oppilashuolto.synthetic.national(): all 308 municipalities, about 2,650 "
        "schools per unit of scale, no real people. The same seed and scale give "
        "the same bytes.",
    )
    p.add_argument(
        "--scale",
        type=_scale,
        default=1.0,
        metavar="X",
        help="multiply the numbers of schools and projects (default: 1)",
    )
    p.add_argument(
        "--seed", type=int, default=1, metavar="N", help="random seed (default: 1)"
    )
    p.add_argument(
        "--years",
        nargs=2,
        type=int,
        default=(2016, 2026),
        metavar=("FIRST", "LAST"),
        help="first and last year of the people's tenures (default: 2016 2026)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="a .json, .toml, .yaml or .yml file to write ('-' for JSON on stdout)",
    )
    p.set_defaults(run=_synth)


def _synth(args: argparse.Namespace) -> int:
    from oppilashuolto.io import dumps, format_of
    from oppilashuolto.synthetic import national

    fmt = "json" if args.output == "-" else format_of(args.output)
    folder = Path(args.output).parent
    if args.output != "-" and not folder.exists():
        # say so before building a structure that takes seconds
        msg = f"cannot write {args.output}: folder {folder} does not exist"
        raise CliError(msg, EXIT_INVALID)
    structure = national(seed=args.seed, scale=args.scale, years=tuple(args.years))
    data = dumps(structure, fmt).encode("utf-8")
    if args.output == "-":
        write_output(None, data)
        return EXIT_OK
    changed = write_output(args.output, data)
    total = sum(structure.counts().values())
    print(f"{args.output}: {'written' if changed else 'unchanged'} ({total} records)")
    return EXIT_OK
