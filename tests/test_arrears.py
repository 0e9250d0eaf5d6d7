"""Late rent over a real database: reasons kept encrypted, plans agreed within the policy, a
missed instalment noticed in a snapshot, and a paid debt closing everything."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.services import arrears
from bot.infra.crypto import TextCipher, cipher_for, new_key
from bot.db.models import ArrearsCase, Lease, Organisation, OutreachMessage, PaymentPlan, Tenant
from bot.domain.plans import PlanPolicy, plan_for_amount, plan_options
from bot.domain.reasons import LateRentReason
from bot.services.ledger import import_ledger
from bot.config.settings import ConfigurationError, load_settings

HEADER = "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\n"
NOW = dt.datetime(2026, 12, 4, 10, tzinfo=dt.UTC)
POLICY = PlanPolicy(max_months=6, min_instalment_ore=300_00)


def lease_with_debt(factory: sessionmaker[Session], ledger: str = "L-1;2 400;2026-11-30;2026-12-04\n") -> int:
    with factory.begin() as session:
        organisation = Organisation(slug="demo", name="Exempelbostäder AB")
        tenant = Tenant(organisation=organisation, name="Hanna Ek", telegram_user_id=501)
        session.add(Lease(organisation=organisation, tenant=tenant, lease_number="L-1", address="Provvägen 9",
                          monthly_rent_ore=800_000, move_in_date=dt.date(2025, 1, 1)))
        session.flush()
        import_ledger(session, organisation, HEADER + ledger)
        return tenant.id


def debt_of(session: Session, tenant_id: int) -> arrears.Debt:
    debt = arrears.current_debt(session, arrears.lease_of(session.get(Tenant, tenant_id)))
    assert debt is not None
    return debt


def snapshot(factory: sessionmaker[Session], line: str) -> None:
    with factory.begin() as session:
        import_ledger(session, session.scalars(select(Organisation)).one(), HEADER + line)


def test_the_reason_text_is_stored_encrypted_and_only_the_key_reads_it(
    session_factory: sessionmaker[Session], database_url: str, tmp_path: Path
) -> None:
    tenant_id = lease_with_debt(session_factory)
    cipher = TextCipher((new_key(),))
    secret = "Jag blev sjukskriven i oktober och lönen kom inte"
    with session_factory.begin() as session:
        case = debt_of(session, tenant_id).case
        arrears.record_reason(case, "illness", NOW)
        arrears.record_reason_text(case, secret, cipher, NOW)
    with session_factory() as session:
        case = session.scalars(select(ArrearsCase)).one()
        assert case.reason_code == "illness"
        assert case.reason_text_encrypted is not None
        assert secret.encode() not in case.reason_text_encrypted
        assert cipher.decrypt(case.reason_text_encrypted) == secret
        with pytest.raises(ConfigurationError):
            TextCipher((new_key(),)).decrypt(case.reason_text_encrypted)
    if database_url.startswith("sqlite"):
        raw = Path(database_url.removeprefix("sqlite:///")).read_bytes()
        assert b"sjukskriven" not in raw and "sjukskriven".encode("utf-16-le") not in raw


def test_declining_to_say_keeps_no_text(session_factory: sessionmaker[Session]) -> None:
    tenant_id = lease_with_debt(session_factory)
    cipher = TextCipher((new_key(),))
    with session_factory.begin() as session:
        case = debt_of(session, tenant_id).case
        arrears.record_reason_text(case, "något", cipher, NOW)
        arrears.record_reason(case, LateRentReason.DECLINED, NOW)
        assert (case.reason_code, case.reason_text_encrypted) == ("declined", None)
        with pytest.raises(ValueError):
            arrears.record_reason(case, "bored", NOW)


def test_a_key_file_is_made_once_and_rotated_keys_still_decrypt(tmp_path: Path) -> None:
    settings = load_settings({"TENANTBOT_VAR_DIR": str(tmp_path)})
    first = cipher_for(settings)
    token = first.encrypt("hej")
    assert (tmp_path / "data.key").stat().st_mode & 0o077 == 0
    assert cipher_for(settings).decrypt(token) == "hej"
    old_key = (tmp_path / "data.key").read_text().strip()
    rotated = TextCipher((new_key(), old_key))
    assert rotated.decrypt(token) == "hej"
    with pytest.raises(ConfigurationError):
        TextCipher(("not a key",))


@pytest.mark.parametrize(("auto_confirm", "status"), [(False, "proposed"), (True, "active")])
def test_a_plan_within_the_policy_is_proposed_or_agreed_as_the_policy_says(
    session_factory: sessionmaker[Session], auto_confirm: bool, status: str
) -> None:
    tenant_id = lease_with_debt(session_factory)
    policy = PlanPolicy(max_months=6, min_instalment_ore=300_00, auto_confirm=auto_confirm)
    with session_factory.begin() as session:
        debt = debt_of(session, tenant_id)
        option = plan_options(debt.amount_ore, policy, dt.date(2027, 1, 1))[0]
        plan = arrears.agree_plan(session, debt, option, policy, NOW)
        assert plan.status == status
        assert sum(i.amount_ore for i in plan.instalments) == 240_000
        # A second choice replaces the first: one open plan per debt.
        again = arrears.agree_plan(session, debt, option, policy, NOW)
        assert arrears.open_plan(session, debt.case) is again
        assert plan.status == "replaced"


def test_a_plan_outside_the_policy_goes_to_staff_and_staff_can_confirm_it(
    session_factory: sessionmaker[Session],
) -> None:
    tenant_id = lease_with_debt(session_factory)
    with session_factory.begin() as session:
        debt = debt_of(session, tenant_id)
        plan = arrears.agree_plan(session, debt, plan_for_amount(debt.amount_ore, 100_00, dt.date(2027, 1, 1)), POLICY, NOW)
        assert (plan.status, len(plan.instalments)) == ("review", 24)
        arrears.confirm_plan(session, plan, NOW)
        assert plan.status == "active"
        with pytest.raises(ValueError):
            arrears.confirm_plan(session, plan, NOW)
        # The tenant is sent the agreed schedule.
        message = session.scalars(select(OutreachMessage)).one()
        assert (message.key, message.status, message.chat_id) == (f"confirmed:{plan.id}", "pending", 501)


def test_a_snapshot_showing_an_instalment_unpaid_marks_the_plan_missed_and_contacts_the_tenant(
    session_factory: sessionmaker[Session],
) -> None:
    tenant_id = lease_with_debt(session_factory)
    with session_factory.begin() as session:
        debt = debt_of(session, tenant_id)
        plan = arrears.agree_plan(session, debt, plan_for_amount(debt.amount_ore, 800_00, dt.date(2027, 1, 1)),
                                  PlanPolicy(6, 300_00, auto_confirm=True), NOW)
        assert [i.due for i in plan.instalments] == [dt.date(2026, 12, 30), dt.date(2027, 1, 29), dt.date(2027, 2, 26)]
    # The first instalment arrived: 1 600 kr left on 4 January.
    snapshot(session_factory, "L-1;1 600;2026-11-30;2027-01-04\n")
    with session_factory() as session:
        assert session.scalars(select(PaymentPlan)).one().status == "active"
    # The second did not: still 1 600 kr on 5 February.
    snapshot(session_factory, "L-1;1 600;2026-11-30;2027-02-05\n")
    with session_factory() as session:
        plan = session.scalars(select(PaymentPlan)).one()
        assert (plan.status, plan.missed_on) == ("missed", dt.date(2027, 2, 5))
        contact = session.scalars(select(OutreachMessage)).one()
        # To the tenant's chat: without one, outreach could never send it.
        assert (contact.key, contact.status, contact.chat_id) == (f"missed:{plan.id}", "pending", 501)
        assert arrears.first_missed_instalment(plan, arrears.current_debt(
            session, session.get(Lease, plan.case.lease_id)).snapshot).due == dt.date(2027, 1, 29)


def test_a_snapshot_without_the_debt_closes_the_case_and_its_plan(session_factory: sessionmaker[Session]) -> None:
    tenant_id = lease_with_debt(session_factory)
    with session_factory.begin() as session:
        debt = debt_of(session, tenant_id)
        arrears.agree_plan(session, debt, plan_options(debt.amount_ore, POLICY, dt.date(2027, 1, 1))[0], POLICY, NOW)
    snapshot(session_factory, "L-1;0;;2027-03-05\n")
    with session_factory() as session:
        assert session.scalars(select(ArrearsCase)).one().closed_on == dt.date(2027, 3, 5)
        assert session.scalars(select(PaymentPlan)).one().status == "done"


def test_the_tenants_word_that_they_paid_pauses_reminders_until_the_next_snapshot(
    session_factory: sessionmaker[Session],
) -> None:
    tenant_id = lease_with_debt(session_factory)
    with session_factory.begin() as session:
        debt = debt_of(session, tenant_id)
        arrears.report_paid(debt.case, dt.date(2026, 12, 5))
        assert arrears.reminders_paused(debt.case, debt.snapshot)
    snapshot(session_factory, "L-1;2 400;2026-11-30;2026-12-07\n")
    with session_factory() as session:
        debt = debt_of(session, tenant_id)
        assert not arrears.reminders_paused(debt.case, debt.snapshot)
