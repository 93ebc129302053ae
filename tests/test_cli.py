import json

import pytest

from oppilashuolto.cli import main
from oppilashuolto.io import dumps
from oppilashuolto.model import (
    Group,
    Membership,
    Organisation,
    Period,
    WelfareStructure,
)


@pytest.fixture
def structure_file(tmp_path):
    s = WelfareStructure(
        id="s",
        name="Testikunta",
        organisations=[Organisation(id="lahti", kind="municipality", name="Lahti")],
        groups=[Group(id="ohr", kind="school_welfare_group", name="OHR")],
        memberships=[
            Membership(
                id="m",
                group_id="ohr",
                role="chair",
                organisation_id="lahti",
                period=Period.from_edtf("2019/.."),
            )
        ],
    )
    path = tmp_path / "s.toml"
    path.write_text(dumps(s, "toml"), encoding="utf-8")
    return path


class TestCli:
    def test_validate(self, structure_file, capsys):
        """A valid file exits 0 and says so."""
        assert 0 == main(["validate", str(structure_file)])
        assert "valid (3 records)" in capsys.readouterr().out

    def test_invalid_exits_1_without_traceback(self, tmp_path, capsys):
        """Invalid input exits 1 with the messages on stderr and no traceback."""
        bad = tmp_path / "bad.json"
        bad.write_text('{"schema_version": 1, "id": "s"}')
        assert 1 == main(["validate", str(bad)])
        err = capsys.readouterr().err
        assert "required field missing @ $.name" in err
        assert "Traceback" not in err

    def test_usage_error_exits_2(self, capsys):
        """A bad option exits 2."""
        assert 2 == main(["show", "x.json", "--on", "yesterday"])

    def test_convert_roundtrip(self, structure_file, tmp_path, capsys):
        """convert writes the other format, which converts back to the same bytes."""
        out = tmp_path / "s.json"
        back = tmp_path / "back.toml"
        assert 0 == main(["convert", str(structure_file), str(out)])
        assert 0 == main(["convert", str(out), str(back)])
        assert structure_file.read_bytes() == back.read_bytes()

    def test_schema(self, capsys):
        """schema prints draft 2020-12 JSON."""
        assert 0 == main(["schema"])
        assert (
            "https://json-schema.org/draft/2020-12/schema"
            == json.loads(capsys.readouterr().out)["$schema"]
        )

    def test_show_as_of(self, structure_file, capsys):
        """show lists groups and seats as of a date, in English."""
        assert 0 == main(
            ["show", str(structure_file), "--on", "2020-01-01", "--lang", "en"]
        )
        out = capsys.readouterr().out
        assert "- chair: lahti" in out
        assert "[school student welfare group]" in out

    def test_show_find(self, structure_file, capsys):
        """show --find lists matching records."""
        assert 0 == main(["show", str(structure_file), "--find", "lah"])
        assert "organisations: lahti  Lahti" in capsys.readouterr().out

    def test_unknown_example(self, capsys):
        """An unknown example exits 1 and lists the names."""
        assert 1 == main(["validate", "example:nope"])
        assert "Unknown example 'nope'" in capsys.readouterr().err

    @pytest.mark.parametrize(
        "command", ["examples", "validate", "convert", "schema", "show"]
    )
    def test_help(self, command, capsys):
        """Every subcommand has --help."""
        assert 0 == main([command, "--help"])
        assert "usage: oppilashuolto" in capsys.readouterr().out

    def test_show_seat_services(self, capsys):
        """Unfilled seats say which profession or service they stand for."""
        assert 0 == main(
            ["show", "example:paijat-hame-ooot", "--on", "2019-06-01", "--lang", "en"]
        )
        assert (
            "- member: unfilled (psychologist services) ×>0" in capsys.readouterr().out
        )
