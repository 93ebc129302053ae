"""
Upgrades of the exchange format between schema versions: pure ``dict`` → ``dict``.

A file carries ``schema_version``; `migrate` brings an older document up to
`SCHEMA_VERSION` one step at a time, and refuses a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate"]

SCHEMA_VERSION = 1
"""The version of the exchange format this library writes."""

Document = dict[str, Any]

MIGRATIONS: dict[int, Callable[[Document], Document]] = {}
"""``MIGRATIONS[n]`` upgrades a version-*n* document to version *n + 1*."""


def migrate(document: Document) -> tuple[Document, list[str]]:
    """
    Return *document* upgraded to `SCHEMA_VERSION`, or the problems found.

    Returns:
        The upgraded document (without ``schema_version``) and a list of
        ``"<problem> @ <path>"`` lines; the document is only valid when the
        list is empty.
    """
    version = document.get("schema_version")
    if version is None:
        return document, ["required field missing @ $.schema_version"]
    if not isinstance(version, int) or isinstance(version, bool):
        return document, [
            f"schema_version must be a whole number (got {version!r}) @ $.schema_version"
        ]
    if version > SCHEMA_VERSION:
        return document, [
            (
                f"schema_version {version} is newer than this library reads ({SCHEMA_VERSION}); "
                "upgrade oppilashuolto @ $.schema_version"
            )
        ]
    if version < 1 or any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        return document, [
            f"schema_version must be between 1 and {SCHEMA_VERSION} (got {version}) @ $.schema_version"
        ]
    upgraded = {k: v for k, v in document.items() if k != "schema_version"}
    for v in range(version, SCHEMA_VERSION):
        upgraded = MIGRATIONS[v](upgraded)
    return upgraded, []
