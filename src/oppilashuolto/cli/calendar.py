"""Commands on school years and calendars: schoolyear, ical, publish."""

from __future__ import annotations

import argparse
import datetime as dt

from pathlib import Path
from typing import Any

from oppilashuolto.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    add_language,
    add_source,
    load_source,
)


__all__ = ["register"]


def _stamp(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        msg = f"expected a time like 2026-05-01T12:00:00Z (got {text!r})"
        raise argparse.ArgumentTypeError(msg) from None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        msg = f"expected a positive number of seconds (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return value


def _municipality(text: str | None) -> str | None:
    if text is None:
        return None
    from oppilashuolto.reference import municipality

    return municipality(text).code


def _add_feed_options(p: argparse.ArgumentParser) -> None:
    add_source(p)
    p.add_argument(
        "--year",
        required=True,
        metavar="YYYY-YYYY",
        help="school year, such as 2026-2027",
    )
    p.add_argument(
        "--municipality",
        metavar="CODE",
        help="municipality code or name whose school calendar to apply",
    )
    add_language(p)
    p.add_argument(
        "--domain",
        help="the owner's domain, part of every UID (default: oppilashuolto.invalid)",
    )
    p.add_argument(
        "--stamp",
        type=_stamp,
        metavar="TIME",
        help="when the data last changed, where the data does not say (ISO 8601, UTC by default)",
    )


def register(sub: Any) -> None:
    """Add the calendar commands to the subparsers *sub*."""
    p = sub.add_parser("schoolyear", help="print a municipality's school year")
    p.add_argument("municipality", metavar="CODE", help="municipality code or name")
    p.add_argument("year", metavar="YYYY-YYYY", help="school year, such as 2026-2027")
    p.add_argument(
        "--source",
        metavar="SRC",
        help="a structure whose school calendars override the defaults",
    )
    add_language(p)
    p.set_defaults(run=_schoolyear)

    p = sub.add_parser(
        "ical", help="write iCalendar feeds of clocks, groups, projects and audiences"
    )
    _add_feed_options(p)
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="DIR",
        help="folder to write the feeds to",
    )
    p.set_defaults(run=_ical)

    p = sub.add_parser(
        "publish",
        help="push the feeds to a CalDAV server, one calendar per feed",
    )
    _add_feed_options(p)
    p.add_argument(
        "--caldav",
        required=True,
        metavar="URL",
        help="CalDAV server URL: its root, the user's principal or calendar home",
    )
    p.add_argument("--username", default="", help="CalDAV user name")
    p.add_argument(
        "--password-file",
        metavar="FILE",
        help="file holding the CalDAV password (never given on the command line)",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="how long to wait for the server, per request (default: 30)",
    )
    p.set_defaults(run=_publish)


def _schoolyear(args: argparse.Namespace) -> int:
    from oppilashuolto.resolve import calendar_for, to_year
    from oppilashuolto.schoolyear import format_school_year, school_year

    code = _municipality(args.municipality)
    first = to_year(args.year)
    calendar = None
    if args.source is not None:
        calendar = calendar_for(load_source(args.source), first, code)
    sy = school_year(
        first,
        municipality_code=None if calendar is not None else code,
        calendar=calendar,
        language=args.lang,
    )
    print(format_school_year(sy, language=args.lang))
    return EXIT_OK


def _ical(args: argparse.Namespace) -> int:
    from oppilashuolto.ical import DEFAULT_DOMAIN, write_feeds

    folder = Path(args.output)
    if not folder.is_dir():
        msg = f"cannot write to {args.output}: no such folder"
        raise CliError(msg, EXIT_INVALID)
    structure = load_source(args.source)
    written = write_feeds(
        structure,
        folder,
        year=args.year,
        municipality_code=_municipality(args.municipality),
        language=args.lang,
        domain=args.domain or DEFAULT_DOMAIN,
        stamp=args.stamp,
    )
    for feed in written:
        print(f"{feed.status:<9} {feed.path}  ({feed.events} events)")
    changed = sum(feed.status != "unchanged" for feed in written)
    print(f"{changed} of {len(written)} feeds changed")
    return EXIT_OK


def _publish(args: argparse.Namespace) -> int:
    from urllib.parse import urlsplit

    from oppilashuolto.ical import DEFAULT_DOMAIN
    from oppilashuolto.ical.publish import publish_feeds

    try:
        in_url = urlsplit(args.caldav).password is not None
    except ValueError:  # not a URL: publish_feeds says what it expected
        in_url = False
    if in_url:
        msg = "give the CalDAV password in a file with --password-file, not in the URL"
        raise CliError(msg, EXIT_USAGE)
    password = ""
    if args.password_file is not None:
        try:
            text = Path(args.password_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            msg = f"cannot read the password file {args.password_file}: {reason}"
            raise CliError(msg, EXIT_USAGE) from None
        password = text.strip()
    structure = load_source(args.source)
    results = publish_feeds(
        structure,
        args.caldav,
        year=args.year,
        municipality_code=_municipality(args.municipality),
        language=args.lang,
        domain=args.domain or DEFAULT_DOMAIN,
        stamp=args.stamp,
        username=args.username,
        password=password,
        timeout=args.timeout,
    )
    for result in results:
        print(
            f"{result.name}: {result.added} added, {result.updated} updated, "
            f"{result.removed} removed, {result.unchanged} unchanged"
        )
    return EXIT_OK
