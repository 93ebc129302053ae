import datetime as dt

import pytest

from hypothesis import given

from oppilashuolto.errors import ValidationError
from oppilashuolto.model import PartialDate, Period
from oppilashuolto.testing import partial_dates, periods


class TestPartialDate:
    @pytest.mark.parametrize(
        ("edtf", "earliest", "latest", "precision"),
        [
            ("2014", dt.date(2014, 1, 1), dt.date(2014, 12, 31), "year"),
            ("2014-02", dt.date(2014, 2, 1), dt.date(2014, 2, 28), "month"),
            ("2016-02", dt.date(2016, 2, 1), dt.date(2016, 2, 29), "month"),
            ("2007-09-26", dt.date(2007, 9, 26), dt.date(2007, 9, 26), "day"),
            ("2014-21", dt.date(2014, 3, 1), dt.date(2014, 5, 31), "season"),
            ("2014-22", dt.date(2014, 6, 1), dt.date(2014, 8, 31), "season"),
            ("2014-23", dt.date(2014, 9, 1), dt.date(2014, 11, 30), "season"),
            ("2015-24", dt.date(2015, 12, 1), dt.date(2016, 2, 29), "season"),
        ],
    )
    def test_bounds(self, edtf, earliest, latest, precision):
        """Each form of the EDTF subset has the documented bounds and precision."""
        d = PartialDate.from_edtf(edtf)
        assert (earliest, latest, precision) == (d.earliest, d.latest, d.precision)

    def test_qualifiers(self):
        """~ is approximate, ? uncertain, % both."""
        assert (True, False) == (
            PartialDate("2019~").approximate,
            PartialDate("2019~").uncertain,
        )
        assert (False, True) == (
            PartialDate("2019?").approximate,
            PartialDate("2019?").uncertain,
        )
        assert (True, True) == (
            PartialDate("2019%").approximate,
            PartialDate("2019%").uncertain,
        )

    @pytest.mark.parametrize(
        "bad",
        [
            "",
            "14",
            "2014-13",
            "2014-25",
            "2014-02-30",
            "2014/2015",
            "spring 2014",
            "2014-1",
        ],
    )
    def test_rejects(self, bad):
        """Text outside the subset raises ValidationError naming the text."""
        with pytest.raises(ValidationError, match="date must be"):
            PartialDate.from_edtf(bad)

    def test_cache_shares_objects(self):
        """Equal texts give the same object, which keeps big structures small."""
        assert PartialDate.from_edtf("2019") is PartialDate.from_edtf("2019")

    @given(partial_dates())
    def test_roundtrip(self, d):
        """Parsing the EDTF text of a date gives the same date."""
        assert d == PartialDate.from_edtf(d.edtf)
        assert d.earliest <= d.latest


class TestPeriod:
    def test_half_open_meeting(self):
        """Adjacent EDTF intervals meet without overlapping."""
        old = Period.from_edtf("2019/2022")
        new = Period.from_edtf("2023/..")
        assert (True, False, True) == (
            old.contains(dt.date(2022, 12, 31)),
            old.contains(dt.date(2023, 1, 1)),
            new.contains(dt.date(2023, 1, 1)),
        )
        assert not old.overlaps(new)

    def test_open_and_unknown_ends(self):
        """'..' is open and empty is unknown; both read back as written."""
        assert "2014-23/" == Period.from_edtf("2014-23/").to_edtf()
        assert "../2008" == Period.from_edtf("../2008").to_edtf()
        assert Period.from_edtf("2014-23/").contains(dt.date(2030, 1, 1))

    def test_single_date(self):
        """A single date is the period of that granule."""
        p = Period.from_edtf("2007-11")
        assert ("2007-11", dt.date(2007, 12, 1)) == (p.to_edtf(), p.end_bound)

    def test_reversed(self):
        """An end before the start names both dates."""
        with pytest.raises(
            ValidationError,
            match="period end '2014' must not come before its start '2015'",
        ):
            Period.from_edtf("2015/2014")

    def test_two_slashes(self):
        """More than one slash is refused."""
        with pytest.raises(ValidationError, match="one '/'"):
            Period.from_edtf("2014/2015/2016")

    def test_overlap_days(self):
        """Shared days are counted inside the clip period."""
        a = Period.from_edtf("2019-01-01/2019-01-10")
        b = Period.from_edtf("2019-01-05/..")
        assert 6 == a.overlap_days(b, clip=Period.from_edtf("2019"))

    @given(periods())
    def test_roundtrip(self, p):
        """Parsing the EDTF text of a period gives the same period."""
        assert p == Period.from_edtf(p.to_edtf())

    @given(periods(), periods())
    def test_overlap_symmetric(self, a, b):
        """Overlap is symmetric."""
        assert a.overlaps(b) == b.overlaps(a)
