"""Custom actions, run the way the action server runs them, over a real database."""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.actions import (
    ActionAnswerTenancyQuestion,
    ActionGreetTenant,
    ActionReferToStaff,
    ActionTellBalance,
    dependencies,
)
from bot.db.models import Organisation, StaffCase
from bot.services.demo import TERMINAL_CHAT_ID, seed_demo
from bot.services.ledger import import_ledger
from bot.config.organisations import load_organisation
from bot.config.settings import PROJECT_ROOT, STOCKHOLM

ORGANISATIONS = PROJECT_ROOT / "config" / "organisations"


@pytest.fixture
def seeded(session_factory: sessionmaker[Session]) -> Iterator[None]:
    with session_factory.begin() as session:
        seed_demo(session, load_organisation(ORGANISATIONS, "demo"))
    dependencies.override(dependencies.Dependencies(session_factory, ORGANISATIONS))
    yield
    dependencies.override(None)


def tracker(sender_id: str, text: str, intent: str) -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": sender_id,
            "slots": {},
            "latest_message": {"text": text, "intent": {"name": intent, "confidence": 0.9}},
            "events": [],
            "paused": False,
            "latest_action_name": "action_listen",
        }
    )


async def run(action: Any, sender_id: str, text: str, intent: str) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker(sender_id, text, intent), {})
    assert events == []
    return [message["custom"] for message in dispatcher.messages]


@pytest.mark.usefixtures("seeded")
async def test_a_known_tenant_is_greeted_by_first_name() -> None:
    assert await run(ActionGreetTenant(), str(TERMINAL_CHAT_ID), "hej", "greet") == [
        {"key": "greet.named", "params": {"name": "Amina", "organisation": "Exempelbostäder AB"}}
    ]


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("sender_id", ["424242", "not-a-telegram-id"])
async def test_a_stranger_gets_a_greeting_without_a_name(sender_id: str) -> None:
    assert await run(ActionGreetTenant(), sender_id, "hi", "greet") == [{"key": "greet.anonymous"}]


FRIDAY_MORNING = dt.datetime(2026, 11, 27, 10, 0, tzinfo=STOCKHOLM)
FRIDAY_EVENING = dt.datetime(2026, 11, 27, 17, 30, tzinfo=STOCKHOLM)


@pytest.mark.usefixtures("seeded")
async def test_a_tenant_who_asks_for_a_person_gets_a_case_and_is_told_when_they_will_answer(
    session_factory: sessionmaker[Session],
) -> None:
    dependencies.override(dependencies.Dependencies(session_factory, ORGANISATIONS, now=lambda: FRIDAY_EVENING))
    assert await run(ActionReferToStaff(), str(TERMINAL_CHAT_ID), "ring mig", "request_human") == [{
        "key": "handoff.requested_closed",
        "params": {"organisation": "Exempelbostäder AB", "time": "08:00", "date": {"date": "2026-11-30"},
                   "phone": "010-123 45 67"},
    }]
    dependencies.override(dependencies.Dependencies(session_factory, ORGANISATIONS, now=lambda: FRIDAY_MORNING))
    assert await run(ActionReferToStaff(), str(TERMINAL_CHAT_ID), "ring mig", "request_human") == [
        {"key": "handoff.already_open", "params": {"organisation": "Exempelbostäder AB"}}
    ]
    with session_factory() as session:
        [case] = session.scalars(select(StaffCase)).all()
        assert (case.chat_id, case.reason, case.status, case.priority) == (TERMINAL_CHAT_ID, "request_human", "open", False)
        case_id = case.id
    with session_factory.begin() as session:
        session.get(StaffCase, case_id).status = "closed"  # type: ignore[union-attr]
    assert await run(ActionReferToStaff(), str(TERMINAL_CHAT_ID), "ring mig", "request_human") == [
        {"key": "handoff.requested", "params": {"organisation": "Exempelbostäder AB"}}
    ]


async def test_without_a_staff_group_the_tenant_gets_the_phone_and_email(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    demo = (ORGANISATIONS / "demo.yml").read_text(encoding="utf-8")
    (tmp_path / "demo.yml").write_text(demo[: demo.index("# The staff group")], encoding="utf-8")
    with session_factory.begin() as session:
        seed_demo(session, load_organisation(tmp_path, "demo"))
    dependencies.override(dependencies.Dependencies(session_factory, tmp_path))
    try:
        assert await run(ActionReferToStaff(), str(TERMINAL_CHAT_ID), "ring mig", "request_human") == [{
            "key": "staff.contact",
            "params": {"organisation": "Exempelbostäder AB", "phone": "010-123 45 67",
                       "email": "kundservice@exempelbostader.example"},
        }]
    finally:
        dependencies.override(None)
    with session_factory() as session:
        assert session.scalars(select(StaffCase)).all() == []


@pytest.mark.usefixtures("seeded")
async def test_a_stranger_who_asks_for_a_person_is_told_where_to_look() -> None:
    assert await run(ActionReferToStaff(), "99", "human please", "request_human") == [
        {"key": "staff.contact_unknown_tenant"}
    ]


@pytest.mark.usefixtures("seeded")
async def test_a_tenancy_question_is_answered_from_the_tenants_lease_and_organisation() -> None:
    [reply] = await run(ActionAnswerTenancyQuestion(), str(TERMINAL_CHAT_ID), "när ska hyran betalas", "ask_rent_due_date")
    assert reply["key"] == "tenancy.rent_due.personal"
    assert reply["params"]["amount"] == {"amount_ore": 845_000}
    [reply] = await run(ActionAnswerTenancyQuestion(), "424242", "how do I book the laundry", "ask_laundry")
    assert reply == {"key": "tenancy.laundry.web", "params": {"web": "https://www.exempelbostader.example/tvattstuga"}}


@pytest.mark.usefixtures("seeded")
async def test_the_balance_comes_from_the_tenants_own_latest_snapshot(session_factory: sessionmaker[Session]) -> None:
    [reply] = await run(ActionTellBalance(), str(TERMINAL_CHAT_ID), "hur mycket är jag skyldig", "ask_balance")
    assert reply == {"key": "balance.unknown"}
    with session_factory.begin() as session:
        organisation = session.scalars(select(Organisation)).one()
        import_ledger(session, organisation, "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\n"
                      "DEMO-1001;2 400;2026-11-30;2026-12-04\n")
    [reply] = await run(ActionTellBalance(), str(TERMINAL_CHAT_ID), "hur mycket är jag skyldig", "ask_balance")
    assert reply == {"key": "balance.owed", "params": {"date": {"date": "2026-12-04"}, "amount": {"amount_ore": 240_000}}}
    # Someone else asking learns nothing about the lease.
    [reply] = await run(ActionTellBalance(), "424242", "how much do I owe", "ask_balance")
    assert reply == {"key": "staff.contact_unknown_tenant"}
