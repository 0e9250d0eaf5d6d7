"""A tenant who names an amount or a number of months when asking for a plan gets that plan."""

import pytest

from bot.domain.plan_wish import PlanWish, plan_wish


@pytest.mark.parametrize(
    ("text", "wish"),
    [
        ("can I pay 1000 a month?", PlanWish(monthly_kronor=1000)),
        ("kan jag betala 1 500 kr i månaden", PlanWish(monthly_kronor=1500)),
        ("kan jag betala tusen i månaden?", PlanWish(monthly_kronor=1000)),
        ("kan jag betala femhundra i månaden?", PlanWish(monthly_kronor=500)),
        ("could I pay a thousand a month", PlanWish(monthly_kronor=1000)),
        ("can I pay two thousand per month", PlanWish(monthly_kronor=2000)),
        ("أقدر أدفع ٨٠٠ كل شهر؟", PlanWish(monthly_kronor=800)),
        ("kan jag dela upp det på tre månader?", PlanWish(months=3)),
        ("can I split it over 4 months", PlanWish(months=4)),
        ("can I pay it in six months?", PlanWish(months=6)),
        # Arabic in Latin letters: the digits inside words are letters, not numbers.
        ("ana ma a2dar edfa3 kolo, a2sat b 1000 kr bel shahr", PlanWish(monthly_kronor=1000)),
        ("٣ شهور", PlanWish(months=3)),
        ("voinko maksaa 3 kk aikana", PlanWish(months=3)),
        ("можна розбити на 6 міс", PlanWish(months=6)),
        ("kan jag betala på 3 mån", PlanWish(months=3)),
    ],
)
def test_an_amount_or_months_in_the_message_is_understood(text: str, wish: PlanWish) -> None:
    assert plan_wish(text) == wish


@pytest.mark.parametrize(
    "text",
    [
        "can I pay in instalments?",
        "kan jag dela upp skulden?",
        "can I pay 3 of them",           # a small number without "month" is not a plan length
        "I can pay 500 or 600 a month",  # two amounts: ask, don't guess
        "can I split it over 48 months",  # longer than any plan: the options are shown instead
    ],
)
def test_nothing_clear_is_no_wish(text: str) -> None:
    assert plan_wish(text) is None
