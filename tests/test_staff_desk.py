"""Staff work on a case through `bot.services.staff_cases`, against the real database: Per (housing
officer) and Karin (rent administrator) of the demo organisation claim, close, read the tenant's
reason and confirm her instalment plan. What may not be done is refused, and both are audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from telegram import Update
from telegram.ext import Application, ApplicationBuilder

from bot.config.organisations import load_all
from bot.config.settings import PROJECT_ROOT
from bot.db.models import ArrearsCase, AuditEvent, Lease, Organisation, OutreachMessage, PaymentPlan, PlanInstalment, Tenant
from bot.domain.calendar import SWEDEN
from bot.domain.cases import CaseReason, CaseStatus
from bot.domain.organisation import OrganisationFacts, StaffMember
from bot.domain.plans import PlanStatus
from bot.i18n.rendering import Renderer
from bot.infra.crypto import TextCipher, new_key
from bot.infra.rasa_client import RasaClient
from bot.services import handoff
from bot.services.ledger import import_ledger
from bot.services.staff_cases import (
    Announcement,
    CaseChanged,
    CaseUnchanged,
    PlanConfirmed,
    Refusal,
    StaffCases,
    TenantMessage,
)
from bot.services.outreach_delivery import OutreachDelivery
from bot.telegram.outreach import OutreachSender
from bot.telegram.staff import StaffDesk
from tests.conftest import free_port
from tests.fakes.telegram_api import FakeTelegram, SentMessage, user

NOW = dt.datetime(2026, 12, 7, 10, 0, tzinfo=SWEDEN)
SARA_CHAT = 6401
CIPHER = TextCipher((new_key(),))
LEDGER = "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\nHO-01;2 400;2026-11-30;2026-12-04\n"


@pytest.fixture(scope="module")
def demo() -> OrganisationFacts:
    return load_all(PROJECT_ROOT / "config" / "organisations")["demo"]


def staff_member(demo: OrganisationFacts, telegram_user_id: int, role: str) -> StaffMember:
    assert demo.staff is not None
    member = demo.staff.member(telegram_user_id)
    assert member is not None and member.role == role
    return member


@pytest.fixture(scope="module")
def karin(demo: OrganisationFacts) -> StaffMember:
    return staff_member(demo, 7001, "rent_administrator")


@pytest.fixture(scope="module")
def per(demo: OrganisationFacts) -> StaffMember:
    return staff_member(demo, 7002, "housing_officer")


@pytest.fixture
def cases(session_factory: sessionmaker[Session]) -> StaffCases:
    return StaffCases(session_factory, CIPHER, lambda: NOW)


def sara_asks_for_a_person(sessions: sessionmaker[Session], reason_text: str | None = None,
                           plan_status: PlanStatus | None = None) -> int:
    """Sara owes 2 400 kr and asked for a person; the staff case's id."""
    with sessions.begin() as session:
        organisation = Organisation(slug="demo", name="Exempelbostäder AB")
        sara = Tenant(organisation=organisation, name="Sara Berg", telegram_user_id=SARA_CHAT, preferred_language="sv")
        session.add(Lease(organisation=organisation, tenant=sara, lease_number="HO-01", address="Björkvägen 3",
                          monthly_rent_ore=800_000, move_in_date=dt.date(2025, 1, 1)))
        session.flush()
        assert not import_ledger(session, organisation, LEDGER).errors
        debt = session.scalars(select(ArrearsCase)).one()
        if reason_text is not None:
            debt.reason_text_encrypted = CIPHER.encrypt(reason_text)
        if plan_status is not None:
            session.add(PaymentPlan(case=debt, status=plan_status, debt_ore=240_000, monthly_ore=120_000, created_at=NOW,
                                    instalments=[PlanInstalment(due=dt.date(2027, 1, 27), amount_ore=120_000),
                                                 PlanInstalment(due=dt.date(2027, 2, 27), amount_ore=120_000)]))
        case, _ = handoff.open_staff_case(session, reason=CaseReason.REQUEST_HUMAN, now=NOW, chat_id=SARA_CHAT,
                                          tenant=sara)
        return case.id


