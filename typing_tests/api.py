"""Type checks of the public API: checked by mypy, never run."""

import datetime as dt

from oppilashuolto import Membership, Period, WelfareStructure
from oppilashuolto.io import dumps, loads


def check_queries(s: WelfareStructure) -> None:
    seats: tuple[Membership, ...] = s.members("g", on=dt.date(2020, 1, 1))
    chair: Membership | None = s.chair("g", on=dt.date(2020, 1, 1))
    text: str = dumps(s, "toml")
    again: WelfareStructure = loads(text, "toml")
    period: Period = Period.from_edtf("2014-23/..")
    del seats, chair, again, period
