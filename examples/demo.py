"""The main job on the bundled examples: load, validate, summarise, convert.

Run with ``make demo``; writes converted files to the folder given (default demo-output/).
"""

from __future__ import annotations

import sys

from pathlib import Path

from oppilashuolto import examples
from oppilashuolto.io import dumps, write_atomic


SUMMARY = (
    "organisations",
    "groups",
    "people",
    "memberships",
    "arrangements",
    "projects",
    "clocks",
)


def main(out: Path) -> int:
    """Load every example, print its counts and write JSON and TOML copies."""
    out.mkdir(parents=True, exist_ok=True)
    names = examples.names()
    if not names:
        print("no bundled examples")
        return 1
    for name in names:
        structure = examples.load(name)
        counts = structure.counts()
        print(f"{name}: {structure.name}")
        print("  " + ", ".join(f"{key} {counts[key]}" for key in SUMMARY))
        for fmt in ("json", "toml"):
            write_atomic(out / f"{name}.{fmt}", dumps(structure, fmt).encode("utf-8"))
    print(f"wrote {2 * len(names)} files to {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "demo-output")))
