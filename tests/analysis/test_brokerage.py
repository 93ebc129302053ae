from __future__ import annotations

import math

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Literal
from unittest import mock

import networkx as nx
import numpy as np
import pytest

from hypothesis import given
from hypothesis import strategies as st

from oppilashuolto.analysis import (
    DIRECTED_ROLES,
    UNDIRECTED_ROLES,
    _census,
    _kernel,
    brokerage,
    constraint,
    effective_size,
)
from oppilashuolto.analysis._kernel import compiled_open_paths, open_paths
from oppilashuolto.errors import ExtraNotInstalledError, ValidationError
from tests.analysis.graphs import ARCS_A, GROUPS, partitioned
from tests.analysis.oracles import Counts, directed_oracle_of, undirected_oracle_of


def raw_counts(
    graph: nx.Graph[Any],
    attribute: str = "g",
    mode: Literal["directed", "undirected"] = "directed",
) -> Counts:
    return {row.node: row.raw for row in brokerage(graph, attribute, mode=mode).rows}


@st.composite
def partitioned_graphs(draw: st.DrawFn, *, directed: bool) -> nx.Graph[int]:
    """Draw a graph on 2–12 nodes in 1–4 groups, with self-loops now and then.

    The nodes are added in a drawn order, so the graph's order is not always
    the sorted order the results come in.
    """
    n = draw(st.integers(min_value=2, max_value=12))
    order = draw(st.permutations(range(n)))
    groups = draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    pairs = [
        (u, v) for u in range(n) for v in range(n) if u != v and (directed or u < v)
    ]
    present = draw(st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs)))
    loops = draw(st.sets(st.integers(0, n - 1), max_size=2))
    graph: nx.Graph[int] = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from((i, {"g": groups[i]}) for i in order)
    graph.add_edges_from(
        pair for pair, keep in zip(pairs, present, strict=True) if keep
    )
    graph.add_edges_from((i, i) for i in loops)
    return graph


# R sna::brokerage raw.nli of network-measures.md §3.3.
EXPECTED_A = {
    "K1": (0, 0, 0, 1, 0, 1),
    "K2": (1, 0, 1, 0, 0, 2),
    "K3": (0, 0, 1, 0, 0, 1),
    "S1": (0, 0, 0, 1, 1, 2),
    "S2": (0, 1, 1, 0, 0, 2),
    "T1": (0, 0, 0, 1, 0, 1),
    "T2": (0, 0, 0, 0, 0, 0),
}
EXPECTED_B = {**EXPECTED_A, "S1": (0, 0, 0, 1, 2, 3), "T1": (0, 0, 0, 0, 0, 0)}
EXPECTED_ASYM = {
    "K1": (0, 0, 1, 1, 0, 2),
    "K2": (2, 0, 2, 2, 0, 6),
    "K3": (0, 0, 1, 1, 0, 2),
    "S1": (0, 0, 2, 2, 2, 6),
    "S2": (0, 2, 2, 2, 0, 6),
    "T1": (0, 0, 1, 1, 0, 2),
    "T2": (0, 0, 0, 0, 0, 0),
}
NAN = math.nan
Z_A = {
    "K1": (-0.2460, -0.3479, -0.3998, 1.3018, -0.4388, 0.0903),
    "K2": (3.9420, -0.3479, 1.3018, -0.3998, -0.4388, 0.8494),
    "K3": (-0.2460, -0.3479, 1.3018, -0.3998, -0.4388, 0.0903),
    "S1": (NAN, -0.4505, -0.3161, 1.8363, 0.9405, 0.8494),
    "S2": (NAN, 1.4667, 1.8363, -0.3161, -0.5119, 0.8494),
    "T1": (NAN, -0.4505, -0.3161, 1.8363, -0.5119, 0.0903),
    "T2": (NAN, -0.4505, -0.3161, -0.3161, -0.5119, -0.6689),
}


