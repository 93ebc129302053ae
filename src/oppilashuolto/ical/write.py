"""Writing feeds: only when their bytes change, atomically, continuing SEQUENCEs."""

from __future__ import annotations

import datetime as dt
import os

from pathlib import Path

from attrs import frozen
from icalendar import Calendar

from oppilashuolto.errors import ValidationError
from oppilashuolto.ical._components import DEFAULT_DOMAIN, DEFAULT_TTL
from oppilashuolto.ical.feeds import build_feeds
from oppilashuolto.io import write_atomic
from oppilashuolto.model.structure import WelfareStructure
from oppilashuolto.resolve import Language


__all__ = ["WrittenFeed", "write_calendar", "write_feeds"]


@frozen(kw_only=True)
class WrittenFeed:
    """
    What `write_feeds` did with one feed.

    Attributes:
        name: File name stem, such as ``"clock-vuosikello"``.
        path: The file.
        status: ``"new"``, ``"changed"`` or ``"unchanged"``.
        events: How many VEVENTs the feed holds.
    """

    name: str
    path: Path
    status: str
    events: int


def write_calendar(path: str | os.PathLike[str], calendar: Calendar | bytes) -> bool:
    """
    Write a calendar to *path* if its bytes differ from the file's, atomically.

    An unchanged file keeps its modification time, so HTTP validators
    (``Last-Modified``, ``ETag``) stay stable for subscribers.

    Returns:
        Whether the file was written.
    """
    data = calendar if isinstance(calendar, bytes) else calendar.to_ical()
    return write_atomic(path, data)


def write_feeds(
    structure: WelfareStructure,
    directory: str | os.PathLike[str],
    *,
    year: int | str,
    municipality_code: str | None = None,
    language: Language = "fi",
    domain: str = DEFAULT_DOMAIN,
    stamp: dt.datetime | None = None,
    ttl: dt.timedelta = DEFAULT_TTL,
) -> tuple[WrittenFeed, ...]:
    """
    Write every feed of a structure into *directory* as ``NAME.ics``.

    Feeds already in *directory* are read first, so that events whose time
    changed get a higher SEQUENCE than they had there. Files are written only
    when their bytes change. Files of feeds no longer produced are left alone.

    Args:
        structure: The structure.
        directory: An existing folder.
        year: The school year, ``2026`` or ``"2026-2027"``.
        municipality_code: Whose school calendar to apply.
        language: Language of names, summaries and descriptions.
        domain: The owner's domain, part of every UID.
        stamp: When the data last changed (see `oppilashuolto.ical.to_calendar`).
        ttl: Refresh interval asked of subscribers.

    Returns:
        One `WrittenFeed` per feed, by name.

    Raises:
        ValidationError: If *directory* is not a folder.
    """
    folder = Path(directory)
    if not folder.is_dir():
        msg = f"directory must be an existing folder (got {os.fspath(directory)!r})"
        raise ValidationError(msg)
    previous: dict[str, bytes] = {}
    for path in sorted(folder.glob("*.ics")):
        previous[path.stem] = path.read_bytes()
    feeds = build_feeds(
        structure,
        year=year,
        municipality_code=municipality_code,
        language=language,
        domain=domain,
        stamp=stamp,
        previous=previous,
        ttl=ttl,
    )
    written = []
    for feed in feeds:
        path = folder / f"{feed.name}.ics"
        changed = write_calendar(path, feed.to_ical())
        status = (
            "unchanged"
            if not changed
            else "changed"
            if feed.name in previous
            else "new"
        )
        written.append(
            WrittenFeed(name=feed.name, path=path, status=status, events=feed.events)
        )
    return tuple(written)
