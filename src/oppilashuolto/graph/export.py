"""
Exports for Gephi, R (statnet, igraph), UCINET and pandas.

Every export goes through `sanitise`: attribute values become plain `str`,
`int`, `float` or `bool` (``None`` and NaN are left out, dates become ISO
text, lists ``;``-joined, dicts JSON, numpy scalars Python ones), each
attribute keeps one type across nodes (or edges), and names a format reserves
(such as GEXF's ``start`` and ``end``) get a trailing ``_``.
Files are written through a temporary file and a rename
(`oppilashuolto.io.write_atomic`): the whole file is rendered in memory first,
so an error never leaves a half-written file.

=============  ======================================================================
format         notes
=============  ======================================================================
GraphML        networkx's lxml writer; loads back with networkx and igraph
GEXF 1.2       each ``period`` attribute (EDTF) also becomes a spell, so Gephi's
               timeline plays the network over the years
node-link      JSON with explicit ``edges="edges"`` (networkx ≥ 3.4)
CSV            a node list and an edge list with a header row, UTF-8
DataFrames     the same two tables as pandas DataFrames (extra ``[pandas]``)
=============  ======================================================================
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import numbers

from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

import networkx as nx

from oppilashuolto.errors import ExtraNotInstalledError, ValidationError
from oppilashuolto.io import write_atomic
from oppilashuolto.model import Period


if TYPE_CHECKING:  # pandas is an optional extra
    import pandas as pd


__all__ = [
    "FORMATS",
    "Format",
    "csv_paths",
    "csv_tables",
    "export_value",
    "gexf_bytes",
    "graphml_bytes",
    "node_link_bytes",
    "render",
    "sanitise",
    "to_csv",
    "to_dataframes",
    "to_gexf",
    "to_graphml",
    "to_node_link",
    "write_graph",
]

Format = Literal["graphml", "gexf", "json", "csv"]
#: The file formats of `write_graph`.
FORMATS: tuple[str, ...] = get_args(Format)

Scalar = str | int | float | bool

# attribute names each format gives a meaning of its own: (nodes, edges)
_RESERVED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "graphml": (frozenset({"id"}), frozenset({"id"})),
    "gexf": (
        frozenset({"id", "pid", "start", "end", "spells", "slices", "viz", "parents"}),
        frozenset(
            {"id", "key", "type", "start", "end", "spells", "slices", "viz", "parents"}
        ),
    ),
    "json": (frozenset({"id"}), frozenset({"source", "target", "key"})),
    "csv": (frozenset({"id"}), frozenset({"source", "target", "key"})),
}


def export_value(value: object) -> Scalar | None:
    """
    Map any attribute value to a plain scalar, or ``None`` to leave it out.

    Examples:
        >>> import datetime as dt
        >>> export_value(dt.date(2026, 8, 12)), export_value(["b", "a"]), export_value(None)
        ('2026-08-12', 'a;b', None)
        >>> export_value({"x": 1}), export_value(float("nan")), export_value(2**40)
        ('{"x": 1}', None, 1099511627776)
    """
    if value is None:
        return None
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, (list, tuple, set, frozenset, dict)):
        value = item()  # a numpy scalar
    if isinstance(value, (str, bool)):
        return value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, (list, tuple, set, frozenset)):
        parts = [export_value(v) for v in value]
        return ";".join(sorted(_text(p) for p in parts if p is not None))
    if isinstance(value, Mapping):
        return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return str(value)


def _text(value: Scalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _uniform(rows: list[dict[str, Scalar]]) -> None:
    # one type per attribute: ints with floats become floats, other mixes text
    kinds: dict[str, set[type]] = {}
    for data in rows:
        for k, v in data.items():
            kinds.setdefault(k, set()).add(type(v))
    for k, found in kinds.items():
        if len(found) < 2:
            continue
        numeric = found <= {int, float}
        for data in rows:
            if k in data:
                data[k] = float(data[k]) if numeric else _text(data[k])


def _rename(data: Mapping[Any, Any], reserved: frozenset[str]) -> dict[str, Scalar]:
    clean: dict[str, Scalar] = {}
    for k, v in data.items():
        value = export_value(v)
        if value is None:
            continue
        name = str(k)
        while name in reserved or (name != str(k) and name in data):
            name += "_"
        clean[name] = value
    return clean


def _node_id(node: Hashable) -> str | int:
    if isinstance(node, str) or (isinstance(node, int) and not isinstance(node, bool)):
        return node
    return str(node)


def sanitise(G: nx.Graph[Any], fmt: Format = "graphml") -> nx.Graph[Any]:
    """
    Return a copy of *G* whose attributes *fmt* can store; *G* is not changed.

    Node ids other than `str` and `int` become text.

    Raises:
        ValidationError: If two nodes get the same id as text, or *fmt* is unknown.
    """
    if fmt not in _RESERVED:
        msg = f"Unknown format {fmt!r}; expected one of: {', '.join(sorted(FORMATS))}"
        raise ValidationError(msg)
    node_reserved, edge_reserved = _RESERVED[fmt]
    ids = {n: _node_id(n) for n in G}
    if len(set(ids.values())) != len(ids):
        msg = "node ids must stay distinct as text (two nodes would share an id)"
        raise ValidationError(msg)
    node_rows = [(ids[n], _rename(d, node_reserved)) for n, d in G.nodes(data=True)]
    _uniform([d for _, d in node_rows])
    H: nx.Graph[Any] = G.__class__()
    H.graph.update(_rename(G.graph, frozenset()))
    H.add_nodes_from(node_rows)
    if G.is_multigraph():
        multi = [
            (ids[u], ids[v], k, _rename(d, edge_reserved))
            for u, v, k, d in G.edges(keys=True, data=True)  # type: ignore[call-overload]
        ]
        _uniform([d for *_, d in multi])
        H.add_edges_from(multi)  # type: ignore[arg-type]  # (u, v, key, data)
    else:
        simple = [
            (ids[u], ids[v], _rename(d, edge_reserved))
            for u, v, d in G.edges(data=True)
        ]
        _uniform([d for *_, d in simple])
        H.add_edges_from(simple)
    return H


# -- GraphML ------------------------------------------------------------------------------


def graphml_bytes(G: nx.Graph[Any]) -> bytes:
    """Return *G* as GraphML (UTF-8)."""
    buffer = io.BytesIO()
    nx.write_graphml(sanitise(G, "graphml"), buffer, encoding="utf-8")
    return buffer.getvalue()


def to_graphml(G: nx.Graph[Any], path: str | Path) -> bool:
    """Write *G* as GraphML atomically; return whether the file changed."""
    return write_atomic(path, graphml_bytes(G))


# -- GEXF ---------------------------------------------------------------------------------


def _spell(period: object) -> tuple[str | None, str | None] | None:
    if not isinstance(period, str):
        return None
    try:
        p = Period.from_edtf(period)
    except ValidationError:
        return None
    first = p.start_bound
    last = None if p.end is None else p.end.latest
    if first is None and last is None:
        return None
    return (
        None if first is None else first.isoformat(),
        None if last is None else last.isoformat(),
    )


def gexf_bytes(G: nx.Graph[Any]) -> bytes:
    """
    Return *G* as GEXF 1.2 (UTF-8), with a spell per ``period`` attribute.

    A node or edge whose ``period`` (EDTF) has a known start or end gets one
    spell from its first to its last day (GEXF bounds are inclusive); Gephi's
    timeline then shows it only over those days.
    """
    H = sanitise(G, "gexf")
    for _, data in H.nodes(data=True):
        spell = _spell(data.get("period"))
        if spell is not None:
            data["spells"] = [spell]
    for *_, data in H.edges(data=True):
        spell = _spell(data.get("period"))
        if spell is not None:
            data["spells"] = [spell]
    buffer = io.BytesIO()
    nx.write_gexf(H, buffer, encoding="utf-8", version="1.2draft")
    return buffer.getvalue()


def to_gexf(G: nx.Graph[Any], path: str | Path) -> bool:
    """Write *G* as GEXF atomically; return whether the file changed."""
    return write_atomic(path, gexf_bytes(G))


# -- node-link JSON -----------------------------------------------------------------------


def node_link_bytes(G: nx.Graph[Any]) -> bytes:
    """Return *G* as node-link JSON (``edges="edges"``), UTF-8, sorted keys."""
    data = nx.node_link_data(sanitise(G, "json"), edges="edges")
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")


def to_node_link(G: nx.Graph[Any], path: str | Path) -> bool:
    """Write *G* as node-link JSON atomically; return whether the file changed."""
    return write_atomic(path, node_link_bytes(G))


# -- tables -------------------------------------------------------------------------------


def _tables(
    G: nx.Graph[Any],
) -> tuple[list[str], list[dict[str, Scalar]], list[str], list[dict[str, Scalar]]]:
    H = sanitise(G, "csv")
    node_rows = [{"id": n, **d} for n, d in H.nodes(data=True)]
    node_cols = ["id", *sorted({k for _, d in H.nodes(data=True) for k in d})]
    ends = ["source", "target"]
    edge_rows: list[dict[str, Scalar]]
    if H.is_multigraph():
        ends.append("key")
        edge_rows = [
            {"source": u, "target": v, "key": export_value(k) or "", **d}
            for u, v, k, d in H.edges(keys=True, data=True)  # type: ignore[call-overload]
        ]
    else:
        edge_rows = [{"source": u, "target": v, **d} for u, v, d in H.edges(data=True)]
    edge_cols = [*ends, *sorted({k for r in edge_rows for k in r} - set(ends))]
    return node_cols, node_rows, edge_cols, edge_rows


def _csv(columns: list[str], rows: list[dict[str, Scalar]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(_text(row[c]) if c in row else "" for c in columns)
    return out.getvalue()


def csv_tables(G: nx.Graph[Any]) -> tuple[str, str]:
    """
    Return the node list and the edge list of *G* as CSV text.

    The node list has a column ``id`` and one per attribute; the edge list has
    ``source``, ``target`` (and ``key`` for a multigraph), then one per
    attribute. Booleans are ``true``/``false``; a missing value is empty.
    """
    node_cols, node_rows, edge_cols, edge_rows = _tables(G)
    return _csv(node_cols, node_rows), _csv(edge_cols, edge_rows)


def csv_paths(path: str | Path) -> tuple[Path, Path]:
    """
    Return the node and edge list paths for *path*.

    Examples:
        >>> [p.name for p in csv_paths("out/paijat-hame.csv")]
        ['paijat-hame-nodes.csv', 'paijat-hame-edges.csv']
    """
    target = Path(path)
    stem = target.name.removesuffix(".csv")
    return target.with_name(f"{stem}-nodes.csv"), target.with_name(f"{stem}-edges.csv")


def to_csv(G: nx.Graph[Any], nodes_path: str | Path, edges_path: str | Path) -> bool:
    """Write the node and edge lists atomically; return whether either changed."""
    nodes_text, edges_text = csv_tables(G)
    changed = write_atomic(nodes_path, nodes_text.encode("utf-8"))
    return write_atomic(edges_path, edges_text.encode("utf-8")) or changed


def to_dataframes(G: nx.Graph[Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """
    Return the node list and the edge list of *G* as pandas DataFrames.

    The tables are those of `csv_tables`, with their values' types kept.

    Raises:
        ExtraNotInstalledError: If pandas is not installed
            (``pip install 'oppilashuolto[pandas]'``).
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ExtraNotInstalledError("DataFrames", "pandas") from exc
    node_cols, node_rows, edge_cols, edge_rows = _tables(G)
    return (
        pd.DataFrame.from_records(node_rows, columns=node_cols),
        pd.DataFrame.from_records(edge_rows, columns=edge_cols),
    )


