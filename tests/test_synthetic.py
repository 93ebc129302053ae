import datetime as dt
import hashlib
import json
import os
import subprocess
import sys

import pytest

from oppilashuolto import examples, reference
from oppilashuolto.checks import run_checks
from oppilashuolto.checks._county import BILINGUAL_COUNTIES
from oppilashuolto.cli import main
from oppilashuolto.errors import ValidationError
from oppilashuolto.io import dumps, load, loads
from oppilashuolto.synthetic import (
    BASIC_SCHOOLS,
    MARK,
    SIZE_TABLE,
    UPPER_SCHOOLS,
    allocate,
    national,
    places,
)
from oppilashuolto.synthetic._national import BILINGUAL_COUNTIES as OURS


SMALL = 0.05
DIGEST = (
    "import hashlib, sys; from oppilashuolto.io import dumps;"
    "from oppilashuolto.synthetic import national;"
    "sys.stdout.write(hashlib.sha256(dumps(national(seed=5, scale=0.02)).encode()).hexdigest())"
)


@pytest.fixture(scope="module")
def small():
    return national(seed=1, scale=SMALL)


@pytest.fixture(scope="module")
def double():
    return national(seed=1, scale=2 * SMALL)


def schools(s):
    return sorted(
        o.id for o in s.organisations if o.kind in ("school", "educational_institution")
    )


def school_seats(s):
    groups = {g.id for g in s.groups if g.kind == "school_welfare_group"}
    return sum(1 for m in s.memberships if m.group_id in groups)


class TestDeterminism:
    def test_same_seed_same_bytes(self, small):
        """The same seed and scale give byte-identical JSON."""
        assert dumps(small) == dumps(national(seed=1, scale=SMALL))

    def test_hash_seeds(self):
        """Two PYTHONHASHSEED values in fresh interpreters give the same bytes as this one."""
        digests = set()
        for hash_seed in ("0", "4242"):
            env = {**os.environ, "PYTHONHASHSEED": hash_seed}
            out = subprocess.run(
                [sys.executable, "-c", DIGEST],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            digests.add(out.stdout)
        here = hashlib.sha256(dumps(national(seed=5, scale=0.02)).encode()).hexdigest()
        assert {here} == digests

    def test_different_seed(self, small):
        """Another seed gives another structure."""
        assert dumps(small) != dumps(national(seed=2, scale=SMALL))


class TestCounts:
    def test_schools_follow_scale(self, small, double):
        """Basic and upper-secondary schools are the scale times 2,300 and 350."""
        expected = [
            round(BASIC_SCHOOLS * SMALL) + round(UPPER_SCHOOLS * SMALL),
            round(BASIC_SCHOOLS * 2 * SMALL) + round(UPPER_SCHOOLS * 2 * SMALL),
        ]
        assert expected == [len(schools(small)), len(schools(double))]

    def test_school_records_scale_linearly(self, small, double):
        """Clocks, clock entries and school-group seats double when the scale doubles."""
        assert (
            2 * len(small.clocks) - 1 <= len(double.clocks) <= 2 * len(small.clocks) + 1
        )
        entries = [sum(len(c.entries) for c in s.clocks) for s in (small, double)]
        assert 30 * len(small.clocks) == entries[0]
        assert 1.9 < school_seats(double) / school_seats(small) < 2.1

    def test_every_municipality(self, small):
        """All 308 municipalities of the reference data are organisations."""
        expected = {m.code for m in reference.municipalities()}
        actual = {
            o.municipality_code for o in small.organisations if o.kind == "municipality"
        }
        assert (308, expected) == (len(actual), actual)

    def test_counties_and_regions(self, small):
        """The 21 counties, 19 regions and a regional group per county and Helsinki exist."""
        kinds = [o.kind for o in small.organisations]
        regional = [
            g for g in small.groups if g.kind == "regional_welfare_cooperation_group"
        ]
        assert (21, 19, 22) == (
            kinds.count("wellbeing_services_county"),
            kinds.count("region"),
            len(regional),
        )
        assert {"2023-01-01"} == {g.period.start.edtf for g in regional}

    def test_one_welfare_group_and_clock_per_school(self, small):
        """Each school organises one school welfare group and owns one 30-entry clock."""
        ids = schools(small)
        organisers = sorted(
            g.organiser_ids[0] for g in small.groups if g.kind == "school_welfare_group"
        )
        owners = sorted(c.owner_ids[0] for c in small.clocks)
        assert (ids, ids, {30}) == (
            organisers,
            owners,
            {len(c.entries) for c in small.clocks},
        )

    def test_churn(self, small):
        """Welfare-group chairs change over the years: most schools see two or more."""
        chairs: dict[str, set[str]] = {}
        for m in small.memberships:
            if m.role == "chair" and m.group_id.startswith("ohr-"):
                chairs.setdefault(m.group_id, set()).add(m.person_id)
        changed = sum(1 for held in chairs.values() if len(held) > 1)
        assert changed > len(chairs) / 2


class TestValidity:
    def test_round_trip(self, small):
        """The structure survives JSON unchanged."""
        assert small == loads(dumps(small))

    @pytest.mark.parametrize(
        "on", [dt.date(2023, 8, 1), dt.date(2024, 9, 2), dt.date(2026, 6, 1)]
    )
    def test_no_statutory_findings(self, small, on):
        """The statutory checks find nothing after the 2023 reform took full effect."""
        assert [] == [f.code for f in run_checks(small, on=on)]

    def test_services_move_to_the_county(self, small):
        """Tampere's curator services come from the municipality in 2022 and from the county in 2023."""
        before = small.services_for(
            "kunta-837", "curator_service", on=dt.date(2022, 12, 31)
        )
        after = small.services_for(
            "kunta-837", "curator_service", on=dt.date(2023, 1, 1)
        )
        assert [("kunta-837", "own_production"), ("hva-08", "county_service")] == [
            (a.provider_id, a.mode) for a in (*before, *after)
        ]

    def test_bilingual_counties_agree_with_checks(self):
        """The generator's bilingual counties are those of the checks."""
        assert BILINGUAL_COUNTIES == OURS


class TestPeople:
    def test_marked_synthetic(self, small):
        """Every person is synthetic and named with the mark."""
        assert {(True, True)} == {
            (p.synthetic, p.name.startswith(f"{MARK} ")) for p in small.people
        }

    def test_no_collision_with_examples(self, small):
        """No generated name equals, or can equal, a contact of the bundled examples."""
        real = {p.name for name in examples.names() for p in examples.load(name).people}
        assert set() == real & {p.name for p in small.people}
        assert [] == [n for n in real if n.startswith(MARK)]


class TestPlaces:
    def test_size_table_resolves(self):
        """Every name of the size table is a current municipality."""
        names = [n for group in SIZE_TABLE.values() for n in group]
        assert len(names) == len({reference.municipality(n).code for n in names})

    def test_allocate_is_exact(self):
        """The share-out gives exactly the total, more to heavier weights."""
        shares = allocate(2300, [p.weight for p in places()])
        by_name = {
            p.municipality.name_fi: n for p, n in zip(places(), shares, strict=True)
        }
        assert 2300 == sum(shares)
        assert (
            by_name["Helsinki"]
            > by_name["Tampere"]
            > by_name["Pori"]
            > by_name["Utsjoki"]
        )


class TestArguments:
    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"scale": 0}, "scale must be a number above 0 and at most 50 (got 0)"),
            (
                {"scale": True},
                "scale must be a number above 0 and at most 50 (got True)",
            ),
            (
                {"years": (2026, 2016)},
                "years must be two years (first, last) in order from 2015 on (got (2026, 2016))",
            ),
            ({"seed": "1"}, "seed must be a whole number (got a value of type str)"),
        ],
    )
    def test_rejected(self, kwargs, message):
        """Bad arguments raise the library's error, saying what was expected."""
        with pytest.raises(ValidationError) as info:
            national(**kwargs)
        assert message == str(info.value)


