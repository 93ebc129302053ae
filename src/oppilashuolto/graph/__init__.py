"""
Cooperation graphs of welfare structures, for researchers.

Builders return new networkx graphs and never change their input:
`build_structure_graph` (the multilayer view as of a day, a `MultiDiGraph`),
`build_history_graph` (every record, for timelines), `build_cooperation_graph`
and `project_bipartite` (co-membership projections, plain `Graph`), and
`snapshots` / `structure_change` (networks over time).
Exports (`to_graphml`, `to_gexf`, `to_node_link`, `to_csv`, `to_dataframes`)
write only plain attributes, atomically.
People get keyed pseudonyms unless ``include_personal=True``
(`oppilashuolto.graph.pseudonym`).

The first multilayer build from a structure works out the nodes and edges of
the records in force on its day (or period), with attributes and sorted order,
and keeps them while the structure lives (with the pseudonyms of the last two
keys used; never a key), so that later builds inside that window only select.
The first build outside it works out every node and edge the structure could
have, once, and keeps that instead, for builds on any day, period or layers.
That takes memory: from a sixth to a half of what the structure itself takes,
mostly people's attributes.
Builders leave Python's cyclic garbage collector alone: a graph of hundreds of
thousands of edges makes as many dicts, and the collections they set off cost
what they cost any networkx graph of that size; an application that builds
many large graphs in a row can pause the collector around them itself.

Importing this package imports networkx, numpy and scipy; ``import
oppilashuolto`` does not.
"""

from oppilashuolto.graph.build import (
    LAYERS,
    build_history_graph,
    build_structure_graph,
    check_layers,
    collapse,
)
from oppilashuolto.graph.change import (
    Change,
    graph_change,
    snapshots,
    structure_change,
)
from oppilashuolto.graph.export import (
    FORMATS,
    csv_paths,
    csv_tables,
    export_value,
    gexf_bytes,
    graphml_bytes,
    node_link_bytes,
    render,
    sanitise,
    to_csv,
    to_dataframes,
    to_gexf,
    to_graphml,
    to_node_link,
    write_graph,
)
from oppilashuolto.graph.projections import (
    PROJECTIONS,
    WEIGHTS,
    build_cooperation_graph,
    project_bipartite,
)
from oppilashuolto.graph.pseudonym import KEY_ENV, Pseudonymiser, resolve_key


__all__ = [
    "FORMATS",
    "KEY_ENV",
    "LAYERS",
    "PROJECTIONS",
    "WEIGHTS",
    "Change",
    "Pseudonymiser",
    "build_cooperation_graph",
    "build_history_graph",
    "build_structure_graph",
    "check_layers",
    "collapse",
    "csv_paths",
    "csv_tables",
    "export_value",
    "gexf_bytes",
    "graph_change",
    "graphml_bytes",
    "node_link_bytes",
    "project_bipartite",
    "render",
    "resolve_key",
    "sanitise",
    "snapshots",
    "structure_change",
    "to_csv",
    "to_dataframes",
    "to_gexf",
    "to_graphml",
    "to_node_link",
    "write_graph",
]