def assert_close(
    expected: Iterable[float], actual: Iterable[float] | None, tol: float
) -> None:
    assert actual is not None
    for e, a in zip(expected, actual, strict=True):
        assert (math.isnan(e) and math.isnan(a)) or abs(e - a) <= tol, (
            expected,
            actual,
        )


class TestBrokerageFixture:
    def test_counts_of_fixture_a(self, fixture_a):
        """Fixture A gives sna's raw.nli, node by node."""
        assert EXPECTED_A == raw_counts(fixture_a, "sector")

    def test_counts_of_fixture_b(self, fixture_b):
        """Closing arcs in fixture B remove paths and a = b paths never count."""
        assert EXPECTED_B == raw_counts(fixture_b, "sector")

    def test_counts_of_undirected_fixture_as_symmetric_digraph(
        self, fixture_a_undirected
    ):
        """An undirected graph in directed mode counts each open path twice, as sna does."""
        assert EXPECTED_ASYM == raw_counts(fixture_a_undirected, "sector")

    def test_reciprocated_digraph_equals_undirected_reading(self, fixture_a_undirected):
        """Fixture Asym as a DiGraph gives the same census as the undirected graph."""
        asym: nx.DiGraph[str] = partitioned(
            nx.DiGraph(), [*ARCS_A, *((v, u) for u, v in ARCS_A)]
        )
        assert raw_counts(fixture_a_undirected, "sector") == raw_counts(asym, "sector")

    def test_network_totals(self, fixture_a, fixture_b, fixture_a_undirected):
        """Totals are sna's raw.gli for fixtures A, B and Asym."""
        assert (1, 1, 3, 3, 1, 9) == brokerage(fixture_a, "sector").totals.raw
        assert (1, 1, 3, 2, 2, 9) == brokerage(fixture_b, "sector").totals.raw
        assert (2, 2, 9, 9, 2, 24) == brokerage(
            fixture_a_undirected, "sector"
        ).totals.raw

    def test_node_z_scores_of_fixture_a(self, fixture_a):
        """Node z-scores equal sna's z.nli to 4 decimals, NaN where sd is 0."""
        rows = {row.node: row for row in brokerage(fixture_a, "sector").rows}
        for node, expected in Z_A.items():
            assert_close(expected, rows[node].z, 1e-4)

    def test_coordinator_z_of_k2_to_six_places(self, fixture_a):
        """K2's coordinator z-score is 3.941957 to 6 decimals."""
        row = brokerage(fixture_a, "sector").rows[1]
        assert row.z is not None
        assert "K2" == row.node
        assert 3.941957 == round(row.z[0], 6)

    def test_network_z_scores_of_fixture_a(self, fixture_a):
        """Network z-scores equal sna's z.gli to 4 decimals."""
        expected = (1.7764, -0.2136, 1.2374, 1.2374, -0.5914, 0.6846)
        assert_close(expected, brokerage(fixture_a, "sector").totals.z, 1e-4)

    def test_expected_coordinator_count(self, fixture_a):
        """A school node expects d²(1 - d)(n - 1)(n - 2) coordinator paths."""
        d = 8 / 42
        row = brokerage(fixture_a, "sector").rows[0]
        assert row.expected is not None
        assert d * d * (1 - d) * 2 * 1 == pytest.approx(row.expected[0])

    def test_cograph_example(self):
        """The 4-node example of the cograph docs gives its published counts."""
        graph = nx.DiGraph(
            [("A", "B"), ("A", "C"), ("B", "C"), ("B", "D"), ("C", "D"), ("D", "A")]
        )
        nx.set_node_attributes(graph, {"A": 1, "B": 1, "C": 2, "D": 2}, "g")
        expected = {
            "A": (0, 1, 0, 1, 0, 2),
            "B": (0, 0, 1, 0, 0, 1),
            "C": (0, 0, 0, 1, 0, 1),
            "D": (0, 1, 1, 0, 0, 2),
        }
        assert expected == raw_counts(graph)

    def test_undirected_mode_counts_each_path_once(self, fixture_a_undirected):
        """Undirected mode halves Asym's counts and merges representative and gatekeeper."""
        expected = {
            "K1": (0, 0, 1, 0, 1),
            "K2": (1, 0, 2, 0, 3),
            "K3": (0, 0, 1, 0, 1),
            "S1": (0, 0, 2, 1, 3),
            "S2": (0, 1, 2, 0, 3),
            "T1": (0, 0, 1, 0, 1),
            "T2": (0, 0, 0, 0, 0),
        }
        assert expected == raw_counts(fixture_a_undirected, "sector", mode="undirected")

    def test_undirected_mode_has_no_null_model(self, fixture_a_undirected):
        """Undirected mode leaves expected, sd and z empty."""
        result = brokerage(fixture_a_undirected, "sector", mode="undirected")
        assert (None, None, None) == (
            result.totals.expected,
            result.totals.sd,
            result.totals.z,
        )
        assert {None} == {row.z for row in result.rows}

    def test_result_records_parameters(self, fixture_a):
        """The result names its attribute, mode, columns, ties and density."""
        result = brokerage(fixture_a, "sector")
        assert ("sector", "directed") == (result.attribute, result.mode)
        assert (*DIRECTED_ROLES, "total") == result.columns
        assert (7, 8, 8 / 42) == (result.n_nodes, result.n_ties, result.density)

    def test_undirected_result_records_parameters(self, fixture_a):
        """Undirected mode counts edges and uses the merged roles."""
        result = brokerage(fixture_a, "sector", mode="undirected")
        assert (*UNDIRECTED_ROLES, "total") == result.columns
        assert (8, 8 / 21) == (result.n_ties, result.density)

    def test_rows_are_sorted_and_carry_groups(self, fixture_a):
        """Rows come in node order with each node's group."""
        rows = brokerage(fixture_a, "sector").rows
        assert sorted(GROUPS.items()) == [(row.node, row.group) for row in rows]

    def test_counts_of_one_column(self, fixture_a):
        """counts() returns one column by node."""
        expected = {"K1": 1, "K2": 0, "K3": 0, "S1": 1, "S2": 0, "T1": 1, "T2": 0}
        assert expected == brokerage(fixture_a, "sector").counts("gatekeeper")

    def test_rows_are_the_columns_node_by_node(self, fixture_a):
        """rows pair each node with its group, counts and null moments, made once."""
        result = brokerage(fixture_a, "sector")
        rows = result.rows
        assert rows is result.rows
        assert [r.node for r in rows] == list(result.nodes)
        assert [r.group for r in rows] == list(result.groups)
        assert [r.raw for r in rows] == list(result.raw)
        assert [r.expected for r in rows] == list(result.expected)
        assert [r.sd for r in rows] == list(result.sd)
        assert result == brokerage(fixture_a, "sector")

    def test_counts_refuses_unknown_column(self, fixture_a):
        """counts() names the valid columns when given another."""
        with pytest.raises(
            ValidationError,
            match="Unknown column 'broker'; expected one of: coordinator",
        ):
            brokerage(fixture_a, "sector").counts("broker")

    def test_mixed_node_types_are_sorted_by_type(self):
        """Nodes of unorderable types still come out in a fixed order."""
        graph: nx.DiGraph[Any] = nx.DiGraph([(1, "a"), ("a", 2.5)])
        nx.set_node_attributes(graph, dict.fromkeys(graph, "x"), "g")
        assert [2.5, 1, "a"] == [row.node for row in brokerage(graph, "g").rows]


