"""The content of a report as blocks, in one language (see `oppilashuolto.render.report`)."""

from __future__ import annotations

import datetime as dt

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from oppilashuolto.model import Group, Membership, Project, WelfareStructure
from oppilashuolto.render._report_text import WORDS
from oppilashuolto.render._report_write import Block
from oppilashuolto.render._wheel_text import Language, localised
from oppilashuolto.render.wheel import to_svg, wheel_entries


__all__ = ["Builder", "FindingLike", "Findings"]


class FindingLike(Protocol):
    """What a report shows of a check finding (`oppilashuolto.checks.Finding` fits)."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def message(self) -> str: ...


Findings = Mapping[str, Sequence[FindingLike]]


def _fmt(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _school_year(on: dt.date) -> int:
    return on.year if on.month >= 8 else on.year - 1


class Builder:
    """Collects the blocks of one report in one language."""

    def __init__(
        self,
        structure: WelfareStructure,
        on: dt.date,
        language: Language,
        *,
        findings: Findings | None,
        include_personal: bool,
    ) -> None:
        self.s = structure
        self.on = on
        self.lang: Language = language
        self.w = WORDS[language]
        self.findings = None if findings is None else findings.get(language, ())
        self.include_personal = include_personal
        self.snapshot = structure.snapshot(on=on)
        self.blocks: list[Block] = []

    def label(self, vocabulary: str, code: str) -> str:
        if not code:
            return ""
        if code in self.s.vocabulary(vocabulary):
            return self.s.label(vocabulary, code, self.lang)
        return code

    def name(self, record_id: str | None) -> str:
        if record_id is None:
            return "–"
        record = self.s.get(record_id)
        if self.s.collection_of(record_id) == "people":
            return self.person(record_id)
        value = localised(record, "name", self.lang) if hasattr(record, "name") else ""
        return value or record_id

    def person(self, person_id: str) -> str:
        p = self.s.person(person_id)
        role = p.title or ", ".join(self.label("professions", c) for c in p.professions)
        text = role or self.w["person"]
        if self.include_personal and p.name:
            text = f"{p.name} ({text})"
        if p.employer_id is not None:
            text += f", {self.name(p.employer_id)}"
        return text

    def build(self) -> list[Block]:
        w, s = self.w, self.s
        self.blocks.append(
            (
                "h",
                1,
                f"{localised(s, 'name', self.lang)}: {w['as_of'].lower()} {_fmt(self.on)}",
                "",
            )
        )
        if s.description:
            self.blocks.append(("p", s.description, "meta"))
        if s.source:
            self.blocks.append(("p", f"{w['source']}: {s.source}", "meta"))
        self.summary()
        self.checks()
        self.organisations()
        self.groups()
        self.arrangements()
        self.projects()
        self.plans()
        self.clocks()
        return self.blocks

    def summary(self) -> None:
        w = self.w
        now, total = self.snapshot.counts(), self.s.counts()
        rows = [
            [w[f"count_{name}"], str(now[name]), str(total[name])]
            for name in (
                "organisations",
                "groups",
                "memberships",
                "arrangements",
                "projects",
                "plans",
                "clocks",
            )
        ]
        self.blocks.append(("h", 2, w["summary"], ""))
        self.blocks.append(
            ("table", [w["collection"], w["in_force"], w["total"]], rows, None)
        )

    def checks(self) -> None:
        w = self.w
        self.blocks.append(("h", 2, w["findings"], "findings"))
        if self.findings is None:
            self.blocks.append(("p", w["not_checked"], ""))
            return
        if not self.findings:
            self.blocks.append(("p", w["no_findings"], ""))
            return
        errors = sum(1 for f in self.findings if f.severity == "error")
        self.blocks.append(
            (
                "p",
                f"{errors} {w['errors']}, {len(self.findings) - errors} {w['warnings']}",
                "",
            )
        )
        rows = [
            [
                f.code,
                w.get(f.severity, f.severity),
                f.section or "–",
                f.record_id,
                f.message,
            ]
            for f in self.findings
        ]
        classes = [f.severity for f in self.findings]
        self.blocks.append(
            (
                "table",
                [w["code"], w["severity"], w["section"], w["record"], w["message"]],
                rows,
                classes,
            )
        )

    def organisations(self) -> None:
        w = self.w
        groups_of: dict[str, list[str]] = {}
        for g in self.snapshot.groups:
            for organiser in g.organiser_ids:
                groups_of.setdefault(organiser, []).append(
                    localised(g, "name", self.lang)
                )
        orgs = sorted(
            self.snapshot.organisations,
            key=lambda o: (self.label("organisation_kinds", o.kind), o.name, o.id),
        )
        self.blocks.append(("h", 2, w["organisations"], "organisations"))
        rows = [
            [
                localised(o, "name", self.lang)
                + (f" ({o.acronym})" if o.acronym else ""),
                self.label("organisation_kinds", o.kind),
                o.municipality_code or "",
                "; ".join(groups_of.get(o.id, [])) or w["no_groups"],
            ]
            for o in orgs
        ]
        self.blocks.append(
            (
                "table",
                [w["organisation"], w["kind"], w["municipality"], w["groups"]],
                rows,
                None,
            )
            if rows
            else ("p", w["none"], "")
        )

    def groups(self) -> None:
        w = self.w
        self.blocks.append(("h", 2, w["groups"], "groups"))
        active = sorted(self.snapshot.groups, key=lambda g: (g.name, g.id))
        if not active:
            self.blocks.append(("p", w["none"], ""))
        for g in active:
            self.group(g)
        others = sorted(
            (g for g in self.s.groups if not g.period.contains(self.on)),
            key=lambda g: (g.name, g.id),
        )
        if others:
            self.blocks.append(("h", 3, w["other_groups"], ""))
            self.blocks.append(
                (
                    "list",
                    [
                        (f"{localised(g, 'name', self.lang)} ({g.period})", [])
                        for g in others
                    ],
                )
            )

    def group(self, g: Group) -> None:
        w = self.w
        title = localised(g, "name", self.lang) + (
            f" ({g.acronym})" if g.acronym else ""
        )
        facts = [
            self.label("group_kinds", g.kind),
            f"{w['basis']}: {g.statutory_basis}"
            if g.statutory_basis
            else w["voluntary"],
        ]
        if g.level:
            facts.append(f"{w['level']}: {self.label('group_levels', g.level)}")
        facts.append(f"{w['period']}: {g.period}")
        self.blocks.append(("group-start", f"group-{g.id}"))
        self.blocks.append(("h", 3, title, ""))
        self.blocks.append(("p", " · ".join(facts), "meta"))
        if g.organiser_ids:
            organisers = ", ".join(self.name(i) for i in g.organiser_ids)
            self.blocks.append(("p", f"{w['organisers']}: {organisers}", ""))
        chair = self.s.chair(g.id, on=self.on)
        self.blocks.append(
            ("p", f"{w['chair']}: {self.holder(chair) if chair else w['no_chair']}", "")
        )
        seats = self.s.members(g.id, on=self.on)
        if seats:
            by_role: dict[str, list[str]] = {}
            for seat in seats:
                by_role.setdefault(seat.role, []).append(self.holder(seat))
            self.blocks.append(("h", 4, w["members"], ""))
            self.blocks.append(
                (
                    "list",
                    [
                        (f"{self.label('roles', r)}: {'; '.join(h)}", [])
                        for r, h in by_role.items()
                    ],
                )
            )
        else:
            self.blocks.append(("p", w["no_members"], "meta"))
        self.blocks.append(("group-end",))

    def holder(self, seat: Membership) -> str:
        w = self.w
        if seat.holder_id is not None:
            text = self.name(seat.holder_id)
        else:
            text = w["unfilled"]
            if seat.profession:
                text += f" ({self.label('professions', seat.profession)})"
        if seat.count is not None:
            count = seat.count.to_text()
            text += f" ×{count}" if count.isdigit() else f" ({count})"
        if seat.represents:
            groups = ", ".join(self.label("target_groups", c) for c in seat.represents)
            text += f" – {w['represents']}: {groups}"
        return text

    def arrangements(self) -> None:
        w = self.w
        self.blocks.append(("h", 2, w["arrangements"], "arrangements"))
        rows = [
            [
                self.label("service_kinds", a.service),
                self.name(a.recipient_id),
                self.name(a.provider_id),
                self.label("service_modes", a.mode) or "–",
                str(a.period),
            ]
            for a in sorted(self.snapshot.arrangements, key=lambda a: (a.service, a.id))
        ]
        self.blocks.append(
            (
                "table",
                [w["service"], w["recipient"], w["provider"], w["mode"], w["period"]],
                rows,
                None,
            )
            if rows
            else ("p", w["none"], "")
        )

    def projects(self) -> None:
        w = self.w
        self.blocks.append(("h", 2, w["projects"], "projects"))
        active = sorted(self.snapshot.projects, key=lambda p: (p.name, p.id))
        if not active:
            self.blocks.append(("p", w["none"], ""))
        for p in active:
            self.project(p)
        others = sorted(
            (p for p in self.s.projects if not p.period.contains(self.on)),
            key=lambda p: (p.name, p.id),
        )
        if others:
            self.blocks.append(("h", 3, w["other_projects"], ""))
            self.blocks.append(
                (
                    "list",
                    [
                        (f"{localised(p, 'name', self.lang)} ({p.period})", [])
                        for p in others
                    ],
                )
            )

    def project(self, p: Project) -> None:
        w = self.w
        codes = ", ".join(c for c in (p.code, p.acronym) if c)
        self.blocks.append(
            (
                "h",
                3,
                localised(p, "name", self.lang) + (f" ({codes})" if codes else ""),
                "",
            )
        )
        facts = [f"{w['period']}: {p.period}"]
        if p.status:
            facts.append(f"{w['status']}: {self.label('project_statuses', p.status)}")
        self.blocks.append(("p", " · ".join(facts), "meta"))
        self.blocks.append(("h", 4, w["goals"], ""))
        children: dict[str | None, list[Any]] = {}
        ids = {g.id for g in p.goals}
        for goal in p.goals:
            parent = goal.parent_id if goal.parent_id in ids else None
            children.setdefault(parent, []).append(goal)

        def tree(parent: str | None) -> list[tuple[str, list[Any]]]:
            return [(g.text, tree(g.id)) for g in children.get(parent, [])]

        goals = tree(None)
        self.blocks.append(("list", goals) if goals else ("p", w["no_goals"], "meta"))

    def plans(self) -> None:
        w = self.w
        self.blocks.append(("h", 2, w["plans"], "plans"))
        rows = []
        for p in sorted(self.snapshot.plans, key=lambda p: (p.kind, p.id)):
            last = p.last_reviewed()
            rows.append(
                [
                    localised(p, "name", self.lang),
                    self.label("plan_kinds", p.kind),
                    ", ".join(self.name(o) for o in p.owner_ids) or "–",
                    str(p.approved) if p.approved else "–",
                    str(last) if last else "–",
                ]
            )
        self.blocks.append(
            (
                "table",
                [w["plan"], w["kind"], w["owners"], w["approved"], w["reviewed"]],
                rows,
                None,
            )
            if rows
            else ("p", w["none"], "")
        )

    def clocks(self) -> None:
        w = self.w
        self.blocks.append(("h", 2, w["clocks"], "clocks"))
        clocks = sorted(self.snapshot.clocks, key=lambda c: c.id)
        if not clocks:
            self.blocks.append(("p", w["none"], ""))
        year = _school_year(self.on)
        for clock in clocks:
            label = f"{year}–{year + 1}"
            self.blocks.append(
                (
                    "h",
                    3,
                    f"{localised(clock, 'name', self.lang)}, {w['school_year']} {label}",
                    "",
                )
            )
            svg = to_svg(self.s, clock.id, year=year, language=self.lang, today=self.on)
            self.blocks.append(
                ("wheel", f"wheel-{clock.id}-{self.lang}", svg, w["wheel_alt"])
            )
            entries, _, _ = wheel_entries(
                self.s, clock.id, year=year, language=self.lang
            )
            rings = {r.id: localised(r, "name", self.lang) for r in clock.rings}
            ring_of = {e.id: rings.get(e.ring_id or "", "–") for e in clock.entries}
            rows = [
                [
                    e.title,
                    ring_of.get(e.entry_id, "–"),
                    _fmt(e.first)
                    if e.first == e.last
                    else f"{_fmt(e.first)}–{_fmt(e.last)}",
                ]
                for e in sorted(entries, key=lambda e: (e.first, e.last, e.entry_id))
            ]
            self.blocks.append(("h", 4, w["entries"], ""))
            self.blocks.append(
                ("table", [w["title"], w["ring"], w["dates"]], rows, None)
                if rows
                else ("p", w["no_entries"], "meta")
            )
