"""Late rent, as the conversation and the ledger import see it: the tenant's current debt, their
reason, their word that they have paid, and instalment plans.

Plain functions over a database session; the Rasa actions, the bot and the ledger import are thin
callers. Plan arithmetic lives in `bot.domain.plans`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.infra.crypto import TextCipher
from bot.db.models import ArrearsCase, Lease, LedgerSnapshot, OutreachMessage, PaymentPlan, PlanInstalment, Tenant
from bot.db.repositories import latest_snapshot, open_arrears_case
from bot.domain import outreach as outreach_rules
from bot.domain import plans
from bot.domain.calendar import next_rent_month
from bot.domain.outreach import ContactKind, OutreachStatus, contact_key
from bot.domain.plans import OPEN_PLAN_STATUSES, Instalment, Plan, PlanPolicy, PlanStatus
from bot.domain.reasons import LateRentReason

# The longest free text kept; a reason is a few words, not a letter.
MAX_REASON_TEXT = 2000


@dataclass(frozen=True)
class Debt:
    case: ArrearsCase
    snapshot: LedgerSnapshot

    @property
    def amount_ore(self) -> int:
        return self.snapshot.amount_overdue_ore


def lease_of(tenant: Tenant | None) -> Lease | None:
    return tenant.leases[0] if tenant is not None and tenant.leases else None


def current_debt(session: Session, lease: Lease | None) -> Debt | None:
    """The open case and the snapshot it rests on, if the latest snapshot shows a debt."""
    if lease is None:
        return None
    case = open_arrears_case(session, lease.id)
    snapshot = latest_snapshot(session, lease.id)
    if case is None or snapshot is None or snapshot.amount_overdue_ore <= 0:
        return None
    return Debt(case, snapshot)


def record_reason(case: ArrearsCase, code: str, now: dt.datetime) -> None:
    reason = LateRentReason(code)
    case.reason_code = reason
    case.reason_given_at = now
    if reason is LateRentReason.DECLINED:
        case.reason_text_encrypted = None


def record_reason_text(case: ArrearsCase, text: str, cipher: TextCipher, now: dt.datetime) -> None:
    """Keep the tenant's own words about their situation, encrypted; never in clear."""
    case.reason_text_encrypted = cipher.encrypt(text.strip()[:MAX_REASON_TEXT])
    case.reason_code = case.reason_code or LateRentReason.OTHER
    case.reason_given_at = now


def report_paid(case: ArrearsCase, today: dt.date) -> None:
    """The tenant says they have paid: believed, and reminders wait for the next snapshot."""
    case.reported_paid_on = today


def reminders_paused(case: ArrearsCase, snapshot: LedgerSnapshot) -> bool:
    return outreach_rules.reminders_paused(case.reported_paid_on, snapshot.snapshot_date)


def open_plan(session: Session, case: ArrearsCase) -> PaymentPlan | None:
    return session.scalars(
        select(PaymentPlan)
        .where(PaymentPlan.case_id == case.id, PaymentPlan.status.in_(OPEN_PLAN_STATUSES))
        .order_by(PaymentPlan.id.desc())
    ).first()


def first_instalment_month(today: dt.date) -> dt.date:
    """Instalments start with the next rent payment, and are due on the same day as the rent."""
    return next_rent_month(today)


def agree_plan(
    session: Session, debt: Debt, plan: Plan, policy: PlanPolicy, now: dt.datetime
) -> PaymentPlan:
    """Record the plan the tenant chose or proposed (`plans.status_when_agreed` says whether it
    is agreed or goes to staff). A plan still open for the same debt is replaced."""
    _replace_open_plan(session, debt.case)
    status = plans.status_when_agreed(plan, policy)
    record = PaymentPlan(
        case=debt.case,
        status=status,
        debt_ore=plan.total_ore,
        monthly_ore=plan.monthly_ore,
        created_at=now,
        confirmed_at=now if status is PlanStatus.ACTIVE else None,
        instalments=[PlanInstalment(due=i.due, amount_ore=i.amount_ore) for i in plan.instalments],
    )
    session.add(record)
    session.flush()
    return record


