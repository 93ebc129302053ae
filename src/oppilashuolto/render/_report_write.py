"""Writing report blocks out as Markdown or HTML (see `oppilashuolto.render.report`)."""

from __future__ import annotations

import base64
import html

from collections.abc import Sequence
from typing import Any

from oppilashuolto.render._report_text import WORDS
from oppilashuolto.render._wheel_text import Language


__all__ = ["Block", "escape", "html_blocks", "markdown"]

Block = tuple[Any, ...]
"""
A piece of a report, tagged by its first item.

``("h", level, text, anchor)``, ``("p", text, css_class)``,
``("table", headers, rows, row_classes)``, ``("list", [(text, children)])``,
``("wheel", element_id, svg, alt)``, ``("group-start", element_id)`` and
``("group-end",)``.
"""


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_list(items: Sequence[tuple[str, list[Any]]], depth: int = 0) -> list[str]:
    lines = []
    for text, children in items:
        lines.append(f"{'  ' * depth}- {_md(text)}")
        lines.extend(_md_list(children, depth + 1))
    return lines


def markdown(blocks: Sequence[Block], language: Language) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "h":
            out += [f"{'#' * block[1]} {_md(block[2])}", ""]
        elif kind == "p":
            out += [_md(block[1]), ""]
        elif kind == "table":
            out.append("| " + " | ".join(_md(h) for h in block[1]) + " |")
            out.append("|" + " --- |" * len(block[1]))
            out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in block[2]]
            out.append("")
        elif kind == "list":
            out += [*_md_list(block[1]), ""]
        elif kind == "wheel":
            data = base64.b64encode(block[2].encode("utf-8")).decode("ascii")
            out += [f"![{_md(block[3])}](data:image/svg+xml;base64,{data})", ""]
    out.append(f"---\n\n{WORDS[language]['footer']}")
    return "\n".join(out) + "\n"


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def _html_list(items: Sequence[tuple[str, list[Any]]]) -> str:
    inner = "".join(
        f"<li>{escape(text)}{_html_list(children) if children else ''}</li>"
        for text, children in items
    )
    return f"<ul>{inner}</ul>"


def html_blocks(blocks: Sequence[Block]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "h":
            anchor = f' id="{escape(block[3])}"' if block[3] else ""
            out.append(f"<h{block[1]}{anchor}>{escape(block[2])}</h{block[1]}>")
        elif kind == "p":
            cls = f' class="{block[2]}"' if block[2] else ""
            out.append(f"<p{cls}>{escape(block[1])}</p>")
        elif kind == "table":
            head = "".join(f"<th>{escape(h)}</th>" for h in block[1])
            classes = block[3] or [""] * len(block[2])
            body = "".join(
                (f'<tr class="{c}">' if c else "<tr>")
                + "".join(
                    f'<td data-label="{escape(h)}">{escape(cell)}</td>'
                    for h, cell in zip(block[1], row, strict=True)
                )
                + "</tr>"
                for row, c in zip(block[2], classes, strict=True)
            )
            out.append(
                f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
                f"<tbody>{body}</tbody></table></div>"
            )
        elif kind == "list":
            out.append(_html_list(block[1]))
        elif kind == "wheel":
            out.append(
                f'<figure class="wheel" id="{escape(block[1])}" aria-label="{escape(block[3])}">'
                f"{block[2].strip()}</figure>"
            )
        elif kind == "group-start":
            out.append(f'<section class="group" id="{escape(block[1])}">')
        elif kind == "group-end":
            out.append("</section>")
    return out
