"""Custom actions that find the tenant and answer from what is known about them: the greeting,
a person from the housing company, tenancy questions, the balance and consents. Each is run the
way the action server runs it, over a real database and the real organisation files."""

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.actions import (
    ActionAnswerTenancyQuestion,
    ActionGreetTenant,
    ActionReferToStaff,
    ActionTellBalance,
    ActionWithdrawConsent,
)
from bot.config.organisations import load_all
from bot.config.settings import STOCKHOLM
from bot.db.models import Organisation, StaffCase
from bot.domain.consent import Recipient
from bot.services import consents
from bot.services.demo import TERMINAL_CHAT_ID, seed_demo
from bot.services.ledger import import_ledger
from bot.i18n.rendering import Renderer
from tests.actions_support import AMINA, ORGANISATION_DIR, STRANGER, amina, organisations, run, seed, using

FRIDAY_MORNING = dt.datetime(2026, 11, 27, 10, 0, tzinfo=STOCKHOLM)
FRIDAY_EVENING = dt.datetime(2026, 11, 27, 17, 30, tzinfo=STOCKHOLM)


@pytest.fixture
def seeded(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    seed(session_factory)
    return session_factory


async def test_a_known_tenant_is_greeted_by_first_name(seeded: sessionmaker[Session]) -> None:
    assert await run(ActionGreetTenant(using(seeded)), AMINA, "hej", "greet") == [
        {"key": "greet.named", "params": {"name": "Amina", "organisation": "Exempelbostäder AB"}}
    ]


@pytest.mark.parametrize("sender_id", [STRANGER, "not-a-telegram-id"])
async def test_a_stranger_gets_a_greeting_without_a_name(seeded: sessionmaker[Session], sender_id: str) -> None:
    assert await run(ActionGreetTenant(using(seeded)), sender_id, "hi", "greet") == [{"key": "greet.anonymous"}]


async def test_a_tenant_who_asks_for_a_person_gets_a_case_and_is_told_when_they_will_answer(
    seeded: sessionmaker[Session],
) -> None:
    on_friday_evening = ActionReferToStaff(using(seeded, FRIDAY_EVENING))
    assert await run(on_friday_evening, AMINA, "ring mig", "request_human") == [{
        "key": "handoff.requested_closed",
        "params": {"organisation": "Exempelbostäder AB", "time": "08:00", "date": {"date": "2026-11-30"},
                   "phone": "010-123 45 67"},
    }]
    on_friday_morning = ActionReferToStaff(using(seeded, FRIDAY_MORNING))
    assert await run(on_friday_morning, AMINA, "ring mig", "request_human") == [
        {"key": "handoff.already_open", "params": {"organisation": "Exempelbostäder AB"}}
    ]
    with seeded() as session:
        [case] = session.scalars(select(StaffCase)).all()
        assert (case.chat_id, case.reason, case.status, case.priority) == (TERMINAL_CHAT_ID, "request_human", "open", False)
        case_id = case.id
    with seeded.begin() as session:
        session.get(StaffCase, case_id).status = "closed"  # type: ignore[union-attr]
    assert await run(on_friday_morning, AMINA, "ring mig", "request_human") == [
        {"key": "handoff.requested", "params": {"organisation": "Exempelbostäder AB"}}
    ]


async def test_without_a_staff_group_the_tenant_gets_the_phone_and_email(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    demo = (ORGANISATION_DIR / "demo.yml").read_text(encoding="utf-8")
    (tmp_path / "demo.yml").write_text(demo[: demo.index("# The staff group")], encoding="utf-8")
    without_staff = load_all(tmp_path)
    with session_factory.begin() as session:
        seed_demo(session, without_staff["demo"])
    action = ActionReferToStaff(using(session_factory, FRIDAY_MORNING, facts=without_staff))
    assert await run(action, AMINA, "ring mig", "request_human") == [{
        "key": "staff.contact",
        "params": {"organisation": "Exempelbostäder AB", "phone": "010-123 45 67",
                   "email": "kundservice@exempelbostader.example"},
    }]
    with session_factory() as session:
        assert session.scalars(select(StaffCase)).all() == []


async def test_a_stranger_who_asks_for_a_person_is_told_where_to_look(seeded: sessionmaker[Session]) -> None:
    action = ActionReferToStaff(using(seeded, FRIDAY_MORNING))
    assert await run(action, "99", "human please", "request_human") == [{"key": "staff.contact_unknown_tenant"}]


async def test_a_tenancy_question_is_answered_from_the_tenants_lease_and_organisation(
    seeded: sessionmaker[Session],
) -> None:
    action = ActionAnswerTenancyQuestion(using(seeded))
    [reply] = await run(action, AMINA, "när ska hyran betalas", "ask_rent_due_date")
    assert reply["key"] == "tenancy.rent_due.personal"
    assert reply["params"]["amount"] == {"amount_ore": 845_000}
    assert "buttons" not in reply
    [reply] = await run(action, STRANGER, "how do I book the laundry", "ask_laundry")
    assert reply == {"key": "tenancy.laundry.web", "params": {"web": "https://www.exempelbostader.example/tvattstuga"}}


async def test_with_several_organisations_a_stranger_is_pointed_to_their_landlord(
    seeded: sessionmaker[Session],
) -> None:
    two = {**organisations(), "other": organisations()["demo"]}
    action = ActionAnswerTenancyQuestion(using(seeded, facts=two))
    assert await run(action, STRANGER, "how do I book the laundry", "ask_laundry") == [
        {"key": "staff.contact_unknown_tenant"}
    ]


async def test_the_balance_comes_from_the_tenants_own_latest_snapshot(seeded: sessionmaker[Session]) -> None:
    action = ActionTellBalance(using(seeded))
    assert await run(action, AMINA, "hur mycket är jag skyldig", "ask_balance") == [{"key": "balance.unknown"}]
    ledger = "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\n"
    with seeded.begin() as session:
        organisation = session.scalars(select(Organisation)).one()
        import_ledger(session, organisation, ledger + "DEMO-1001;2 400;2026-11-30;2026-12-04\n")
    assert await run(action, AMINA, "hur mycket är jag skyldig", "ask_balance") == [
        {"key": "balance.owed", "params": {"date": {"date": "2026-12-04"}, "amount": {"amount_ore": 240_000}}}
    ]
    with seeded.begin() as session:
        organisation = session.scalars(select(Organisation)).one()
        import_ledger(session, organisation, ledger + "DEMO-1001;0;2026-11-30;2026-12-07\n")
    assert await run(action, AMINA, "hur mycket är jag skyldig", "ask_balance") == [
        {"key": "balance.clear", "params": {"date": {"date": "2026-12-07"}}}
    ]
    # Someone else asking learns nothing about the lease.
    assert await run(action, STRANGER, "how much do I owe", "ask_balance") == [{"key": "staff.contact_unknown_tenant"}]


async def test_a_tenant_who_wants_to_withdraw_consent_sees_what_they_agreed_to(
    seeded: sessionmaker[Session], renderer: Renderer
) -> None:
    action = ActionWithdrawConsent(using(seeded))
    assert await run(action, AMINA, "jag vill ta tillbaka mitt samtycke", "withdraw_consent") == [
        {"key": "consent.none_to_withdraw"}
    ]
    with seeded.begin() as session:
        consents.give(session, amina(session), Recipient.DEBT_COUNSELLING, renderer, "sv", FRIDAY_MORNING)
    [overview] = await run(action, AMINA, "jag vill ta tillbaka mitt samtycke", "withdraw_consent")
    assert overview["key"] == "consent.overview"
    # Only what was agreed to can be taken back here.
    assert [button["payload"] for button in overview["buttons"]] == ["consent:withdraw:debt_counselling"]
    assert await run(action, STRANGER, "withdraw consent", "withdraw_consent") == [{"key": "staff.contact_unknown_tenant"}]
