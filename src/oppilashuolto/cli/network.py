"""Commands on cooperation networks: ``graph`` (exports) and ``analyse`` (measures)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import sys

from pathlib import Path
from typing import TYPE_CHECKING, Any

from oppilashuolto.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    CliError,
    add_source,
    load_source,
    parse_date,
)
from oppilashuolto.errors import ValidationError


if TYPE_CHECKING:
    import networkx as nx

    from oppilashuolto.analysis import BrokerageResult, EIResult
    from oppilashuolto.model import Period, WelfareStructure


__all__ = ["analyse_report", "analyse_text", "build_graph", "register"]

_KEY_ENV = "OPPILASHUOLTO_PSEUDONYM_KEY"
_PROJECTIONS = {"org": "organisation", "person": "person", "group": "group"}
_DEFAULT_PROJECTION = {
    "municipality": "org",
    "sector": "org",
    "profession": "person",
}


def register(sub: Any) -> None:
    """Add the network commands to the subparsers *sub*."""
    p = sub.add_parser(
        "graph",
        help="export the cooperation network (GraphML, GEXF, JSON or CSV)",
        description="Export the multilayer network of a structure as of a date, or "
        "a co-membership projection. People get keyed pseudonyms unless "
        "--include-personal is given; the key comes from an environment variable.",
    )
    add_source(p)
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument(
        "--on", type=parse_date, metavar="DATE", help="the network as of DATE"
    )
    when.add_argument(
        "--history",
        action="store_true",
        help="every record over time, each with its period (GEXF plays it as a timeline)",
    )
    when.add_argument(
        "--period",
        metavar="EDTF",
        help="with --weight days: count days of shared membership in this period, "
        "such as 2017/2019",
    )
    p.add_argument(
        "--layer",
        action="append",
        metavar="LAYER",
        help="keep only this edge layer (repeatable): membership, hierarchy, "
        "affiliation, service, participation",
    )
    p.add_argument(
        "--projection",
        choices=sorted(_PROJECTIONS),
        help="co-membership projection instead of the multilayer graph",
    )
    p.add_argument(
        "--weight",
        choices=("count", "newman", "jaccard", "days"),
        default="count",
        help="projection edge weight (default: count; days needs --period)",
    )
    p.add_argument(
        "--format",
        required=True,
        choices=("graphml", "gexf", "json", "csv"),
        help="file format; csv writes OUT-nodes.csv and OUT-edges.csv",
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the file to write"
    )
    _add_privacy(p)
    p.set_defaults(run=_graph)

    p = sub.add_parser(
        "analyse",
        help="brokerage roles and E-I index by municipality, profession or sector",
        description="Gould–Fernandez brokerage roles per node and the Krackhardt–Stern "
        "E-I index of a co-membership network as of a date.",
    )
    add_source(p)
    p.add_argument(
        "--on", type=parse_date, required=True, metavar="DATE", help="as of DATE"
    )
    p.add_argument(
        "--by",
        required=True,
        choices=("municipality", "profession", "sector"),
        help="the node attribute that forms the groups",
    )
    p.add_argument(
        "--projection",
        choices=[*sorted(_PROJECTIONS), "multilayer"],
        help="the network: a co-membership projection (default: org for "
        "municipality and sector, person for profession), or multilayer: every "
        "layer, one tie per linked pair",
    )
    p.add_argument(
        "--mode",
        choices=("undirected", "directed"),
        default="undirected",
        help="brokerage census: each open path once (default), or R sna's "
        "directed convention with z-scores",
    )
    p.add_argument(
        "--skip-missing",
        action="store_true",
        help="leave out nodes that lack the --by attribute instead of failing",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _add_privacy(p)
    p.set_defaults(run=_analyse)


def _add_privacy(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--include-personal",
        action="store_true",
        help="keep people's ids, names and contact details (no pseudonyms)",
    )
    p.add_argument(
        "--key-env",
        default=_KEY_ENV,
        metavar="VAR",
        help=f"environment variable holding the pseudonymisation key (default: {_KEY_ENV})",
    )


def _key(args: argparse.Namespace) -> str | None:
    if args.include_personal:
        return None
    value = os.environ.get(args.key_env)
    if value is None and args.key_env != _KEY_ENV:
        msg = f"--key-env: environment variable {args.key_env} is not set"
        raise CliError(msg, EXIT_INVALID)
    return value


def _period(text: str) -> Period:
    from oppilashuolto.model import Period

    return Period.from_edtf(text)


def build_graph(
    structure: WelfareStructure,
    *,
    on: dt.date | None,
    history: bool = False,
    period: Period | None = None,
    layers: list[str] | None = None,
    projection: str | None = None,
    weight: str = "count",
    include_personal: bool = False,
    key: str | None = None,
) -> nx.Graph[str]:
    """Return the graph that ``oppilashuolto graph`` exports (see its options)."""
    from oppilashuolto import graph

    if projection is not None:
        if layers:
            msg = "--layer applies to the multilayer graph, not to --projection"
            raise CliError(msg)
        if history:
            msg = "--history applies to the multilayer graph, not to --projection"
            raise CliError(msg)
        return graph.build_cooperation_graph(
            structure,
            between=_PROJECTIONS[projection],  # type: ignore[arg-type]
            on=on,
            period=period,
            weight=weight,  # type: ignore[arg-type]
            include_personal=include_personal,
            key=key,
        )
    if period is not None or weight != "count":
        msg = "--period and --weight apply to --projection"
        raise CliError(msg)
    if history:
        return graph.build_history_graph(
            structure, layers=layers, include_personal=include_personal, key=key
        )
    assert on is not None  # noqa: S101 - argparse requires one of --on/--history/--period
    return graph.build_structure_graph(
        structure, on=on, layers=layers, include_personal=include_personal, key=key
    )


def _graph(args: argparse.Namespace) -> int:
    from oppilashuolto.graph import csv_paths, render
    from oppilashuolto.io import write_atomic

    targets = csv_paths(args.output) if args.format == "csv" else (Path(args.output),)
    to_stdout = args.output == "-"
    if to_stdout and args.format == "csv":
        msg = "-o -: csv writes two files; name them with -o OUT.csv"
        raise CliError(msg)
    if not to_stdout:
        for target in targets:
            if not target.parent.exists():
                msg = f"cannot write {target}: folder {target.parent} does not exist"
                raise CliError(msg, EXIT_INVALID)
    structure = load_source(args.source)
    network = build_graph(
        structure,
        on=args.on,
        history=args.history,
        period=None if args.period is None else _period(args.period),
        layers=args.layer,
        projection=args.projection,
        weight=args.weight,
        include_personal=args.include_personal,
        key=_key(args),
    )
    files = render(
        network, args.format
    )  # everything rendered before anything is written
    if to_stdout:
        sys.stdout.buffer.write(files["graph"])
        sys.stdout.flush()
        return EXIT_OK
    for target, data in zip(targets, files.values(), strict=True):
        changed = write_atomic(target, data)
        print(
            f"{target}: {'written' if changed else 'unchanged'} "
            f"({network.number_of_nodes()} nodes, {network.number_of_edges()} edges)"
        )
    return EXIT_OK


# -- analyse ------------------------------------------------------------------------------


def _partition_graph(
    network: nx.Graph[str], by: str, *, skip_missing: bool
) -> nx.Graph[str]:
    missing = sorted(n for n, data in network.nodes(data=True) if data.get(by) is None)
    if not missing:
        return network
    if not skip_missing:
        shown = ", ".join(repr(n) for n in missing[:10])
        more = ", …" if len(missing) > 10 else ""
        msg = (
            f"--by {by}: node attribute {by!r} is missing on {len(missing)} of "
            f"{len(network)} nodes ({shown}{more}); pass --skip-missing to leave them out"
        )
        raise CliError(msg, EXIT_INVALID)
    left_out = set(missing)
    return network.subgraph(n for n in network if n not in left_out).copy()


def analyse_report(
    structure: WelfareStructure,
    *,
    on: dt.date,
    by: str,
    projection: str | None = None,
    mode: str = "undirected",
    skip_missing: bool = False,
    include_personal: bool = False,
    key: str | None = None,
) -> dict[str, Any]:
    """
    Return the brokerage census and E-I index that ``oppilashuolto analyse`` prints.

    Raises:
        CliError: If nodes lack the *by* attribute (unless *skip_missing*).
        ValidationError: As `oppilashuolto.graph.build_cooperation_graph` and
            `oppilashuolto.analysis.brokerage`.
    """
    from oppilashuolto.analysis import brokerage, ei_index
    from oppilashuolto.graph import (
        build_cooperation_graph,
        build_structure_graph,
        collapse,
    )

    chosen = projection or _DEFAULT_PROJECTION[by]
    if chosen == "multilayer":
        name = "multilayer"
        full = collapse(
            build_structure_graph(
                structure, on=on, include_personal=include_personal, key=key
            )
        )
    else:
        name = _PROJECTIONS[chosen]
        full = build_cooperation_graph(
            structure,
            between=name,  # type: ignore[arg-type]
            on=on,
            include_personal=include_personal,
            key=key,
        )
    network = _partition_graph(full, by, skip_missing=skip_missing)
    if network.number_of_nodes() < 2:
        msg = (
            f"--by {by}: the {name} network on {on.isoformat()} "
            f"has {network.number_of_nodes()} nodes with that attribute; brokerage needs 2"
        )
        raise ValidationError(msg)
    census = brokerage(network, by, mode=mode)  # type: ignore[arg-type]
    ei = ei_index(network, by)
    return {
        "structure": structure.id,
        "on": on.isoformat(),
        "by": by,
        "projection": name,
        "mode": mode,
        "nodes": network.number_of_nodes(),
        "left_out": full.number_of_nodes() - network.number_of_nodes(),
        "ties": network.number_of_edges(),
        "brokerage": _brokerage_json(census),
        "ei": _ei_json(ei),
    }


def _number(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _brokerage_json(census: BrokerageResult) -> dict[str, Any]:
    def row_of(values: tuple[float, ...] | None) -> dict[str, Any] | None:
        if values is None:
            return None
        return {c: _number(v) for c, v in zip(census.columns, values, strict=True)}

    return {
        "columns": list(census.columns),
        "density": census.density,
        "rows": [
            {
                "node": str(row.node),
                "group": str(row.group),
                "raw": dict(zip(census.columns, row.raw, strict=True)),
                "z": row_of(row.z),
            }
            for row in census.rows
        ],
        "totals": {
            "raw": dict(zip(census.columns, census.totals.raw, strict=True)),
            "expected": row_of(census.totals.expected),
            "z": row_of(census.totals.z),
        },
    }


def _ei_json(ei: EIResult) -> dict[str, Any]:
    def score(s: Any) -> dict[str, Any]:
        return {
            "internal": s.internal,
            "external": s.external,
            "index": _number(s.index),
        }

    return {
        "network": score(ei.network),
        "by_group": [{"group": str(g), **score(s)} for g, s in ei.by_group],
        "by_node": [{"node": str(n), **score(s)} for n, s in ei.by_node],
    }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:+.3f}"


def analyse_text(report: dict[str, Any]) -> str:
    """Return *report* (from `analyse_report`) as readable tables."""
    b = report["brokerage"]
    columns = b["columns"]
    by = report["by"]
    ei_node = {r["node"]: r["index"] for r in report["ei"]["by_node"]}
    head = (
        f"{report['structure']}: {report['projection']} network on "
        f"{report['on']}, {report['nodes']} nodes, {report['ties']} ties"
    )
    if report["left_out"]:
        head += f" ({report['left_out']} without {by} left out)"
    lines = [head, ""]
    mode = (
        "each open path counted once"
        if report["mode"] == "undirected"
        else "R sna convention, z-scores in the JSON output"
    )
    lines.append(f"Brokerage roles by {by} ({report['mode']}: {mode})")
    names = ["node", by, *columns, "E-I"]
    table = [
        [
            r["node"],
            r["group"],
            *(str(r["raw"][c]) for c in columns),
            _fmt(ei_node.get(r["node"])),
        ]
        for r in b["rows"]
    ]
    table.append(["total", "", *(str(b["totals"]["raw"][c]) for c in columns), ""])
    lines.extend(_table(names, table, numeric_from=2))
    lines.append("")
    net = report["ei"]["network"]
    lines.append(
        f"E-I index by {by}: {_fmt(net['index'])} "
        f"(internal {net['internal']}, external {net['external']})"
    )
    rows = [
        [g["group"], str(g["internal"]), str(g["external"]), _fmt(g["index"])]
        for g in report["ei"]["by_group"]
    ]
    lines.extend(_table([by, "internal", "external", "E-I"], rows, numeric_from=1))
    return "\n".join(lines) + "\n"


def _table(names: list[str], rows: list[list[str]], *, numeric_from: int) -> list[str]:
    widths = [max(len(x) for x in col) for col in zip(names, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i >= numeric_from else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [line(names), *(line(r) for r in rows)]


def _analyse(args: argparse.Namespace) -> int:
    structure = load_source(args.source)
    report = analyse_report(
        structure,
        on=args.on,
        by=args.by,
        projection=args.projection,
        mode=args.mode,
        skip_missing=args.skip_missing,
        include_personal=args.include_personal,
        key=_key(args),
    )
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(analyse_text(report), end="")
    return EXIT_OK
