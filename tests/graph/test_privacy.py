"""Research exports of the bundled examples hold no personal data by default."""

# networkx's convention, as in src/oppilashuolto/graph: G, B, P are graphs

from __future__ import annotations

import re

import pytest

from oppilashuolto import examples
from oppilashuolto.graph import render, to_dataframes
from oppilashuolto.model import Person, personal_fields
from tests.graph.test_export import example_graphs


def personal_values(name: str) -> set[str]:
    """Every non-empty personal field of every person of an example."""
    structure = examples.load(name)
    return {
        value
        for person in structure.people
        for field in personal_fields(Person)
        if (value := getattr(person, field))
    }


def tell_tales(values: set[str]) -> set[str]:
    """
    The values, and the words of 4 letters or more of names and e-mail users.

    Words catch a surname inside an id such as ``arja-kitola``; the domain of
    an e-mail address (``kangasala.fi``) names an employer, not a person.
    """
    words = {
        w
        for v in values - TITLES
        for w in re.findall(r"[^\W\d_]{4,}", v.partition("@")[0])
    }
    return {v.casefold() for v in values | words}


# Job titles are personal as a whole ("Konsultoivien verkoston toiminnasta
# vastaava erityisopettaja"), but their words name groups and professions too.
TITLES = {
    p.title for name in examples.names() for p in examples.load(name).people if p.title
}


class TestNoPersonalData:
    def test_examples_have_personal_data(self):
        """The check is not vacuous: the examples hold names, e-mails and a degree."""
        values = set().union(*(personal_values(n) for n in examples.names()))

        assert any("@" in v for v in values)
        assert any(" " in v for v in values)
        assert len(values) >= 5

    @pytest.mark.parametrize("name", examples.names())
    def test_every_export_of_every_example(self, name):
        """No personal value, nor a word of one, appears in any format of any graph."""
        wanted = tell_tales(personal_values(name))
        found = set()
        for kind, G in example_graphs(name).items():
            texts = {
                f"{kind}.{fmt}.{role}": data.decode("utf-8")
                for fmt in ("graphml", "gexf", "json", "csv")
                for role, data in render(G, fmt).items()
            }
            nodes, edges = to_dataframes(G)
            texts[f"{kind}.pandas"] = nodes.to_csv() + edges.to_csv()
            for where, text in texts.items():
                folded = text.casefold()
                found |= {(where, v) for v in wanted if v in folded}

        assert set() == found

    def test_the_grep_finds_what_is_kept_on_request(self):
        """With include_personal=True the same grep finds the names, so it can fail."""
        from oppilashuolto.graph import build_history_graph

        G = build_history_graph(
            examples.load("vakka-suomi-t70079"), include_personal=True
        )
        text = render(G, "graphml")["graph"].decode("utf-8").casefold()

        assert {"arja kitola", "kitola", "km"} <= {
            v for v in tell_tales(personal_values("vakka-suomi-t70079")) if v in text
        }
