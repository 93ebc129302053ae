"""Rules, findings and the run: what every check shares."""

from __future__ import annotations

import datetime as dt
import re

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

from attrs import field, frozen

from oppilashuolto.errors import ValidationError
from oppilashuolto.model import (
    Group,
    Membership,
    Organisation,
    Period,
    WelfareStructure,
)
from oppilashuolto.vocab import Language


__all__ = [
    "SEVERITIES",
    "Context",
    "Finding",
    "Hit",
    "Rule",
    "Severity",
    "Texts",
    "run_checks",
]

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")
_CODE = re.compile(r"^[A-Z]{2,5}\d{3}$")
_LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")
UNIT_KINDS = ("school", "educational_institution", "ecec_unit")
"""Organisation kinds that need a school-level welfare group (14 § 2 mom.)."""
PROVIDER_KINDS = ("education_provider", "municipality", "joint_authority")
"""Organisation kinds that run schools as education providers."""


@frozen(kw_only=True)
class Texts:
    """
    One text in Finnish (the source), Swedish and English.

    Attributes:
        fi: Finnish text.
        sv: Swedish text.
        en: English text.

    Examples:
        >>> Texts(fi="ryhmä {id}", sv="grupp {id}", en="group {id}").get("sv")
        'grupp {id}'
    """

    fi: str
    sv: str
    en: str

    def get(self, language: Language) -> str:
        """Return the text in *language*."""
        return str(getattr(self, language))

    @classmethod
    def same(cls, text: str) -> Texts:
        """Return *text* in every language (codes, ids, numbers)."""
        return cls(fi=text, sv=text, en=text)


@frozen(kw_only=True)
class Hit:
    """
    What a rule's check function reports: one record that breaks the rule.

    Attributes:
        record_id: The record the finding is about.
        values: Values for the rule's message template; `Texts` are
            localised, plain strings are inserted as they are.
        related_ids: Other records concerned, such as the memberships of a group.
    """

    record_id: str
    values: Mapping[str, str | Texts] = field(factory=dict)
    related_ids: tuple[str, ...] = ()


def _rule_code(_: object, __: Any, value: Any) -> None:
    if not isinstance(value, str) or _CODE.match(value) is None:
        msg = f"rule code must be 2-5 capital letters and 3 digits like 'OHL001' (got {value!r})"
        raise ValidationError(msg)


def _severity(_: object, __: Any, value: Any) -> None:
    if value not in SEVERITIES:
        msg = f"Unknown severity {value!r}; expected one of: error, warning"
        raise ValidationError(msg)


CheckFunction = Callable[["Context"], Iterable[Hit]]


@frozen(kw_only=True)
class Rule:
    """
    A rule a structure should meet on a date, with its legal basis and message.

    Attributes:
        code: Stable code, such as ``"OHL001"``; never reused for another rule.
        name: Short lowercase name, such as ``"school_welfare_group"``.
        section: The section the rule rests on, such as ``"14 § 2 mom."``
            (Act 1287/2013 unless another act is named), or ``""`` for good practice.
        severity: ``"error"`` for a statutory duty, ``"warning"`` for good practice.
        summary: What the rule asks, in fi, sv and en.
        message: The finding's text; ``{placeholders}`` are filled from `Hit.values`.
        check: Returns the hits for a `Context`.
        applies: The days on which the rule applies (the 2023 reform changed
            several duties).
        references: Sources, as in the docs.

    Examples:
        >>> rule = Rule(code="LOC001", name="local", section="", severity="warning",
        ...             summary=Texts.same("Local rule"), message=Texts.same("{id}"),
        ...             check=lambda ctx: [], applies=Period.from_edtf("2023-01-01/.."))
        >>> rule.applies_on(dt.date(2022, 12, 31))
        False
    """

    code: str = field(validator=_rule_code)
    name: str
    section: str
    severity: Severity = field(validator=_severity)
    summary: Texts
    message: Texts
    check: CheckFunction = field(eq=False, repr=False)
    applies: Period = field(factory=Period.always)
    references: tuple[str, ...] = ()

    def applies_on(self, on: dt.date) -> bool:
        """Tell whether the rule applies on the day *on*."""
        return self.applies.contains(on)


