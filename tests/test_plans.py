"""The instalment plan calculator, checked on many generated debts and policies (hypothesis)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.calendar import is_banking_day
from bot.domain.plans import (
    KRONA,
    MAX_SCHEDULE_MONTHS,
    PlanPolicy,
    is_within_policy,
    months_needed,
    plan_for_amount,
    plan_options,
)

debts = st.integers(min_value=1, max_value=50_000_000)  # up to 500 000 kr, in öre
policies = st.builds(
    PlanPolicy,
    max_months=st.integers(min_value=1, max_value=24),
    min_instalment_ore=st.integers(min_value=1, max_value=20_000).map(lambda kr: kr * KRONA),
)
months = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2035, 12, 1)).map(lambda d: d.replace(day=1))


@settings(max_examples=500, deadline=None)
@given(debt=debts, policy=policies, first_month=months)
def test_every_option_adds_up_and_respects_the_policy(debt: int, policy: PlanPolicy, first_month: dt.date) -> None:
    options = plan_options(debt, policy, first_month)
    assert 1 <= len(options) <= 3
    for plan in options:
        amounts = [i.amount_ore for i in plan.instalments]
        assert sum(amounts) == debt
        assert plan.months <= policy.max_months
        assert all(a % KRONA == 0 for a in amounts[:-1])  # whole kronor; the last absorbs the rest
        if plan.months > 1:
            assert all(a >= policy.min_instalment_ore for a in amounts)
            assert amounts[-1] >= amounts[0]
        dues = [i.due for i in plan.instalments]
        assert dues == sorted(set(dues)) and all(is_banking_day(d) for d in dues)
        assert is_within_policy(plan, policy)
    assert [p.months for p in options] == sorted({p.months for p in options})


@settings(max_examples=500, deadline=None)
@given(debt=debts, monthly_kr=st.integers(min_value=1, max_value=100_000), first_month=months)
def test_a_tenants_own_amount_is_paid_until_the_debt_is_gone(debt: int, monthly_kr: int, first_month: dt.date) -> None:
    if months_needed(debt, monthly_kr * KRONA) > MAX_SCHEDULE_MONTHS:
        with pytest.raises(ValueError):
            plan_for_amount(debt, monthly_kr * KRONA, first_month)
        return
    plan = plan_for_amount(debt, monthly_kr * KRONA, first_month)
    amounts = [i.amount_ore for i in plan.instalments]
    assert sum(amounts) == debt
    assert all(a == monthly_kr * KRONA for a in amounts[:-1])
    assert 0 < amounts[-1] <= monthly_kr * KRONA


def test_a_proposal_beyond_the_policy_is_recognised() -> None:
    policy = PlanPolicy(max_months=6, min_instalment_ore=500 * KRONA)
    january = dt.date(2027, 1, 1)
    assert is_within_policy(plan_for_amount(1_200_000, 200_000, january), policy)  # 6 × 2 000 kr
    assert not is_within_policy(plan_for_amount(1_200_000, 100_000, january), policy)  # 12 months
    assert not is_within_policy(plan_for_amount(300_000, 40_000, january), policy)  # 400 kr < 500 kr


def test_a_small_debt_is_one_payment() -> None:
    [plan] = plan_options(30_000, PlanPolicy(max_months=6, min_instalment_ore=50_000), dt.date(2027, 1, 1))
    assert [i.amount_ore for i in plan.instalments] == [30_000]
    assert plan.instalments[0].due == dt.date(2026, 12, 30)  # New Year's Eve is no banking day
