"""SEQUENCE numbers continued from a feed published before."""

from __future__ import annotations

from collections.abc import Mapping

from icalendar import Calendar, Event


__all__ = ["SIGNATURE", "apply_sequences", "calendar_events", "previous_events"]

SIGNATURE = ("DTSTART", "DTEND", "RRULE", "EXDATE", "LOCATION")
"""Properties whose change raises SEQUENCE (RFC 5546 §2.1.4)."""


def calendar_events(calendar: Calendar) -> dict[str, Event]:
    """Return the VEVENTs of *calendar* by UID."""
    return {str(e["UID"]): e for e in calendar.events}


def _signature(event: Event) -> tuple[bytes, ...]:
    lines = event.to_ical().split(b"\r\n")
    unfolded: list[bytes] = []
    for line in lines:
        if line[:1] in (b" ", b"\t") and unfolded:
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    wanted = tuple(p.encode() for p in SIGNATURE)
    return tuple(
        sorted(
            line for line in unfolded if line.split(b":")[0].split(b";")[0] in wanted
        )
    )


def previous_events(previous: Calendar | bytes | str | None) -> dict[str, Event]:
    """Return the events of a previous feed by UID; nothing for ``None`` or garbage."""
    if previous is None:
        return {}
    if not isinstance(previous, Calendar):
        try:
            previous = Calendar.from_ical(previous)
        except ValueError:
            return {}  # not a calendar: nothing to continue from
    return calendar_events(previous)


def apply_sequences(events: list[Event], previous: Mapping[str, Event]) -> None:
    """
    Raise SEQUENCE where the previous feed had the event with another time.

    An event whose `SIGNATURE` lines differ from the previous feed's gets one
    more than it had there; none ever goes below its previous number or its
    own revision.
    """
    if not previous:
        return
    for event in events:
        old = previous.get(str(event["UID"]))
        if old is None:
            continue
        old_sequence = int(old.get("SEQUENCE", 0))
        own = int(event.get("SEQUENCE", 0))
        changed = _signature(old) != _signature(event)
        wanted = max(own, old_sequence + 1 if changed else old_sequence)
        if wanted != own:
            event.pop("SEQUENCE")
            event.add("SEQUENCE", wanted)