@frozen(kw_only=True)
class Finding:
    """
    One record breaking one rule, as of a day.

    Attributes:
        code: The rule's code.
        severity: ``"error"`` or ``"warning"``.
        section: The section the rule rests on, or ``""``.
        record_id: The record concerned.
        related_ids: Other records concerned.
        message: The text in *language*, naming the records.
        language: ``"fi"``, ``"sv"`` or ``"en"``.
    """

    code: str
    severity: Severity
    section: str
    record_id: str
    related_ids: tuple[str, ...]
    message: str
    language: Language

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as plain JSON-ready data."""
        return {
            "code": self.code,
            "severity": self.severity,
            "section": self.section,
            "record_id": self.record_id,
            "related_ids": list(self.related_ids),
            "message": self.message,
            "language": self.language,
        }


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Context:
    """
    A structure as of a day, with the look-ups rules share, built on first use.

    Attributes:
        structure: The structure checked.
        on: The day.
    """

    def __init__(self, structure: WelfareStructure, on: dt.date) -> None:
        self.structure = structure
        self.on = on
        self._cache: dict[str, Any] = {}

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """Return the value cached under *key*, building it on first use."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def organisations(self, *kinds: str) -> tuple[Organisation, ...]:
        """Return the organisations of *kinds* in force on the day, by id."""
        found = [
            o
            for o in self.structure.organisations
            if o.kind in kinds and o.period.contains(self.on)
        ]
        return tuple(sorted(found, key=lambda o: o.id))

    def groups(self) -> tuple[Group, ...]:
        """Return the groups at work on the day (in force, not only planned), by id."""
        return self.memo(  # type: ignore[no-any-return]
            "groups",
            lambda: tuple(
                sorted(
                    (
                        g
                        for g in self.structure.groups
                        if g.period.contains(self.on) and not g.planned
                    ),
                    key=lambda g: g.id,
                )
            ),
        )

    def groups_organised_by(self, organisation_id: str) -> tuple[Group, ...]:
        """Return the groups in force that *organisation_id* or one of its units organises."""
        index: dict[str, list[Group]] = self.memo("organised", self._organised)
        return tuple(index.get(organisation_id, ()))

    def _organised(self) -> dict[str, list[Group]]:
        parents = {o.id: o.parent_id for o in self.structure.organisations}
        index: dict[str, list[Group]] = defaultdict(list)
        for group in self.groups():
            seen: set[str] = set()
            for organiser in group.organiser_ids:
                # a department's group is its municipality's group as well
                node: str | None = organiser
                while node is not None and node not in seen:
                    seen.add(node)
                    index[node].append(group)
                    node = parents.get(node)
        return index

    def memberships(self, group_id: str) -> tuple[Membership, ...]:
        """Return the seats of a group in force on the day."""
        return self.structure.members(group_id, on=self.on)

    def all_memberships(self) -> Mapping[str, tuple[Membership, ...]]:
        """Return every seat of every group, whatever its period, by group id."""

        def build() -> dict[str, tuple[Membership, ...]]:
            grouped: dict[str, list[Membership]] = defaultdict(list)
            for m in self.structure.memberships:
                grouped[m.group_id].append(m)
            return {
                g: tuple(sorted(ms, key=lambda m: m.id)) for g, ms in grouped.items()
            }

        return self.memo("all_memberships", build)  # type: ignore[no-any-return]

    def providers(self) -> tuple[Organisation, ...]:
        """
        Return the education providers in force on the day, by id.

        A provider is an organisation of kind ``education_provider``; one that a
        school is ``under_provider`` of on the day; or, for a school, pre-primary
        unit or institution without such an affiliation, the nearest
        municipality, joint authority or education provider above it through
        ``parent_id`` (a municipality runs its own schools).
        """

        def build() -> tuple[Organisation, ...]:
            ids = {o.id for o in self.organisations("education_provider")}
            under = {
                a.organisation_id: a.parent_id
                for a in self.structure.affiliations
                if a.relation == "under_provider" and a.period.contains(self.on)
            }
            ids |= set(under.values())
            for unit in self.organisations(*UNIT_KINDS):
                if unit.id not in under:
                    found = self._provider_above(unit)
                    if found is not None:
                        ids.add(found)
            chosen = [
                o
                for o in self.structure.organisations
                if o.id in ids and o.period.contains(self.on)
            ]
            return tuple(sorted(chosen, key=lambda o: o.id))

        return self.memo("providers", build)  # type: ignore[no-any-return]

    def _provider_above(self, unit: Organisation) -> str | None:
        seen = {unit.id}
        node = unit.parent_id
        while node is not None and node not in seen:
            seen.add(node)
            parent = self.structure.organisation(node)
            if parent.kind in PROVIDER_KINDS:
                return parent.id
            node = parent.parent_id
        return None

    def name(self, record_id: str) -> Texts:
        """Return the record's name in fi, sv and en, followed by its id."""
        record = self.structure.get(record_id)
        fi = getattr(record, "name", "") or getattr(record, "title", "") or ""
        if not fi:
            return Texts.same(f"'{record_id}'")
        sv = getattr(record, "name_sv", "") or fi
        en = getattr(record, "name_en", "") or fi
        return Texts(
            fi=f"{fi} ({record_id})", sv=f"{sv} ({record_id})", en=f"{en} ({record_id})"
        )

    def labels(self, vocabulary: str, codes: Iterable[str]) -> Texts:
        """Return the labels of *codes* joined by commas, in fi, sv and en."""
        codes = list(codes)
        parts = {
            lang: ", ".join(
                self.structure.label(vocabulary, c, lang)
                if c in self.structure.vocabulary(vocabulary)
                else c
                for c in codes
            )
            for lang in _LANGUAGES
        }
        return Texts(**parts)


