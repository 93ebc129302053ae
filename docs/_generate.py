"""Generate the glossary and the example tables from the bundled data at build time."""

from __future__ import annotations

from pathlib import Path

from oppilashuolto import examples
from oppilashuolto.io import write_atomic
from oppilashuolto.model import WelfareStructure
from oppilashuolto.vocab import load, names


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(headers: list[str], rows: list[list[object]]) -> str:
    if not rows:
        return "_None._\n"
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def glossary() -> str:
    """Return the glossary of every vocabulary code with its fi/sv/en labels."""
    parts = [
        "<!-- generated from src/oppilashuolto/vocab/data by docs/_generate.py -->\n"
    ]
    for name in names():
        vocabulary = load(name)
        parts.append(
            f"\n## {vocabulary.title.get('en', name)} (`{name}`)\n\n{vocabulary.description}\n\n"
        )
        rows = [[f"`{t.code}`", t.fi, t.sv, t.en, t.source] for t in vocabulary]
        parts.append(_table(["code", "fi", "sv", "en", "source"], rows))
    return "".join(parts)


def example_tables(s: WelfareStructure) -> str:
    """Return the model of one example as tables."""
    out = [
        f"## The model in tables\n\nCounts: {', '.join(f'{k} {v}' for k, v in s.counts().items() if v)}.\n\n"
    ]
    out.append("### Organisations\n\n")
    out.append(
        _table(
            ["id", "kind", "name", "codes", "period"],
            [
                [
                    o.id,
                    o.kind,
                    o.name,
                    " ".join(
                        c
                        for c in (
                            o.municipality_code,
                            o.region_code,
                            o.wellbeing_county_code,
                        )
                        if c
                    ),
                    o.period.to_edtf(),
                ]
                for o in s.organisations
            ],
        )
    )
    out.append("\n### Groups\n\n")
    out.append(
        _table(
            ["id", "kind", "name", "statutory basis", "reports to", "period"],
            [
                [
                    g.id,
                    g.kind,
                    g.name,
                    g.statutory_basis or "voluntary",
                    g.reports_to_id or "",
                    g.period.to_edtf(),
                ]
                for g in s.groups
            ],
        )
    )
    out.append("\n### Memberships\n\n")
    out.append(
        _table(
            ["group", "role", "holder", "profession", "count", "period"],
            [
                [
                    m.group_id,
                    m.role,
                    m.holder_id or "(unfilled)",
                    m.profession,
                    m.count or "",
                    m.period.to_edtf(),
                ]
                for m in s.memberships
            ],
        )
    )
    out.append("\n### Service arrangements\n\n")
    out.append(
        _table(
            ["service", "recipient", "provider", "mode", "count", "period"],
            [
                [
                    a.service,
                    a.recipient_id,
                    a.provider_id or "",
                    a.mode,
                    a.recipient_count or "",
                    a.period.to_edtf(),
                ]
                for a in s.arrangements
            ],
        )
    )
    out.append("\n### Projects and goals\n\n")
    rows: list[list[object]] = []
    for p in s.projects:
        rows.append([p.id, p.acronym or p.code, p.name, p.period.to_edtf(), ""])
        rows.extend(["", "", "", g.kind, g.text] for g in p.goals)
    out.append(
        _table(["project", "acronym", "name", "period / goal kind", "goal"], rows)
    )
    return "".join(out)


def generate_all(target: Path) -> None:
    """Write every generated page under *target*, only when its bytes change."""
    (target / "examples").mkdir(parents=True, exist_ok=True)
    write_atomic(target / "glossary.md", glossary().encode("utf-8"))
    for name in examples.names():
        write_atomic(
            target / "examples" / f"{name}.md",
            example_tables(examples.load(name)).encode("utf-8"),
        )
