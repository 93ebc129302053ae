import gc
import json
import os
import subprocess
import sys

import pytest
import yaml

from hypothesis import given
from hypothesis import strategies as st

import oppilashuolto.io

from oppilashuolto import examples
from oppilashuolto.cli import main
from oppilashuolto.errors import ExtraNotInstalledError, StructureError
from oppilashuolto.io import _yaml, dumps, format_of, formats, load, loads, save
from oppilashuolto.model import Organisation, WelfareStructure
from oppilashuolto.testing import welfare_structures


HEAD = "schema_version: 1\nid: s\nname: S\n"
ORG = HEAD + "organisations:\n- id: a\n  kind: municipality\n  name: A\n"
SMALL = WelfareStructure(
    id="s",
    name="Äänekoski",
    description="Rivi yksi\nrivi kaksi",
    organisations=[
        Organisation(
            id="hki",
            kind="municipality",
            name="Helsinki: kaupunki",
            municipality_code="091",
            languages=["fi", "sv"],
        ),
        Organisation(
            id="akaa",
            kind="municipality",
            name="Akaa",
            municipality_code="020",
            placeholder=True,
        ),
    ],
)
# plain scalars that some YAML reader takes for something other than text
LOOKALIKES = [
    "2019-08-01",
    "2019-08-01 12:00:00",
    "2026-08-01T00:00:00Z",
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "N",
    "True",
    "false",
    "NULL",
    "null",
    "~",
    "",
    "0",
    "-1",
    "010",
    "091",
    "020",
    "1_000",
    "0x1F",
    "0o17",
    "0b101",
    "1e5",
    "1.5",
    "1.0e+20",
    ".5",
    "1.",
    "+1",
    "12:30",
    "190:20:30",
    ".inf",
    "-.Inf",
    ".NaN",
    "<<",
    "=",
]


STOCK_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def messages(text, source="input.yaml"):
    with pytest.raises(StructureError) as info:
        loads(text, "yaml", source=source)
    return list(info.value.messages)


def both_readers(text):
    """Return what our loader and stock PyYAML's safe_load read from *text*."""
    return _yaml.parse(text, "<test>"), yaml.safe_load(text)


class TestRoundTrip:
    @given(welfare_structures())
    def test_generated(self, s):
        """JSON -> YAML -> JSON gives identical bytes; stock PyYAML reads the same document."""
        first = dumps(s)
        text = dumps(loads(first), "yaml")
        assert first == dumps(loads(text, "yaml"))
        # PyYAML's stock safe loader; libyaml's parser where it has one, for speed
        assert json.loads(first) == yaml.load(text, Loader=STOCK_LOADER)

    @given(st.text(), st.text())
    def test_any_text(self, key, text):
        """Any text, as a key or a value, reads back the same with both readers."""
        document = {"k": text, key: [text, {key: text}]}
        written = _yaml.dump(document)
        assert (document, document) == both_readers(written)
        assert document == _yaml.parse(written, "<test>", _yaml._PureLoader)

    @given(st.floats(allow_nan=False), st.integers(), st.booleans())
    def test_numbers(self, number, whole, flag):
        """Numbers, booleans and null read back as the JSON values they were."""
        document = {"f": number, "i": whole, "b": flag, "n": None}
        ours, stock = both_readers(_yaml.dump(document))
        assert json.dumps(document) == json.dumps(ours) == json.dumps(stock)

    @pytest.mark.parametrize("text", LOOKALIKES)
    def test_lookalikes_are_quoted(self, text):
        """Text that looks like a date, boolean, number or null is written in quotes."""
        written = _yaml.dump({"a": text})
        assert f"a: {text}\n" != written
        assert ({"a": text}, {"a": text}) == both_readers(written)

    @pytest.mark.parametrize("name", examples.names())
    def test_bundled_examples(self, name):
        """Every bundled example round-trips through YAML; stock PyYAML reads the same."""
        structure = examples.load(name)
        text = dumps(structure, "yaml")
        assert structure == loads(text, "yaml")
        document = json.loads(dumps(structure))
        assert document == yaml.safe_load(text)
        assert document == _yaml.parse(text, "<test>", _yaml._PureLoader)

    def test_layout(self):
        """Block style, keys in JSON's order, Unicode as is, lookalikes quoted."""
        assert dumps(SMALL, "yaml") == (
            "schema_version: 1\n"
            "id: s\n"
            "name: Äänekoski\n"
            "description: |-\n"
            "  Rivi yksi\n"
            "  rivi kaksi\n"
            "organisations:\n"
            "- id: hki\n"
            "  kind: municipality\n"
            "  name: 'Helsinki: kaupunki'\n"
            "  municipality_code: '091'\n"
            "  languages:\n"
            "  - fi\n"
            "  - sv\n"
            "- id: akaa\n"
            "  kind: municipality\n"
            "  name: Akaa\n"
            "  municipality_code: '020'\n"
            "  placeholder: true\n"
        )
        assert list(json.loads(dumps(SMALL))) == list(
            yaml.safe_load(dumps(SMALL, "yaml"))
        )

    @pytest.mark.parametrize("suffix", [".yaml", ".yml"])
    def test_files(self, tmp_path, suffix):
        """save and load use YAML by extension; an unchanged file is not rewritten."""
        path = tmp_path / f"s{suffix}"
        assert (True, False) == (save(SMALL, path), save(SMALL, path))
        assert SMALL == load(path)
        assert dumps(SMALL, "yaml").encode() == path.read_bytes()

    def test_same_bytes_whatever_hash_seed(self):
        """Two hash seeds give the same bytes."""
        code = (
            "from oppilashuolto.io import dumps; from oppilashuolto.model import *;"
            "print(dumps(WelfareStructure(id='s', name='S', organisations=["
            "Organisation(id=i, kind='school', name=i, languages=['sv', 'fi'])"
            " for i in 'abcdef']), 'yaml'))"
        )
        outputs = {
            subprocess.run(
                [sys.executable, "-c", code],
                env={**os.environ, "PYTHONHASHSEED": seed},
                capture_output=True,
                check=True,
            ).stdout
            for seed in ("1", "2")
        }
        assert 1 == len(outputs)


