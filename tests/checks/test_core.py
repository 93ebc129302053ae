"""Tests of oppilashuolto.checks: running rules, ordering, extending, formats, the examples."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from oppilashuolto import examples
from oppilashuolto.checks import (
    Finding,
    Hit,
    Rule,
    Texts,
    default_rules,
    format_findings,
    run_checks,
)
from oppilashuolto.errors import ValidationError
from oppilashuolto.model import Period
from tests.checks.structures import ON, breakers, build


def _combined():
    """Return one structure that breaks several rules at once."""
    structure, _ = breakers()["OHL001"]
    other, _ = breakers()["OHP002"]
    import attrs

    return attrs.evolve(structure, memberships=other.memberships)


def _local_rule(code="LOC001"):
    def check(ctx):
        for org in ctx.organisations("school", "ecec_unit"):
            if not org.name_sv:
                yield Hit(record_id=org.id, values={"unit": ctx.name(org.id)})

    return Rule(
        code=code,
        name="swedish_name",
        section="",
        severity="warning",
        summary=Texts.same("Units have a Swedish name"),
        message=Texts(
            fi="{unit}: ei ruotsinkielistä nimeä",
            sv="{unit}: inget svenskt namn",
            en="{unit}: no Swedish name",
        ),
        check=check,
        applies=Period.from_edtf("2020/.."),
    )


class TestRunChecks:
    def test_sorted_by_code_then_record(self):
        """Findings come sorted by code, then record id."""
        found = [(f.code, f.record_id) for f in run_checks(_combined(), on=ON)]
        assert [("OHL001", "koulu-2"), ("OHP002", "ohr")] == found

    def test_rule_order_does_not_matter(self):
        """Shuffling the rules gives the same findings."""
        rules = default_rules()
        random.Random(4).shuffle(rules)
        assert run_checks(_combined(), on=ON) == run_checks(
            _combined(), on=ON, rules=rules
        )

    def test_finding_fields(self):
        """A finding carries the rule's code, severity and section, and the record."""
        (finding,) = run_checks(breakers()["OHL008"][0], on=ON, language="sv")
        assert (
            "OHL008",
            "error",
            "9 §",
            "psykologit",
            ("kangasala", "koulu"),
            "sv",
        ) == (
            finding.code,
            finding.severity,
            finding.section,
            finding.record_id,
            finding.related_ids,
            finding.language,
        )

    def test_municipality_extends_the_rules(self):
        """A local rule added to default_rules runs beside the bundled ones."""
        rules = [*default_rules(), _local_rule()]
        found = [
            (f.code, f.record_id, f.message)
            for f in run_checks(build(), on=ON, rules=rules, language="en")
        ]
        assert [
            ("LOC001", "koulu", "Kirkkojärven koulu (koulu): no Swedish name")
        ] == found

    def test_local_rule_applies_in_its_dates(self):
        """A local rule from 2020 does not run in 2019."""
        assert () == run_checks(
            build(), on=dt.date(2019, 12, 31), rules=[_local_rule()]
        )

    def test_repeated_code_is_refused(self):
        """Two rules with one code are an error that names the code."""
        with pytest.raises(ValidationError, match="OHL001"):
            run_checks(build(), on=ON, rules=[*default_rules(), _local_rule("OHL001")])

    def test_unknown_language(self):
        """An unknown language is refused with the choices."""
        with pytest.raises(ValidationError, match="expected one of: en, fi, sv"):
            run_checks(build(), on=ON, language="de")  # type: ignore[arg-type]

    @pytest.mark.parametrize("code", ["ohl001", "OH1", "OHL0001", ""])
    def test_bad_rule_code(self, code):
        """Rule codes are capital letters and three digits."""
        with pytest.raises(ValidationError, match="rule code"):
            _local_rule(code)

    def test_bad_severity(self):
        """Severity is error or warning."""
        import attrs

        with pytest.raises(ValidationError, match="severity"):
            attrs.evolve(_local_rule(), severity="info")


class TestFormats:
    def test_text(self):
        """The text form gives one line per finding and a count."""
        text = format_findings(
            run_checks(_combined(), on=ON, language="en"), "text", language="en"
        )
        lines = text.splitlines()
        assert (
            3,
            "OHL001 error [14 § 2 mom.] koulu-2: ",
            "errors: 1, warnings: 1",
        ) == (
            len(lines),
            lines[0][: len("OHL001 error [14 § 2 mom.] koulu-2: ")],
            lines[-1],
        )

    def test_text_without_findings(self):
        """Without findings the text form says so in the language."""
        assert "Inga anmärkningar.\n" == format_findings((), "text", language="sv")

    def test_json(self):
        """The JSON form counts errors and warnings and lists the findings."""
        doc = json.loads(format_findings(run_checks(_combined(), on=ON), "json", on=ON))
        assert ("2024-01-01", 1, 1, ["OHL001", "OHP002"]) == (
            doc["on"],
            doc["errors"],
            doc["warnings"],
            [f["code"] for f in doc["findings"]],
        )

    def test_markdown(self):
        """The Markdown form is a table with a heading naming the structure and day."""
        md = format_findings(
            run_checks(_combined(), on=ON, language="en"),
            "markdown",
            language="en",
            title="Synth",
            on=ON,
        )
        assert (
            "# Checks: Synth (as of 2024-01-01)",
            "| Code | Severity | Section | Record | Finding |",
        ) == (
            md.splitlines()[0],
            md.splitlines()[4],
        )

    def test_markdown_escapes_pipes(self):
        """A pipe in a message does not break the table."""
        finding = Finding(
            code="LOC001",
            severity="warning",
            section="",
            record_id="x",
            related_ids=(),
            message="a|b",
            language="fi",
        )
        assert "a\\|b" in format_findings([finding], "markdown")

    def test_unknown_format(self):
        """An unknown format lists the choices."""
        with pytest.raises(ValidationError, match="text, json, markdown"):
            format_findings((), "html")


class TestExamples:
    @pytest.mark.parametrize("name", examples.names())
    @pytest.mark.parametrize("on", [dt.date(2022, 12, 31), dt.date(2024, 1, 1)])
    def test_examples_run(self, name, on):
        """Every bundled example checks without error, sorted and the same twice."""
        s = examples.load(name)
        first = run_checks(s, on=on, language="en")
        keys = [(f.code, f.record_id, f.message) for f in first]
        assert (sorted(keys), first) == (keys, run_checks(s, on=on, language="en"))

    @pytest.mark.parametrize("name", examples.names())
    def test_examples_hold_no_pupil_data(self, name):
        """No bundled example breaks the library's own promise (OHP005, OHP006)."""
        found = {
            f.code
            for on in (dt.date(2015, 1, 1), ON)
            for f in run_checks(examples.load(name), on=on)
        }
        assert set() == found & {"OHP005", "OHP006"}

    @pytest.mark.parametrize("name", examples.names())
    def test_reform_duties_not_before_2023(self, name):
        """On 31.12.2022 no example is held to the duties of the 2023 reform."""
        found = {
            f.code for f in run_checks(examples.load(name), on=dt.date(2022, 12, 31))
        }
        assert set() == found & {
            "OHL003",
            "OHL004",
            "OHL005",
            "OHL006",
            "OHL007",
            "OHL008",
        }
