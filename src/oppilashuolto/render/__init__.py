"""
Pictures and reports of structures: the yearly-clock wheel, reports, the network.

- `oppilashuolto.render.wheel`: a yearly clock as a circular SVG wheel.
- `oppilashuolto.render.report`: Markdown and self-contained HTML reports.
- `oppilashuolto.render.network`: the cooperation network as SVG or PNG
  (needs the ``plot`` extra: matplotlib).

Submodules load on use, so that rendering one thing imports only what it needs.
"""

__all__: list[str] = []
