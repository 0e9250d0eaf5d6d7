"""When a person will answer: office hours on weekdays, closed on Swedish bank holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain.calendar import SWEDEN
from bot.domain.office_hours import OpeningHours, next_opening

WEEKDAYS_8_TO_16 = OpeningHours(first_day=0, last_day=4, opens=dt.time(8), closes=dt.time(16))


def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SWEDEN)


@pytest.mark.parametrize(
    ("now", "opens"),
    [
        (at(12, 7, 10), None),  # Monday, open
        (at(12, 7, 8), None),
        (at(12, 7, 15, 59), None),
        (at(12, 7, 7, 30), at(12, 7, 8)),
        (at(12, 7, 16), at(12, 8, 8)),
        (at(12, 4, 16), at(12, 7, 8)),  # Friday after closing: Monday
        (at(12, 5, 10), at(12, 7, 8)),  # Saturday
        # Christmas Eve to Boxing Day are closed; the weekend too.
        (at(12, 23, 17), at(12, 28, 8)),
        # Midsummer Eve (19 June 2026) is closed.
        (at(6, 18, 17), at(6, 22, 8)),
    ],
)
def test_the_next_opening_skips_weekends_and_bank_holidays(now: dt.datetime, opens: dt.datetime | None) -> None:
    assert next_opening(now, WEEKDAYS_8_TO_16) == opens


def test_an_office_open_some_weekdays() -> None:
    tuesday_to_thursday = OpeningHours(first_day=1, last_day=3, opens=dt.time(10), closes=dt.time(14))
    assert next_opening(at(12, 4, 11), tuesday_to_thursday) == at(12, 8, 10)  # Friday: Tuesday
    assert next_opening(at(12, 8, 11), tuesday_to_thursday) is None
