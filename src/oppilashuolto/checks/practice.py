"""
Good-practice rules, and the library's own promise to hold no pupil-level data.

A finding is a warning: the Act does not require these, but a structure that
breaks them is probably incomplete, out of date or holding what it must not.

References:
    ``law.md`` §4 (multidisciplinary groups), §8 (what the library may store).

    THL, *Yhteisestä työstä hyvinvointia – opiskeluhuoltoryhmä perusopetuksessa*,
    Ohjaus 9/2018 (no individual pupils in communal-group memos).
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from oppilashuolto.checks._core import Context, Hit, Rule, Texts
from oppilashuolto.model import COLLECTIONS, Group, Membership


__all__ = [
    "CASE_SPECIFIC_KINDS",
    "SINGLE_PROFESSION_EXEMPT",
    "practice_rules",
    "single_profession_rule",
]

CASE_SPECIFIC_KINDS = frozenset({"expert_group"})
"""Group kinds convened case by case (19 §): never stored with named members."""

SINGLE_PROFESSION_EXEMPT = frozenset({"principals_meeting", "expert_group"})
"""Group kinds that are one profession by design."""


def _case_specific(group: Group) -> bool:
    basis = group.statutory_basis
    return group.kind in CASE_SPECIFIC_KINDS or (
        basis is not None
        and basis.act == "1287/2013"
        and (basis.section == "19" or (basis.section == "14" and basis.subsection == 3))
    )


# -- groups without a chair ----------------------------------------------------------


def _without_chair(ctx: Context) -> Iterator[Hit]:
    for group in ctx.groups():
        # a placeholder stands for several unnamed groups: their chairs are unknowable
        if _case_specific(group) or group.placeholder:
            continue
        if ctx.structure.chair(group.id, on=ctx.on) is None:
            yield Hit(record_id=group.id, values={"group": ctx.name(group.id)})


GROUP_WITHOUT_CHAIR = Rule(
    code="OHP001",
    name="group_without_chair",
    section="",
    severity="warning",
    summary=Texts(
        fi="Jokaisella ryhmällä on puheenjohtaja.",
        sv="Varje grupp har en ordförande.",
        en="Every group has a chair.",
    ),
    message=Texts(
        fi="{group}: ei puheenjohtajaa.",
        sv="{group}: ingen ordförande.",
        en="{group}: no chair.",
    ),
    check=_without_chair,
    references=("law.md §4",),
)


# -- groups of one profession ----------------------------------------------------------


def _professions(ctx: Context, seat: Membership) -> frozenset[str]:
    if seat.profession:
        return frozenset({seat.profession})
    if seat.person_id is not None:
        return frozenset(ctx.structure.person(seat.person_id).professions)
    return frozenset()


def _seats(seat: Membership) -> int:
    if seat.count is None:
        return 1
    return max(seat.count.minimum or 0, 1)


def single_profession_rule(
    exempt_kinds: Iterable[str] = SINGLE_PROFESSION_EXEMPT,
) -> Rule:
    """
    Return the rule that warns of groups whose members all share one profession.

    Only groups where every seat's profession is known and there are at least
    two seats are judged.

    Args:
        exempt_kinds: Group kinds that are one profession by design.
    """
    exempt = frozenset(exempt_kinds)

    def check(ctx: Context) -> Iterator[Hit]:
        for group in ctx.groups():
            if group.kind in exempt or group.placeholder:
                continue
            seats = ctx.memberships(group.id)
            professions = [_professions(ctx, s) for s in seats]
            if sum(_seats(s) for s in seats) < 2 or not all(professions):
                continue
            shared = frozenset.intersection(*professions)
            if shared:
                yield Hit(
                    record_id=group.id,
                    values={
                        "group": ctx.name(group.id),
                        "profession": ctx.labels("professions", sorted(shared)[:1]),
                    },
                    related_ids=tuple(s.id for s in seats),
                )

    return Rule(
        code="OHP002",
        name="single_profession_group",
        section="",
        severity="warning",
        summary=Texts(
            fi="Ryhmä on monialainen: jäsenet edustavat useampaa ammattia.",
            sv="Gruppen är sektorsövergripande: medlemmarna företräder flera yrken.",
            en="A group is multidisciplinary: its members come from more than one profession.",
        ),
        message=Texts(
            fi="{group}: kaikki jäsenet ovat samaa ammattia ({profession}).",
            sv="{group}: alla medlemmar har samma yrke ({profession}).",
            en="{group}: all members come from one profession ({profession}).",
        ),
        check=check,
        references=("1287/2013 14 §", "law.md §4.1"),
    )


# -- periods -----------------------------------------------------------------------------


def _ended_with_members(ctx: Context) -> Iterator[Hit]:
    for group in sorted(ctx.structure.groups, key=lambda g: g.id):
        end = group.period.end_bound
        if end is None or end > ctx.on:
            continue
        seats = [
            m for m in ctx.all_memberships().get(group.id, ()) if m.is_active(on=ctx.on)
        ]
        if seats:
            yield Hit(
                record_id=group.id,
                values={
                    "group": ctx.name(group.id),
                    "end": Texts.same(str(group.period.end)),
                    "count": Texts.same(str(len(seats))),
                },
                related_ids=tuple(m.id for m in seats),
            )


ENDED_GROUP_WITH_MEMBERS = Rule(
    code="OHP003",
    name="ended_group_with_members",
    section="",
    severity="warning",
    summary=Texts(
        fi="Päättyneellä ryhmällä ei ole voimassa olevia jäsenyyksiä.",
        sv="En grupp som har upphört har inga gällande medlemskap.",
        en="A group that has ended has no current memberships.",
    ),
    message=Texts(
        fi="{group}: ryhmä päättyi {end}, mutta sillä on yhä voimassa olevia jäsenyyksiä ({count}).",
        sv="{group}: gruppen upphörde {end} men har ännu gällande medlemskap ({count}).",
        en="{group}: the group ended {end} but still has memberships in force ({count}).",
    ),
    check=_ended_with_members,
)


def _outside_reason(seat: Membership, group: Group) -> str | None:
    # open or unknown sides claim nothing; an open end in an ended group is OHP003's
    s0, s1 = seat.period.start_bound, seat.period.end_bound
    g0, g1 = group.period.start_bound, group.period.end_bound
    if g0 is not None and s0 is not None and s0 < g0:
        return "before"
    if g1 is not None and s0 is not None and s0 >= g1:
        return "after"
    if g1 is not None and s1 is not None and s1 > g1:
        return "after"
    return None


def _outside_period(ctx: Context) -> Iterator[Hit]:
    for seat in sorted(ctx.structure.memberships, key=lambda m: m.id):
        start = seat.period.start_bound
        if start is not None and start > ctx.on:
            continue
        group = ctx.structure.group(seat.group_id)
        reason = _outside_reason(seat, group)
        if reason is None:
            continue
        yield Hit(
            record_id=seat.id,
            values={
                "group": ctx.name(group.id),
                "seat": Texts.same(str(seat.period)),
                "period": Texts.same(str(group.period)),
                "reason": _REASONS[reason],
            },
            related_ids=(group.id,),
        )


_REASONS = {
    "before": Texts(
        fi="alkaa ennen ryhmää", sv="börjar före gruppen", en="starts before the group"
    ),
    "after": Texts(
        fi="jatkuu ryhmän päättymisen jälkeen",
        sv="fortsätter efter att gruppen upphört",
        en="runs past the group's end",
    ),
}

MEMBERSHIP_OUTSIDE_GROUP = Rule(
    code="OHP004",
    name="membership_outside_group_period",
    section="",
    severity="warning",
    summary=Texts(
        fi="Jäsenyys on ryhmän voimassaoloajan sisällä.",
        sv="Ett medlemskap ligger inom gruppens giltighetstid.",
        en="A membership lies within its group's period.",
    ),
    message=Texts(
        fi="Jäsenyys '{id}' ({seat}) {reason} {group} ({period}).",
        sv="Medlemskapet '{id}' ({seat}) {reason} {group} ({period}).",
        en="Membership '{id}' ({seat}) {reason} {group} ({period}).",
    ),
    check=_outside_period,
)


# -- the library's promise: no pupil-level data ------------------------------------------


def _named_case_members(ctx: Context) -> Iterator[Hit]:
    for group in sorted(ctx.structure.groups, key=lambda g: g.id):
        if not _case_specific(group):
            continue
        named = [
            m
            for m in ctx.all_memberships().get(group.id, ())
            if m.person_id is not None
        ]
        if named:
            yield Hit(
                record_id=group.id,
                values={
                    "group": ctx.name(group.id),
                    "count": Texts.same(str(len(named))),
                },
                related_ids=tuple(m.id for m in named),
            )


CASE_GROUP_MEMBERS = Rule(
    code="OHP005",
    name="case_specific_group_members",
    section="19 §",
    severity="warning",
    summary=Texts(
        fi="Tapauskohtaisia monialaisia asiantuntijaryhmiä ei tallenneta nimettyine jäsenineen.",
        sv="Fallspecifika sektorsövergripande expertgrupper lagras inte med namngivna medlemmar.",
        en="Case-specific multidisciplinary expert groups are not stored with named members.",
    ),
    message=Texts(
        fi="{group}: monialainen asiantuntijaryhmä kootaan tapauskohtaisesti, eikä sen nimettyjä jäseniä ({count}) tallenneta; poista jäsenyydet ja säilytä vain ryhmätyyppi.",
        sv="{group}: en sektorsövergripande expertgrupp sammankallas från fall till fall, och dess namngivna medlemmar ({count}) lagras inte; ta bort medlemskapen och behåll bara grupptypen.",
        en="{group}: a multidisciplinary expert group is convened case by case, and its named members ({count}) are not to be stored; remove the memberships and keep only the kind of group.",
    ),
    check=_named_case_members,
    references=("1287/2013 19-22 §", "law.md §8"),
)

# Henkilötunnus: DDMMYY, century sign, individual number, check character
_HETU = re.compile(
    r"(?<![0-9A-Za-z])(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![0-9A-Za-z])"
)
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def _has_identity_code(text: str) -> bool:
    for m in _HETU.finditer(text):
        day, month = int(m[1][:2]), int(m[1][2:4])
        valid = _HETU_CHECK[int(m[1] + m[3]) % 31] == m[4]
        if 1 <= day <= 31 and 1 <= month <= 12 and valid:
            return True
    return False


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")
    elif attrs.has(type(value)):
        for a in attrs.fields(type(value)):
            if a.init:
                yield from _strings(
                    getattr(value, a.name), f"{path}.{a.name}".lstrip(".")
                )


def _identity_codes(ctx: Context) -> Iterator[Hit]:
    for name, _ in COLLECTIONS:
        for record in getattr(ctx.structure, name):
            fields = sorted(
                {
                    path
                    for path, text in _strings(record, "")
                    if _has_identity_code(text)
                }
            )
            if fields:
                yield Hit(
                    record_id=record.id,
                    values={
                        "record": Texts.same(f"'{record.id}'"),
                        "fields": Texts.same(", ".join(fields)),
                    },
                )


IDENTITY_CODE = Rule(
    code="OHP006",
    name="personal_identity_code",
    section="",
    severity="warning",
    summary=Texts(
        fi="Tietueissa ei ole henkilötunnuksia.",
        sv="Posterna innehåller inga personbeteckningar.",
        en="No record holds a personal identity code.",
    ),
    message=Texts(
        fi="Tietue {record}: kentässä {fields} on henkilötunnukselta näyttävä merkkijono; rakennetietoihin ei tallenneta henkilötunnuksia.",
        sv="Post {record}: fältet {fields} innehåller något som liknar en personbeteckning; strukturdata innehåller inga personbeteckningar.",
        en="Record {record}: field {fields} holds what looks like a personal identity code; structure data holds none.",
    ),
    check=_identity_codes,
    references=("law.md §8",),
)


def practice_rules() -> list[Rule]:
    """Return the good-practice rules and the no-pupil-data guards, by code."""
    return [
        GROUP_WITHOUT_CHAIR,
        single_profession_rule(),
        ENDED_GROUP_WITH_MEMBERS,
        MEMBERSHIP_OUTSIDE_GROUP,
        CASE_GROUP_MEMBERS,
        IDENTITY_CODE,
    ]
