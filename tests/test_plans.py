"""The instalment plan calculator, checked on many generated debts and policies (hypothesis)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.calendar import is_banking_day
from bot.domain.money import ORE_PER_KRONA
from bot.domain.plans import (
    MAX_SCHEDULE_MONTHS,
    Instalment,
    PlanPolicy,
    PlanStatus,
    confirmed_status,
    is_confirmable,
    expected_remaining_ore,
    first_missed_instalment,
    is_within_policy,
    months_needed,
    moved,
    plan_for_amount,
    plan_options,
    status_when_agreed,
)

debts = st.integers(min_value=1, max_value=50_000_000)  # up to 500 000 kr, in öre
policies = st.builds(
    PlanPolicy,
    max_months=st.integers(min_value=1, max_value=24),
    min_instalment_ore=st.integers(min_value=1, max_value=20_000).map(lambda kr: kr * ORE_PER_KRONA),
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
        assert all(a % ORE_PER_KRONA == 0 for a in amounts[:-1])  # whole kronor; the last absorbs the rest
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
    if months_needed(debt, monthly_kr * ORE_PER_KRONA) > MAX_SCHEDULE_MONTHS:
        with pytest.raises(ValueError):
            plan_for_amount(debt, monthly_kr * ORE_PER_KRONA, first_month)
        return
    plan = plan_for_amount(debt, monthly_kr * ORE_PER_KRONA, first_month)
    amounts = [i.amount_ore for i in plan.instalments]
    assert sum(amounts) == debt
    assert all(a == monthly_kr * ORE_PER_KRONA for a in amounts[:-1])
    assert 0 < amounts[-1] <= monthly_kr * ORE_PER_KRONA


def test_a_proposal_beyond_the_policy_is_recognised() -> None:
    policy = PlanPolicy(max_months=6, min_instalment_ore=500 * ORE_PER_KRONA)
    january = dt.date(2027, 1, 1)
    assert is_within_policy(plan_for_amount(1_200_000, 200_000, january), policy)  # 6 × 2 000 kr
    assert not is_within_policy(plan_for_amount(1_200_000, 100_000, january), policy)  # 12 months
    assert not is_within_policy(plan_for_amount(300_000, 40_000, january), policy)  # 400 kr < 500 kr


def test_a_small_debt_is_one_payment() -> None:
    [plan] = plan_options(30_000, PlanPolicy(max_months=6, min_instalment_ore=50_000), dt.date(2027, 1, 1))
    assert [i.amount_ore for i in plan.instalments] == [30_000]
    assert plan.instalments[0].due == dt.date(2026, 12, 30)  # New Year's Eve is no banking day


def test_an_agreed_plan_is_active_pending_or_for_staff_to_decide_by_the_policy() -> None:
    january = dt.date(2027, 1, 1)
    within, beyond = plan_for_amount(1_200_000, 200_000, january), plan_for_amount(1_200_000, 100_000, january)
    strict = PlanPolicy(max_months=6, min_instalment_ore=500 * ORE_PER_KRONA)
    trusting = PlanPolicy(max_months=6, min_instalment_ore=500 * ORE_PER_KRONA, auto_confirm=True)
    assert status_when_agreed(within, strict) is PlanStatus.PROPOSED
    assert status_when_agreed(within, trusting) is PlanStatus.ACTIVE
    assert status_when_agreed(beyond, trusting) is PlanStatus.REVIEW


@pytest.mark.parametrize("status", [PlanStatus.PROPOSED, PlanStatus.REVIEW])
def test_staff_confirm_only_a_plan_waiting_for_them_with_a_schedule(status: PlanStatus) -> None:
    assert confirmed_status(status, has_schedule=True) is PlanStatus.ACTIVE
    with pytest.raises(ValueError):
        confirmed_status(status, has_schedule=False)


@pytest.mark.parametrize("status", [PlanStatus.ACTIVE, PlanStatus.MISSED, PlanStatus.REPLACED, PlanStatus.DONE])
def test_a_plan_not_waiting_for_staff_cannot_be_confirmed(status: PlanStatus) -> None:
    with pytest.raises(ValueError):
        confirmed_status(status, has_schedule=True)


@pytest.mark.parametrize("status", list(PlanStatus))
@pytest.mark.parametrize("has_schedule", [True, False])
def test_a_plan_is_confirmable_exactly_when_staff_can_confirm_it(status: PlanStatus, has_schedule: bool) -> None:
    try:
        confirmed_status(status, has_schedule)
    except ValueError:
        confirms = False
    else:
        confirms = True
    assert is_confirmable(status, has_schedule) is confirms
    assert confirms is (status in {PlanStatus.PROPOSED, PlanStatus.REVIEW} and has_schedule)


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (PlanStatus.PROPOSED, {PlanStatus.ACTIVE, PlanStatus.REPLACED, PlanStatus.DONE}),
        (PlanStatus.REVIEW, {PlanStatus.ACTIVE, PlanStatus.REPLACED, PlanStatus.DONE}),
        (PlanStatus.ACTIVE, {PlanStatus.MISSED, PlanStatus.REPLACED, PlanStatus.DONE}),
        (PlanStatus.MISSED, set()),
        (PlanStatus.REPLACED, set()),
        (PlanStatus.DONE, set()),
    ],
)
def test_the_plan_lifecycle(status: PlanStatus, allowed: set[PlanStatus]) -> None:
    for to in PlanStatus:
        if to in allowed:
            assert moved(status, to) is to
        else:
            with pytest.raises(ValueError):
                moved(status, to)


# 2 400 kr in three instalments of 800 kr.
SCHEDULE = [Instalment(dt.date(2026, 12, 30), 80_000), Instalment(dt.date(2027, 1, 29), 80_000),
            Instalment(dt.date(2027, 2, 26), 80_000)]


def test_what_should_be_left_allows_a_few_days_for_a_payment_to_show() -> None:
    assert expected_remaining_ore(240_000, SCHEDULE, dt.date(2027, 1, 2)) == 240_000
    assert expected_remaining_ore(240_000, SCHEDULE, dt.date(2027, 1, 3)) == 160_000
    assert expected_remaining_ore(240_000, SCHEDULE, dt.date(2027, 3, 5)) == 0


def test_the_first_missed_instalment_is_the_earliest_not_covered_by_payments() -> None:
    assert first_missed_instalment(240_000, SCHEDULE, 160_000, dt.date(2027, 1, 4)) is None
    assert first_missed_instalment(240_000, SCHEDULE, 240_000, dt.date(2027, 1, 4)) == SCHEDULE[0]
    assert first_missed_instalment(240_000, SCHEDULE, 160_000, dt.date(2027, 2, 5)) == SCHEDULE[1]
    # Paid more than asked: nothing is missed.
    assert first_missed_instalment(240_000, SCHEDULE, 50_000, dt.date(2027, 2, 5)) is None
