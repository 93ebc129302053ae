import pytest

from oppilashuolto.errors import ValidationError
from oppilashuolto.model.identifiers import (
    is_valid_business_id,
    is_valid_municipality_code,
    is_valid_region_code,
    is_valid_wellbeing_county_code,
    validate_business_id,
)


class TestBusinessId:
    @pytest.mark.parametrize("value", ["0204819-8", "1572860-0", "0201256-6"])
    def test_valid(self, value):
        """Real Business IDs pass the check digit."""
        assert value == validate_business_id(value)

    @pytest.mark.parametrize(
        "value", ["0204819-9", "204819-8", "0204819 8", "02048198", 2048198]
    )
    def test_invalid(self, value):
        """Wrong check digits and shapes are refused."""
        assert not is_valid_business_id(value)

    def test_message_names_expected_digit(self):
        """The error says which check digit was expected."""
        with pytest.raises(ValidationError, match="must be '8'"):
            validate_business_id("0204819-1")


class TestCodes:
    def test_municipality(self):
        """Municipality codes are three digits as text."""
        assert (True, False, False) == (
            is_valid_municipality_code("091"),
            is_valid_municipality_code("91"),
            is_valid_municipality_code(91),
        )

    def test_region(self):
        """Region codes 03 and 20 are unused."""
        assert (True, False, False) == (
            is_valid_region_code("07"),
            is_valid_region_code("03"),
            is_valid_region_code("22"),
        )

    def test_county(self):
        """County codes are 01-21 and 90 for Helsinki."""
        assert (True, True, False) == (
            is_valid_wellbeing_county_code("21"),
            is_valid_wellbeing_county_code("90"),
            is_valid_wellbeing_county_code("91"),
        )
