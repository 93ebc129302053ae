"""
Checks: does a structure, as of a day, meet the Pupil and Student Welfare Act?

`run_checks` applies rules to a structure and returns `Finding` records sorted
by code, then record id. Statutory duties (codes ``OHL…``, see
`oppilashuolto.checks.statutory`) are errors; good practice and the library's
promise to hold no pupil-level data (``OHP…``, see
`oppilashuolto.checks.practice`) are warnings.
Each rule applies in a date range, because the 2023 reform changed several duties.

`default_rules` is a factory: a municipality adds its own rules to the list it
returns, as partridge's ``default_config()`` is extended.

Examples:
    >>> import datetime as dt
    >>> from oppilashuolto.model import Organisation, WelfareStructure
    >>> s = WelfareStructure(id="demo", name="Demo", organisations=[
    ...     Organisation(id="koulu", kind="school", name="Koulu")])
    >>> [f.code for f in run_checks(s, on=dt.date(2024, 1, 1), language="en")]
    ['OHL001']
    >>> print(run_checks(s, on=dt.date(2024, 1, 1), language="en")[0].message)
    Koulu (koulu): no school student welfare group, nor another multidisciplinary group named for its tasks.
    >>> run_checks(s, on=dt.date(2014, 7, 31))
    ()
"""

from __future__ import annotations

from oppilashuolto.checks._core import (
    SEVERITIES,
    Context,
    Finding,
    Hit,
    Rule,
    Severity,
    Texts,
    run_checks,
)
from oppilashuolto.checks._format import FORMATS, format_findings
from oppilashuolto.checks.practice import practice_rules
from oppilashuolto.checks.statutory import statutory_rules


__all__ = [
    "FORMATS",
    "SEVERITIES",
    "Context",
    "Finding",
    "Hit",
    "Rule",
    "Severity",
    "Texts",
    "default_rules",
    "format_findings",
    "run_checks",
]


def default_rules() -> list[Rule]:
    """
    Return a new list of the bundled rules, statutory first, by code.

    The list is the caller's own: append local rules, or drop one by code.

    Examples:
        >>> rules = [r for r in default_rules() if r.code != "OHP001"]
        >>> len(default_rules()) - len(rules)
        1
    """
    return [*statutory_rules(), *practice_rules()]