def propose_unscheduled(session: Session, debt: Debt, monthly_ore: int, now: dt.datetime) -> PaymentPlan:
    """A monthly amount too small to draw up a schedule for: staff take it from here."""
    _replace_open_plan(session, debt.case)
    record = PaymentPlan(case=debt.case, status=PlanStatus.REVIEW, debt_ore=debt.amount_ore, monthly_ore=monthly_ore, created_at=now)
    session.add(record)
    session.flush()
    return record


def _replace_open_plan(session: Session, case: ArrearsCase) -> None:
    previous = open_plan(session, case)
    if previous is not None:
        previous.status = plans.moved(previous.status, PlanStatus.REPLACED)


def confirm_plan(session: Session, plan: PaymentPlan, now: dt.datetime) -> None:
    """Staff confirm a proposed plan, or accept one that was outside the policy; the tenant is
    sent the agreed schedule (an outreach message, so quiet hours hold)."""
    try:
        plan.status = plans.confirmed_status(plan.status, bool(plan.instalments))
    except ValueError as refused:
        raise ValueError(f"plan {plan.id}: {refused}") from None
    plan.confirmed_at = now
    tenant = session.get(Lease, plan.case.lease_id).tenant  # type: ignore[union-attr]
    if tenant.telegram_user_id is not None:
        session.add(OutreachMessage(case=plan.case, key=contact_key(ContactKind.CONFIRMED, plan.id),
                                    status=OutreachStatus.PENDING, chat_id=tenant.telegram_user_id))


def schedule_param(plan: PaymentPlan | Plan) -> dict[str, Any]:
    """A plan's payments as a message parameter (one line per payment when rendered)."""
    return {"schedule": [{"date": i.due.isoformat(), "amount_ore": i.amount_ore} for i in plan.instalments]}


def first_missed_instalment(plan: PaymentPlan, snapshot: LedgerSnapshot) -> Instalment | None:
    """The earliest instalment a snapshot shows unpaid, if the debt is above what the plan allows."""
    instalments = [Instalment(i.due, i.amount_ore) for i in plan.instalments]
    return plans.first_missed_instalment(plan.debt_ore, instalments, snapshot.amount_overdue_ore, snapshot.snapshot_date)


def follow_plan(session: Session, case: ArrearsCase, snapshot: LedgerSnapshot) -> PaymentPlan | None:
    """After a snapshot: an agreed plan whose instalment did not arrive is marked missed, and the
    tenant is contacted again (an outreach message) so the conversation re-opens. Returns the
    plan marked missed, if any."""
    plan = open_plan(session, case)
    if plan is None or plan.status != PlanStatus.ACTIVE:
        return None
    if first_missed_instalment(plan, snapshot) is None:
        return None
    plan.status = plans.moved(plan.status, PlanStatus.MISSED)
    plan.missed_on = snapshot.snapshot_date
    # Sent to the tenant's chat; without one, staff see the tenant on the hard-to-reach list.
    tenant = session.get(Lease, case.lease_id).tenant  # type: ignore[union-attr]
    chat_id = tenant.telegram_user_id if tenant is not None else None
    session.add(OutreachMessage(
        case=case, key=contact_key(ContactKind.MISSED, plan.id), chat_id=chat_id,
        status=OutreachStatus.PENDING if chat_id is not None else OutreachStatus.SKIPPED,
        detail=None if chat_id is not None else "no linked chat",
    ))
    return plan


def close_plans(session: Session, case: ArrearsCase) -> None:
    """The debt is paid: whatever plan was open is done."""
    for plan in session.scalars(
        select(PaymentPlan).where(PaymentPlan.case_id == case.id, PaymentPlan.status.in_(OPEN_PLAN_STATUSES))
    ):
        plan.status = plans.moved(plan.status, PlanStatus.DONE)
