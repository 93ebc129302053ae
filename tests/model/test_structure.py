import datetime as dt

from typing import Any

import pytest

from hypothesis import given
from hypothesis import strategies as st

from oppilashuolto.errors import UnknownIdError, ValidationError
from oppilashuolto.model import (
    Group,
    LocalTerm,
    Membership,
    Organisation,
    Period,
    Person,
    ServiceArrangement,
    WelfareStructure,
)
from oppilashuolto.model.membership import ROLE_ORDER
from oppilashuolto.testing import welfare_structures


D = dt.date
DAY = dt.timedelta(days=1)


def small(**extra: Any) -> WelfareStructure:
    base: dict[str, Any] = {
        "id": "s",
        "name": "Päijät-Häme",
        "organisations": [
            Organisation(
                id="lahti", kind="municipality", name="Lahti", municipality_code="398"
            ),
            Organisation(
                id="orimattila",
                kind="municipality",
                name="Orimattila",
                municipality_code="560",
            ),
        ],
        "people": [
            Person(
                id="p1",
                professions=["education_manager"],
                name="Piia Esimerkki",
                employer_id="orimattila",
            )
        ],
        "groups": [
            Group(
                id="ohjaus",
                kind="subregional_steering_group",
                name="Seudullinen ohjausryhmä",
            ),
            Group(
                id="ooot",
                kind="cooperation_group",
                name="OOOT-ryhmä",
                acronym="OOOT",
                reports_to_id="ohjaus",
            ),
        ],
        "memberships": [
            Membership(
                id="m-chair-2019",
                group_id="ooot",
                role="chair",
                person_id="p1",
                period=Period.from_edtf("2019"),
            ),
            Membership(
                id="m-lahti",
                group_id="ooot",
                role="representative",
                organisation_id="lahti",
                period=Period.from_edtf("2017-21/.."),
            ),
            Membership(
                id="m-seat", group_id="ooot", role="expert", profession="school_nurse"
            ),
        ],
        "arrangements": [
            ServiceArrangement(
                id="a-old",
                service="curator_service",
                recipient_id="lahti",
                provider_id="lahti",
                period=Period.from_edtf("2019/2022"),
            ),
            ServiceArrangement(
                id="a-psy",
                service="psychologist_service",
                recipient_id="lahti",
                period=Period.from_edtf("2019/2022"),
            ),
        ],
    }
    base.update(extra)
    return WelfareStructure(**base)


class TestValidation:
    def test_dangling_reference_names_both_records(self):
        """A reference to a missing group names the membership and the group id."""
        with pytest.raises(ValidationError) as info:
            small(memberships=[Membership(id="m1", group_id="nope", role="member")])
        assert (
            "membership 'm1': group_id 'nope' not found",
            "memberships[0].group_id",
        ) == info.value.problems[0]

    def test_duplicate_ids_across_collections(self):
        """An id used by two records of different kinds is an error naming both places."""
        with pytest.raises(
            ValidationError,
            match=r"id 'lahti' is used twice: organisations\[0\] and groups\[2\]",
        ):
            small(groups=[*small().groups, Group(id="lahti", kind="network", name="X")])

    def test_reports_to_cycle(self):
        """A reports-to cycle names the groups on it."""
        groups = [
            Group(id="a", kind="network", name="A", reports_to_id="b"),
            Group(id="b", kind="network", name="B", reports_to_id="a"),
        ]
        with pytest.raises(
            ValidationError, match="reports_to_id forms a cycle: a -> b -> a"
        ):
            small(groups=groups, memberships=[])

    def test_unknown_code_lists_known_ones(self):
        """An undeclared code is an error listing the known codes."""
        with pytest.raises(
            ValidationError,
            match=r"Unknown group_kinds code 'tuki_ohr'; expected one of: .*working_group",
        ):
            small(
                groups=[
                    *small().groups,
                    Group(id="t", kind="tuki_ohr", name="Tuki-OHR"),
                ]
            )

    def test_local_term_declares_code(self):
        """A local term makes its code valid and labels it."""
        s = small(
            groups=[*small().groups, Group(id="t", kind="tuki_ohr", name="Tuki-OHR")],
            local_terms=[
                LocalTerm(
                    vocabulary="group_kinds",
                    code="tuki_ohr",
                    fi="tuki-oppilashuoltoryhmä",
                )
            ],
        )
        assert "tuki-oppilashuoltoryhmä" == s.label("group_kinds", "tuki_ohr", "en")

    def test_field_message_has_no_personal_data(self):
        """A bad personal field is described by its kind, not its value."""
        with pytest.raises(ValidationError) as info:
            Person(id="p", name="Matti\nMeikäläinen")
        assert "Matti" not in str(info.value)
        assert "name must be a single line of text (got a 17-character string)" == str(
            info.value
        )

    def test_membership_one_holder(self):
        """A seat is held by a person or an organisation, not both."""
        with pytest.raises(
            ValidationError, match="organisation_id must be empty when person_id is set"
        ):
            Membership(
                id="m", group_id="g", role="member", person_id="p", organisation_id="o"
            )