class TestBrokerageOracle:
    @given(partitioned_graphs(directed=True))
    def test_digraph_matches_oracle(self, graph):
        """Directed counts equal the brute force over all ordered triples."""
        assert directed_oracle_of(graph) == raw_counts(graph)

    @given(partitioned_graphs(directed=False))
    def test_graph_read_as_symmetric_digraph_matches_oracle(self, graph):
        """Directed mode on a Graph equals the brute force on its symmetric digraph."""
        assert directed_oracle_of(graph) == raw_counts(graph)

    @given(partitioned_graphs(directed=False))
    def test_undirected_mode_matches_oracle(self, graph):
        """Undirected counts equal the brute force over unordered pairs."""
        assert undirected_oracle_of(graph) == raw_counts(graph, mode="undirected")

    @given(partitioned_graphs(directed=True))
    def test_undirected_mode_of_digraph_reads_arcs_as_ties(self, graph):
        """A DiGraph in undirected mode equals the brute force on its undirected reading."""
        undirected: nx.Graph[int] = nx.Graph(graph)
        assert undirected_oracle_of(undirected) == raw_counts(graph, mode="undirected")

    @given(partitioned_graphs(directed=True))
    def test_totals_are_column_sums(self, graph):
        """Network raw totals are the sums of the node counts."""
        result = brokerage(graph, "g")
        expected = tuple(
            int(x) for x in np.sum([row.raw for row in result.rows], axis=0)
        )
        assert expected == result.totals.raw


