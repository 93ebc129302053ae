import contextlib

import pytest

from hypothesis import example, given
from hypothesis import strategies as st

from oppilashuolto.errors import OppilashuoltoError
from oppilashuolto.io import loads
from oppilashuolto.model import Count, LegalReference, PartialDate, Period
from oppilashuolto.model.identifiers import (
    validate_business_id,
    validate_municipality_code,
    validate_school_number,
    validate_wellbeing_county_code,
)


JUNK = st.one_of(
    st.text(max_size=40), st.binary(max_size=40).map(lambda b: b.decode("latin-1"))
)
PARSERS = [
    PartialDate.from_edtf,
    Period.from_edtf,
    Count.from_text,
    LegalReference.from_text,
    validate_business_id,
    validate_municipality_code,
    validate_school_number,
    validate_wellbeing_county_code,
]


class TestRobustness:
    @pytest.mark.parametrize("parse", PARSERS, ids=lambda f: f.__qualname__)
    @given(text=JUNK)
    @example(text="0²")  # str.isdigit accepts it, int() does not
    def test_parsers_raise_only_our_errors(self, parse, text):
        """Junk into any parser gives our error or a value, never another exception."""
        with contextlib.suppress(OppilashuoltoError):
            parse(text)

    @pytest.mark.parametrize("fmt", ["json", "toml"])
    @given(data=st.one_of(st.binary(max_size=200), st.text(max_size=200)))
    def test_loaders_raise_only_our_errors(self, fmt, data):
        """Junk into the loaders gives StructureError, never another exception."""
        with pytest.raises(OppilashuoltoError):
            loads(data, fmt)

    @given(
        st.recursive(
            st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5)),
            lambda children: st.one_of(
                st.lists(children, max_size=3),
                st.dictionaries(st.text(max_size=8), children, max_size=3),
            ),
            max_leaves=20,
        )
    )
    def test_json_shapes(self, value):
        """Any JSON value in a structure's fields gives StructureError."""
        import json

        doc = {
            "schema_version": 1,
            "id": "s",
            "name": "S",
            "organisations": [value],
            "groups": value,
        }
        with pytest.raises(OppilashuoltoError):
            loads(json.dumps(doc))