class TestQueries:
    def test_members_chair_first(self):
        """Seats come chair first, then by role order; unfilled seats included."""
        s = small()
        assert ["m-chair-2019", "m-lahti", "m-seat"] == [
            m.id for m in s.members("ooot", on=D(2019, 6, 1))
        ]
        assert ["m-lahti", "m-seat"] == [
            m.id for m in s.members("ooot", on=D(2020, 6, 1))
        ]

    def test_chair(self):
        """The chair is answered as of a day."""
        s = small()
        chair_2019 = s.chair("ooot", on=D(2019, 3, 1))
        assert chair_2019 is not None
        assert ("p1", None) == (chair_2019.person_id, s.chair("ooot", on=D(2021, 1, 1)))

    def test_members_and_chair_on_period_bounds(self):
        """A seat ending the day before is gone; one starting on the day is in."""
        old = Period.from_edtf("2019-01-01/2020-05-31")
        new = Period.from_edtf("2020-06-01/..")
        s = small(
            memberships=[
                Membership(id="c-old", group_id="ooot", role="chair",
                           person_id="p1", period=Period.from_edtf("../2020-05-31")),
                Membership(id="c-new", group_id="ooot", role="chair",
                           organisation_id="lahti", period=new),
                Membership(id="m-ends", group_id="ooot", role="member",
                           organisation_id="orimattila", period=old),
                Membership(id="m-starts", group_id="ooot", role="member",
                           organisation_id="lahti", period=new),
                Membership(id="m-always", group_id="ooot", role="secretary"),
            ]
        )  # fmt: skip

        def ids(on: dt.date) -> list[str]:
            return [m.id for m in s.members("ooot", on=on)]

        def chair(on: dt.date) -> str | None:
            seat = s.chair("ooot", on=on)
            return None if seat is None else seat.id

        assert ["c-old", "m-always"] == ids(D.min) == ids(D(2018, 12, 31))
        assert ["c-old", "m-always", "m-ends"] == ids(D(2019, 1, 1))
        assert ["c-old", "m-always", "m-ends"] == ids(D(2020, 5, 31))
        assert ["c-new", "m-always", "m-starts"] == ids(D(2020, 6, 1))
        assert ["c-new", "m-always", "m-starts"] == ids(D.max)
        assert ["c-old", "c-old", "c-new", "c-new"] == [
            chair(on) for on in (D.min, D(2020, 5, 31), D(2020, 6, 1), D.max)
        ]
        assert [] == [m.id for m in s.members("ohjaus", on=D(2020, 6, 1))]
        assert s.chair("ohjaus", on=D(2020, 6, 1)) is None

    @given(welfare_structures(), st.lists(st.dates(), max_size=4))
    def test_members_and_chair_filter_every_seat(self, s, random_days):
        """Answers equal testing every seat, on each bound, the day before and others."""
        bounds = {
            b
            for m in s.memberships
            for b in (m.period.start_bound, m.period.end_bound)
            if b is not None
        }
        days = sorted(bounds | {b - DAY for b in bounds} | {D.min, D.max})
        days += random_days

        def order(m: Membership) -> tuple[int, str, str, str]:
            holder = m.person_id or m.organisation_id or ""
            return (ROLE_ORDER.get(m.role, len(ROLE_ORDER)), m.role, holder, m.id)

        for g in s.groups:
            seats = sorted((m for m in s.memberships if m.group_id == g.id), key=order)
            for on in days:
                expected = tuple(m for m in seats if m.period.contains(on))
                chair = next((m for m in expected if m.role == "chair"), None)
                got = s.members(g.id, on=on)
                assert expected == got
                assert all(a is b for a, b in zip(expected, got, strict=True))
                assert s.chair(g.id, on=on) is chair

    @given(welfare_structures(), st.lists(st.dates(), max_size=4))
    def test_services_for_filters_every_arrangement(self, s, random_days):
        """services_for() equals testing every arrangement, by kind and for all kinds."""
        bounds = {
            b
            for a in s.arrangements
            for b in (a.period.start_bound, a.period.end_bound)
            if b is not None
        }
        days = sorted(bounds | {b - DAY for b in bounds} | {D.min, D.max})
        days += random_days
        arrangements = sorted(s.arrangements, key=lambda a: (a.service, a.id))
        for org in s.organisations:
            for kind in (None, *sorted({a.service for a in arrangements})):
                mine = [
                    a
                    for a in arrangements
                    if a.recipient_id == org.id and kind in (None, a.service)
                ]
                for on in days:
                    expected = tuple(a for a in mine if a.period.contains(on))
                    assert expected == s.services_for(org.id, kind, on=on)

    def test_groups_of(self):
        """A holder's groups are answered as of a day."""
        s = small()
        assert (("ooot",), ()) == (
            tuple(g.id for g in s.groups_of("lahti", on=D(2018, 1, 1))),
            tuple(g.id for g in s.groups_of("lahti", on=D(2016, 1, 1))),
        )

    def test_services_for(self):
        """Services are answered by kind and day."""
        s = small()
        assert ["a-old"] == [
            a.id for a in s.services_for("lahti", "curator_service", on=D(2020, 1, 1))
        ]
        assert ["a-old", "a-psy"] == [
            a.id for a in s.services_for("lahti", on=D(2020, 1, 1))
        ]
        assert () == s.services_for("lahti", "curator_service", on=D(2023, 1, 1))

    def test_unknown_group(self):
        """Asking for a missing group raises UnknownIdError naming it."""
        with pytest.raises(UnknownIdError, match="no group 'lahti'"):
            small().members("lahti", on=D(2020, 1, 1))

    def test_find_ignores_case_and_accents(self):
        """find matches word prefixes without case or accents."""
        s = small()
        assert ["ooot"] == [r.id for r in s.find("ooot")]
        assert ["s"] != [r.id for r in s.find("PAIJAT")]
        assert ["ohjaus"] == [r.id for r in s.find("seudullinen ohjaus", kind="groups")]
        assert ["orimattila"] == [r.id for r in s.find("560")]

    def test_find_bad_kind(self):
        """An unknown kind lists the collections."""
        with pytest.raises(ValidationError, match="expected one of: activities"):
            small().find("x", kind="group")

    def test_snapshot_and_diff(self):
        """A snapshot holds what is in force; a diff lists what came and went."""
        s = small()
        assert 2 == len(s.snapshot(on=D(2020, 1, 1)).arrangements)
        change = s.diff(D(2018, 1, 1), D(2019, 6, 1))
        assert ("m-chair-2019",) == change.added["memberships"]
        assert [
            ("memberships", "m-chair-2019", "added"),
            ("arrangements", "a-old", "added"),
            ("arrangements", "a-psy", "added"),
        ] == change.rows()

    def test_merge_conflict(self):
        """Merging a different record under the same id is refused."""
        other = small(
            organisations=[
                Organisation(id="lahti", kind="municipality", name="Lahden kaupunki")
            ],
            people=[],
            groups=[],
            memberships=[],
            arrangements=[],
        )
        with pytest.raises(ValidationError, match="organisations 'lahti' differs"):
            small().merge(other)

    @given(welfare_structures())
    def test_merge_with_itself(self, s):
        """A structure merged with itself is unchanged."""
        assert s == s.merge(s)

    @given(welfare_structures())
    def test_members_are_active(self, s):
        """Every seat members() returns is in force and in that group."""
        on = D(2020, 1, 1)
        for g in s.groups:
            for m in s.members(g.id, on=on):
                assert (g.id, True) == (m.group_id, m.period.contains(on))
