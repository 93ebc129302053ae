"""Commands on structures: examples, validate, convert, schema, show."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from typing import Any

from oppilashuolto.cli._common import (
    EXIT_OK,
    add_language,
    add_source,
    load_source,
    parse_date,
    write_output,
)


__all__ = ["register", "show_text"]


def register(sub: Any) -> None:
    """Add the structure commands to the subparsers *sub*."""
    p = sub.add_parser("examples", help="list the bundled example datasets")
    p.set_defaults(run=_examples)

    p = sub.add_parser("validate", help="check that a structure is valid")
    add_source(p)
    p.set_defaults(run=_validate)

    p = sub.add_parser(
        "convert",
        help="convert between TOML, JSON and YAML (format from the extension)",
    )
    add_source(p)
    p.add_argument(
        "dest", metavar="DEST", help="a .json, .toml, .yaml or .yml file to write"
    )
    p.set_defaults(run=_convert)

    p = sub.add_parser(
        "schema", help="print the JSON Schema (draft 2020-12) of the exchange format"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of stdout"
    )
    p.set_defaults(run=_schema)

    p = sub.add_parser("show", help="summarise a structure, as of a date")
    add_source(p)
    p.add_argument(
        "--on", type=parse_date, metavar="DATE", help="answer as of DATE (YYYY-MM-DD)"
    )
    p.add_argument("--find", metavar="TEXT", help="list records whose names match TEXT")
    add_language(p)
    p.set_defaults(run=_show)


def _examples(_: argparse.Namespace) -> int:
    from oppilashuolto import examples

    for name in examples.names():
        print(f"{name}\t{examples.load(name).name}")
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    structure = load_source(args.source)
    total = sum(structure.counts().values())
    print(f"{args.source}: valid ({total} records)")
    return EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    from oppilashuolto.io import dumps, format_of

    fmt = format_of(args.dest)
    structure = load_source(args.source)
    changed = write_output(args.dest, dumps(structure, fmt).encode("utf-8"))
    print(f"{args.dest}: {'written' if changed else 'unchanged'}")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from oppilashuolto.io import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    write_output(args.output, text.encode("utf-8"))
    return EXIT_OK


_HEADINGS = {
    "fi": {
        "organisations": "Organisaatiot",
        "groups": "Ryhmät",
        "people": "Henkilöt",
        "memberships": "Jäsenyydet",
        "arrangements": "Palvelujärjestelyt",
        "projects": "Hankkeet",
        "clocks": "Vuosikellot",
        "as_of": "tilanne",
        "members": "jäsenet",
        "unfilled": "nimeämätön",
        "found": "Löydetyt",
    },
    "sv": {
        "organisations": "Organisationer",
        "groups": "Grupper",
        "people": "Personer",
        "memberships": "Medlemskap",
        "arrangements": "Tjänsteupplägg",
        "projects": "Projekt",
        "clocks": "Årshjul",
        "as_of": "läge",
        "members": "medlemmar",
        "unfilled": "obesatt",
        "found": "Träffar",
    },
    "en": {
        "organisations": "Organisations",
        "groups": "Groups",
        "people": "People",
        "memberships": "Memberships",
        "arrangements": "Service arrangements",
        "projects": "Projects",
        "clocks": "Yearly clocks",
        "as_of": "as of",
        "members": "members",
        "unfilled": "unfilled",
        "found": "Found",
    },
}


def _name(record: Any, language: str) -> str:
    localised = getattr(record, f"name_{language}", "") if language != "fi" else ""
    return str(localised or getattr(record, "name", "") or record.id)


def show_text(
    structure: Any, *, on: dt.date | None, language: str, find: str | None
) -> str:
    """Return the readable summary that ``oppilashuolto show`` prints."""
    h = _HEADINGS[language]
    lines = [f"{_name(structure, language)} ({structure.id})"]
    if find is not None:
        found = structure.find(find)
        lines.append(f"{h['found']}: {len(found)}")
        lines.extend(
            f"  {structure.collection_of(r.id)}: {r.id}  {_name(r, language)}"
            for r in found
        )
        return "\n".join(lines) + "\n"
    view: Any = structure if on is None else structure.snapshot(on=on)
    if on is not None:
        lines[0] += f", {h['as_of']} {on.isoformat()}"
    for collection in (
        "organisations",
        "groups",
        "people",
        "memberships",
        "arrangements",
        "projects",
        "clocks",
    ):
        lines.append(f"{h[collection]}: {len(getattr(view, collection))}")
    lines.append("")
    lines.append(f"{h['groups']}:")
    for group in view.groups:
        kind = structure.label("group_kinds", group.kind, language)
        lines.append(f"  {group.id}  {_name(group, language)} [{kind}]")
        if on is None:
            continue
        for seat in structure.members(group.id, on=on):
            role = structure.label("roles", seat.role, language)
            holder = seat.holder_id or h["unfilled"]
            what = (
                [structure.label("professions", seat.profession, language)]
                if seat.profession
                else []
            )
            what += [
                structure.label("service_kinds", c, language) for c in seat.services
            ]
            if what:
                holder += " (" + ", ".join(what) + ")"
            count = f" ×{seat.count}" if seat.count is not None else ""
            lines.append(f"    - {role}: {holder}{count}")
    return "\n".join(lines) + "\n"


def _show(args: argparse.Namespace) -> int:
    structure = load_source(args.source)
    print(show_text(structure, on=args.on, language=args.lang, find=args.find), end="")
    return EXIT_OK
