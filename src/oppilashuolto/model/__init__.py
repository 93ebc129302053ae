"""
The pure domain model: attrs and the standard library only.

No I/O, no clock and no global state; every class is frozen and validates itself.
"""

from oppilashuolto.model.activity import Activity
from oppilashuolto.model.common import Contribution, Result
from oppilashuolto.model.compare import StructureDiff, diff, merge
from oppilashuolto.model.count import Count
from oppilashuolto.model.dates import PartialDate, Period
from oppilashuolto.model.group import (
    Cadence,
    ChairRule,
    CompositionRule,
    Group,
    RecordKeeping,
)
from oppilashuolto.model.legal import LegalReference
from oppilashuolto.model.membership import Membership
from oppilashuolto.model.organisation import Affiliation, Organisation, Succession
from oppilashuolto.model.person import Person, personal_fields
from oppilashuolto.model.plan import Plan
from oppilashuolto.model.practice import Adoption, Contact, Practice
from oppilashuolto.model.project import (
    Deliverable,
    Funding,
    Goal,
    Indicator,
    IndicatorValue,
    Participation,
    Project,
    Risk,
)
from oppilashuolto.model.references import COLLECTIONS
from oppilashuolto.model.schoolcalendar import Break, SchoolCalendar
from oppilashuolto.model.service import ServiceArrangement
from oppilashuolto.model.structure import LocalTerm, Snapshot, WelfareStructure
from oppilashuolto.model.yearly_clock import (
    ClockEntry,
    Recurrence,
    Ring,
    Timing,
    YearlyClock,
)


__all__ = [
    "COLLECTIONS",
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
    "Funding",
    "Goal",
    "Group",
    "Indicator",
    "IndicatorValue",
    "LegalReference",
    "LocalTerm",
    "Membership",
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
    "Succession",
    "Timing",
    "WelfareStructure",
    "YearlyClock",
    "diff",
    "merge",
    "personal_fields",
]
