"""The rent due date: the last banking day before the month (JB 12:20)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.calendar import (
    easter_sunday,
    is_banking_day,
    lease_end_after_notice,
    next_month,
    next_rent_month,
    rent_due_date,
    rent_month_of,
    swedish_date,
    swedish_time,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2024, dt.date(2024, 3, 31)), (2025, dt.date(2025, 4, 20)), (2026, dt.date(2026, 4, 5)), (2027, dt.date(2027, 3, 28))],
)
def test_easter(year: int, easter: dt.date) -> None:
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    ("month", "due"),
    [
        # An ordinary month: the last day before is a Friday.
        (dt.date(2026, 11, 1), dt.date(2026, 10, 30)),
        # The month before ends on a Saturday: Friday the 30th.
        (dt.date(2026, 6, 1), dt.date(2026, 5, 29)),
        # ...on a Sunday: Friday the 29th.
        (dt.date(2026, 4, 1), dt.date(2026, 3, 31)),
        (dt.date(2026, 9, 1), dt.date(2026, 8, 31)),
        (dt.date(2025, 7, 1), dt.date(2025, 6, 30)),
        (dt.date(2025, 9, 1), dt.date(2025, 8, 29)),  # 30 and 31 August 2025 are a weekend
        # New Year's Eve is not a banking day: January rent is due on 30 December.
        (dt.date(2027, 1, 1), dt.date(2026, 12, 30)),
        # Good Friday is 29 March 2024 and a weekend follows: April rent is due on Thursday the 28th.
        (dt.date(2024, 4, 1), dt.date(2024, 3, 28)),
        # Easter Monday on 1 April 2024 does not matter for May rent, due Tuesday 30 April.
        (dt.date(2024, 5, 1), dt.date(2024, 4, 30)),
    ],
)
def test_rent_is_due_on_the_last_banking_day_before_the_month(month: dt.date, due: dt.date) -> None:
    assert rent_due_date(month) == due
    assert rent_due_date(month.replace(day=15)) == due


def test_holidays_and_weekends_are_not_banking_days() -> None:
    assert not is_banking_day(dt.date(2026, 6, 19))  # Midsummer Eve
    assert not is_banking_day(dt.date(2026, 12, 24))
    assert not is_banking_day(dt.date(2026, 5, 14))  # Ascension Day
    assert not is_banking_day(dt.date(2026, 11, 28))  # a Saturday
    assert is_banking_day(dt.date(2026, 11, 27))


def test_the_next_rent_to_pay() -> None:
    # On 26 November 2026 the December rent (due Monday 30 November) is next.
    assert next_rent_month(dt.date(2026, 11, 26)) == dt.date(2026, 12, 1)
    # On 1 December, December's rent was due yesterday: January's is next.
    assert next_rent_month(dt.date(2026, 12, 1)) == dt.date(2027, 1, 1)


@pytest.mark.parametrize(
    ("notice", "end"),
    [
        (dt.date(2026, 5, 15), dt.date(2026, 8, 31)),
        (dt.date(2026, 5, 1), dt.date(2026, 8, 31)),
        (dt.date(2026, 5, 31), dt.date(2026, 8, 31)),
        (dt.date(2026, 11, 26), dt.date(2027, 2, 28)),
        (dt.date(2027, 11, 30), dt.date(2028, 2, 29)),
    ],
)
def test_a_lease_ends_at_the_turn_of_the_month_after_three_months(notice: dt.date, end: dt.date) -> None:
    assert lease_end_after_notice(notice) == end


@pytest.mark.parametrize(
    ("day", "months", "first"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 1)),
        (dt.date(2026, 12, 15), 1, dt.date(2027, 1, 1)),
        (dt.date(2026, 5, 15), 4, dt.date(2026, 9, 1)),
        (dt.date(2027, 1, 1), -1, dt.date(2026, 12, 1)),
        (dt.date(2026, 3, 31), 24, dt.date(2028, 3, 1)),
    ],
)
def test_a_month_step_lands_on_the_first_of_the_month(day: dt.date, months: int, first: dt.date) -> None:
    assert next_month(day, months) == first


@given(day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)), months=st.integers(-24, 24))
def test_month_steps_add_up(day: dt.date, months: int) -> None:
    assert next_month(next_month(day, months), 1) == next_month(day, months + 1)
    assert next_month(day, months) > day or months <= 0


def test_the_rent_due_at_the_end_of_a_month_is_the_next_months_rent() -> None:
    assert rent_month_of(dt.date(2026, 11, 30)) == dt.date(2026, 12, 1)
    assert rent_month_of(dt.date(2026, 10, 30)) == dt.date(2026, 11, 1)


@pytest.mark.parametrize(
    ("utc", "date", "time"),
    [
        # Winter: Sweden is an hour ahead, so late evening in UTC is already tomorrow.
        (dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC), dt.date(2027, 1, 1), dt.time(0, 30)),
        # Summer time: two hours ahead.
        (dt.datetime(2026, 6, 30, 22, 15, tzinfo=dt.UTC), dt.date(2026, 7, 1), dt.time(0, 15)),
        (dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), dt.date(2026, 3, 2), dt.time(10, 0)),
    ],
)
def test_dates_and_times_are_read_on_a_swedish_clock(utc: dt.datetime, date: dt.date, time: dt.time) -> None:
    assert swedish_date(utc) == date
    assert swedish_time(utc) == time
