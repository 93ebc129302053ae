"""Every bundled example round-trips TOML → JSON → TOML → JSON and fits the JSON Schema."""

import json

import pytest

from jsonschema import Draft202012Validator

from oppilashuolto import examples
from oppilashuolto.io import dumps, json_schema, loads


NAMES = (
    "hameenlinna-konsultoivat",
    "kangasala-vuosikello",
    "kouvola-hankkeet",
    "paijat-hame-ooot",
    "vakka-suomi-t70079",
)


def test_the_five_seed_examples_are_bundled():
    """The five seed datasets are among the bundled examples."""
    assert set(NAMES) <= set(examples.names())


@pytest.mark.parametrize("name", NAMES)
class TestRoundTrip:
    def test_toml_json_toml_json_gives_the_same_bytes(self, name):
        """Authored TOML → JSON → TOML → JSON gives identical JSON bytes."""
        first = dumps(loads(examples.source_text(name), "toml"), "json")
        toml_again = dumps(loads(first, "json"), "toml")
        second = dumps(loads(toml_again, "toml"), "json")
        assert first == second

    def test_json_round_trip_keeps_the_structure(self, name):
        """Loading the dumped JSON gives a structure equal to the bundled one."""
        structure = examples.load(name)
        assert structure == loads(dumps(structure, "json"), "json")

    def test_json_validates_against_the_schema(self, name):
        """The JSON of the example is valid under the library's JSON Schema."""
        document = json.loads(dumps(examples.load(name), "json"))
        validator = Draft202012Validator(
            json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        assert [] == [e.message for e in validator.iter_errors(document)]

    def test_json_keeps_the_structure_updated_stamp_and_source(self, name):
        """The exchange document carries the schema version, an update stamp and the seed as source."""
        document = json.loads(dumps(examples.load(name), "json"))
        assert (1, "2026-11-01T00:00:00Z", True) == (
            document["schema_version"],
            document["updated"],
            document["source"].startswith("Seed 00"),
        )