def audit(sessions: sessionmaker[Session]) -> list[tuple[int | None, str, str | None]]:
    with sessions() as session:
        return [(e.actor_telegram_id, e.action, e.detail) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_a_claim_tells_the_tenant_a_person_joined_and_a_second_claim_changes_nothing(
    session_factory: sessionmaker[Session], cases: StaffCases, demo: OrganisationFacts,
    karin: StaffMember, per: StaffMember,
) -> None:
    case_id = sara_asks_for_a_person(session_factory)

    claimed = cases.claim(demo, case_id, per)

    assert claimed == CaseChanged(case_id, CaseStatus.CLAIMED, "Per Ek", False, TenantMessage(
        SARA_CHAT, "sv", ({"key": "handoff.claimed", "params": {"organisation": "Exempelbostäder AB"}},)))
    assert cases.claim(demo, case_id, karin) == CaseUnchanged(case_id, CaseStatus.CLAIMED, "Per Ek")
    assert audit(session_factory) == [(7002, "claim", None)]


def test_closing_brings_the_assistant_back_with_one_question(
    session_factory: sessionmaker[Session], cases: StaffCases, demo: OrganisationFacts, karin: StaffMember,
) -> None:
    case_id = sara_asks_for_a_person(session_factory)

    closed = cases.close(demo, case_id, karin)

    assert isinstance(closed, CaseChanged) and closed.status == CaseStatus.CLOSED and closed.tenant is not None
    assert [payload["key"] for payload in closed.tenant.payloads] == ["handoff.closed", "handoff.satisfaction"]
    assert [b["payload"] for b in closed.tenant.payloads[1]["buttons"]] == [f"rate:yes:{case_id}", f"rate:no:{case_id}"]
    assert cases.close(demo, case_id, karin) == CaseUnchanged(case_id, CaseStatus.CLOSED, None)
    assert cases.claim(demo, case_id, karin) == CaseUnchanged(case_id, CaseStatus.CLOSED, None)
    assert audit(session_factory) == [(7001, "close", None)]


def test_only_rent_administrators_read_the_reason_and_every_reading_is_audited(
    session_factory: sessionmaker[Session], cases: StaffCases, demo: OrganisationFacts,
    karin: StaffMember, per: StaffMember,
) -> None:
    case_id = sara_asks_for_a_person(session_factory, reason_text="Jag har varit sjuk sedan oktober")

    assert cases.read_reason(demo, case_id, per) is Refusal.NOT_PERMITTED
    assert cases.read_reason(demo, case_id, karin) == "Jag har varit sjuk sedan oktober"
    assert audit(session_factory) == [(7002, "refused_view_reason", "housing_officer"), (7001, "view_reason", None)]


def test_a_reason_never_written_is_said_so_and_not_audited_as_read(
    session_factory: sessionmaker[Session], cases: StaffCases, demo: OrganisationFacts, karin: StaffMember,
) -> None:
    case_id = sara_asks_for_a_person(session_factory)

    assert cases.read_reason(demo, case_id, karin) is Refusal.NO_REASON_WRITTEN
    assert audit(session_factory) == []


def test_a_plan_is_confirmed_by_a_rent_administrator_only_and_the_schedule_waits_for_the_tenant(
    session_factory: sessionmaker[Session], cases: StaffCases, demo: OrganisationFacts,
    karin: StaffMember, per: StaffMember,
) -> None:
    case_id = sara_asks_for_a_person(session_factory, plan_status=PlanStatus.PROPOSED)

    assert cases.confirm_plan(demo, case_id, per) is Refusal.NOT_PERMITTED
    confirmed = cases.confirm_plan(demo, case_id, karin)

    assert isinstance(confirmed, PlanConfirmed)
    with session_factory() as session:
        plan = session.get(PaymentPlan, confirmed.plan_id)
        assert plan is not None and plan.status == PlanStatus.ACTIVE and plan.confirmed_at is not None
        [schedule] = session.scalars(select(OutreachMessage)).all()
        assert (schedule.status, schedule.chat_id) == ("pending", SARA_CHAT)
    assert audit(session_factory) == [(7002, "refused_confirm_plan", "housing_officer"),
                                      (7001, "confirm_plan", f"plan {confirmed.plan_id}")]
    assert cases.confirm_plan(demo, case_id, karin) is Refusal.NO_PLAN_WAITING


def test_the_buttons_offer_a_plan_to_confirm_only_while_one_waits(
    session_factory: sessionmaker[Session], cases: StaffCases, demo: OrganisationFacts, karin: StaffMember,
) -> None:
    case_id = sara_asks_for_a_person(session_factory, plan_status=PlanStatus.REVIEW)
    assert cases.summary(case_id, []).plan_waiting

    cases.confirm_plan(demo, case_id, karin)

    assert not cases.summary(case_id, []).plan_waiting
    claimed = cases.claim(demo, case_id, karin)
    assert isinstance(claimed, CaseChanged) and not claimed.plan_waiting


def test_staff_of_another_organisation_cannot_touch_the_case(
    session_factory: sessionmaker[Session], cases: StaffCases, demo: OrganisationFacts, karin: StaffMember,
) -> None:
    case_id = sara_asks_for_a_person(session_factory, reason_text="privat", plan_status=PlanStatus.PROPOSED)
    other = demo.model_copy(update={"slug": "annat"})

    assert cases.claim(other, case_id, karin) is Refusal.NO_SUCH_CASE
    assert cases.close(other, case_id, karin) is Refusal.NO_SUCH_CASE
    assert cases.read_reason(other, case_id, karin) is Refusal.NO_SUCH_CASE
    assert cases.confirm_plan(other, case_id, karin) is Refusal.NO_SUCH_CASE
    assert cases.claim(demo, case_id + 1, karin) is Refusal.NO_SUCH_CASE
    assert audit(session_factory) == []


def test_a_staff_reply_reaches_the_tenant_only_once_the_case_is_claimed(
    session_factory: sessionmaker[Session], cases: StaffCases, demo: OrganisationFacts, karin: StaffMember,
) -> None:
    case_id = sara_asks_for_a_person(session_factory)
    cases.announced(case_id, topic_id=77, summary_message_id=1)

    assert cases.staff_reply(demo, 77, "Hej Sara!") is Refusal.NOT_CLAIMED
    assert cases.claimed_topic(SARA_CHAT) is None
    cases.claim(demo, case_id, karin)

    assert cases.staff_reply(demo, 77, "Hej Sara!") == TenantMessage(
        SARA_CHAT, "sv", ({"key": "handoff.from_staff", "params": {"text": "Hej Sara!"}},))
    assert cases.staff_reply(demo, 78, "Hej Sara!") is None
    topic = cases.claimed_topic(SARA_CHAT)
    assert topic is not None and (topic.organisation, topic.topic_id, topic.tenant_name) == ("demo", 77, "Sara")


def test_a_case_is_announced_once_and_again_after_a_failed_attempt(
    session_factory: sessionmaker[Session], cases: StaffCases,
) -> None:
    case_id = sara_asks_for_a_person(session_factory)
    assert cases.cases_to_announce() == [case_id]
    assert cases.start_announcement(case_id, ["annat"]) is None

    assert cases.start_announcement(case_id, ["demo"]) == Announcement(case_id, "demo", SARA_CHAT, "Sara", False)
    assert cases.start_announcement(case_id, ["demo"]) is None
    assert cases.cases_to_announce() == []

    cases.announcement_failed(case_id)
    assert cases.cases_to_announce() == [case_id]


@dataclass
class StaffGroup:
    """The staff desk on a python-telegram-bot application, against the fake Bot API; staff
    press buttons under the summary the desk announced."""

    telegram: FakeTelegram
    application: Application  # type: ignore[type-arg]
    desk: StaffDesk

    async def announce(self) -> SentMessage:
        assert await self.desk.announce_pending(self.application.bot) == 1
        [summary] = self.telegram.sent
        return summary

    async def press(self, who: dict[str, object], summary: SentMessage, label: str) -> None:
        update = await self.telegram.press(who, summary, dict(summary.buttons)[label])
        await self.application.process_update(Update.de_json(update, self.application.bot))

    def answers(self) -> list[tuple[str, bool]]:
        return [(text, alert) for _, text, alert in self.telegram.callback_answers]


@pytest.fixture
async def staff_group(
    session_factory: sessionmaker[Session], demo: OrganisationFacts, renderer: Renderer, telegram: FakeTelegram
) -> AsyncIterator[StaffGroup]:
    application = ApplicationBuilder().token(telegram.token).base_url(f"{telegram.base_url}/bot").updater(None).build()
    organisations = {"demo": demo}
    desk = StaffDesk(
        StaffCases(session_factory, CIPHER, lambda: NOW), organisations, renderer,
        RasaClient(f"http://127.0.0.1:{free_port()}"),  # nobody listens: the summary says so
        OutreachSender(OutreachDelivery(session_factory, renderer, organisations, lambda: NOW)), lambda: NOW,
    )
    desk.install(application)
    async with application:
        yield StaffGroup(telegram, application, desk)


async def test_in_the_staff_group_a_stranger_is_refused_and_karin_claims_the_case_for_sara(
    session_factory: sessionmaker[Session], staff_group: StaffGroup, demo: OrganisationFacts,
) -> None:
    case_id = sara_asks_for_a_person(session_factory)
    summary = await staff_group.announce()
    assert summary.text.splitlines()[-1] == "Last messages: not available (the assistant's log could not be read)"
    assert {label for label, _ in summary.buttons} == {"Claim", "Close", "Show reason"}

    await staff_group.press(user(9999, "Mallory"), summary, "Claim")
    await staff_group.press(user(7002, "Per"), summary, "Show reason")
    await staff_group.press(user(7001, "Karin"), summary, "Claim")

    assert staff_group.answers() == [
        ("Only accounts on this organisation's staff list can do that.", True),
        ("Only rent administrators can read what the tenant wrote about the reason.", True),
        ("", False),
    ]
    assert summary.text.endswith("\n\nClaimed by Karin Holm.")
    [joined] = staff_group.telegram.messages_to(SARA_CHAT)
    assert joined.text == "En person från Exempelbostäder AB har kommit in i chatten. Du kan skriva till hen här."
    assert [(who, action) for who, action, _ in audit(session_factory)] == [
        (9999, "refused_button"), (7002, "refused_view_reason"), (7001, "claim")]
    assert staff_group.telegram.topics == [(demo.staff.group_id, summary.thread_id, f"Case {case_id} · Sara")]  # type: ignore[union-attr]


async def test_karin_reads_a_long_reason_confirms_the_plan_and_closes_the_case(
    session_factory: sessionmaker[Session], staff_group: StaffGroup,
) -> None:
    sara_asks_for_a_person(session_factory, reason_text="Sjuk. " * 60, plan_status=PlanStatus.PROPOSED)
    summary = await staff_group.announce()
    assert {label for label, _ in summary.buttons} == {"Claim", "Close", "Show reason", "Confirm plan"}
    karin = user(7001, "Karin")

    await staff_group.press(karin, summary, "Show reason")
    await staff_group.press(karin, summary, "Confirm plan")
    [schedule] = staff_group.telegram.messages_to(SARA_CHAT)
    await staff_group.press(karin, summary, "Close")

    [(reason, _), (confirmed, _), *_] = staff_group.answers()
    assert len(reason) == 200 and reason.startswith("Sjuk. Sjuk.") and reason.endswith("…")
    assert confirmed.startswith("Plan ") and confirmed.endswith(" confirmed; the tenant is sent the schedule.")
    assert schedule.text.startswith("Din avbetalningsplan är klar")
    assert summary.text.endswith("\n\nClosed by Karin Holm.") and summary.buttons == []
    _, closed, question = staff_group.telegram.messages_to(SARA_CHAT)
    assert closed.text == "Samtalet med din kundvärd är avslutat. Jag finns här igen när du behöver mig."
    assert question.text == "Fick du den hjälp du behövde i dag?"
    assert staff_group.telegram.closed_topics == [summary.thread_id]
