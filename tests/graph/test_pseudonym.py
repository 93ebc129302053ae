"""Tests for oppilashuolto.graph.pseudonym."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from hypothesis import given
from hypothesis import strategies as st

from oppilashuolto.errors import ValidationError
from oppilashuolto.graph import (
    KEY_ENV,
    Pseudonymiser,
    build_structure_graph,
    graphml_bytes,
    resolve_key,
)
from tests.graph.structures import KEY, LATER, ON, tiny


class TestPseudonymiser:
    def test_keyed_hmac_sha256(self):
        """A pseudonym is 'p-' and 20 hex digits of HMAC-SHA256 over the domain and id."""
        expected = (
            "p-" + hmac.new(b"k", b"person\x00anna", hashlib.sha256).hexdigest()[:20]
        )

        assert expected == Pseudonymiser.from_key("k").person("anna")

    @given(
        st.binary(min_size=1, max_size=200) | st.text(min_size=1, max_size=100),
        st.text(max_size=50),
    )
    def test_any_key_and_id_as_the_hmac_module(self, key, person_id):
        """Keys shorter, as long as and longer than SHA-256's block: hmac's digits."""
        raw = key.encode() if isinstance(key, str) else key
        message = b"person\x00" + person_id.encode()
        expected = "p-" + hmac.new(raw, message, hashlib.sha256).hexdigest()[:20]

        assert expected == Pseudonymiser.from_key(key).person(person_id)
        assert "r-" + hmac.new(
            raw, b"record\x00" + person_id.encode(), hashlib.sha256
        ).hexdigest()[:20] == Pseudonymiser.from_key(key).record(person_id)

    @pytest.mark.parametrize("size", [63, 64, 65, 128])
    def test_keys_around_the_block_size(self, size):
        """The block size edges, where a key is padded or hashed first."""
        key = bytes(range(1, size + 1))
        expected = hmac.new(key, b"person\x00x", hashlib.sha256).hexdigest()[:20]

        assert "p-" + expected == Pseudonymiser.from_key(key).person("x")

    def test_same_key_same_pseudonyms(self):
        """The same key gives the same pseudonyms in two separate exports."""
        a = build_structure_graph(tiny(), on=ON, key=KEY)
        b = build_structure_graph(tiny(), on=LATER, key=KEY)

        people = {n for n, d in a.nodes(data=True) if d["record"] == "person"}
        assert people == {n for n, d in b.nodes(data=True) if d["record"] == "person"}

    def test_other_key_other_pseudonyms(self):
        """Another key gives other pseudonyms, and other export bytes."""
        a = Pseudonymiser.from_key(KEY)
        b = Pseudonymiser.from_key(KEY + "x")

        assert a.person("anna") != b.person("anna")
        assert graphml_bytes(build_structure_graph(tiny(), on=ON, key=KEY)) != (
            graphml_bytes(build_structure_graph(tiny(), on=ON, key=KEY + "x"))
        )

    def test_people_and_records_differ(self):
        """The same id gives different pseudonyms as a person and as a record."""
        p = Pseudonymiser.from_key(KEY)

        assert p.person("anna")[2:] != p.record("anna")[2:]

    def test_identity(self):
        """Without a key (personal data kept on purpose) ids pass through."""
        p = Pseudonymiser.identity()

        assert ("anna", "ohr-anna", False) == (
            p.person("anna"),
            p.record("ohr-anna"),
            p.keyed,
        )

    def test_bytes_and_text_keys_agree(self):
        """A text key is its UTF-8 bytes."""
        assert Pseudonymiser.from_key("äö").person("x") == Pseudonymiser.from_key(
            "äö".encode()
        ).person("x")

    def test_deferred_reads_environment_on_use(self, monkeypatch):
        """A deferred pseudonymiser reads the key only when a person needs it."""
        monkeypatch.delenv(KEY_ENV, raising=False)
        p = Pseudonymiser.deferred()
        monkeypatch.setenv(KEY_ENV, KEY)

        assert Pseudonymiser.from_key(KEY).person("bo") == p.person("bo")


class TestResolveKey:
    def test_given(self):
        """A key given wins over the environment."""
        assert b"mine" == resolve_key("mine", environ={KEY_ENV: "theirs"})

    def test_environment(self):
        """Without a key, the environment variable is read."""
        assert b"theirs" == resolve_key(environ={KEY_ENV: "theirs"})

    def test_other_variable(self):
        """Another variable can be named."""
        assert b"v" == resolve_key(env_var="MY_KEY", environ={"MY_KEY": "v"})

    def test_missing(self):
        """No key anywhere is our error, naming the variable and the way out."""
        with pytest.raises(
            ValidationError, match=f"set the environment variable {KEY_ENV}"
        ):
            resolve_key(environ={})

    @pytest.mark.parametrize("empty", ["", b""])
    def test_empty(self, empty):
        """An empty key is refused."""
        with pytest.raises(ValidationError, match="key must not be empty"):
            resolve_key(empty)

    def test_empty_environment(self):
        """An empty environment variable is refused and named."""
        with pytest.raises(
            ValidationError, match=f"empty environment variable {KEY_ENV}"
        ):
            resolve_key(environ={KEY_ENV: ""})