Way = Literal["one product", "split products", "python", "compiled"]
WAYS: tuple[Way, ...] = ("one product", "split products", "python", "compiled")


@contextmanager
def census_by(way: Way) -> Iterator[None]:
    """Count every graph one way: one sparse product or four, or the loop of
    `_kernel` as plain Python or compiled by numba."""
    if way in {"one product", "split products"}:
        # not only above COMPILE_FROM: once loaded, the compiled loop counts
        # graphs of any size
        with (
            mock.patch.object(_census, "compiled_open_paths", return_value=None),
            mock.patch.object(
                _census, "SPLIT_FROM", math.inf if way == "one product" else 0
            ),
        ):
            yield
        return
    if way == "compiled":
        pytest.importorskip("numba")
    kernel = open_paths if way == "python" else compiled_open_paths()
    with (
        mock.patch.object(_census, "COMPILE_FROM", 0),
        mock.patch.object(_census, "compiled_open_paths", return_value=kernel),
    ):
        yield


def large_digraph(seed: int) -> nx.DiGraph[str]:
    """A seeded digraph of 2,500 string-named nodes in 40 groups and ~25,000 arcs,
    with self-loops and reciprocated arcs, its nodes added in no sorted order."""
    rng = np.random.default_rng(seed)
    n = 2_500
    names = [f"n{i}" for i in rng.permutation(n)]
    group = rng.integers(0, 40, size=n)
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from((names[i], {"g": f"g{group[i]}"}) for i in range(n))
    tails = rng.integers(0, n, size=25_000)
    heads = np.where(
        rng.random(25_000) < 0.7,
        # most arcs stay near their tail, so groups and triangles form
        (tails + rng.integers(-30, 30, size=25_000)) % n,
        rng.integers(0, n, size=25_000),
    )
    graph.add_edges_from(
        (names[u], names[v]) for u, v in zip(tails, heads, strict=True)
    )
    graph.add_edges_from((v, u) for u, v in list(graph.edges())[::7])
    return graph


@pytest.fixture(scope="module")
def warm_kernel() -> None:
    """Compile (or load from numba's cache) the loop before any timed example."""
    kernel = compiled_open_paths()
    if kernel is not None:
        kernel(np.zeros(2, np.int64), np.zeros(0, np.int32), np.zeros(1, np.int32))


