"""
National identifiers: municipality, region and county codes, Business ID, school number.

Each identifier has ``validate_*`` (returns the normalised value or raises
`ValidationError`) and ``is_valid_*``, as in python-stdnum.

References:
    Statistics Finland, classifications of municipalities, regions, sub-regions and
    wellbeing services counties 2026 (CC BY 4.0).
    Finnish Tax Administration / PRH, the Business ID (Y-tunnus) check digit:
    weights 7, 9, 10, 5, 8, 4, 2; remainder 0 gives 0, remainder 1 is never issued.
"""

from __future__ import annotations

from collections.abc import Callable

from oppilashuolto.errors import ValidationError


__all__ = [
    "is_ascii_digits",
    "is_valid_business_id",
    "is_valid_municipality_code",
    "is_valid_region_code",
    "is_valid_school_number",
    "is_valid_subregion_code",
    "is_valid_wellbeing_county_code",
    "validate_business_id",
    "validate_municipality_code",
    "validate_region_code",
    "validate_school_number",
    "validate_subregion_code",
    "validate_wellbeing_county_code",
]

_BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def is_ascii_digits(text: str) -> bool:
    """
    Tell whether *text* is only the ASCII digits 0–9.

    ``str.isdigit`` also accepts digits such as "²" and "٣" that ``int`` refuses.

    Examples:
        >>> is_ascii_digits("091"), is_ascii_digits("0²"), is_ascii_digits("")
        (True, False, False)
    """
    return text.isascii() and text.isdigit()


def _digits(value: object, length: int, what: str, example: str) -> str:
    if not isinstance(value, str) or len(value) != length or not is_ascii_digits(value):
        got = (
            repr(value)
            if isinstance(value, (str, int)) and len(str(value)) < 20
            else "another value"
        )
        msg = f"{what} must be {length} digits as text, like {example!r} (got {got})"
        raise ValidationError(msg)
    return value


def validate_municipality_code(value: object) -> str:
    """
    Return a 3-digit municipality code (kuntanumero), keeping leading zeros.

    Examples:
        >>> validate_municipality_code("091")
        '091'
        >>> validate_municipality_code("91")
        Traceback (most recent call last):
        ...
        oppilashuolto.errors.ValidationError: municipality code must be 3 digits as text, like '211' (got '91')
    """
    return _digits(value, 3, "municipality code", "211")


def validate_region_code(value: object) -> str:
    """
    Return a 2-digit Statistics Finland region (maakunta) code; ``03`` and ``20`` are unused.

    Examples:
        >>> validate_region_code("07")
        '07'
    """
    code = _digits(value, 2, "region code", "07")
    if code in ("00", "03", "20") or int(code) > 21:
        msg = f"region code must be one of 01–21 except 03 and 20 (got {code!r})"
        raise ValidationError(msg)
    return code


def validate_subregion_code(value: object) -> str:
    """
    Return a 3-digit sub-region (seutukunta) code.

    Examples:
        >>> validate_subregion_code("024")
        '024'
    """
    return _digits(value, 3, "sub-region code", "024")


def validate_wellbeing_county_code(value: object) -> str:
    """
    Return a wellbeing services county code: ``01``–``21``, or ``90`` for Helsinki.

    Examples:
        >>> validate_wellbeing_county_code("90")
        '90'
    """
    code = _digits(value, 2, "wellbeing county code", "09")
    if not (1 <= int(code) <= 21 or code == "90"):
        msg = f"wellbeing county code must be 01–21 or 90 (Helsinki) (got {code!r})"
        raise ValidationError(msg)
    return code


def business_id_check_digit(body: str) -> str:
    """
    Return the check digit of the 7-digit body of a Business ID.

    Examples:
        >>> business_id_check_digit("0204819")
        '8'
    """
    remainder = (
        sum(int(d) * w for d, w in zip(body, _BUSINESS_ID_WEIGHTS, strict=True)) % 11
    )
    if remainder == 0:
        return "0"
    if remainder == 1:
        msg = f"Business ID body {body!r} has no valid check digit (remainder 1)"
        raise ValidationError(msg)
    return str(11 - remainder)


def validate_business_id(value: object) -> str:
    """
    Return a Business ID (Y-tunnus) ``NNNNNNN-C`` after checking its check digit.

    Examples:
        >>> validate_business_id("0204819-8")
        '0204819-8'
        >>> validate_business_id("0204819-9")
        Traceback (most recent call last):
        ...
        oppilashuolto.errors.ValidationError: business ID check digit of '0204819-9' must be '8'
    """
    if (
        not isinstance(value, str)
        or len(value) != 9
        or value[7] != "-"
        or not is_ascii_digits(value[:7] + value[8])
    ):
        got = (
            repr(value)
            if isinstance(value, str) and len(value) < 20
            else "another value"
        )
        msg = f"business ID must look like '0204819-8' (got {got})"
        raise ValidationError(msg)
    expected = business_id_check_digit(value[:7])
    if value[8] != expected:
        msg = f"business ID check digit of {value!r} must be {expected!r}"
        raise ValidationError(msg)
    return value


def validate_school_number(value: object) -> str:
    """
    Return an institution number (oppilaitosnumero): 5 digits as text.

    Examples:
        >>> validate_school_number("03456")
        '03456'
    """
    return _digits(value, 5, "school number", "03456")


def _is_valid(validator: Callable[[object], str]) -> Callable[[object], bool]:
    def check(value: object) -> bool:
        try:
            validator(value)
        except ValidationError:
            return False
        return True

    check.__doc__ = f"Tell whether *value* passes `{validator.__name__}`."
    check.__name__ = validator.__name__.replace("validate_", "is_valid_")
    return check


is_valid_municipality_code = _is_valid(validate_municipality_code)
is_valid_region_code = _is_valid(validate_region_code)
is_valid_subregion_code = _is_valid(validate_subregion_code)
is_valid_wellbeing_county_code = _is_valid(validate_wellbeing_county_code)
is_valid_business_id = _is_valid(validate_business_id)
is_valid_school_number = _is_valid(validate_school_number)