class TestFormatOf:
    @pytest.mark.parametrize("name", ["s.yaml", "s.yml", "S.YAML", "dir.json/s.Yml"])
    def test_yaml_suffixes(self, name):
        """.yaml and .yml, in any case, are YAML."""
        assert "yaml" == format_of(name)


class TestHandWritten:
    @pytest.mark.parametrize(
        "raw",
        [
            "2019-08-01",
            "2019-08-01T10:00:00Z",
            "yes",
            "No",
            "on",
            "OFF",
            "y",
            "True",
            "NULL",
            "010",
            "091",
            "1_000",
            "0x1F",
            "12:30",
            "190:20:30",
            ".5",
            "+1",
            "<<",
        ],
    )
    def test_yaml_1_1_lookalikes_stay_text(self, raw):
        """Unquoted dates, yes/no/on/off, octal-looking and sexagesimal numbers stay text."""
        assert raw == loads(HEAD + f"description: {raw}\n", "yaml").description

    @pytest.mark.parametrize("code", ["091", "020"])
    def test_municipality_code_unquoted(self, code):
        """A code with a leading zero is not a number (as in JSON): it reads as written."""
        s = loads(ORG + f"  municipality_code: {code}\n", "yaml")
        assert code == s.organisations[0].municipality_code

    def test_number_where_text_is_expected(self):
        """A number where text belongs is an error with its path, not a silent conversion."""
        assert [
            "expected a string (got a value of type int) @ $.organisations[0].municipality_code"
        ] == messages(ORG + "  municipality_code: 91\n")

    def test_only_true_and_false_are_booleans(self):
        """true is a boolean; yes is text, and an error where a boolean belongs."""
        assert loads(ORG + "  placeholder: true\n", "yaml").organisations[0].placeholder
        assert [
            "expected true or false (got a value of type str) @ $.organisations[0].placeholder"
        ] == messages(ORG + "  placeholder: yes\n")

    @pytest.mark.parametrize("raw", ["", " ~", " null"])
    def test_null(self, raw):
        """null, ~ and an empty value are null."""
        assert loads(HEAD + f"updated:{raw}\n", "yaml").updated is None

    def test_core_tags(self):
        """!!str forces text; a core tag on a value it does not fit is an error."""
        s = loads(ORG + "  municipality_code: !!str 091\n", "yaml")
        assert "091" == s.organisations[0].municipality_code
        (line,) = messages(ORG + "  municipality_code: !!int 020\n")
        assert "not a JSON int" in line
        assert line.endswith("(line 8, column 22) @ $")

    def test_record_paths(self):
        """Errors in records name their paths, as in JSON and TOML."""
        assert ["required field missing @ $.organisations[0].kind"] == messages(
            HEAD + "organisations:\n- id: a\n  name: A\n"
        )

    def test_no_personal_data_echoed(self):
        """A bad personal value is described, never echoed."""
        text = "\n".join(
            messages(HEAD + 'people:\n- id: p\n  name: "Maija\\nMäkinen"\n')
        )
        assert "Mäkinen" not in text
        assert "(got a 13-character string) @ $.people[0]" in text


