"""A tenant's rights over their data: a copy of everything held about them (GDPR art. 15), and
erasure (art. 17) of what the law does not require us to keep.

Kept on erasure: the lease, its ledger snapshots and arrears cases (amounts and dates), instalment
plans (agreements about money owed), consents and referrals (proof of what was agreed and passed
on) and the audit log. Erased: the name and Telegram link, the chat and its state, the walkthrough
progress, the reason for late rent (code and the tenant's own words), chat ids on outreach messages
and staff cases, and the conversation in Rasa's tracker store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import MetaData, Table, delete, inspect, select, update
from sqlalchemy.orm import Session

from bot.infra.crypto import TextCipher
from bot.db.models import (
    ArrearsCase,
    Chat,
    Consent,
    Lease,
    LedgerSnapshot,
    Onboarding,
    OutreachMessage,
    PaymentPlan,
    Referral,
    StaffCase,
    Tenant,
    as_utc,
)
from bot.db.session import make_engine

ERASED_NAME = "(erased)"


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    if isinstance(value, dt.datetime):
        return as_utc(value).isoformat()
    return value.isoformat() if value is not None else None


def _lease_data(session: Session, lease: Lease, cipher: TextCipher) -> dict[str, Any]:
    cases = session.scalars(select(ArrearsCase).where(ArrearsCase.lease_id == lease.id).order_by(ArrearsCase.id))
    return {
        "lease_number": lease.lease_number,
        "address": lease.address,
        "monthly_rent_ore": lease.monthly_rent_ore,
        "move_in_date": _iso(lease.move_in_date),
        "ledger": [
            {"date": _iso(s.snapshot_date), "amount_overdue_ore": s.amount_overdue_ore,
             "oldest_unpaid_due": _iso(s.oldest_unpaid_due)}
            for s in session.scalars(select(LedgerSnapshot).where(LedgerSnapshot.lease_id == lease.id)
                                     .order_by(LedgerSnapshot.snapshot_date))
        ],
        "late_rent": [_case_data(session, case, cipher) for case in cases],
    }


def _case_data(session: Session, case: ArrearsCase, cipher: TextCipher) -> dict[str, Any]:
    return {
        "opened_on": _iso(case.opened_on), "closed_on": _iso(case.closed_on),
        "reason_code": case.reason_code,
        "reason_text": cipher.decrypt(case.reason_text_encrypted) if case.reason_text_encrypted else None,
        "reported_paid_on": _iso(case.reported_paid_on),
        "plans": [
            {"status": plan.status, "monthly_ore": plan.monthly_ore, "debt_ore": plan.debt_ore,
             "instalments": [{"due": _iso(i.due), "amount_ore": i.amount_ore} for i in plan.instalments]}
            for plan in session.scalars(select(PaymentPlan).where(PaymentPlan.case_id == case.id))
        ],
        "messages_from_us": [
            {"about": m.key, "status": m.status, "sent_at": _iso(m.sent_at)}
            for m in session.scalars(select(OutreachMessage).where(OutreachMessage.case_id == case.id))
        ],
    }


def tenant_data(session: Session, tenant: Tenant, cipher: TextCipher) -> dict[str, Any]:
    """Everything held about the tenant in the application database, readable (their own words
    about the reason for late rent decrypted: it is their data)."""
    chat = session.get(Chat, tenant.telegram_user_id) if tenant.telegram_user_id is not None else None
    leases = [_lease_data(session, lease, cipher) for lease in tenant.leases]
    return {
        "name": tenant.name,
        "telegram_user_id": tenant.telegram_user_id,
        "preferred_language": tenant.preferred_language,
        "chat_language": chat.language if chat is not None else None,
        "leases": leases,
        "consents": [
            {"recipient": c.recipient, "purpose": c.purpose, "text_shown": c.text_shown, "language": c.language,
             "given_at": _iso(c.given_at), "withdrawn_at": _iso(c.withdrawn_at)}
            for c in session.scalars(select(Consent).where(Consent.tenant_id == tenant.id).order_by(Consent.id))
        ],
        "referrals": [
            {"recipient": r.recipient, "created_at": _iso(r.created_at), "passed_on_at": _iso(r.passed_on_at)}
            for r in session.scalars(select(Referral).where(Referral.tenant_id == tenant.id))
        ],
        "conversations_with_staff": [
            {"reason": c.reason, "opened_at": _iso(c.opened_at), "closed_at": _iso(c.closed_at),
             "satisfied": c.satisfied}
            for c in session.scalars(select(StaffCase).where(StaffCase.tenant_id == tenant.id))
        ],
    }


@dataclass(frozen=True)
class Erasure:
    chat_id: int | None
    reasons_erased: int


def erase(session: Session, tenant: Tenant) -> Erasure:
    """Erase what identifies the tenant or says more than the law requires us to keep."""
    chat_id = tenant.telegram_user_id
    lease_ids = [lease.id for lease in tenant.leases]
    reasons = session.execute(
        update(ArrearsCase).where(ArrearsCase.lease_id.in_(lease_ids), ArrearsCase.reason_code.is_not(None))
        .values(reason_code=None, reason_text_encrypted=None, reason_given_at=None)
    ).rowcount
    if chat_id is not None:
        session.execute(update(OutreachMessage).where(OutreachMessage.chat_id == chat_id).values(chat_id=None))
        session.execute(update(StaffCase).where(StaffCase.chat_id == chat_id).values(chat_id=None))
        session.execute(delete(Chat).where(Chat.id == chat_id))
    session.execute(delete(Onboarding).where(Onboarding.tenant_id == tenant.id))
    tenant.name, tenant.telegram_user_id = ERASED_NAME, None
    tenant.preferred_language, tenant.last_heard_at = None, None
    session.flush()
    return Erasure(chat_id, reasons)


def erase_conversation(tracker_store_url: str, sender_id: str) -> int:
    """Delete a conversation from Rasa's SQL tracker store; returns the number of events deleted."""
    engine = make_engine(tracker_store_url)
    try:
        if not inspect(engine).has_table("events"):
            return 0
        events = Table("events", MetaData(), autoload_with=engine)
        with engine.begin() as connection:
            return connection.execute(delete(events).where(events.c.sender_id == sender_id)).rowcount
    finally:
        engine.dispose()