def _render(rule: Rule, hit: Hit, language: Language) -> str:
    values = _Blank(
        {
            key: value.get(language) if isinstance(value, Texts) else str(value)
            for key, value in hit.values.items()
        }
    )
    values.setdefault("id", hit.record_id)
    return rule.message.get(language).format_map(values)


def run_checks(
    structure: WelfareStructure,
    *,
    on: dt.date,
    rules: Sequence[Rule] | None = None,
    language: Language = "fi",
) -> tuple[Finding, ...]:
    """
    Return what breaks the rules in a structure on a day.

    Rules that do not apply on *on* (see `Rule.applies`) are skipped.

    Args:
        structure: The structure to check.
        on: The day to answer for.
        rules: The rules; `default_rules` when ``None``.
        language: Language of the messages: ``"fi"``, ``"sv"`` or ``"en"``.

    Returns:
        The findings, sorted by code, then record id, then message.

    Raises:
        ValidationError: If two rules share a code, or *language* is unknown.
    """
    if language not in _LANGUAGES:
        msg = f"Unknown language {language!r}; expected one of: en, fi, sv"
        raise ValidationError(msg)
    if rules is None:
        from oppilashuolto.checks import default_rules

        rules = default_rules()
    codes = [r.code for r in rules]
    if len(set(codes)) != len(codes):
        repeated = sorted({c for c in codes if codes.count(c) > 1})
        msg = f"rule codes must be distinct (got {', '.join(repeated)} twice)"
        raise ValidationError(msg)
    context = Context(structure, on)
    findings = [
        Finding(
            code=rule.code,
            severity=rule.severity,
            section=rule.section,
            record_id=hit.record_id,
            related_ids=tuple(sorted(set(hit.related_ids))),
            message=_render(rule, hit, language),
            language=language,
        )
        for rule in rules
        if rule.applies_on(on)
        for hit in rule.check(context)
    ]
    findings.sort(key=lambda f: (f.code, f.record_id, f.message))
    return tuple(findings)