class TestRefused:
    def test_duplicate_key(self):
        """A repeated key is refused with its line and column (PyYAML keeps the last)."""
        assert ["broken YAML: duplicate key 'id' (line 4, column 1) @ $"] == messages(
            HEAD + "id: t\n"
        )
        assert ["broken YAML: duplicate key 'kind' (line 7, column 3) @ $"] == messages(
            ORG.replace("  name: A\n", "  kind: school\n")
        )

    def test_alias_bomb(self):
        """Anchors and aliases are refused, so a "billion laughs" costs nothing."""
        lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
            lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 8)}]")
        (line,) = messages(HEAD + "\n".join(lines) + "\n")
        assert line.startswith("broken YAML: anchors and aliases (&name, *name)")
        assert line.endswith("(line 4, column 4) @ $")

    def test_alias_to_a_scalar(self):
        """Even an alias of a single value is refused."""
        (line,) = messages(HEAD + "description: &d x\nsource: *d\n")
        assert "anchors and aliases" in line

    @pytest.mark.parametrize(
        ("raw", "tag"),
        [
            ('!!python/object/apply:os.system ["true"]', "python/object/apply"),
            ("!!binary aGVsbG8=", "binary"),
            ("!!timestamp 2019-08-01", "timestamp"),
            ("!!set {a: null}", "set"),
            ("!vuosikello x", "!vuosikello"),
        ],
    )
    def test_unsupported_tags(self, raw, tag):
        """Only the JSON-like core tags are read; anything else is refused, never run."""
        (line,) = messages(HEAD + f"description: {raw}\n")
        assert line.startswith("broken YAML: unsupported tag ")
        assert tag in line
        assert line.endswith("(line 4, column 14) @ $")

    def test_key_must_be_text(self):
        """A list or table as a key is refused."""
        (line,) = messages(HEAD + "? [a]\n: b\n")
        assert line.startswith("broken YAML: a key must be text")

    def test_keys_are_text(self):
        """An unquoted key is text, as in TOML: no: is the key 'no', not False."""
        assert ["extra fields found (no) @ $"] == messages(HEAD + "no: x\n")

    def test_syntax_error(self):
        """A syntax error gives the line and column."""
        (line,) = messages(HEAD + "description: x\n  source: y\n")
        assert line.startswith("broken YAML: mapping values are not allowed")
        assert line.endswith("(line 5, column 9) @ $")

    def test_control_character(self):
        """A character YAML does not allow is named with its line and column."""
        (line,) = messages(HEAD + 'description: "\x07"\n')
        assert line == (
            "broken YAML: character U+0007 is not allowed, not even in quotes "
            "(line 4, column 15) @ $"
        )

    def test_several_documents(self):
        """A file holds one document."""
        (line,) = messages(HEAD + "---\n" + HEAD)
        assert line.startswith(
            "broken YAML: expected a single document in the stream but found another"
        )

    @pytest.mark.parametrize("text", ["", "  \n", "# only a comment\n", "# a\n\n# b\n"])
    def test_empty(self, text):
        """A file without a document says so."""
        assert ["file is empty; expected a welfare structure @ $"] == messages(text)

    def test_top_level_list(self):
        """A list at the top is refused with the type named."""
        assert ["expected a table (object) at the top (got list) @ $"] == messages(
            "- a\n"
        )

    def test_deep_nesting(self):
        """Very deep nesting is refused, not a crash or a RecursionError."""
        assert ["input is nested too deeply @ $"] == messages(
            "[" * 100000 + "]" * 100000
        )
        assert ["input is nested too deeply @ $"] == messages(
            "a: " + "[" * 900 + "]" * 900
        )

    def test_too_many_digits(self):
        """A number too long for int() is a YAML error, not a ValueError."""
        (line,) = messages(HEAD + "updated: 1" + "0" * 5000 + "\n")
        assert (
            line
            == "broken YAML: the number has too many digits (line 4, column 10) @ $"
        )

    def test_byte_order_mark_and_utf8(self):
        """A UTF-8 byte order mark is skipped; other encodings are refused."""
        assert "S" == loads(b"\xef\xbb\xbf" + HEAD.encode(), "yaml").name
        offset = len(HEAD) + len("description: ")
        assert [
            f"file must be UTF-8 text (invalid byte at offset {offset}) @ $"
        ] == messages(HEAD.encode() + b"description: \xe4\n")


