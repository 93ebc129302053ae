"""Commands on checks and pictures: ``check``, ``wheel`` and ``report``."""

from __future__ import annotations

import argparse
import datetime as dt

from typing import Any

from oppilashuolto.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    CliError,
    add_language,
    add_source,
    load_source,
    parse_date,
    write_output,
)


__all__ = ["check_text", "register"]


def register(sub: Any) -> None:
    """Add the check, wheel, picture and report commands to the subparsers *sub*."""
    p = sub.add_parser(
        "check",
        help="check a structure against the Pupil and Student Welfare Act",
        description="Check a structure as of a date against Act 1287/2013 (errors) and "
        "good practice (warnings). Exit status 1 when any error is found.",
    )
    add_source(p)
    p.add_argument(
        "--on", type=parse_date, metavar="DATE", required=True, help="as of DATE"
    )
    add_language(p)
    p.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="output format (default: text)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of stdout"
    )
    p.set_defaults(run=_check)

    p = sub.add_parser(
        "wheel",
        help="draw a yearly clock as an SVG wheel",
        description="Draw a yearly clock for one school year as a circular SVG wheel.",
    )
    add_source(p)
    p.add_argument("--clock", metavar="ID", required=True, help="id of the clock")
    p.add_argument(
        "--year",
        metavar="YEAR",
        required=True,
        help="the school year, such as 2026-2027",
    )
    add_language(p)
    p.add_argument(
        "--today", type=parse_date, metavar="DATE", help="mark DATE on the wheel"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of stdout"
    )
    p.set_defaults(run=_wheel)

    p = sub.add_parser(
        "picture",
        help="draw the cooperation network of organisations as SVG or PNG",
        description="Draw the organisations of a structure as of a date, linked when "
        "they sit in the same group, provide services to one another or take part in "
        "the same project; coloured by municipality or sector. Needs the plot extra "
        "(matplotlib). The format follows the extension: .svg or .png; SVG to stdout "
        "without -o.",
    )
    add_source(p)
    p.add_argument(
        "--on", type=parse_date, metavar="DATE", required=True, help="as of DATE"
    )
    p.add_argument(
        "--colour-by",
        choices=("municipality", "sector"),
        default="municipality",
        help="what the node colours show (default: municipality)",
    )
    add_language(p)
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (.svg or .png)"
    )
    p.set_defaults(run=_picture)

    p = sub.add_parser(
        "report",
        help="write an HTML or Markdown report of a structure as of a date",
        description="Write a report with groups, members, services, projects, check "
        "findings and yearly clocks. The format follows the extension: .md or .html.",
    )
    add_source(p)
    p.add_argument(
        "--on", type=parse_date, metavar="DATE", required=True, help="as of DATE"
    )
    add_language(p)
    p.add_argument(
        "--include-personal",
        action="store_true",
        help="show people's names (personal data) beside their titles",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the report to write (.html or .md)",
    )
    p.set_defaults(run=_report)


def check_text(
    structure: Any, *, on: dt.date, language: Any, fmt: str
) -> tuple[str, bool]:
    """Return what ``oppilashuolto check`` prints, and whether any error was found."""
    from oppilashuolto.checks import format_findings, run_checks

    findings = run_checks(structure, on=on, language=language)
    text = format_findings(
        findings, fmt, language=language, title=structure.name, on=on
    )
    return text, any(f.severity == "error" for f in findings)


def _check(args: argparse.Namespace) -> int:
    structure = load_source(args.source)
    text, errors = check_text(
        structure, on=args.on, language=args.lang, fmt=args.format
    )
    write_output(args.output, text.encode("utf-8"))
    return EXIT_INVALID if errors else EXIT_OK


def _wheel(args: argparse.Namespace) -> int:
    from oppilashuolto.render.wheel import to_svg

    structure = load_source(args.source)
    if args.clock not in {c.id for c in structure.clocks}:
        known = ", ".join(sorted(c.id for c in structure.clocks)) or "(none)"
        msg = f"Unknown yearly clock {args.clock!r}; expected one of: {known}"
        raise CliError(msg, EXIT_INVALID)
    svg = to_svg(
        structure, args.clock, year=args.year, language=args.lang, today=args.today
    )
    write_output(args.output, svg.encode("utf-8"))
    return EXIT_OK


def _picture(args: argparse.Namespace) -> int:
    from oppilashuolto.render.network import to_image

    output: str | None = args.output
    if output is None or output == "-":
        fmt = "svg"
    elif output.endswith((".svg", ".png")):
        fmt = output.rsplit(".", 1)[1]
    else:
        msg = f"picture must be written to a .svg or .png file (got {output!r})"
        raise CliError(msg)
    structure = load_source(args.source)
    image = to_image(
        structure,
        on=args.on,
        colour_by=args.colour_by,
        fmt="png" if fmt == "png" else "svg",
        language=args.lang,
    )
    changed = write_output(output, image)
    if output not in (None, "-"):
        print(f"{output}: {'written' if changed else 'unchanged'}")
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from oppilashuolto.checks import run_checks
    from oppilashuolto.render.report import to_html, to_markdown

    output: str = args.output
    if not output.endswith((".html", ".htm", ".md")):
        msg = f"report must be written to a .html or .md file (got {output!r})"
        raise CliError(msg)
    structure = load_source(args.source)
    findings = {
        lang: run_checks(structure, on=args.on, language=lang)
        for lang in ("fi", "sv", "en")
    }
    if output.endswith(".md"):
        text = to_markdown(
            structure,
            on=args.on,
            language=args.lang,
            findings=findings,
            include_personal=args.include_personal,
        )
    else:
        text = to_html(
            structure,
            on=args.on,
            language=args.lang,
            findings=findings,
            include_personal=args.include_personal,
        )
    changed = write_output(output, text.encode("utf-8"))
    print(f"{output}: {'written' if changed else 'unchanged'}")
    return EXIT_OK
