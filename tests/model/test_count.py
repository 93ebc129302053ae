import pytest

from hypothesis import given

from oppilashuolto.errors import ValidationError
from oppilashuolto.model import Count
from oppilashuolto.testing import counts


class TestCount:
    @pytest.mark.parametrize(
        ("text", "minimum", "maximum"),
        [
            ("19", 19, 19),
            (">300", 301, None),
            ("<5", None, 4),
            ("2-3", 2, 3),
            ("~60", 60, 60),
        ],
    )
    def test_parse(self, text, minimum, maximum):
        """Each text form gives its bounds and reads back as written."""
        c = Count.from_text(text)
        assert (minimum, maximum, text) == (c.minimum, c.maximum, c.to_text())

    def test_admits(self):
        """'over 300' admits 301 but not 300."""
        c = Count.from_text(">300")
        assert (False, True) == (c.admits(300), c.admits(301))

    @pytest.mark.parametrize("bad", ["yli 300", "3-2", "-1", "<0", ""])
    def test_rejects(self, bad):
        """Malformed and reversed counts are refused."""
        with pytest.raises(ValidationError):
            Count.from_text(bad)

    @given(counts())
    def test_roundtrip(self, c):
        """The text form of a count parses back to the same count."""
        assert c == Count.from_text(c.to_text())
