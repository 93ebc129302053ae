"""Tests for a structure's first build, which prepares only the records of its window."""

# networkx's convention, as in src/oppilashuolto/graph: G is a graph

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oppilashuolto.errors import ValidationError
from oppilashuolto.examples import load, names
from oppilashuolto.graph import (
    LAYERS,
    _prepared,
    build_history_graph,
    build_structure_graph,
)
from oppilashuolto.graph._prepared import ALL, day_window, period_window
from oppilashuolto.model import Membership, Period, WelfareStructure
from oppilashuolto.testing import periods, welfare_structures
from tests.graph.reference import days_of, layer_sets, modes, on, reference_graph, rows
from tests.graph.structures import KEY, LATER, ON, tiny


def cached(s: WelfareStructure) -> _prepared.Prepared:
    """The preparation kept for a structure (there must be one)."""
    ref, prep = _prepared._CACHE[id(s)]
    assert ref() is s
    return prep


def first_day(s: WelfareStructure) -> dt.date | None:
    """The earliest known first day of the records the builder looks at, plainly."""
    records: list[Any] = [
        *s.organisations,
        *s.affiliations,
        *s.people,
        *s.groups,
        *s.memberships,
        *s.arrangements,
        *s.projects,
    ]
    return min(
        (r.period.start_bound for r in records if r.period.start_bound is not None),
        default=None,
    )


def build_or_refuse(
    s: WelfareStructure, day: dt.date, layers: tuple[str, ...], mode: dict[str, Any]
) -> None:
    """Build on *day*, and check the graph, or the refusal of a day too early."""
    first = first_day(s)
    if first is not None and day < first:
        with pytest.raises(ValidationError, match=first.isoformat()):
            build_structure_graph(s, on=day, layers=layers, **mode)
        return
    G = build_structure_graph(s, on=day, layers=layers, **mode)
    assert rows(reference_graph(s, on(day), layers, **mode)) == rows(G)


class TestFirstBuild:
    @settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
    @given(welfare_structures(), st.data(), layer_sets, modes)
    def test_days_in_a_row(self, s, data, layers, mode):
        """The first build, the same day again and other days: the plain builder's graphs."""
        chosen = tuple(n for n in LAYERS if n in layers)
        extremes = [dt.date.min, dt.date(1, 1, 2), dt.date.max]
        days = data.draw(
            st.lists(st.sampled_from([*days_of(s), *extremes]), min_size=1, max_size=4)
        )
        for day in (days[0], *days):
            build_or_refuse(s, day, chosen, mode)

    @settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
    @given(welfare_structures(), st.data(), periods(), modes)
    def test_a_period_then_days(self, s, data, period, mode):
        """After a first history graph over a period, days inside it and out."""
        G = build_history_graph(s, period=period, **mode)

        expected = reference_graph(s, period.overlaps, **mode)
        assert rows(expected) == rows(G)
        assert cached(s).window == period_window(period)
        for day in data.draw(st.lists(st.sampled_from(days_of(s)), max_size=3)):
            build_or_refuse(s, day, LAYERS, mode)

    @pytest.mark.parametrize("name", names())
    def test_examples(self, name):
        """Each bundled example, first built on each day, gives the plain graph."""
        for year in range(2015, 2028):
            s = attrs.evolve(load(name))  # not the one `load` keeps
            first = first_day(s) or dt.date.min
            day = max(first, dt.date(year, 10, 1))
            for mode in ({"key": KEY}, {"include_personal": True}, {"key": KEY}):
                G = build_structure_graph(s, on=day, **mode)
                assert rows(reference_graph(s, on(day), **mode)) == rows(G)
            assert cached(s).window == day_window(day)


class TestWhatIsPrepared:
    def test_the_first_day_only_then_all(self):
        """A first build prepares its day; another day prepares every record, once."""
        s = tiny()

        build_structure_graph(s, on=ON, key=KEY)
        first = cached(s)
        build_structure_graph(s, on=ON, layers=["membership"], include_personal=True)
        same = cached(s)
        build_structure_graph(s, on=LATER, key=KEY)
        every = cached(s)
        build_structure_graph(s, on=ON, key=KEY)
        build_history_graph(s, key=KEY)

        assert first.window == day_window(ON)
        assert same is first
        assert every.window == ALL
        assert cached(s) is every

    def test_only_the_records_in_force(self):
        """The first build's rows are those in force on its day, not the others."""
        s = tiny()

        build_structure_graph(s, on=ON, key=KEY)

        prep = cached(s)
        assert "cy" in prep.node_ids  # a person without dates
        assert [m.id for m in prep.memberships] == [
            "ohr-anna",
            "ohr-bo",
            "ooot-bo",
            "ooot-hollola",
        ]

    def test_too_early_is_refused_whatever_was_prepared(self):
        """The earliest day is that of every record, not of those prepared."""
        s = tiny()
        build_structure_graph(s, on=LATER, key=KEY)
        early = dt.date(2016, 12, 31)

        with pytest.raises(ValidationError, match=r"\(2017-01-01\)"):
            build_structure_graph(s, on=early, key=KEY)
        with pytest.raises(ValidationError, match=r"\(2017-01-01\)"):
            build_structure_graph(tiny(), on=early, key=KEY)

    def test_a_changed_structure_is_prepared_anew(self):
        """A structure evolved from another gets its own rows; the first keeps its graph."""
        s = tiny()
        before = rows(build_structure_graph(s, on=ON, key=KEY))
        seat = Membership(
            id="ohr-cy",
            group_id="ohr",
            role="member",
            person_id="cy",
            period=Period.from_edtf("2020/.."),
        )
        changed = attrs.evolve(s, memberships=[*s.memberships, seat])

        G = build_structure_graph(changed, on=ON, key=KEY)

        assert rows(reference_graph(changed, on(ON), key=KEY)) == rows(G)
        assert cached(changed) is not cached(s)
        assert rows(build_structure_graph(s, on=ON, key=KEY)) == before
        assert rows(build_structure_graph(s, on=LATER, key=KEY)) == rows(
            reference_graph(s, on(LATER), key=KEY)
        )

    def test_the_structure_is_not_changed(self):
        """Building, first or later, leaves the structure as it was."""
        s = tiny()

        build_structure_graph(s, on=ON, key=KEY)
        build_structure_graph(s, on=LATER, include_personal=True)
        build_history_graph(s, key=KEY)

        assert s == tiny()
