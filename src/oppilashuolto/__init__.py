"""
oppilashuolto: typed models of Finnish pupil and student welfare structures.

The model (`oppilashuolto.model`) is pure; adapters turn structures into
exchange files, iCalendar feeds, cooperation graphs, checks and pictures, and
load on use, so that ``import oppilashuolto`` stays light.
"""

from __future__ import annotations

from typing import Any

from oppilashuolto.errors import (
    ExtraNotInstalledError,
    OppilashuoltoError,
    StructureError,
    UnknownIdError,
    ValidationError,
)
from oppilashuolto.model import (
    Activity,
    Adoption,
    Affiliation,
    Break,
    Cadence,
    ChairRule,
    ClockEntry,
    CompositionRule,
    Contact,
    Contribution,
    Count,
    Deliverable,
    Funding,
    Goal,
    Group,
    Indicator,
    IndicatorValue,
    LegalReference,
    LocalTerm,
    Membership,
    Organisation,
    PartialDate,
    Participation,
    Period,
    Person,
    Plan,
    Practice,
    Project,
    RecordKeeping,
    Recurrence,
    Result,
    Ring,
    Risk,
    SchoolCalendar,
    ServiceArrangement,
    Snapshot,
    StructureDiff,
    Succession,
    Timing,
    WelfareStructure,
    YearlyClock,
)


__all__ = [
    "Activity",
    "Adoption",
    "Affiliation",
    "Break",
    "Cadence",
    "ChairRule",
    "ClockEntry",
    "CompositionRule",
    "Contact",
    "Contribution",
    "Count",
    "Deliverable",
    "ExtraNotInstalledError",
    "Funding",
    "Goal",
    "Group",
    "Indicator",
    "IndicatorValue",
    "LegalReference",
    "LocalTerm",
    "Membership",
    "OppilashuoltoError",
    "Organisation",
    "PartialDate",
    "Participation",
    "Period",
    "Person",
    "Plan",
    "Practice",
    "Project",
    "RecordKeeping",
    "Recurrence",
    "Result",
    "Ring",
    "Risk",
    "SchoolCalendar",
    "ServiceArrangement",
    "Snapshot",
    "StructureDiff",
    "StructureError",
    "Succession",
    "Timing",
    "UnknownIdError",
    "ValidationError",
    "WelfareStructure",
    "YearlyClock",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("oppilashuolto")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
