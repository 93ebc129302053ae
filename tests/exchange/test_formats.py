import json
import os
import subprocess
import sys

import pytest

from hypothesis import given

from oppilashuolto.errors import StructureError
from oppilashuolto.io import dumps, formats, json_schema, load, loads, save
from oppilashuolto.io.migrations import MIGRATIONS, SCHEMA_VERSION
from oppilashuolto.model import Organisation, Person, WelfareStructure
from oppilashuolto.testing import welfare_structures


MINIMAL = '{"schema_version": 1, "id": "s", "name": "S"}'


def messages(data, fmt="json"):
    with pytest.raises(StructureError) as info:
        loads(data, fmt, source="input.json")
    return list(info.value.messages)


class TestRoundTrip:
    @given(welfare_structures())
    def test_json(self, s):
        """object -> JSON -> object gives an equal structure."""
        assert s == loads(dumps(s))

    @given(welfare_structures())
    def test_json_toml_json_bytes(self, s):
        """JSON -> TOML -> JSON gives identical bytes."""
        first = dumps(s)
        assert first == dumps(loads(dumps(loads(first), "toml"), "toml"))

    @given(welfare_structures())
    def test_schema_validates(self, s):
        """Every generated structure validates against the JSON Schema."""
        import jsonschema

        jsonschema.Draft202012Validator(json_schema()).validate(json.loads(dumps(s)))

    def test_same_bytes_whatever_hash_seed(self, tmp_path):
        """Two hash seeds give the same bytes."""
        code = (
            "from oppilashuolto.io import dumps; from oppilashuolto.model import *;"
            "print(dumps(WelfareStructure(id='s', name='S', organisations=["
            "Organisation(id=i, kind='school', name=i, languages=['sv', 'fi']) for i in 'abcdef'])))"
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


class TestErrors:
    def test_wrong_type(self):
        """A wrong type names the path."""
        bad = '{"schema_version": 1, "id": "s", "name": "S", "organisations": [{"id": "a", "kind": "school", "name": 5}]}'
        assert any(m.endswith("@ $.organisations[0].name") for m in messages(bad))

    def test_missing_key(self):
        """A missing key is named."""
        assert ["required field missing @ $.organisations[0].kind"] == messages(
            '{"schema_version": 1, "id": "s", "name": "S", "organisations": [{"id": "a", "name": "A"}]}'
        )

    def test_extra_key(self):
        """An extra key is named."""
        assert any(
            "extra fields found (colour)" in m
            for m in messages(MINIMAL[:-1] + ', "colour": 1}')
        )

    def test_unknown_code(self):
        """An unknown code lists the known ones with its path."""
        bad = '{"schema_version": 1, "id": "s", "name": "S", "organisations": [{"id": "a", "kind": "koulu", "name": "A"}]}'
        (line,) = messages(bad)
        assert line.startswith(
            "Unknown organisation_kinds code 'koulu'; expected one of: "
        )
        assert line.endswith("@ $.organisations[0].kind")

    def test_bad_date(self):
        """A bad EDTF date says what was expected."""
        bad = '{"schema_version": 1, "id": "s", "name": "S", "organisations": [{"id": "a", "kind": "school", "name": "A", "period": "kevät 2014"}]}'
        assert any(
            "EDTF" in m and m.endswith("@ $.organisations[0].period")
            for m in messages(bad)
        )

    def test_dangling_reference(self):
        """A dangling reference names both records and the path."""
        bad = '{"schema_version": 1, "id": "s", "name": "S", "memberships": [{"id": "m", "group_id": "g", "role": "member"}]}'
        assert [
            "membership 'm': group_id 'g' not found @ $.memberships[0].group_id"
        ] == messages(bad)

    def test_duplicate(self):
        """A duplicate id names both places."""
        bad = '{"schema_version": 1, "id": "s", "name": "S", "organisations": [{"id": "a", "kind": "school", "name": "A"}, {"id": "a", "kind": "school", "name": "B"}]}'
        assert [
            "id 'a' is used twice: organisations[0] and organisations[1] @ $.organisations[1]"
        ] == messages(bad)

    def test_invalid_utf8(self):
        """Invalid UTF-8 gives the byte offset."""
        assert ["file must be UTF-8 text (invalid byte at offset 2) @ $"] == messages(
            b'{"\xff": 1}'
        )

    def test_broken_json(self):
        """Broken JSON gives line and column."""
        (line,) = messages('{"schema_version": 1,\n "id": }')
        assert "line 2, column 8" in line

    def test_broken_toml(self):
        """Broken TOML is reported with its position."""
        (line,) = messages('schema_version = 1\nid = "s\n', "toml")
        assert line.startswith("broken TOML:")

    def test_deep_nesting(self):
        """Very deep nesting is refused, not a RecursionError."""
        assert ["input is nested too deeply @ $"] == messages(
            "[" * 100000 + "]" * 100000
        )

    @pytest.mark.parametrize(
        ("fmt", "template"),
        [
            ("json", '{{"schema_version": 1, "id": {}}}'),
            ("toml", "schema_version = 1\nid = {}\n"),
        ],
    )
    def test_number_too_long(self, fmt, template):
        """A number of more than 4,300 digits is our error, not int()'s ValueError."""
        (line,) = messages(template.format("1" * 5000), fmt)
        assert line.startswith(f"broken {fmt.upper()}:")

    def test_number_too_long_streamed(self, tmp_path):
        """The streaming path reports it in the same words."""
        from oppilashuolto import examples

        path = tmp_path / "long.json"
        text = dumps(examples.load("paijat-hame-ooot"))
        start = '"organisations": [\n    {'
        assert start in text
        long = f'{start}\n      "x": {"1" * 5000},'
        path.write_text(text.replace(start, long, 1), "utf-8")
        with pytest.raises(StructureError) as info:
            formats._load(path, chunk_size=64)
        assert info.value.messages[0].startswith("broken JSON: Exceeds the limit")

    def test_empty(self):
        """An empty file says so."""
        assert ["file is empty; expected a welfare structure @ $"] == messages("  \n")

    def test_top_level_list(self):
        """A list at the top is refused with the type named."""
        assert ["expected a table (object) at the top (got list) @ $"] == messages("[]")

    def test_schema_version(self):
        """A missing or newer schema_version is named."""
        assert ["required field missing @ $.schema_version"] == messages(
            '{"id": "s", "name": "S"}'
        )
        assert (
            "newer than this library reads"
            in messages(MINIMAL.replace("1", "99", 1))[0]
        )

    def test_no_personal_data_echoed(self):
        """A bad personal value is described, never echoed."""
        bad = '{"schema_version": 1, "id": "s", "name": "S", "people": [{"id": "p", "name": "Maija\\nMäkinen"}]}'
        text = "\n".join(messages(bad))
        assert "Mäkinen" not in text
        assert (
            "name must be a single line of text (got a 13-character string) @ $.people[0]"
            in text
        )

    def test_error_text_names_file(self, tmp_path):
        """The error text starts with the file name."""
        path = tmp_path / "bad.json"
        path.write_text("{}")
        with pytest.raises(StructureError) as info:
            load(path)
        assert str(info.value).startswith(f"{path}: invalid welfare structure\n")

    def test_migration_hook(self, monkeypatch):
        """A registered migration upgrades an old document."""
        monkeypatch.setattr(
            "oppilashuolto.io.migrations.SCHEMA_VERSION", SCHEMA_VERSION + 1
        )
        monkeypatch.setitem(
            MIGRATIONS,
            SCHEMA_VERSION,
            lambda d: {**d, "name": d["title"]} if "title" in d else d,
        )
        from oppilashuolto.io.migrations import migrate

        upgraded, problems = migrate(
            {"schema_version": SCHEMA_VERSION, "id": "s", "title": "Vanha"}
        )
        assert ([], "Vanha") == (problems, upgraded["name"])


class TestSave:
    def test_atomic_failure_keeps_old_file(self, tmp_path, monkeypatch):
        """A failed write leaves the old file intact and no temporary file behind."""
        path = tmp_path / "s.json"
        s = WelfareStructure(id="s", name="S")
        save(s, path)
        before = path.read_bytes()

        def boom(*_):
            raise OSError("disk full")

        monkeypatch.setattr(os, "fsync", boom)
        with pytest.raises(OSError, match="disk full"):
            save(WelfareStructure(id="s", name="Other"), path)
        assert (before, ["s.json"]) == (
            path.read_bytes(),
            [p.name for p in tmp_path.iterdir()],
        )

    def test_unchanged_not_rewritten(self, tmp_path):
        """Saving the same bytes again reports no change."""
        path = tmp_path / "s.toml"
        s = WelfareStructure(
            id="s",
            name="S",
            organisations=[Organisation(id="a", kind="school", name="A")],
        )
        assert (True, False) == (save(s, path), save(s, path))
        assert s == load(path)

    def test_bad_extension(self, tmp_path):
        """Only .json, .toml, .yaml and .yml are formats."""
        with pytest.raises(
            StructureError, match=r"must end in \.json, \.toml, \.yaml or \.yml"
        ):
            save(WelfareStructure(id="s", name="S"), tmp_path / "s.xml")

    def test_size_limit_before_reading(self, tmp_path, monkeypatch):
        """A TOML file over max_bytes is refused before it is read, like JSON."""
        path = tmp_path / "s.toml"
        save(WelfareStructure(id="s", name="S"), path)

        def not_read(*_):
            pytest.fail("read a file over the limit")

        monkeypatch.setattr(formats, "_read_all", not_read)
        with pytest.raises(StructureError, match="file is larger than 10 bytes"):
            load(path, max_bytes=10)

    def test_personal_fields_kept_in_exchange(self):
        """Exchange files keep personal data; only research exports drop it."""
        s = WelfareStructure(
            id="s", name="S", people=[Person(id="p", name="Arja Esimerkki")]
        )
        assert "Arja Esimerkki" in dumps(s)


class TestCollector:
    def test_restored_after_load_and_failure(self):
        """Loading pauses the cyclic collector and restores it, also after an error."""
        import gc

        assert gc.isenabled()
        loads(MINIMAL)
        assert gc.isenabled()
        with pytest.raises(StructureError):
            loads("{}")
        assert gc.isenabled()

    def test_left_off_when_it_was_off(self):
        """A caller who switched the collector off keeps it off."""
        import gc

        gc.disable()
        try:
            loads(MINIMAL)
            assert not gc.isenabled()
        finally:
            gc.enable()
