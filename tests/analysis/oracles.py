"""
Brute-force brokerage oracles: every ordered (or unordered) triple, O(n³).

Written straight from the definition in network-measures.md §3.1, without
sharing any code with `oppilashuolto.analysis`.
"""

from __future__ import annotations

import itertools

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import networkx as nx


Counts = dict[Hashable, tuple[int, ...]]


def oracle_directed(
    nodes: Sequence[Any], arcs: set[tuple[Any, Any]], group: Mapping[Any, Any]
) -> Counts:
    out = {n: [0] * 5 for n in nodes}
    for a, v, b in itertools.permutations(nodes, 3):
        if (a, v) in arcs and (v, b) in arcs and (a, b) not in arcs:
            ga, gv, gb = group[a], group[v], group[b]
            if ga == gv == gb:
                role = 0
            elif ga == gb:
                role = 1
            elif ga == gv:
                role = 2
            elif gv == gb:
                role = 3
            else:
                role = 4
            out[v][role] += 1
    return {n: (*c, sum(c)) for n, c in out.items()}


def oracle_undirected(
    nodes: Sequence[Any], ties: set[frozenset[Any]], group: Mapping[Any, Any]
) -> Counts:
    out = {n: [0] * 4 for n in nodes}
    for v in nodes:
        for a, b in itertools.combinations(nodes, 2):
            if v in (a, b) or frozenset((a, b)) in ties:
                continue
            if frozenset((a, v)) in ties and frozenset((v, b)) in ties:
                ga, gv, gb = group[a], group[v], group[b]
                if ga == gv == gb:
                    role = 0
                elif ga == gb:
                    role = 1
                elif gv in (ga, gb):
                    role = 2
                else:
                    role = 3
                out[v][role] += 1
    return {n: (*c, sum(c)) for n, c in out.items()}


def directed_oracle_of(graph: nx.Graph[Any]) -> Counts:
    arcs = {(u, v) for u, v in graph.edges() if u != v}
    if not graph.is_directed():
        arcs |= {(v, u) for u, v in arcs}
    return oracle_directed(list(graph), arcs, nx.get_node_attributes(graph, "g"))


def undirected_oracle_of(graph: nx.Graph[Any]) -> Counts:
    ties = {frozenset((u, v)) for u, v in graph.edges() if u != v}
    return oracle_undirected(list(graph), ties, nx.get_node_attributes(graph, "g"))
