"""Sphinx configuration; pages are MyST Markdown, generated pages go to _generated/."""

import sys

from pathlib import Path


HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

project = "oppilashuolto"
author = "The oppilashuolto developers"
copyright = "2026, The oppilashuolto developers"
extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_generated"]
html_theme = "furo"
html_title = "oppilashuolto"
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
intersphinx_mapping = {}
suppress_warnings = ["myst.header", "ref.python", "autodoc.import_object"]
nitpicky = False


def _generate(_app: object) -> None:
    """Write docs/_generated from the bundled data."""
    from _generate import generate_all

    generate_all(HERE / "_generated")


def setup(app):  # type: ignore[no-untyped-def]
    """Generate the glossary and example tables before reading the sources."""
    app.connect("builder-inited", _generate)
