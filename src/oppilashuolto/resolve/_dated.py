"""Dated records resolved into items: activities and project deliverables."""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterator

from oppilashuolto.model.activity import Activity
from oppilashuolto.model.dates import PartialDate
from oppilashuolto.model.project import Project
from oppilashuolto.resolve._clock import timed
from oppilashuolto.resolve._items import Item, Texts
from oppilashuolto.schoolyear import SchoolYear


__all__ = ["resolve_activity", "resolve_deliverables"]

_DAY = dt.timedelta(days=1)


def _day(date: PartialDate | None) -> dt.date | None:
    # only dates known to the day make events; "spring 2014" does not
    if date is None or date.precision != "day":
        return None
    return date.earliest


def resolve_activity(
    structure_id: str, activity: Activity, sy: SchoolYear
) -> Iterator[Item]:
    """
    Yield the activity as an item if its period is known to the day and starts in *sy*.

    A period of several days is one all-day span; with a start time the item
    runs from the start time on the first day to the end time (or one hour
    later) on the last day. Activities never move: their dates are facts.
    """
    first = _day(activity.period.start)
    last = _day(activity.period.end)
    if first is None or last is None or not sy.start <= first <= sy.end:
        return
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    if activity.start_time is not None:
        start, _ = timed(first, activity.start_time, None)
        _, end = timed(last, activity.start_time, activity.end_time)
    else:
        start, end = first, last + _DAY
    involved = {
        activity.id,
        *activity.organiser_ids,
        *activity.audience_ids,
        *([activity.project_id] if activity.project_id else []),
    }
    description = " ".join(activity.topics) if activity.topics else ""
    yield Item(
        structure_id=structure_id,
        source="activity",
        record_id=activity.id,
        start=start,
        end=end,
        title=Texts(fi=activity.name, sv=activity.name_sv, en=activity.name_en),
        description=Texts(fi=description),
        location=activity.location,
        revision=activity.revision,
        involved_ids=involved,
    )


def resolve_deliverables(
    structure_id: str, project: Project, sy: SchoolYear
) -> Iterator[Item]:
    """
    Yield the deliverables of *project* that are due on a known day in *sy*.

    Each becomes an all-day milestone on its due day, keyed
    ``deliverable-N`` by its position in the project.
    """
    involved = {
        project.id,
        *project.owner_ids,
        *project.steering_group_ids,
        *project.working_group_ids,
    }
    for index, deliverable in enumerate(project.deliverables):
        due = _day(deliverable.due)
        if due is None or not sy.start <= due <= sy.end:
            continue
        yield Item(
            structure_id=structure_id,
            source="project",
            record_id=project.id,
            entry_id=f"deliverable-{index + 1}",
            start=due,
            end=due + _DAY,
            title=Texts(fi=f"{project.acronym or project.name}: {deliverable.title}"),
            description=Texts(fi=deliverable.note),
            involved_ids=involved,
        )
