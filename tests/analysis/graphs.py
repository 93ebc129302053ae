"""
Fixture graphs of network-measures.md §3.3 and §4.1, shared by the analysis tests.

Nodes K1–K3 are schools, S1–S2 social services, T1–T2 health care; the node
attribute ``sector`` holds the group.
"""

from __future__ import annotations

from typing import TypeVar

import networkx as nx


G = TypeVar("G", bound="nx.Graph[str]")


GROUPS = {
    "K1": "school",
    "K2": "school",
    "K3": "school",
    "S1": "social",
    "S2": "social",
    "T1": "health",
    "T2": "health",
}
ARCS_A = [
    ("K1", "K2"),
    ("K2", "K3"),
    ("K2", "S1"),
    ("S1", "T1"),
    ("T1", "T2"),
    ("K3", "S2"),
    ("S2", "K1"),
    ("S1", "S2"),
]
ARCS_B = [*ARCS_A, ("S1", "T2"), ("T2", "T1")]


def partitioned(graph: G, arcs: list[tuple[str, str]]) -> G:
    graph.add_nodes_from(GROUPS)
    graph.add_edges_from(arcs)
    nx.set_node_attributes(graph, GROUPS, "sector")
    return graph