@pytest.mark.usefixtures("warm_kernel")
class TestCensusWays:
    """The compiled loop, the same loop in Python and the sparse products agree."""

    @pytest.mark.parametrize("way", WAYS)
    @given(graph=partitioned_graphs(directed=True))
    def test_digraph_matches_oracle(self, way, graph):
        """Each way's directed counts equal the brute force."""
        with census_by(way):
            assert directed_oracle_of(graph) == raw_counts(graph)

    @pytest.mark.parametrize("way", WAYS)
    @given(graph=partitioned_graphs(directed=True))
    def test_undirected_mode_matches_oracle(self, way, graph):
        """Each way's undirected counts equal the brute force on the undirected reading."""
        undirected: nx.Graph[int] = nx.Graph(graph)
        with census_by(way):
            assert undirected_oracle_of(undirected) == raw_counts(
                graph, mode="undirected"
            )

    @pytest.mark.parametrize("way", WAYS)
    def test_fixture_a(self, way, fixture_a):
        """Each way gives sna's counts on fixture A."""
        with census_by(way):
            assert EXPECTED_A == raw_counts(fixture_a, "sector")

    @pytest.mark.parametrize("mode", ["directed", "undirected"])
    def test_large_graph_goes_compiled_with_the_same_counts(self, mode):
        """Above COMPILE_FROM arcs the compiled loop runs, and agrees with both
        sparse censuses."""
        pytest.importorskip("numba")
        graph = large_digraph(seed=7)
        assert graph.number_of_edges() >= _census.COMPILE_FROM
        kernel = compiled_open_paths()
        assert kernel is not None
        spy = mock.Mock(wraps=kernel)
        with mock.patch.object(_census, "compiled_open_paths", return_value=spy):
            compiled = brokerage(graph, "g", mode=mode)
        assert spy.call_count == 1
        for way in ("one product", "split products"):
            with census_by(way):
                assert compiled == brokerage(graph, "g", mode=mode)
        assert sum(compiled.totals.raw) > 0

    @pytest.mark.parametrize("mode", ["directed", "undirected"])
    @given(
        graph=partitioned_graphs(directed=True),
        labels=st.lists(
            st.integers(-(2**70), 2**70) | st.integers(-5, 40),
            min_size=12,
            max_size=12,
            unique=True,
        ),
    )
    def test_int_nodes_count_as_any_other_labels(self, mode, graph, labels):
        """Int nodes, close or far apart, beyond 64 bits or not, count as strings do."""
        as_ints = nx.relabel_nodes(graph, dict(enumerate(labels)))
        as_text = nx.relabel_nodes(graph, {i: f"n{i}" for i in graph})
        by_int = {row.node: row.raw for row in brokerage(as_ints, "g", mode=mode).rows}
        by_text = {row.node: row.raw for row in brokerage(as_text, "g", mode=mode).rows}
        assert by_text == {f"n{i}": by_int[labels[i]] for i in graph}

    @pytest.mark.parametrize("way", WAYS)
    @pytest.mark.parametrize("hub_in", [15, 16, 17])
    def test_hub_at_a_power_of_two_matches_oracle(self, way, hub_in):
        """A broker whose outside in-neighbours number 2**4 or one either side,
        all closing one path, counts as the brute force does: the sparse
        product's digits hold that many without a carry."""
        rng = np.random.default_rng(hub_in)
        n = 40
        graph: nx.DiGraph[int] = nx.DiGraph()
        graph.add_nodes_from(
            (i, {"g": 1 if 1 <= i <= 20 else 2 * (i >= 30)}) for i in range(n)
        )
        graph.add_edges_from(
            (int(u), int(v))
            for u, v in rng.integers(0, n, size=(150, 2))
            if v not in (u, 0)
        )
        # the hub 0 hears from hub_in nodes of group 1, which all reach node 1
        graph.add_edges_from((u, 0) for u in range(2, 2 + hub_in))
        graph.add_edges_from((u, 1) for u in range(2, 2 + hub_in))
        graph.add_edges_from((0, v) for v in range(1, n, 2))
        with census_by(way):
            assert directed_oracle_of(graph) == raw_counts(graph)

    @given(graph=partitioned_graphs(directed=True), data=st.data())
    @pytest.mark.parametrize("symmetric", [False, True])
    def test_arcs_in_any_numbering(self, symmetric, graph, data):
        """Nodes numbered in another order than G's give the same arcs, in rows."""
        order = data.draw(st.permutations(list(graph)))
        position = {node: i for i, node in enumerate(order)}
        starts, heads = _census.compressed_arcs(graph, position, symmetric=symmetric)
        arcs = [
            (tail, int(head))
            for tail in range(len(order))
            for head in heads[starts[tail] : starts[tail + 1]]
        ]
        expected = {(position[u], position[v]) for u, v in graph.edges() if u != v}
        if symmetric:
            expected |= {(v, u) for u, v in expected}
        assert sorted(expected) == sorted(arcs)

    def test_compiled_without_numba_says_what_to_install(self):
        """Asking for the compiled census without numba names the extra."""
        starts = np.array([0, 1, 1], dtype=np.int64)
        heads = np.array([1], dtype=np.int64)
        codes = np.array([0, 0], dtype=np.int64)
        with (
            mock.patch.object(_census, "compiled_open_paths", return_value=None),
            pytest.raises(ExtraNotInstalledError, match=r"oppilashuolto\[fast\]"),
        ):
            _census.directed_census(starts, heads, codes, method="compiled")

    def test_missing_numba_falls_back_to_products(self, fixture_a):
        """Without numba, large graphs too are counted by the sparse products."""
        with (
            mock.patch.object(_kernel, "_COMPILED", []),
            mock.patch.dict("sys.modules", {"numba": None}),
            mock.patch.object(_census, "COMPILE_FROM", 0),
        ):
            assert EXPECTED_A == raw_counts(fixture_a, "sector")
            assert [None] == _kernel._COMPILED  # the attempt was made

    @pytest.mark.parametrize(
        ("split_from", "used"),
        [(9, "one_product_census"), (8, "split_product_census")],
    )
    def test_products_split_from_split_from_arcs(self, fixture_a, split_from, used):
        """Without the compiled loop, SPLIT_FROM arcs (fixture A has 8) and more
        are counted by four products, fewer by one."""
        spy = mock.Mock(wraps=getattr(_census, used))
        with (
            mock.patch.object(_census, "compiled_open_paths", return_value=None),
            mock.patch.object(_census, "SPLIT_FROM", split_from),
            mock.patch.object(_census, used, spy),
        ):
            assert EXPECTED_A == raw_counts(fixture_a, "sector")
        assert spy.call_count == 1

    def test_small_graphs_do_not_load_numba(self, fixture_a):
        """Below COMPILE_FROM arcs, a process that has not loaded numba does not."""
        with mock.patch.object(_kernel, "_COMPILED", []):
            assert EXPECTED_A == raw_counts(fixture_a, "sector")
            assert [] == _kernel._COMPILED  # no attempt was made


