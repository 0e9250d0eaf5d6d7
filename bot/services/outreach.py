"""Early contact about late rent: which tenant is contacted, when, and with what.

Each contact is a row in `outreach_message`, planned once per case and key (a stage such as
"reminder", an instalment reminder "instalment:<id>", a missed instalment "missed:<plan id>"), so
a stage reaches a debt at most once whatever runs when. Delivery
(bot.services.outreach_delivery) claims a row before the message goes out and records the result
after; this module decides what is due and what it says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from bot.services import arrears, handoff
from bot.db.models import (
    ArrearsCase,
    Consent,
    Lease,
    Organisation,
    OutreachMessage,
    PaymentPlan,
    PlanInstalment,
    Referral,
    Tenant,
    as_utc,
)
from bot.db.repositories import latest_snapshot
from bot.domain import buttons
from bot.domain import outreach as rules
from bot.domain.calendar import rent_month_of, swedish_date, swedish_time
from bot.domain.cases import CaseReason
from bot.domain.organisation import OrganisationFacts, OutreachKind
from bot.domain.outreach import MESSAGE_STAGES, ContactKind, OutreachStatus, ScheduledInstalment
from bot.domain.plans import WAITING_FOR_STAFF, PlanStatus
from bot.i18n.rendering import Renderer, Reply
from bot.services.language import language_of


def in_quiet_hours(moment: dt.datetime, facts: OrganisationFacts) -> bool:
    """Whether `moment` is in the organisation's quiet hours for outreach, when nothing is sent."""
    quiet = facts.outreach.quiet_hours
    return rules.in_quiet_hours(swedish_time(moment), quiet.start, quiet.end)


def _open_cases() -> Select[tuple[ArrearsCase, Lease, Tenant, Organisation]]:
    """Every open arrears case with its lease, tenant and organisation."""
    return (
        select(ArrearsCase, Lease, Tenant, Organisation)
        .join(Lease, ArrearsCase.lease_id == Lease.id)
        .join(Tenant, Lease.tenant_id == Tenant.id)
        .join(Organisation, Lease.organisation_id == Organisation.id)
        .where(ArrearsCase.closed_on.is_(None))
    )


@dataclass
class PlanReport:
    planned: int = 0
    skipped: int = 0
    for_staff: int = 0


def plan_contacts(session: Session, organisations: Mapping[str, OrganisationFacts], now: dt.datetime) -> PlanReport:
    """Plan every contact that is due today (in Sweden) and not planned before."""
    today = swedish_date(now)
    report = PlanReport()
    cases = session.execute(_open_cases().order_by(ArrearsCase.id)).all()
    planned_keys = {
        (case_id, key)
        for case_id, key in session.execute(
            select(OutreachMessage.case_id, OutreachMessage.key)
            .join(ArrearsCase, OutreachMessage.case_id == ArrearsCase.id)
            .where(ArrearsCase.closed_on.is_(None))
        )
    }
    for case, _lease, tenant, organisation in cases:
        facts = organisations.get(organisation.slug)
        if facts is None:
            continue
        wanted = _due_contacts(session, case, facts, today)
        for key in wanted:
            if (case.id, key) not in planned_keys:
                _plan_contact(session, case, tenant, organisation, facts, key, rules.overtaken(key, wanted), now, report)
                planned_keys.add((case.id, key))
    session.flush()
    return report


def _plan_contact(
    session: Session, case: ArrearsCase, tenant: Tenant, organisation: Organisation, facts: OrganisationFacts,
    key: str, overtaken: bool, now: dt.datetime, report: PlanReport,
) -> None:
    if key == OutreachKind.STAFF:
        status, report.for_staff = OutreachStatus.STAFF, report.for_staff + 1
        if facts.staff is not None:
            handoff.open_staff_case(session, reason=CaseReason.OUTREACH, now=now, chat_id=tenant.telegram_user_id,
                                    tenant=tenant, organisation=organisation)
    elif overtaken or tenant.telegram_user_id is None:
        status, report.skipped = OutreachStatus.SKIPPED, report.skipped + 1
    else:
        status, report.planned = OutreachStatus.PENDING, report.planned + 1
    if status is OutreachStatus.PENDING and key in MESSAGE_STAGES:
        # An earlier stage still waiting (quiet hours, say) is overtaken by this one.
        session.execute(
            update(OutreachMessage)
            .where(OutreachMessage.case_id == case.id, OutreachMessage.key.in_(MESSAGE_STAGES),
                   OutreachMessage.status == OutreachStatus.PENDING)
            .values(status=OutreachStatus.SKIPPED, detail="overtaken by a later stage")
        )
    session.add(OutreachMessage(
        case_id=case.id, key=key, status=status, chat_id=tenant.telegram_user_id,
        detail="no linked chat" if tenant.telegram_user_id is None and status is OutreachStatus.SKIPPED else None,
    ))


