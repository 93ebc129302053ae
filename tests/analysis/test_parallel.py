"""The heavy measures through networkx's backend dispatch with nx-parallel, equal to serial runs."""

import datetime as dt

import pytest


nx_parallel = pytest.importorskip(
    "nx_parallel",
    reason="nx-parallel is not installed: pip install 'oppilashuolto[parallel]' (Python >= 3.12)",
)

import networkx as nx  # noqa: E402

from oppilashuolto.analysis import betweenness_centrality  # noqa: E402
from oppilashuolto.graph import build_cooperation_graph  # noqa: E402
from oppilashuolto.synthetic import national  # noqa: E402


@pytest.fixture(scope="module")
def projection():
    return build_cooperation_graph(
        national(seed=1, scale=0.05),
        between="organisation",
        on=dt.date(2025, 1, 15),
        key="test-key",
    )


class TestParallelBackend:
    def test_dispatches_to_parallel(self, projection, monkeypatch):
        """backend='parallel' reaches nx-parallel's own betweenness."""
        calls = []
        original = nx_parallel.interface.BackendInterface.betweenness_centrality

        def spy(*args, **kwargs):
            calls.append(kwargs.get("k"))
            return original(*args, **kwargs)

        monkeypatch.setattr(
            nx_parallel.interface.BackendInterface, "betweenness_centrality", spy
        )
        betweenness_centrality(projection.copy(), backend="parallel")
        assert [None] == calls

    def test_exact_betweenness_equals_serial(self, projection):
        """Exact betweenness on the organisation projection equals the serial run."""
        serial = betweenness_centrality(projection)
        parallel = betweenness_centrality(projection.copy(), backend="parallel")
        assert list(serial) == list(parallel)
        assert serial == pytest.approx(parallel, rel=1e-12, abs=1e-15)
        assert max(serial.values()) > 0

    def test_sampled_betweenness_equals_serial(self, projection):
        """Sampled betweenness with the same k and seed picks the same sources."""
        serial = betweenness_centrality(projection, k=50, seed=7)
        parallel = betweenness_centrality(
            projection.copy(), k=50, seed=7, backend="parallel"
        )
        assert serial == pytest.approx(parallel, rel=1e-12, abs=1e-15)

    def test_backend_is_registered(self):
        """networkx lists nx-parallel among the backends of betweenness."""
        assert "parallel" in nx.betweenness_centrality.backends
