from operator import attrgetter

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from oppilashuolto import model, testing


IDS = ("a", "b")
STRATEGIES: dict[type, st.SearchStrategy[object]] = {
    model.Activity: testing.activities(IDS),
    model.Adoption: testing.adoptions(IDS),
    model.Affiliation: testing.affiliations(IDS),
    model.Break: testing.breaks(),
    model.Cadence: testing.cadences(IDS),
    model.ChairRule: testing.chair_rules(IDS),
    model.ClockEntry: testing.clock_entries(("r",), IDS),
    model.CompositionRule: testing.composition_rules(IDS),
    model.Contact: testing.contacts(IDS),
    model.Contribution: testing.contributions(IDS),
    model.Count: testing.counts(),
    model.Deliverable: testing.deliverables(),
    model.Funding: testing.fundings(IDS),
    model.Goal: testing.goals(IDS).filter(bool).map(lambda goals: goals[0]),
    model.Group: testing.groups(IDS),
    model.Indicator: testing.indicators(),
    model.IndicatorValue: testing.indicator_values(),
    model.LegalReference: testing.legal_references(),
    model.LocalTerm: testing.local_terms(),
    model.Membership: testing.memberships(("g",), IDS, frozenset({"a"})),
    model.Organisation: testing.organisations(),
    model.PartialDate: testing.partial_dates(),
    model.Participation: testing.participations(IDS),
    model.Period: testing.periods(),
    model.Person: testing.people(),
    model.Plan: testing.plans(IDS),
    model.Practice: testing.practices(IDS, IDS),
    model.Project: testing.projects(IDS, ("g",), ("p",)),
    model.RecordKeeping: testing.record_keepings(IDS),
    model.Recurrence: testing.recurrences(),
    model.Result: testing.results(),
    model.Ring: testing.rings(),
    model.Risk: testing.risks(),
    model.SchoolCalendar: testing.school_calendars(IDS),
    model.ServiceArrangement: testing.service_arrangements(IDS),
    model.Succession: testing.successions(IDS),
    model.Timing: testing.timings(),
    model.WelfareStructure: testing.welfare_structures(),
    model.YearlyClock: testing.yearly_clocks(IDS, IDS),
}
DERIVED = {model.Snapshot, model.StructureDiff}  # made by queries, never by users


class TestStrategies:
    def test_every_model_class_has_a_strategy(self):
        """Every public attrs class of the model has a strategy, except query results."""
        classes = {
            getattr(model, name)
            for name in model.__all__
            if isinstance(getattr(model, name), type)
            and attrs.has(getattr(model, name))
        }
        assert classes - DERIVED == set(STRATEGIES)

    @pytest.mark.parametrize(
        "cls", sorted(STRATEGIES, key=attrgetter("__name__")), ids=str
    )
    @settings(max_examples=15)
    @given(data=st.data())
    def test_strategy_builds_instances(self, cls, data):
        """Each strategy draws valid instances of its class."""
        assert isinstance(data.draw(STRATEGIES[cls]), cls)