def _due_contacts(session: Session, case: ArrearsCase, facts: OrganisationFacts, today: dt.date) -> list[str]:
    """The keys of the contacts due for a case today, stages in order, instalments after."""
    snapshot = latest_snapshot(session, case.lease_id)
    if snapshot is None or snapshot.amount_overdue_ore <= 0 or arrears.reminders_paused(case, snapshot):
        return []
    plan = arrears.open_plan(session, case)
    return rules.due_contacts(
        stages=facts.outreach.stages,
        oldest_unpaid_due=case.oldest_unpaid_due,
        today=today,
        plan_status=PlanStatus(plan.status) if plan is not None else None,
        instalments=[ScheduledInstalment(i.id, i.due) for i in plan.instalments] if plan is not None else (),
        instalment_days_before=facts.outreach.plan_reminder_days_before,
    )


def compose(session: Session, message: OutreachMessage, renderer: Renderer) -> Reply | None:
    """The text and buttons of a planned contact, in the tenant's language (the renderer's default
    when none is known), from the latest snapshot; None when there is nothing to say any more (the
    debt is paid)."""
    case = message.case
    lease = session.get(Lease, case.lease_id)
    snapshot = latest_snapshot(session, case.lease_id)
    if lease is None or snapshot is None or snapshot.amount_overdue_ore <= 0 or case.closed_on is not None:
        return None
    tenant = lease.tenant
    language = language_of(session, message.chat_id, tenant)
    common: dict[str, Any] = {"name": tenant.first_name, "organisation": lease.organisation.name,
                              "date": {"date": snapshot.snapshot_date.isoformat()}}
    kind, _, ref = message.key.partition(":")
    if kind in MESSAGE_STAGES and case.oldest_unpaid_due is not None:
        params = {**common, "amount": {"amount_ore": snapshot.amount_overdue_ore},
                  "month": {"month": rent_month_of(case.oldest_unpaid_due).isoformat()}}
        if kind == OutreachKind.REMINDER:
            choices = [buttons.CANNOT_PAY_BUTTON, buttons.HAVE_PAID_BUTTON, buttons.TALK_TO_PERSON_BUTTON]
        else:
            choices = [buttons.PAY_IN_PARTS_BUTTON, buttons.CALL_ME_BUTTON, buttons.HAVE_PAID_BUTTON]
        return renderer.reply(language, {"key": f"outreach.{kind}", "params": params, "buttons": choices})
    if kind == ContactKind.INSTALMENT:
        instalment = session.get(PlanInstalment, int(ref))
        if instalment is None:
            return None
        params = {"name": tenant.first_name, "amount": {"amount_ore": instalment.amount_ore},
                  "date": {"date": instalment.due.isoformat()}}
        return renderer.reply(language, {"key": "outreach.plan_reminder", "params": params})
    if kind == ContactKind.CONFIRMED:
        plan = session.get(PaymentPlan, int(ref))
        if plan is None or plan.status != PlanStatus.ACTIVE:
            return None
        return renderer.reply(language, {"key": "plan.confirmed", "params": {"schedule": arrears.schedule_param(plan)}})
    if kind == ContactKind.MISSED:
        plan = session.get(PaymentPlan, int(ref))
        missed = arrears.first_missed_instalment(plan, snapshot) if plan is not None else None
        due = missed.due if missed is not None else snapshot.snapshot_date
        params = {**common, "due_date": {"date": due.isoformat()}}
        return renderer.reply(language, {"key": "outreach.plan_missed", "params": params,
                                         "buttons": [buttons.CANNOT_PAY_BUTTON, buttons.TALK_TO_PERSON_BUTTON]})
    return None


@dataclass(frozen=True)
class HardToReach:
    organisation: str
    lease_number: str
    tenant: str
    amount_ore: int
    snapshot_date: dt.date
    why: str


def hard_to_reach(session: Session, organisations: Mapping[str, OrganisationFacts]) -> list[HardToReach]:
    """Tenants with an open debt whom the assistant cannot reach: no linked chat, messages that
    cannot be delivered (or whose delivery is unconfirmed), or no answer after the configured
    number of contacts. For staff, and for joint outreach with social services."""
    rows = []
    for case, lease, tenant, organisation in session.execute(
        _open_cases().order_by(Organisation.slug, Lease.lease_number)
    ):
        snapshot = latest_snapshot(session, lease.id)
        facts = organisations.get(organisation.slug)
        if snapshot is None or snapshot.amount_overdue_ore <= 0 or facts is None:
            continue
        why = _why_unreachable(session, case, tenant, facts.outreach.hard_to_reach_after)
        if why is not None:
            rows.append(HardToReach(organisation.slug, lease.lease_number, tenant.name,
                                    snapshot.amount_overdue_ore, snapshot.snapshot_date, why))
    return rows