class TestBrokerageErrors:
    def test_multigraph_is_refused(self):
        """A MultiDiGraph is refused with advice to aggregate."""
        graph: nx.MultiDiGraph[int] = nx.MultiDiGraph([(1, 2), (1, 2)])
        with pytest.raises(
            ValidationError,
            match="G must be a simple Graph or DiGraph for brokerage \\(got a MultiDiGraph\\)",
        ):
            brokerage(graph, "g")

    def test_missing_attribute_names_the_first_ten_nodes(self):
        """The error names the attribute, the count and the first ten nodes, sorted."""
        graph: nx.DiGraph[Any] = nx.DiGraph()
        graph.add_nodes_from(f"n{i:02d}" for i in range(12, 0, -1))
        graph.add_node("n00", g="x")
        with pytest.raises(ValidationError) as info:
            brokerage(graph, "g")
        named = ", ".join(repr(f"n{i:02d}") for i in range(1, 11))
        assert (
            f"node attribute 'g' must be set on every node (missing on 12 of 13: {named}, …)"
            == str(info.value)
        )

    def test_none_counts_as_missing(self):
        """A node whose attribute is None is named as missing."""
        graph: nx.DiGraph[str] = nx.DiGraph([("a", "b")])
        nx.set_node_attributes(graph, {"a": "x", "b": None}, "g")
        with pytest.raises(ValidationError, match=r"missing on 1 of 2: 'b'\)"):
            brokerage(graph, "g")

    def test_unhashable_attribute_is_refused(self):
        """A list as a group is refused with the nodes named."""
        graph: nx.DiGraph[str] = nx.DiGraph([("a", "b")])
        nx.set_node_attributes(graph, {"a": "x", "b": ["y"]}, "g")
        with pytest.raises(ValidationError, match=r"must be hashable.*'b'"):
            brokerage(graph, "g")

    def test_array_attribute_is_refused(self):
        """An array as a group, whose == answers element by element, is refused too."""
        graph: nx.DiGraph[str] = nx.DiGraph([("a", "b")])
        nx.set_node_attributes(graph, {"a": "x", "b": np.array([1, 2])}, "g")
        with pytest.raises(ValidationError, match=r"must be hashable.*'b'"):
            brokerage(graph, "g")

    def test_single_node_is_refused(self):
        """The density null is undefined on one node."""
        graph: nx.DiGraph[Any] = nx.DiGraph()
        graph.add_node(1, g="a")
        with pytest.raises(
            ValidationError, match=r"at least 2 nodes for brokerage \(got 1\)"
        ):
            brokerage(graph, "g")

    def test_unknown_mode_is_refused(self, fixture_a):
        """Only the two documented modes are accepted."""
        with pytest.raises(
            ValidationError,
            match="mode must be 'directed' or 'undirected' \\(got 'both'\\)",
        ):
            brokerage(fixture_a, "sector", mode="both")  # type: ignore[arg-type]


