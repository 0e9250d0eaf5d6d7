"""The late-rent conversation's use cases that write more than one thing: an instalment plan the
tenant asked for (and the staff case it may need), and a referral to budget and debt counselling
(skuldrådgivning) with the consent it rests on. The caller owns the transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.db.models import PaymentPlan, Referral, Tenant
from bot.domain.cases import CaseReason
from bot.domain.consent import Recipient
from bot.domain.plans import (
    MAX_SCHEDULE_MONTHS,
    WAITING_FOR_STAFF,
    Plan,
    PlanPolicy,
    PlanStatus,
    months_needed,
    plan_for_amount,
)
from bot.i18n.rendering import Renderer
from bot.services import arrears, consents, handoff
from bot.services.language import language_of


@dataclass(frozen=True)
class PlanRequest:
    """A tenant with a debt asking for an instalment plan, under their organisation's policy."""

    tenant: Tenant
    debt: arrears.Debt
    policy: PlanPolicy
    # Whether the organisation has a staff group to take plans that wait for staff.
    staff_group: bool
    chat_id: int


def agree(session: Session, request: PlanRequest, plan: Plan, now: dt.datetime) -> PaymentPlan:
    """Record the plan the tenant chose; one that waits for staff opens a case for them."""
    record = arrears.agree_plan(session, request.debt, plan, request.policy, now)
    _ask_staff(session, request, record, now)
    return record


def agree_own_amount(
    session: Session, request: PlanRequest, monthly_ore: int, now: dt.datetime, today: dt.date
) -> PaymentPlan:
    """The tenant's own monthly amount: a schedule if one can be drawn up, else a proposal for staff."""
    debt = request.debt
    if months_needed(debt.amount_ore, monthly_ore) > MAX_SCHEDULE_MONTHS:
        record = arrears.propose_unscheduled(session, debt, monthly_ore, now)
    else:
        proposal = plan_for_amount(debt.amount_ore, monthly_ore, arrears.first_instalment_month(today))
        record = arrears.agree_plan(session, debt, proposal, request.policy, now)
    _ask_staff(session, request, record, now)
    return record


def _ask_staff(session: Session, request: PlanRequest, plan: PaymentPlan, now: dt.datetime) -> None:
    if plan.status not in WAITING_FOR_STAFF or not request.staff_group:
        return
    reason = CaseReason.PLAN_REVIEW if plan.status == PlanStatus.REVIEW else CaseReason.PLAN_CONFIRM
    handoff.open_staff_case(session, reason=reason, now=now, chat_id=request.chat_id, tenant=request.tenant)


def refer_to_debt_counselling(
    session: Session, tenant: Tenant, chat_id: int, renderer: Renderer, now: dt.datetime
) -> Referral:
    """The tenant's yes: recorded in the consent registry with the text they saw in their own
    language, and a referral for staff to pass on."""
    language = renderer.language_or_default(language_of(session, chat_id, tenant))
    consent = consents.give(session, tenant, Recipient.DEBT_COUNSELLING, renderer, language, now)
    referral = Referral(tenant=tenant, consent=consent, recipient=Recipient.DEBT_COUNSELLING, created_at=now)
    session.add(referral)
    return referral