def _why_unreachable(session: Session, case: ArrearsCase, tenant: Tenant, after: int) -> str | None:
    if tenant.telegram_user_id is None:
        return "no linked chat"
    statuses = dict(session.execute(
        select(OutreachMessage.status, func.count()).where(OutreachMessage.case_id == case.id)
        .group_by(OutreachMessage.status)
    ).all())
    if statuses.get(OutreachStatus.FAILED):
        return "messages cannot be delivered"
    if statuses.get(OutreachStatus.SENDING):
        return "delivery of a message is unconfirmed"
    first_sent = session.scalar(
        select(func.min(OutreachMessage.sent_at))
        .where(OutreachMessage.case_id == case.id, OutreachMessage.status == OutreachStatus.SENT)
    )
    if statuses.get(OutreachStatus.SENT, 0) >= after and first_sent is not None:
        heard = tenant.last_heard_at
        if heard is None or as_utc(heard) < as_utc(first_sent):
            return f"no answer after {statuses[OutreachStatus.SENT]} messages"
    return None


@dataclass(frozen=True)
class FollowUp:
    organisation: str
    lease_number: str
    tenant: str
    what: str


def staff_follow_ups(session: Session) -> list[FollowUp]:
    """What staff should act on: debts that reached the staff stage, plans waiting for them or
    missed, and referrals to pass on (only while the tenant's consent stands)."""
    rows: list[FollowUp] = []
    stage = (
        select(Organisation.slug, Lease.lease_number, Tenant.name)
        .select_from(OutreachMessage)
        .join(ArrearsCase, OutreachMessage.case_id == ArrearsCase.id)
        .join(Lease, ArrearsCase.lease_id == Lease.id)
        .join(Tenant, Lease.tenant_id == Tenant.id)
        .join(Organisation, Lease.organisation_id == Organisation.id)
        .where(OutreachMessage.key == OutreachKind.STAFF, OutreachMessage.status == OutreachStatus.STAFF,
               ArrearsCase.closed_on.is_(None))
    )
    rows += [FollowUp(slug, number, name, "rent still unpaid after the reminders: contact the tenant")
             for slug, number, name in session.execute(stage)]
    plans = (
        select(Organisation.slug, Lease.lease_number, Tenant.name, PaymentPlan.id, PaymentPlan.status)
        .select_from(PaymentPlan)
        .join(ArrearsCase, PaymentPlan.case_id == ArrearsCase.id)
        .join(Lease, ArrearsCase.lease_id == Lease.id)
        .join(Tenant, Lease.tenant_id == Tenant.id)
        .join(Organisation, Lease.organisation_id == Organisation.id)
        .where(PaymentPlan.status.in_(WAITING_FOR_STAFF | {PlanStatus.MISSED}))
    )
    what = {PlanStatus.PROPOSED: "instalment plan {id} to confirm",
            PlanStatus.REVIEW: "instalment plan {id} outside the policy to decide",
            PlanStatus.MISSED: "instalment plan {id}: an instalment was missed"}
    rows += [FollowUp(slug, number, name, what[status].format(id=plan_id))
             for slug, number, name, plan_id, status in session.execute(plans)]
    referrals = (
        select(Organisation.slug, Tenant.name, Referral.id, Referral.recipient)
        .select_from(Referral)
        .join(Consent, Referral.consent_id == Consent.id)
        .join(Tenant, Referral.tenant_id == Tenant.id)
        .join(Organisation, Tenant.organisation_id == Organisation.id)
        .where(Referral.passed_on_at.is_(None), Consent.withdrawn_at.is_(None))
    )
    for slug, name, referral_id, recipient in session.execute(referrals):
        rows.append(FollowUp(slug, "", name, f"referral {referral_id} to pass on to {recipient.replace('_', ' ')}"))
    return sorted(rows, key=lambda row: (row.organisation, row.lease_number, row.what))


def mark_referral_passed_on(session: Session, referral_id: int, now: dt.datetime) -> None:
    """Staff passed the referral on; refused when there is no such referral or no consent now."""
    referral = session.get(Referral, referral_id)
    if referral is None or referral.passed_on_at is not None:
        raise ValueError(f"no referral {referral_id} waiting to be passed on")
    if referral.consent.withdrawn_at is not None:
        raise ValueError(f"the tenant has withdrawn their consent: referral {referral_id} must not be passed on")
    referral.passed_on_at = now