# -- dispatch -----------------------------------------------------------------------------


def render(G: nx.Graph[Any], fmt: Format) -> dict[str, bytes]:
    """
    Return the files of *G* in *fmt*, by role (``"graph"``, or ``"nodes"`` and ``"edges"``).

    Raises:
        ValidationError: If *fmt* is not one of `FORMATS`.
    """
    if fmt not in FORMATS:
        msg = f"Unknown format {fmt!r}; expected one of: {', '.join(sorted(FORMATS))}"
        raise ValidationError(msg)
    if fmt == "graphml":
        return {"graph": graphml_bytes(G)}
    if fmt == "gexf":
        return {"graph": gexf_bytes(G)}
    if fmt == "json":
        return {"graph": node_link_bytes(G)}
    nodes_text, edges_text = csv_tables(G)
    return {"nodes": nodes_text.encode("utf-8"), "edges": edges_text.encode("utf-8")}


def write_graph(G: nx.Graph[Any], path: str | Path, fmt: Format) -> tuple[Path, ...]:
    """
    Write *G* to *path* in *fmt* atomically, every file rendered before any is written.

    For ``"csv"``, *path* names the pair of files of `csv_paths`.

    Returns:
        The paths written.
    """
    files = render(G, fmt)
    targets = csv_paths(path) if fmt == "csv" else (Path(path),)
    for target, data in zip(targets, files.values(), strict=True):
        write_atomic(target, data)
    return targets
