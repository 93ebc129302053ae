import ast
import subprocess
import sys

from pathlib import Path

import pytest


SRC = Path(__file__).parent.parent / "src" / "oppilashuolto"
ADAPTERS = ("io", "ical", "graph", "analysis", "checks", "render")


def imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


class TestLayers:
    @pytest.mark.parametrize(
        "path", sorted((SRC / "model").glob("*.py")), ids=lambda p: p.name
    )
    def test_model_is_pure(self, path):
        """The model imports only attrs, the standard library and the layers below it."""
        allowed_own = (
            "oppilashuolto.model",
            "oppilashuolto.errors",
            "oppilashuolto.vocab",
        )
        for name in imports(path):
            top = name.split(".")[0]
            if top == "oppilashuolto":
                assert name.startswith(allowed_own), name
            else:
                assert top == "attrs" or top in sys.stdlib_module_names, name

    @pytest.mark.parametrize("adapter", ADAPTERS)
    def test_adapters_do_not_import_each_other(self, adapter):
        """An adapter imports no other adapter (analysis may read graph)."""
        folder = SRC / adapter
        if not folder.exists():
            pytest.skip(f"{adapter} has not landed")
        others = {a for a in ADAPTERS if a != adapter}
        if adapter == "analysis":
            others.discard("graph")
        for path in folder.rglob("*.py"):
            for name in imports(path):
                parts = name.split(".")
                if (
                    parts[0] == "oppilashuolto"
                    and len(parts) > 1
                    and parts[1] in others
                ):
                    if (
                        adapter != "io"
                        and parts[1] == "io"
                        and name in ("oppilashuolto.io", "oppilashuolto.io.formats")
                    ):
                        continue  # write_atomic is shared file plumbing
                    pytest.fail(f"{path.relative_to(SRC)} imports {name}")

    @pytest.mark.parametrize("layer", ["schoolyear", "resolve"])
    def test_calendar_layers_below_adapters(self, layer):
        """School years and resolution import only the model and the layers below it."""
        allowed = ("model", "errors", "vocab", "schoolyear", "resolve", "reference")
        for path in (SRC / layer).rglob("*.py"):
            for name in imports(path):
                parts = name.split(".")
                if parts[0] == "oppilashuolto" and len(parts) > 1:
                    assert parts[1] in allowed, (
                        f"{path.relative_to(SRC)} imports {name}"
                    )

    def test_import_is_light(self):
        """import oppilashuolto does not import networkx, icalendar, holidays or cattrs."""
        code = (
            "import sys, oppilashuolto;"
            "print(sorted(m for m in ('networkx', 'icalendar', 'holidays', 'cattrs', 'scipy') if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert "[]" == out.strip()