class TestFiles:
    def test_error_names_file(self, tmp_path):
        """The error text starts with the file name."""
        path = tmp_path / "bad.yml"
        path.write_text(HEAD + "id: t\n", "utf-8")
        with pytest.raises(StructureError) as info:
            load(path)
        assert str(info.value).startswith(f"{path}: invalid welfare structure\n")

    def test_size_limit(self, tmp_path, monkeypatch):
        """A file over max_bytes is refused before it is read."""
        path = tmp_path / "big.yaml"
        path.write_text(HEAD, "utf-8")

        def not_read(*_):
            pytest.fail("read a file over the limit")

        monkeypatch.setattr(formats, "_read_all", not_read)
        with pytest.raises(StructureError) as info:
            load(path, max_bytes=10)
        assert ("file is larger than 10 bytes (raise max_bytes to read it) @ $",) == (
            info.value.messages
        )

    def test_collector_restored(self):
        """Loading pauses the cyclic collector and restores it, also after an error."""
        assert gc.isenabled()
        loads(HEAD, "yaml")
        assert gc.isenabled()
        with pytest.raises(StructureError):
            loads(HEAD + "id: t\n", "yaml")
        assert gc.isenabled()
        dumps(SMALL, "yaml")
        assert gc.isenabled()


@pytest.fixture
def no_pyyaml(monkeypatch):
    """Make `import yaml` fail, as where PyYAML is not installed."""
    monkeypatch.setitem(sys.modules, "yaml", None)
    monkeypatch.delitem(sys.modules, "oppilashuolto.io._yaml")
    monkeypatch.delattr(oppilashuolto.io, "_yaml")


class TestWithoutPyYAML:
    def test_loads_and_dumps(self, no_pyyaml):
        """YAML without PyYAML names the extra to install."""
        with pytest.raises(ExtraNotInstalledError) as info:
            loads(HEAD, "yaml")
        assert "yaml" == info.value.extra
        assert "pip install 'oppilashuolto[yaml]'" in str(info.value)
        with pytest.raises(ExtraNotInstalledError):
            dumps(SMALL, "yaml")

    def test_files(self, no_pyyaml, tmp_path):
        """load and save of a YAML file raise it too; save writes nothing."""
        path = tmp_path / "s.yaml"
        with pytest.raises(ExtraNotInstalledError):
            save(SMALL, path)
        assert not path.exists()
        path.write_text(HEAD, "utf-8")
        with pytest.raises(ExtraNotInstalledError):
            load(path)

    def test_other_formats_unaffected(self, no_pyyaml):
        """JSON and TOML need no PyYAML."""
        assert SMALL == loads(dumps(SMALL)) == loads(dumps(SMALL, "toml"), "toml")

    def test_cli(self, no_pyyaml, tmp_path, capsys):
        """The command line exits 1 and says what to install."""
        assert 1 == main(
            ["convert", "example:kouvola-hankkeet", str(tmp_path / "k.yml")]
        )
        assert "pip install 'oppilashuolto[yaml]'" in capsys.readouterr().err


class TestCli:
    def test_convert_validate_show(self, tmp_path, capsys):
        """convert writes YAML by extension; validate and show read it."""
        source = tmp_path / "s.toml"
        source.write_text(dumps(SMALL, "toml"), "utf-8")
        as_yaml = tmp_path / "s.yaml"
        as_json = tmp_path / "s.json"
        back = tmp_path / "back.yml"
        assert 0 == main(["convert", str(source), str(as_yaml)])
        assert 0 == main(["convert", str(as_yaml), str(as_json)])
        assert 0 == main(["convert", str(as_json), str(back)])
        assert as_yaml.read_bytes() == back.read_bytes()
        assert json.loads(as_json.read_text("utf-8")) == yaml.safe_load(
            as_yaml.read_text("utf-8")
        )
        capsys.readouterr()
        assert 0 == main(["validate", str(as_yaml)])
        assert f"{as_yaml}: valid (2 records)" in capsys.readouterr().out
        assert 0 == main(["show", str(back), "--find", "hels", "--lang", "en"])
        assert "organisations: hki  Helsinki: kaupunki" in capsys.readouterr().out

    def test_invalid_yaml(self, tmp_path, capsys):
        """An invalid YAML file exits 1 with its line and column on stderr."""
        bad = tmp_path / "bad.yaml"
        bad.write_text(HEAD + "id: t\n", "utf-8")
        assert 1 == main(["validate", str(bad)])
        err = capsys.readouterr().err
        assert "duplicate key 'id' (line 4, column 1) @ $" in err
        assert "Traceback" not in err
