"""Fixture graphs A, B and A read as undirected, fresh for every test."""

from __future__ import annotations

import networkx as nx
import pytest

from tests.analysis.graphs import ARCS_A, ARCS_B, partitioned


@pytest.fixture
def fixture_a() -> nx.DiGraph[str]:
    return partitioned(nx.DiGraph(), ARCS_A)


@pytest.fixture
def fixture_b() -> nx.DiGraph[str]:
    return partitioned(nx.DiGraph(), ARCS_B)


@pytest.fixture
def fixture_a_undirected() -> nx.Graph[str]:
    return partitioned(nx.Graph(), ARCS_A)
