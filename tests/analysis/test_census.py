from __future__ import annotations

import itertools
import math

from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
import pytest

from hypothesis import given
from hypothesis import strategies as st

from oppilashuolto.analysis import brokerage
from oppilashuolto.analysis._census import group_codes, network_moments, node_moments
from tests.analysis.oracles import oracle_directed


def exact_moments(
    groups: list[int], d: float
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Mean and variance of every node's counts over all digraphs, weighted by d."""
    nodes = list(range(len(groups)))
    pairs = [(u, v) for u in nodes for v in nodes if u != v]
    group = dict(enumerate(groups))
    mean = np.zeros((len(nodes), 6))
    square = np.zeros((len(nodes), 6))
    for mask in range(1 << len(pairs)):
        arcs = {pair for i, pair in enumerate(pairs) if mask >> i & 1}
        weight = d ** len(arcs) * (1 - d) ** (len(pairs) - len(arcs))
        counts = np.array(
            list(oracle_directed(nodes, arcs, group).values()), dtype=float
        )
        mean += weight * counts
        square += weight * counts**2
    return mean, square - mean**2


def paper_network_moments(n: list[int], d: float) -> tuple[list[float], list[float]]:
    """Network moments summed group by group, as the formulas are printed."""
    total = sum(n)
    p = d * d * (1 - d)
    a, b, c = d**3 * (1 - d) ** 3, d**4 * (1 - d) ** 2, d**5 * (1 - d)
    pairs = [(x, y) for i, x in enumerate(n) for j, y in enumerate(n) if i != j]
    triples = [
        (n[i], n[j], n[k]) for i, j, k in itertools.permutations(range(len(n)), 3)
    ]

    def within(m: int) -> float:
        return (
            m * (m - 1) * (m - 2) * ((4 * m - 10) * a - 4 * (m - 3) * b + (m - 3) * c)
        )

    e_within = p * sum(m * (m - 1) * (m - 2) for m in n)
    e_cross = p * sum(m * (total - m) * (m - 1) for m in n)
    e_liaison = p * sum(x * y * (total - x - y) for x, y in pairs)
    e_total = p * total * (total - 1) * (total - 2)
    v_cross = e_cross * (1 - p) + sum(
        m * (total - m) * (m - 1) * ((total - 3) * a + (m - 2) * c) for m in n
    )
    variances = [
        e_within * (1 - p) + sum(within(m) for m in n),
        e_cross * (1 - p)
        + sum(
            x * y * (x - 1) * ((2 * x + 2 * y - 6) * a + (total - x - 1) * c)
            for x, y in pairs
        ),
        v_cross,
        v_cross,
        e_liaison * (1 - p)
        + sum(
            i
            * j
            * k
            * (
                (4 * (total - j) - 2 * (i + k + 1)) * a
                - (4 * (total - k) - 2 * (i + j + 1)) * b
                + (total - (i + k + 1)) * c
            )
            for i, j, k in triples
        ),
        e_total * (1 - p) + within(total),
    ]
    return [e_within, e_cross, e_cross, e_cross, e_liaison, e_total], variances


class TestNullModel:
    @pytest.mark.parametrize(
        "groups", [[0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 1], [0, 0, 1, 2], [0, 1, 2, 3]]
    )
    def test_node_moments_are_exact(self, groups):
        """Node expectations and variances equal the exact moments over all 4-node digraphs."""
        d = 0.3
        codes = group_codes(list(groups))
        expected, variance = node_moments(np.bincount(codes).astype(float), d)
        exact_mean, exact_variance = exact_moments(groups, d)
        np.testing.assert_allclose(exact_mean, expected[codes], atol=1e-12)
        np.testing.assert_allclose(exact_variance, variance[codes], atol=1e-12)

    @given(
        st.lists(st.integers(1, 25), min_size=1, max_size=7),
        st.floats(min_value=0.01, max_value=0.99),
    )
    def test_network_moments_match_printed_formulas(self, sizes, d):
        """The vectorised network moments equal the group-by-group sums."""
        expected, variance = paper_network_moments(sizes, d)
        actual_e, actual_v = network_moments(np.array(sizes, dtype=float), d)
        np.testing.assert_allclose(expected, actual_e, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(
            np.maximum(variance, 0), actual_v, rtol=1e-9, atol=1e-9
        )

    def test_z_is_nan_only_where_sd_is_zero(self, fixture_a):
        """A z-score is NaN exactly where its standard deviation is 0."""
        for row in brokerage(fixture_a, "sector").rows:
            assert row.sd is not None
            assert row.z is not None
            assert [s == 0 for s in row.sd] == [math.isnan(z) for z in row.z]

    def test_empty_graph_has_nan_z(self):
        """Without arcs every expectation and sd is 0, so every z is NaN."""
        graph: nx.DiGraph[Any] = nx.DiGraph()
        graph.add_nodes_from([(1, {"g": "a"}), (2, {"g": "a"}), (3, {"g": "b"})])
        totals = brokerage(graph, "g").totals
        assert totals.z is not None
        assert all(math.isnan(z) for z in totals.z)
