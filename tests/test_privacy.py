"""A tenant's data: a readable copy of everything held about them, and erasure that keeps only
what the law requires (the lease, the ledger, plans, consents, the audit log)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.services import arrears, consents, handoff
from bot.infra.crypto import TextCipher, new_key
from bot.db.models import (
    ArrearsCase,
    Chat,
    Consent,
    Lease,
    Onboarding,
    Organisation,
    OutreachMessage,
    PaymentPlan,
    StaffCase,
    Tenant,
)
from bot.domain.cases import CaseReason
from bot.domain.plans import PlanPolicy, plan_for_amount
from bot.i18n.rendering import Renderer
from bot.services.ledger import import_ledger
from bot.services.privacy import ERASED_NAME, erase, tenant_data

NOW = dt.datetime(2026, 12, 4, 10, tzinfo=dt.UTC)
HEADER = "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\n"


def sara(factory: sessionmaker[Session], renderer: Renderer, cipher: TextCipher) -> int:
    with factory.begin() as session:
        organisation = Organisation(slug="demo", name="Exempelbostäder AB")
        tenant = Tenant(organisation=organisation, name="Sara Berg", telegram_user_id=901, preferred_language="sv")
        session.add(Lease(organisation=organisation, tenant=tenant, lease_number="P-1", address="Gatan 1",
                          monthly_rent_ore=800_000, move_in_date=dt.date(2025, 1, 1)))
        session.add(Chat(id=901, language="sv"))
        session.flush()
        session.add(Onboarding(tenant_id=tenant.id, step=3))
        import_ledger(session, organisation, HEADER + "P-1;2 400;2026-11-30;2026-12-04\n")
        debt = arrears.current_debt(session, tenant.leases[0])
        assert debt is not None
        arrears.record_reason(debt.case, "illness", NOW)
        arrears.record_reason_text(debt.case, "Jag har varit sjuk", cipher, NOW)
        arrears.agree_plan(session, debt, plan_for_amount(debt.amount_ore, 1200_00, dt.date(2027, 1, 1)),
                           PlanPolicy(6, 300_00, auto_confirm=True), NOW)
        session.add(OutreachMessage(case=debt.case, key="reminder", status="sent", chat_id=901, sent_at=NOW))
        consents.give(session, tenant, "social_services", renderer, "sv", NOW)
        handoff.open_staff_case(session, reason=CaseReason.REQUEST_HUMAN, now=NOW, chat_id=901, tenant=tenant)
        return tenant.id


def test_the_tenant_gets_a_readable_copy_of_their_data(session_factory: sessionmaker[Session], renderer: Renderer) -> None:
    cipher = TextCipher((new_key(),))
    tenant_id = sara(session_factory, renderer, cipher)
    with session_factory() as session:
        data = tenant_data(session, session.get(Tenant, tenant_id), cipher)  # type: ignore[arg-type]
    assert (data["name"], data["telegram_user_id"], data["chat_language"]) == ("Sara Berg", 901, "sv")
    [lease] = data["leases"]
    [case] = lease["late_rent"]
    assert (case["reason_code"], case["reason_text"]) == ("illness", "Jag har varit sjuk")
    assert case["plans"][0]["instalments"] == [{"due": "2026-12-30", "amount_ore": 120_000},
                                               {"due": "2027-01-29", "amount_ore": 120_000}]
    assert case["messages_from_us"] == [{"about": "reminder", "status": "sent", "sent_at": NOW.isoformat()}]
    assert [c["recipient"] for c in data["consents"]] == ["social_services"]
    assert data["conversations_with_staff"][0]["reason"] == "request_human"


def test_erasure_removes_what_identifies_the_tenant_and_keeps_what_the_law_requires(
    session_factory: sessionmaker[Session], renderer: Renderer
) -> None:
    cipher = TextCipher((new_key(),))
    tenant_id = sara(session_factory, renderer, cipher)
    with session_factory.begin() as session:
        erased = erase(session, session.get(Tenant, tenant_id))  # type: ignore[arg-type]
    assert (erased.chat_id, erased.reasons_erased) == (901, 1)
    with session_factory() as session:
        tenant = session.get(Tenant, tenant_id)
        assert tenant is not None
        assert (tenant.name, tenant.telegram_user_id, tenant.preferred_language) == (ERASED_NAME, None, None)
        assert session.get(Chat, 901) is None
        assert session.get(Onboarding, tenant_id) is None
        case = session.scalars(select(ArrearsCase)).one()
        assert (case.reason_code, case.reason_text_encrypted, case.reason_given_at) == (None, None, None)
        assert session.scalars(select(OutreachMessage.chat_id)).all() == [None]
        assert session.scalars(select(StaffCase.chat_id)).all() == [None]
        # Kept: the lease and its money matters, and the proof of consent.
        assert session.scalars(select(Lease.lease_number)).all() == ["P-1"]
        assert session.scalars(select(PaymentPlan.status)).all() == ["active"]
        assert session.scalars(select(Consent.recipient)).all() == ["social_services"]
