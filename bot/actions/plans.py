"""request_payment_plan: offer instalment plans (avbetalningsplaner) within the organisation's
policy, or take the tenant's own monthly amount."""

from __future__ import annotations

from dataclasses import dataclass

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from bot.actions.arrears import FREE_TEXT_WAIT
from bot.actions.base import KnownTenantAction, Message
from bot.actions.tenants import UNKNOWN_TENANT, facts_of
from bot.actions.tracker import date_param, entity, money_param
from bot.db import repositories
from bot.db.models import PaymentPlan, Tenant
from bot.domain import buttons
from bot.domain.awaiting import Awaiting
from bot.domain.money import ORE_PER_KRONA
from bot.domain.plan_wish import plan_wish
from bot.domain.plans import Plan, PlanStatus, plan_for_months, plan_options
from bot.services import arrears, late_rent

OWN_AMOUNT = "own"
OWN_AMOUNT_BUTTON = {"key": "button.plan_own_amount",
                     "payload": buttons.payload("request_payment_plan", plan_months=OWN_AMOUNT)}


def plan_reply(plan: PaymentPlan, just_made: bool) -> Message:
    schedule = arrears.schedule_param(plan)
    if plan.status == PlanStatus.REVIEW:
        key = "plan.to_staff" if just_made else "plan.pending"
        return {"key": key, "params": {"amount": money_param(plan.monthly_ore), "schedule": schedule}}
    if plan.status == PlanStatus.PROPOSED:
        return {"key": "plan.proposed" if just_made else "plan.pending", "params": {"schedule": schedule}}
    return {"key": "plan.confirmed" if just_made else "plan.active", "params": {"schedule": schedule}}


def _option_button(option: Plan) -> Message:
    return {
        "key": "button.plan_option",
        "params": {"amount": money_param(option.monthly_ore),
                   "month": {"month": option.instalments[-1].due.isoformat()}},
        "payload": buttons.payload("request_payment_plan", plan_months=option.months),
    }


def _options_message(debt: arrears.Debt, options: list[Plan], own_amount: bool) -> Message:
    return {
        "key": "plan.options",
        "params": {"amount": money_param(debt.amount_ore), "date": date_param(debt.snapshot.snapshot_date)},
        "buttons": [*map(_option_button, options), *([OWN_AMOUNT_BUTTON] if own_amount else [])],
    }


def whole_kronor(text: str | None) -> int | None:
    try:
        kronor = int(text or "")
    except ValueError:
        return None
    return kronor if kronor > 0 else None


def _no_debt(session: Session, tenant: Tenant) -> Message:
    lease = arrears.lease_of(tenant)
    snapshot = repositories.latest_snapshot(session, lease.id) if lease is not None else None
    if snapshot is None:
        return {"key": "balance.unknown", "buttons": [buttons.TALK_TO_PERSON_BUTTON]}
    return {"key": "plan.no_debt", "params": {"date": date_param(snapshot.snapshot_date)}}


@dataclass(frozen=True)
class Requested:
    """The months or monthly amount asked for, and whether the tenant wrote them (not a button)."""

    months: str | None = None
    amount: str | None = None
    in_own_words: bool = False


def _requested(tracker: Tracker) -> Requested:
    """From a button, or from what the tenant wrote ("can I pay 1000 a month?", "kan jag dela upp
    det på tre månader?"), so that they get that plan rather than the options again."""
    months, amount = entity(tracker, "plan_months"), entity(tracker, "amount")
    text = tracker.latest_message.get("text") or ""
    if months is not None or amount is not None or text.startswith("/"):
        return Requested(months, amount)
    wish = plan_wish(text)
    if wish is None:
        return Requested()
    return Requested(str(wish.months) if wish.months else None,
                     str(wish.monthly_kronor) if wish.monthly_kronor else None, in_own_words=True)


class ActionPaymentPlan(KnownTenantAction):
    action_name = "action_payment_plan"

    def answer_tenant(self, tracker: Tracker, session: Session, tenant: Tenant) -> list[Message]:
        facts = facts_of(self.dependencies.organisations, tenant)
        if facts is None:
            return [UNKNOWN_TENANT]
        debt = arrears.current_debt(session, arrears.lease_of(tenant))
        if debt is None:
            return [_no_debt(session, tenant)]
        request = late_rent.PlanRequest(
            tenant, debt, facts.plan_policy, staff_group=facts.staff is not None, chat_id=int(tracker.sender_id))
        return [self._reply(session, request, _requested(tracker))]

    def _reply(self, session: Session, request: late_rent.PlanRequest, requested: Requested) -> Message:
        """No choice yet: the plan under way, or the options; a choice of months: that plan (one
        not on offer only when the tenant wrote it); an amount: a plan for it; "own" or an amount
        that is not whole kronor: ask for the amount."""
        debt, now, today = request.debt, self.dependencies.now(), self.dependencies.today()
        months, amount = requested.months, requested.amount
        first_month = arrears.first_instalment_month(today)
        options = plan_options(debt.amount_ore, request.policy, first_month)
        if months is None and amount is None:
            existing = arrears.open_plan(session, debt.case)
            if existing is not None:
                return plan_reply(existing, just_made=False)
            return _options_message(debt, options, own_amount=True)
        if months == OWN_AMOUNT or (amount is not None and whole_kronor(amount) is None):
            repositories.expect_text(session, request.chat_id, Awaiting.PLAN_AMOUNT, now + FREE_TEXT_WAIT)
            return {"key": "plan.ask_amount" if months == OWN_AMOUNT else "plan.amount_invalid"}
        if months is not None:
            chosen = next((option for option in options if str(option.months) == months), None)
            if chosen is None and requested.in_own_words:
                chosen = plan_for_months(debt.amount_ore, int(months), first_month)
            if chosen is None:  # the debt changed since the options were shown
                return _options_message(debt, options, own_amount=False)
            return plan_reply(late_rent.agree(session, request, chosen, now), just_made=True)
        monthly_ore = (whole_kronor(amount) or 0) * ORE_PER_KRONA
        return plan_reply(late_rent.agree_own_amount(session, request, monthly_ore, now, today), just_made=True)
