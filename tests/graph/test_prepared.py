"""Tests for the prepared nodes and edges behind the multilayer builders."""

# networkx's convention, as in src/oppilashuolto/graph: G is a graph

from __future__ import annotations

import datetime as dt
import gc

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oppilashuolto.examples import load, names
from oppilashuolto.graph import (
    LAYERS,
    Pseudonymiser,
    _prepared,
    build_history_graph,
    build_structure_graph,
)
from oppilashuolto.graph._prepared import bounds, day_window, period_window
from oppilashuolto.model import Membership, Period
from oppilashuolto.testing import periods, welfare_structures
from tests.graph.reference import days_of, layer_sets, modes, on, reference_graph, rows
from tests.graph.structures import KEY, ON, tiny


class TestSameAsPlainBuild:
    @settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
    @given(welfare_structures(), st.data(), layer_sets, modes)
    def test_on_a_day(self, s, data, layers, mode):
        """Every day, layer choice and naming gives the plain builder's graph."""
        first = _prepared.prepared(s).first_day or dt.date.min
        day = data.draw(st.sampled_from([d for d in days_of(s) if d >= first]))
        chosen = tuple(n for n in LAYERS if n in layers)

        G = build_structure_graph(s, on=day, layers=chosen, **mode)

        expected = reference_graph(s, lambda p: p.contains(day), chosen, **mode)

        assert rows(expected) == rows(G)

    @settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
    @given(welfare_structures(), st.one_of(st.none(), periods()), layer_sets, modes)
    def test_over_a_period(self, s, period, layers, mode):
        """Over any period, or all time, the history graph is the plain one."""
        chosen = tuple(n for n in LAYERS if n in layers)

        G = build_history_graph(s, period=period, layers=chosen, **mode)

        expected = reference_graph(
            s, lambda p: period is None or p.overlaps(period), chosen, **mode
        )
        assert rows(expected) == rows(G)

    @pytest.mark.parametrize("name", names())
    def test_examples(self, name):
        """The bundled examples give the plain builder's graphs, year by year."""
        s = load(name)
        first = _prepared.prepared(s).first_day or dt.date.min
        for year in range(2015, 2028):
            day = max(first, dt.date(year, 10, 1))
            for mode in ({"key": KEY}, {"include_personal": True}):
                G = build_structure_graph(s, on=day, **mode)
                expected = reference_graph(s, on(day), **mode)
                assert rows(expected) == rows(G)

    def test_many_seats_numbered_as_text(self):
        """Twelve seats of one person in one group: numbered by start, sorted as keys."""
        s = tiny()
        extra = [
            Membership(
                id=f"ohr-anna-{n}",
                group_id="ohr",
                role="member",
                person_id="anna",
                period=Period.from_edtf(f"2019-{n:02d}/.."),
            )
            for n in range(1, 12)
        ]
        s = attrs.evolve(s, memberships=[*s.memberships, *extra])

        G = build_structure_graph(s, on=ON, layers=["membership"], key=KEY)

        expected = reference_graph(
            s, lambda p: p.contains(ON), ("membership",), key=KEY
        )
        assert rows(expected) == rows(G)
        assert [k for *_, k in G.edges(keys=True) if "#1" in k][:3] == [
            f"membership:{Pseudonymiser.from_key(KEY).person('anna')}@ohr#{n}"
            for n in (1, 10, 11)
        ]


class TestCache:
    def test_kept_while_the_structure_lives(self):
        """The prepared rows go with the structure."""
        s = tiny()
        build_structure_graph(s, on=ON, key=KEY)
        assert _prepared.prepared(s) is _prepared.prepared(s)
        key = id(s)

        del s
        gc.collect()

        assert key not in _prepared._CACHE

    def test_keys_are_not_kept(self):
        """Views are told apart by a fingerprint, which is not the key."""
        s = tiny()
        build_structure_graph(s, on=ON, key=KEY)
        build_structure_graph(s, on=ON, key="another key")
        views = _prepared.prepared(s, day_window(ON))._views

        assert len(views) == 2
        assert not any(KEY in str(found) for found in views)
        assert not any(
            isinstance(value, Pseudonymiser)
            for view in views.values()
            for value in (getattr(view, name) for name in view.__slots__)
        )

    def test_key_from_the_environment_changes(self, monkeypatch):
        """A new key in the environment gives new pseudonyms, not cached ones."""
        s = tiny()
        monkeypatch.setenv("OPPILASHUOLTO_PSEUDONYM_KEY", "first")
        first = set(build_structure_graph(s, on=ON))
        monkeypatch.setenv("OPPILASHUOLTO_PSEUDONYM_KEY", "second")
        second = set(build_structure_graph(s, on=ON))

        assert first != second
        assert set(build_structure_graph(s, on=ON, key="second")) == second

    def test_seat_professions_are_not_kept(self):
        """Professions taken from seats one day are not the next day's."""
        s = tiny()
        for day in (ON, dt.date(2021, 6, 1), ON):
            G = build_structure_graph(s, on=day, key=KEY)
            expected = reference_graph(s, on(day), key=KEY)
            assert rows(expected) == rows(G)

    def test_the_collector_is_left_alone(self, monkeypatch):
        """Builders do not switch Python's cyclic garbage collector off."""

        def refuse() -> None:
            raise AssertionError

        monkeypatch.setattr(gc, "disable", refuse)
        build_structure_graph(tiny(), on=ON, key=KEY)
        build_history_graph(tiny(), key=KEY)


class TestWindows:
    @given(periods(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)))
    def test_a_day_is_in_a_period_as_contains_tells(self, period, day):
        lo, hi = bounds(period)
        d_lo, d_hi = day_window(day)

        assert period.contains(day) == (lo < d_hi and d_lo < hi)

    @given(periods(), st.one_of(st.none(), periods()))
    def test_periods_overlap_as_overlaps_tells(self, period, other):
        lo, hi = bounds(period)
        w_lo, w_hi = period_window(other)

        assert (other is None or period.overlaps(other)) == (lo < w_hi and w_lo < hi)
