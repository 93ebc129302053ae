import re

import pytest

from oppilashuolto.errors import ValidationError
from oppilashuolto.vocab import load, names


CODE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


class TestVocabularies:
    def test_expected_vocabularies(self):
        """The vocabularies the issue names are bundled."""
        required = {
            "organisation_kinds",
            "group_kinds",
            "roles",
            "professions",
            "service_kinds",
            "service_modes",
            "target_groups",
            "project_statuses",
        }
        assert required <= set(names())

    @pytest.mark.parametrize("name", names())
    def test_complete_labels_and_codes(self, name):
        """Every term has fi, sv and en labels and a unique lowercase ASCII code."""
        vocabulary = load(name)
        codes = vocabulary.codes()
        assert len(codes) == len(set(codes))
        for term in vocabulary:
            assert CODE.match(term.code), term.code
            assert all((term.fi.strip(), term.sv.strip(), term.en.strip())), term.code
            assert "(u," not in term.fi + term.sv + term.en

    def test_labels_in_three_languages(self):
        """Labels are pinned per language."""
        term = load("group_kinds")["welfare_steering_group"]
        assert ("opiskeluhuollon ohjausryhmä", "student welfare steering group") == (
            term.fi,
            term.en,
        )

    def test_resolve_alias(self):
        """A label in any language resolves to the code."""
        assert ("curator", "curator") == (
            load("professions").resolve("Kurator"),
            load("professions").resolve("kuraattori"),
        )

    def test_unknown_code(self):
        """An unknown code lists the known ones."""
        with pytest.raises(
            ValidationError, match="Unknown roles code 'pj'; expected one of: chair"
        ):
            load("roles")["pj"]

    def test_unknown_vocabulary(self):
        """An unknown vocabulary lists the bundled ones."""
        with pytest.raises(ValidationError, match="Unknown vocabulary 'role'"):
            load("role")