class TestConstraint:
    def test_fixture_values(self, fixture_a_undirected):
        """Constraint on undirected fixture A matches network-measures.md §4.1."""
        expected = {
            "K1": 0.5,
            "K2": 1 / 3,
            "K3": 0.5,
            "S1": 1 / 3,
            "S2": 1 / 3,
            "T1": 0.5,
            "T2": 1.0,
        }
        assert expected == pytest.approx(constraint(fixture_a_undirected))

    def test_output_is_sorted(self, fixture_a_undirected):
        """Keys come in sorted node order."""
        assert sorted(GROUPS) == list(constraint(fixture_a_undirected))

    def test_subset_of_nodes(self, fixture_a_undirected):
        """Only the requested nodes are scored."""
        assert {"T2": 1.0, "K2": pytest.approx(1 / 3)} == constraint(
            fixture_a_undirected, nodes=["T2", "K2"]
        )

    def test_multigraph_is_refused(self):
        """A MultiGraph is refused instead of giving networkx's wrong values."""
        with pytest.raises(
            ValidationError, match="for constraint \\(got a MultiGraph\\)"
        ):
            constraint(nx.MultiGraph([(1, 2), (1, 2), (2, 3)]))

    def test_unknown_node_is_refused(self, fixture_a_undirected):
        """A node outside the graph is named."""
        with pytest.raises(
            ValidationError, match="nodes must all be nodes of G \\(unknown: 'X9'\\)"
        ):
            constraint(fixture_a_undirected, nodes=["K1", "X9"])


class TestEffectiveSize:
    def test_fixture_values(self, fixture_a_undirected):
        """Effective size on undirected fixture A matches network-measures.md §4.1."""
        expected = {
            "K1": 2.0,
            "K2": 3.0,
            "K3": 2.0,
            "S1": 3.0,
            "S2": 3.0,
            "T1": 2.0,
            "T2": 1.0,
        }
        assert expected == effective_size(fixture_a_undirected)

    def test_multigraph_is_refused(self):
        """A MultiGraph is refused."""
        with pytest.raises(
            ValidationError, match="for effective size \\(got a MultiGraph\\)"
        ):
            effective_size(nx.MultiGraph([(1, 2)]))
