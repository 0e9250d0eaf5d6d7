"""Handing a conversation to a person: staff cases, office hours, and what staff are shown.

A case is a database row first; the bot announces it in the organisation's staff group (one
topic per case) whoever opened it: the action server (the tenant asked for a person, a plan
outside the policy), the bot (a crisis, not understood twice) or outreach (the staff stage).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services import arrears, consents
from bot.db.models import Organisation, StaffCase, Tenant
from bot.domain.calendar import in_sweden
from bot.domain.cases import ACTIVE_CASE_STATUSES, CaseReason, CaseStatus, describe_reason
from bot.domain.money import format_money
from bot.domain.office_hours import OpeningHours, next_opening
from bot.domain.organisation import OrganisationFacts, StaffMember

MAX_QUOTED = 200


def active_case(session: Session, chat_id: int) -> StaffCase | None:
    return session.scalars(
        select(StaffCase)
        .where(StaffCase.chat_id == chat_id, StaffCase.status.in_(ACTIVE_CASE_STATUSES))
        .order_by(StaffCase.id)
    ).first()


def open_staff_case(
    session: Session,
    *,
    reason: CaseReason,
    now: dt.datetime,
    chat_id: int | None,
    tenant: Tenant | None = None,
    organisation: Organisation | None = None,
    priority: bool = False,
) -> tuple[StaffCase, bool]:
    """Open a case for the chat, or return the one already open (a crisis makes it a priority).
    Returns the case and whether it is new."""
    existing = active_case(session, chat_id) if chat_id is not None else None
    if existing is not None:
        if priority and not existing.priority:
            existing.priority = True
            existing.reason = reason
        return existing, False
    case = StaffCase(
        organisation_id=(organisation.id if organisation else tenant.organisation_id if tenant else None),
        tenant_id=tenant.id if tenant else None,
        chat_id=chat_id,
        reason=reason,
        priority=priority,
        status=CaseStatus.OPEN,
        opened_at=now,
    )
    session.add(case)
    session.flush()
    return case, True


def office_opening(facts: OrganisationFacts, now: dt.datetime) -> dt.datetime | None:
    """None while the organisation's office is open; else when it next opens (Swedish time)."""
    hours = facts.office_hours
    return next_opening(in_sweden(now),
                        OpeningHours(hours.first_day, hours.last_day, hours.opens, hours.closes))


def tenant_reply(facts: OrganisationFacts, now: dt.datetime, created: bool) -> dict[str, Any]:
    """What the tenant is told when a person has been asked in: when they will answer."""
    if not created:
        return {"key": "handoff.already_open", "params": {"organisation": facts.name}}
    opening = office_opening(facts, now)
    if opening is None:
        return {"key": "handoff.requested", "params": {"organisation": facts.name}}
    return {"key": "handoff.requested_closed", "params": {
        "organisation": facts.name, "time": opening.strftime("%H:%M"), "date": {"date": opening.date().isoformat()},
        "phone": facts.contact.phone,
    }}


def organisation_for(
    session: Session, tenant: Tenant | None, organisations: Mapping[str, OrganisationFacts]
) -> tuple[Organisation, OrganisationFacts] | None:
    """The tenant's organisation with a staff group; for someone not linked to a lease, the only
    organisation there is, if there is one."""
    if tenant is not None:
        facts = organisations.get(tenant.organisation.slug)
        return (tenant.organisation, facts) if facts is not None else None
    if len(organisations) != 1:
        return None
    [facts] = organisations.values()
    organisation = session.scalars(select(Organisation).where(Organisation.slug == facts.slug)).first()
    return (organisation, facts) if organisation is not None else None


def claim(case: StaffCase, member: StaffMember, now: dt.datetime) -> None:
    case.status, case.claimed_by, case.claimed_by_name, case.claimed_at = CaseStatus.CLAIMED, member.telegram_user_id, member.name, now


def close(case: StaffCase, now: dt.datetime) -> None:
    case.status, case.closed_at = CaseStatus.CLOSED, now


def _money(amount_ore: int) -> str:
    return format_money(amount_ore)


def summary(session: Session, case: StaffCase, last_messages: Sequence[str] | None) -> str:
    """The case as staff first see it, in plain text (anything the tenant wrote stays inert)."""
    head = f"{'PRIORITY · ' if case.priority else ''}Case {case.id}: {describe_reason(case.reason)}"
    lines = [head]
    tenant = case.tenant
    if tenant is None:
        lines.append(f"Not linked to a lease (chat {case.chat_id}).")
    else:
        lease = arrears.lease_of(tenant)
        where = f", lease {lease.lease_number}, {lease.address}" if lease is not None else ""
        lines.append(f"Tenant: {tenant.name}{where}")
        lines.append(f"Language: {tenant.preferred_language or 'not chosen'}")
        debt = arrears.current_debt(session, lease)
        if debt is None:
            lines.append("Balance: nothing left to pay according to the latest snapshot")
        else:
            lines.append(f"Balance: {_money(debt.amount_ore)} on {debt.snapshot.snapshot_date} "
                         f"(oldest unpaid due {debt.case.oldest_unpaid_due})")
            reason = debt.case.reason_code or "not given"
            if debt.case.reason_text_encrypted is not None:
                reason += " (the tenant's own words are kept: rent administrators can press Show reason)"
            lines.append(f"Reason for late rent: {reason}")
            plan = arrears.open_plan(session, debt.case)
            if plan is not None:
                lines.append(f"Instalment plan: {plan.status}, {_money(plan.monthly_ore)} a month, "
                             f"{len(plan.instalments)} payment(s), {_money(plan.debt_ore)} in all")
        given = consents.active(session, tenant.id)
        consent_text = ", ".join(f"{r.replace('_', ' ')} since {c.given_at.date()}" for r, c in given.items())
        lines.append(f"Consents: {consent_text or 'none'}")
    if last_messages is None:
        lines.append("Last messages: not available (the assistant's log could not be read)")
    elif last_messages:
        lines.append("Last messages from the tenant:")
        lines += [f"- {_quote(text)}" for text in last_messages]
    return "\n".join(lines)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTED else text[: MAX_QUOTED - 1] + "…"