class TestSynthCommand:
    def test_writes_a_valid_file(self, tmp_path, capsys):
        """synth writes a file that loads, validates and equals national()."""
        path = tmp_path / "finland.json"
        status = main(["synth", "--scale", "0.02", "--seed", "3", "-o", str(path)])
        out = capsys.readouterr().out
        assert (0, True) == (status, out.startswith(f"{path}: written ("))
        assert national(seed=3, scale=0.02) == load(path)
        assert 308 == sum(
            1
            for o in json.loads(path.read_text("utf-8"))["organisations"]
            if o["kind"] == "municipality"
        )

    def test_same_bytes_unchanged(self, tmp_path, capsys):
        """A second run with the same seed leaves the file unchanged."""
        path = tmp_path / "finland.json"
        main(["synth", "--scale", "0.01", "-o", str(path)])
        capsys.readouterr()
        assert 0 == main(["synth", "--scale", "0.01", "-o", str(path)])
        assert "unchanged" in capsys.readouterr().out

    def test_missing_folder(self, tmp_path, capsys):
        """A missing folder exits 1 before building anything."""
        path = tmp_path / "nowhere" / "finland.json"
        assert 1 == main(["synth", "-o", str(path)])
        assert "folder" in capsys.readouterr().err

    def test_bad_scale(self, capsys):
        """A scale that is not a number is a usage error."""
        assert 2 == main(["synth", "--scale", "big", "-o", "x.json"])
        assert "expected a number like 1 or 0.5 (got 'big')" in capsys.readouterr().err
