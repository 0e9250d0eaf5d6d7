"""Planning early contacts: stages by days after the due date, each once per debt; quiet hours;
paused by "I have paid"; instalment reminders; and the hard-to-reach list."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.services import arrears
from bot.db.models import Consent, Lease, Organisation, OutreachMessage, Referral, StaffCase, Tenant
from bot.domain.calendar import SWEDEN
from bot.domain.plans import plan_for_amount
from bot.i18n.rendering import Renderer
from bot.services.ledger import import_ledger
from bot.config.organisations import load_all
from bot.domain.organisation import OrganisationFacts, QuietHours
from bot.services.outreach import (
    compose,
    hard_to_reach,
    in_quiet_hours,
    mark_referral_passed_on,
    plan_contacts,
    staff_follow_ups,
)
from bot.config.settings import PROJECT_ROOT

HEADER = "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\n"
DEMO = load_all(PROJECT_ROOT / "config" / "organisations")["demo"]
ORGANISATIONS = {"demo": DEMO}


def stockholm(day: int, hour: int, minute: int = 0, month: int = 12) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SWEDEN)


@pytest.mark.parametrize(
    ("moment", "quiet"),
    [(stockholm(4, 20, 59), False), (stockholm(4, 21), True), (stockholm(5, 3), True),
     (stockholm(5, 7, 59), True), (stockholm(5, 8), False), (stockholm(5, 12), False)],
)
def test_quiet_hours_run_over_midnight_in_swedish_time(moment: dt.datetime, quiet: bool) -> None:
    assert in_quiet_hours(moment.astimezone(dt.UTC), DEMO) is quiet


def test_quiet_hours_within_one_day() -> None:
    quiet = QuietHours(start=dt.time(12), end=dt.time(13))
    daytime = DEMO.model_copy(update={"outreach": DEMO.outreach.model_copy(update={"quiet_hours": quiet})})
    assert in_quiet_hours(stockholm(4, 12, 30), daytime)
    assert not in_quiet_hours(stockholm(4, 13), daytime)


def setup_tenants(factory: sessionmaker[Session], ledger: str, linked: dict[str, int | None]) -> None:
    with factory.begin() as session:
        organisation = Organisation(slug="demo", name="Exempelbostäder AB")
        for number, chat in linked.items():
            tenant = Tenant(organisation=organisation, name=f"Tenant {number}", telegram_user_id=chat,
                            preferred_language="sv")
            session.add(Lease(organisation=organisation, tenant=tenant, lease_number=number, address="Gatan 1",
                              monthly_rent_ore=800_000, move_in_date=dt.date(2025, 1, 1)))
        session.flush()
        import_ledger(session, organisation, HEADER + ledger)


def plan_on(factory: sessionmaker[Session], day: int) -> list[tuple[str, str, str]]:
    with factory.begin() as session:
        plan_contacts(session, ORGANISATIONS, stockholm(day, 12))
    with factory() as session:
        return [(m.case.lease.lease_number, m.key, m.status)
                for m in session.scalars(select(OutreachMessage).order_by(OutreachMessage.id))]


def test_each_stage_is_planned_once_when_its_day_comes(session_factory: sessionmaker[Session]) -> None:
    # Due 30 November; stages 3, 5 and 10 days after.
    setup_tenants(session_factory, "A;2 400;2026-11-30;2026-12-02\n", {"A": 11})
    assert plan_on(session_factory, 2) == []
    assert plan_on(session_factory, 3) == [("A", "reminder", "pending")]
    assert plan_on(session_factory, 4) == [("A", "reminder", "pending")]
    # The reminder was not sent yet (say, quiet hours): the second contact overtakes it.
    assert plan_on(session_factory, 5) == [("A", "reminder", "skipped"), ("A", "call_offer", "pending")]
    assert plan_on(session_factory, 10)[-1] == ("A", "staff", "staff")
    assert len(plan_on(session_factory, 11)) == 3
    # The staff stage asks a person in: a case for the staff group.
    with session_factory() as session:
        [case] = session.scalars(select(StaffCase)).all()
        assert (case.chat_id, case.reason, case.status) == (11, "outreach", "open")


def test_a_late_first_run_sends_only_the_latest_stage_and_unlinked_tenants_get_nothing(
    session_factory: sessionmaker[Session],
) -> None:
    setup_tenants(session_factory, "A;2 400;2026-11-30;2026-12-02\nB;900;2026-11-30;2026-12-02\n",
                  {"A": 11, "B": None})
    assert plan_on(session_factory, 6) == [
        ("A", "reminder", "skipped"), ("A", "call_offer", "pending"),
        ("B", "reminder", "skipped"), ("B", "call_offer", "skipped"),
    ]
    with session_factory() as session:
        assert [(r.lease_number, r.why) for r in hard_to_reach(session, ORGANISATIONS)] == [("B", "no linked chat")]


def test_i_have_paid_pauses_planning_until_a_newer_snapshot(session_factory: sessionmaker[Session]) -> None:
    setup_tenants(session_factory, "A;2 400;2026-11-30;2026-12-02\n", {"A": 11})
    with session_factory.begin() as session:
        debt = arrears.current_debt(session, session.scalars(select(Lease)).one())
        assert debt is not None
        arrears.report_paid(debt.case, dt.date(2026, 12, 2))
    assert plan_on(session_factory, 4) == []
    with session_factory.begin() as session:
        import_ledger(session, session.scalars(select(Organisation)).one(), HEADER + "A;2 400;2026-11-30;2026-12-07\n")
    assert plan_on(session_factory, 7) == [("A", "reminder", "skipped"), ("A", "call_offer", "pending")]


def test_an_agreed_plan_replaces_the_stages_with_a_reminder_before_each_instalment(
    session_factory: sessionmaker[Session],
) -> None:
    setup_tenants(session_factory, "A;2 400;2026-11-30;2026-12-02\n", {"A": 11})
    with session_factory.begin() as session:
        debt = arrears.current_debt(session, session.scalars(select(Lease)).one())
        assert debt is not None
        plan = arrears.agree_plan(session, debt, plan_for_amount(debt.amount_ore, 1_200_00, dt.date(2027, 1, 1)),
                                  dataclasses.replace(DEMO.plan_policy, auto_confirm=True), stockholm(2, 12))
        first_id = plan.instalments[0].id  # due 30 December
    assert plan_on(session_factory, 26) == []
    assert plan_on(session_factory, 27) == [("A", f"instalment:{first_id}", "pending")]
    assert plan_on(session_factory, 30) == [("A", f"instalment:{first_id}", "pending")]


def test_the_reminder_is_in_the_tenants_language_with_the_amount_and_no_threat(
    session_factory: sessionmaker[Session], renderer: Renderer
) -> None:
    setup_tenants(session_factory, "A;2 400;2026-11-30;2026-12-02\n", {"A": 11})
    plan_on(session_factory, 3)
    with session_factory() as session:
        message = session.scalars(select(OutreachMessage)).one()
        reply = compose(session, message, renderer)
    assert reply is not None
    assert reply.text.startswith("Hej Tenant! En vänlig påminnelse från Exempelbostäder AB: enligt våra uppgifter "
                                 "den 2 december 2026 har du 2\xa0400\xa0kr kvar att betala för december 2026.")
    for word in ("vräk", "Kronofogden", "uppsäg", "skuld"):
        assert word not in reply.text
    assert [b.data for b in reply.buttons] == ["/cannot_pay_rent", "/report_paid", "/request_human"]


def test_tenants_who_do_not_answer_are_hard_to_reach_until_they_write(session_factory: sessionmaker[Session]) -> None:
    setup_tenants(session_factory, "A;2 400;2026-11-30;2026-12-02\n", {"A": 11})
    plan_on(session_factory, 5)
    with session_factory.begin() as session:
        for message in session.scalars(select(OutreachMessage)):
            message.status, message.sent_at = "sent", stockholm(5, 9)
    with session_factory() as session:
        assert [r.why for r in hard_to_reach(session, ORGANISATIONS)] == ["no answer after 2 messages"]
    with session_factory.begin() as session:
        session.scalars(select(Tenant)).one().last_heard_at = stockholm(5, 10)
    with session_factory() as session:
        assert hard_to_reach(session, ORGANISATIONS) == []


def test_organisations_without_a_config_file_are_left_alone(session_factory: sessionmaker[Session]) -> None:
    setup_tenants(session_factory, "A;2 400;2026-11-30;2026-12-02\n", {"A": 11})
    with session_factory.begin() as session:
        assert plan_contacts(session, {}, stockholm(9, 12)).planned == 0
    facts: dict[str, OrganisationFacts] = {}
    with session_factory() as session:
        assert hard_to_reach(session, facts) == []


def test_staff_follow_up_lists_the_staff_stage_plans_and_referrals_with_consent_only(
    session_factory: sessionmaker[Session],
) -> None:
    setup_tenants(session_factory, "A;2 400;2026-11-30;2026-12-02\nB;900;2026-11-30;2026-12-02\n", {"A": 11, "B": 12})
    plan_on(session_factory, 10)  # the staff stage for both
    now = stockholm(10, 9)
    with session_factory.begin() as session:
        lease_b = session.scalars(select(Lease).where(Lease.lease_number == "B")).one()
        debt = arrears.current_debt(session, lease_b)
        assert debt is not None
        arrears.agree_plan(session, debt, plan_for_amount(debt.amount_ore, 100_00, dt.date(2027, 1, 1)),
                           DEMO.plan_policy, now)
        for tenant in session.scalars(select(Tenant)):
            consent = Consent(tenant_id=tenant.id, recipient="debt_counselling", purpose="referral",
                              text_key="debt_advice.ask_consent", text_shown="…", language="sv", given_at=now)
            session.add(Referral(tenant=tenant, consent=consent, recipient="debt_counselling", created_at=now))
            if tenant.name == "Tenant B":
                consent.withdrawn_at = now
    with session_factory() as session:
        rows = [(row.lease_number, row.tenant, row.what) for row in staff_follow_ups(session)]
    plan_id = 1
    assert rows == [
        ("", "Tenant A", "referral 1 to pass on to debt counselling"),
        ("A", "Tenant A", "rent still unpaid after the reminders: contact the tenant"),
        ("B", "Tenant B", f"instalment plan {plan_id} outside the policy to decide"),
        ("B", "Tenant B", "rent still unpaid after the reminders: contact the tenant"),
    ]
    with session_factory.begin() as session:
        mark_referral_passed_on(session, 1, now)
        with pytest.raises(ValueError, match="withdrawn their consent"):
            mark_referral_passed_on(session, 2, now)
        with pytest.raises(ValueError, match="no referral 1 waiting"):
            mark_referral_passed_on(session, 1, now)
