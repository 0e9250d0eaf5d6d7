"""Instalment plans (action_payment_plan): the options within the policy, the tenant's own
amount, and a plan that waits for staff opening a case for them."""

import datetime as dt
import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.actions import ActionPaymentPlan
from bot.db.models import Chat, PaymentPlan, StaffCase
from bot.domain.plans import PlanStatus
from tests.actions_support import AMINA, STRANGER, TODAY, keys, run, seed, using

NOW = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def behind(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """Amina, behind with the last rent (8 450 kr)."""
    seed(session_factory, behind_on=TODAY)
    return session_factory


@pytest.fixture
def action(behind: sessionmaker[Session]) -> ActionPaymentPlan:
    return ActionPaymentPlan(using(behind, NOW))


def plans(sessions: sessionmaker[Session]) -> list[tuple[str, int]]:
    with sessions() as session:
        return [(plan.status, plan.monthly_ore) for plan in session.scalars(select(PaymentPlan).order_by(PaymentPlan.id))]


def case_reasons(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        return [case.reason for case in session.scalars(select(StaffCase))]


async def test_the_options_within_the_policy_are_offered_with_an_own_amount(action: ActionPaymentPlan) -> None:
    [offer] = await run(action, AMINA, "kan jag dela upp skulden", "request_payment_plan")
    assert offer["key"] == "plan.options"
    assert offer["params"] == {"amount": {"amount_ore": 845_000}, "date": {"date": "2026-12-04"}}
    *options, own = offer["buttons"]
    assert options and all(button["key"] == "button.plan_option" for button in options)
    assert own["key"] == "button.plan_own_amount"


async def test_a_chosen_plan_is_proposed_to_staff_who_get_a_case(
    action: ActionPaymentPlan, behind: sessionmaker[Session]
) -> None:
    [offer] = await run(action, AMINA, "kan jag dela upp skulden", "request_payment_plan")
    payload = offer["buttons"][0]["payload"]
    months = str(json.loads(payload[payload.index("{"):])["plan_months"])
    [reply] = await run(action, AMINA, "välj", "request_payment_plan", plan_months=months)
    assert reply["key"] == "plan.proposed" and reply["params"]["schedule"]["schedule"]
    assert [status for status, _ in plans(behind)] == [PlanStatus.PROPOSED]
    assert case_reasons(behind) == ["plan_confirm"]
    # Asking again shows the plan under way instead of new options.
    assert keys(await run(action, AMINA, "min plan", "request_payment_plan")) == ["plan.pending"]


async def test_a_choice_no_longer_on_offer_shows_the_options_again(action: ActionPaymentPlan, behind: sessionmaker[Session]) -> None:
    [reply] = await run(action, AMINA, "välj", "request_payment_plan", plan_months="99")
    assert reply["key"] == "plan.options" and "button.plan_own_amount" not in keys(reply["buttons"])
    assert plans(behind) == []


async def test_the_own_amount_is_asked_for_and_a_small_one_goes_to_staff(
    action: ActionPaymentPlan, behind: sessionmaker[Session]
) -> None:
    assert await run(action, AMINA, "eget belopp", "request_payment_plan", plan_months="own") == [{"key": "plan.ask_amount"}]
    with behind() as session:
        chat = session.get(Chat, int(AMINA))
        assert chat is not None and chat.awaiting == "plan_amount"
    [reply] = await run(action, AMINA, "500", "request_payment_plan", amount="500")
    assert reply["key"] == "plan.to_staff" and reply["params"]["amount"] == {"amount_ore": 50_000}
    assert plans(behind) == [(PlanStatus.REVIEW, 50_000)]
    assert case_reasons(behind) == ["plan_review"]


async def test_an_amount_too_small_for_a_schedule_goes_to_staff_as_it_is(
    action: ActionPaymentPlan, behind: sessionmaker[Session]
) -> None:
    [reply] = await run(action, AMINA, "1", "request_payment_plan", amount="1")
    assert reply["key"] == "plan.to_staff" and reply["params"]["schedule"] == {"schedule": []}
    assert plans(behind) == [(PlanStatus.REVIEW, 100)]


async def test_an_amount_that_is_not_whole_kronor_is_asked_again(action: ActionPaymentPlan, behind: sessionmaker[Session]) -> None:
    assert await run(action, AMINA, "lite", "request_payment_plan", amount="lite") == [{"key": "plan.amount_invalid"}]
    assert plans(behind) == []


async def test_without_a_debt_there_is_nothing_to_plan(session_factory: sessionmaker[Session]) -> None:
    seed(session_factory)
    action = ActionPaymentPlan(using(session_factory, NOW))
    [reply] = await run(action, AMINA, "kan jag dela upp skulden", "request_payment_plan")
    assert reply["key"] == "balance.unknown"
    assert await run(action, STRANGER, "payment plan", "request_payment_plan") == [{"key": "staff.contact_unknown_tenant"}]


async def test_an_amount_in_the_tenants_own_words_gets_that_plan(
    action: ActionPaymentPlan, behind: sessionmaker[Session]
) -> None:
    [reply] = await run(action, AMINA, "can I pay 1000 a month?", "request_payment_plan")
    # 8 450 kr at 1 000 kr a month takes nine months, longer than the policy's six: staff decide.
    assert reply["key"] == "plan.to_staff" and reply["params"]["amount"] == {"amount_ore": 100_000}
    assert plans(behind) == [(PlanStatus.REVIEW, 100_000)]


async def test_months_in_the_tenants_own_words_get_that_plan(action: ActionPaymentPlan, behind: sessionmaker[Session]) -> None:
    [reply] = await run(action, AMINA, "kan jag dela upp det på tre månader?", "request_payment_plan")
    assert reply["key"] == "plan.proposed"
    assert len(reply["params"]["schedule"]["schedule"]) == 3
    assert [status for status, _ in plans(behind)] == [PlanStatus.PROPOSED]
