"""Load + validate a large structure against a floor measured in the same run.

Floor: ``json.loads`` of the same bytes plus constructing the same classes with
attrs validation switched off.
Prints the ratio (goal: at most 2x) and peak memory relative to the JSON size.
"""

from __future__ import annotations

import gc
import json
import statistics
import time
import tracemalloc

from typing import Any

import attrs

from oppilashuolto.io import dumps, loads
from oppilashuolto.model import (
    Group,
    Membership,
    Organisation,
    Period,
    Person,
    ServiceArrangement,
    WelfareStructure,
)
from oppilashuolto.model.references import COLLECTIONS


def build(n_orgs: int = 5000) -> WelfareStructure:
    """Return a structure of about 12 records per organisation (seeded, no randomness)."""
    orgs, people, groups, seats, services = [], [], [], [], []
    for i in range(n_orgs):
        oid = f"org-{i}"
        orgs.append(
            Organisation(
                id=oid,
                kind="school",
                name=f"Koulu {i}",
                municipality_code=f"{i % 900 + 5:03d}",
            )
        )
        gid = f"ohr-{i}"
        groups.append(
            Group(
                id=gid,
                kind="school_welfare_group",
                name=f"OHR {i}",
                organiser_ids=[oid],
                period=Period.from_edtf("2014-08-01/.."),
            )
        )
        for j, prof in enumerate(
            (
                "principal",
                "curator",
                "school_psychologist",
                "school_nurse",
                "special_education_teacher",
            )
        ):
            pid = f"p-{i}-{j}"
            people.append(
                Person(id=pid, professions=[prof], employer_id=oid, synthetic=True)
            )
            role = "chair" if j == 0 else "member"
            seats.append(
                Membership(
                    id=f"m-{i}-{j}",
                    group_id=gid,
                    role=role,
                    person_id=pid,
                    period=Period.from_edtf(f"{2014 + j}/.."),
                )
            )
        services.append(
            ServiceArrangement(
                id=f"a-{i}",
                service="curator_service",
                recipient_id=oid,
                provider_id=oid,
                period=Period.from_edtf("2014/2022"),
            )
        )
    return WelfareStructure(
        id="bench",
        name="Bench",
        organisations=orgs,
        people=people,
        groups=groups,
        memberships=seats,
        arrangements=services,
    )


def floor(data: str) -> Any:
    """json.loads plus plain construction without validation."""
    doc = json.loads(data)
    classes = dict(COLLECTIONS)
    attrs.validators.set_disabled(True)
    try:
        built: dict[str, Any] = {}
        for name, cls in classes.items():
            rows = []
            for row in doc.get(name, ()):
                kwargs = dict(row)
                if "period" in kwargs:
                    kwargs["period"] = Period.from_edtf(kwargs["period"])
                rows.append(cls(**kwargs))
            built[name] = rows
        return WelfareStructure(id=doc["id"], name=doc["name"], **built)
    finally:
        attrs.validators.set_disabled(False)


def timed(fn: Any, *args: Any, repeat: int = 5) -> float:
    fn(*args)  # warm-up
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    structure = build()
    data = dumps(structure)
    records = sum(structure.counts().values())
    ours = timed(loads, data)
    base = timed(floor, data)
    tracemalloc.start()
    kept = loads(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert kept == structure
    size = len(data.encode("utf-8"))
    print(f"{'workload':40} {'ours s':>8} {'floor s':>8} {'ratio':>6} goal")
    print(
        f"{f'load+validate {records} records':40} {ours:8.3f} {base:8.3f} {ours / base:6.2f} <=2x"
    )
    print(
        f"peak memory {peak / 2**20:.1f} MiB = {peak / size:.2f}x the JSON file ({size / 2**20:.1f} MiB)"
    )


if __name__ == "__main__":
    main()
