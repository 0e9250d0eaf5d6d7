"""Conversations through the real `ChatService`: the real database, catalogs and crisis keyword
net, and a small Rasa on loopback that answers the REST webhook and the NLU parse as Rasa does."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.config.organisations import load_all
from bot.config.settings import PROJECT_ROOT, STOCKHOLM
from bot.db import repositories
from bot.db.models import ArrearsCase, Chat, Consent, Lease, Organisation, StaffCase, Tenant
from bot.db.session import make_engine, make_session_factory
from bot.domain.awaiting import Awaiting
from bot.i18n.rendering import Renderer, Reply
from bot.infra.crypto import TextCipher, new_key
from bot.infra.rasa_client import RasaClient
from bot.safety.keywords import CrisisKeywords
from bot.services.chat import ChatService, Sender
from bot.services.ledger import import_ledger
from bot.terminal import run_terminal_chat
from tests.conftest import free_port

DEMO = load_all(PROJECT_ROOT / "config" / "organisations")["demo"]
# A Monday, the office is open; stored times are UTC.
NOW = dt.datetime(2026, 12, 7, 10, tzinfo=STOCKHOLM).astimezone(dt.UTC)
SARA = Sender(chat_id=800, user_id=800)
STRANGER = Sender(chat_id=900, user_id=900)
LEDGER = "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\nR-1;8450;2026-11-30;2026-12-04\n"


@dataclass
class FakeRasa:
    """Answers each message with the keyed replies given for it (else Rasa's fallback), and
    the NLU parse with the intent given for the text (else nlu_fallback)."""

    answers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    intents: dict[str, str] = field(default_factory=dict)
    received: list[dict[str, Any]] = field(default_factory=list)
    parsed: list[str] = field(default_factory=list)

    @property
    def messages(self) -> list[str]:
        return [body["message"] for body in self.received]

    async def webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.received.append(body)
        custom = self.answers.get(body["message"], [{"key": "fallback"}])
        return web.json_response([{"recipient_id": body["sender"], "custom": c} for c in custom])

    async def parse(self, request: web.Request) -> web.Response:
        text = (await request.json())["text"]
        self.parsed.append(text)
        return web.json_response({"text": text, "intent": {"name": self.intents.get(text, "nlu_fallback"),
                                                           "confidence": 0.9}})


@pytest.fixture
async def rasa() -> AsyncIterator[tuple[FakeRasa, str]]:
    fake = FakeRasa()
    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", fake.webhook)
    app.router.add_post("/model/parse", fake.parse)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    yield fake, f"http://127.0.0.1:{port}"
    await runner.cleanup()


@pytest.fixture
def cipher() -> TextCipher:
    return TextCipher((new_key(),))


@pytest.fixture
async def service(
    session_factory: sessionmaker[Session], renderer: Renderer, rasa: tuple[FakeRasa, str], cipher: TextCipher
) -> AsyncIterator[ChatService]:
    """The chat, with Sara Berg (Swedish, 8 450 kr behind with the rent) as a known tenant."""
    with session_factory.begin() as session:
        organisation = Organisation(slug="demo", name="Exempelbostäder AB")
        tenant = Tenant(organisation=organisation, name="Sara Berg", telegram_user_id=SARA.user_id,
                        preferred_language="sv")
        session.add(Lease(organisation=organisation, tenant=tenant, lease_number="R-1", address="Gatan 1",
                          monthly_rent_ore=845_000, move_in_date=dt.date(2025, 1, 1)))
        session.flush()
        import_ledger(session, organisation, LEDGER)
    chat = ChatService(session_factory, renderer, RasaClient(rasa[1]), CrisisKeywords.bundled(), cipher,
                       {"demo": DEMO}, clock=lambda: NOW)
    yield chat
    await chat.aclose()


def texts(replies: list[Reply]) -> list[str]:
    return [reply.text for reply in replies]


def awaiting(session_factory: sessionmaker[Session], what: Awaiting, until: dt.datetime) -> None:
    with session_factory.begin() as session:
        repositories.expect_text(session, SARA.chat_id, what, until)


async def test_someone_without_a_language_is_asked_for_one_and_then_answered_in_it(
    service: ChatService, rasa: tuple[FakeRasa, str], renderer: Renderer, session_factory: sessionmaker[Session]
) -> None:
    fake, _ = rasa
    [picker] = await service.message(STRANGER, "hej")
    assert picker == service.language_picker() and ("English", "lang:en") in {(b.label, b.data) for b in picker.buttons}
    assert fake.received == []
    changed, capabilities = await service.button(STRANGER, "lang:en")
    assert changed.text == renderer.text("en", "language.changed")
    assert capabilities.text == renderer.text("en", "capabilities")
    fake.answers["hello"] = [{"key": "greet.anonymous"}]
    assert texts(await service.message(STRANGER, "hello")) == [renderer.text("en", "greet.anonymous")]
    assert fake.received[-1]["metadata"] == {"language": "en", "channel": "telegram"}


async def test_a_telegram_client_in_english_is_answered_in_english_from_the_first_message(
    service: ChatService, rasa: tuple[FakeRasa, str], renderer: Renderer, session_factory: sessionmaker[Session]
) -> None:
    fake, _ = rasa
    fake.answers["hi"] = [{"key": "greet.anonymous"}]
    newcomer = Sender(chat_id=901, user_id=901, client_language="en-US")
    assert texts(await service.message(newcomer, "hi")) == [renderer.text("en", "greet.anonymous")]
    assert fake.received[0]["metadata"]["language"] == "en"
    with session_factory() as session:
        chat = session.get(Chat, 901)
        assert chat is not None and chat.language == "en"


async def test_help_is_in_the_tenant_s_language_and_reading_it_changes_nothing(
    service: ChatService, renderer: Renderer, session_factory: sessionmaker[Session]
) -> None:
    assert service.text(SARA, "help").text == renderer.text("sv", "help")
    assert service.text(Sender(902, 902, "uk"), "help").text == renderer.text("uk", "help")
    with session_factory() as session:
        assert session.get(Chat, 902) is None


async def test_a_crisis_phrase_gets_the_emergency_numbers_first_and_asks_a_person_in(
    service: ChatService, rasa: tuple[FakeRasa, str], renderer: Renderer, session_factory: sessionmaker[Session]
) -> None:
    fake, _ = rasa
    message = "jag vill inte leva längre"
    fake.answers[message] = [{"key": "crisis.emergency"}, {"key": "handoff.requested",
                                                            "params": {"organisation": "Exempelbostäder AB"}}]
    replies = texts(await service.message(SARA, message))
    emergency = renderer.text("sv", "crisis.emergency")
    assert replies[0] == emergency and replies.count(emergency) == 1 and len(replies) == 2
    with session_factory() as session:
        case = session.scalars(select(StaffCase)).one()
        assert (case.reason, case.priority, case.chat_id) == ("crisis", True, SARA.chat_id)


async def test_a_crisis_phrase_comes_first_even_before_a_language_is_chosen(
    service: ChatService, renderer: Renderer, rasa: tuple[FakeRasa, str]
) -> None:
    replies = await service.message(STRANGER, "I want to kill myself")
    assert texts(replies) == [renderer.text("sv", "crisis.emergency"), service.language_picker().text]
    assert rasa[0].received == []


async def test_a_reason_text_is_stored_encrypted_and_never_sent_to_rasa_as_a_message(
    service: ChatService, rasa: tuple[FakeRasa, str], renderer: Renderer, session_factory: sessionmaker[Session],
    cipher: TextCipher,
) -> None:
    fake, _ = rasa
    words = "Jag blev sjuk i november och fick ingen lön"
    fake.intents[words] = "explain_reason"
    fake.answers["/reason_text_given"] = [{"key": "reason.thanks"}]
    awaiting(session_factory, Awaiting.REASON_TEXT, NOW + dt.timedelta(minutes=30))
    assert texts(await service.message(SARA, words)) == [renderer.text("sv", "reason.thanks")]
    assert fake.parsed == [words]
    assert fake.messages == ["/reason_text_given"]
    with session_factory() as session:
        case = session.scalars(select(ArrearsCase)).one()
        assert case.reason_text_encrypted is not None and words.encode() not in case.reason_text_encrypted
        assert cipher.decrypt(case.reason_text_encrypted) == words
        assert session.get(Chat, SARA.chat_id).awaiting is None  # type: ignore[union-attr]


async def test_a_no_skips_the_reason_text_and_a_question_is_answered_as_one(
    service: ChatService, rasa: tuple[FakeRasa, str], session_factory: sessionmaker[Session]
) -> None:
    fake, _ = rasa
    fake.intents.update({"nej tack": "deny", "hur mycket är jag skyldig?": "ask_balance"})
    awaiting(session_factory, Awaiting.REASON_TEXT, NOW + dt.timedelta(minutes=30))
    await service.message(SARA, "nej tack")
    awaiting(session_factory, Awaiting.REASON_TEXT, NOW + dt.timedelta(minutes=30))
    await service.message(SARA, "hur mycket är jag skyldig?")
    assert fake.messages == ["/reason_text_skipped", "hur mycket är jag skyldig?"]
    with session_factory() as session:
        assert session.scalars(select(ArrearsCase)).one().reason_text_encrypted is None


async def test_the_plan_amount_goes_to_rasa_as_the_amount(
    service: ChatService, rasa: tuple[FakeRasa, str], session_factory: sessionmaker[Session]
) -> None:
    awaiting(session_factory, Awaiting.PLAN_AMOUNT, NOW + dt.timedelta(minutes=30))
    await service.message(SARA, "jag kan betala 1 500 kr")
    assert rasa[0].messages == ['/request_payment_plan{"amount":"1500"}']
    assert rasa[0].parsed == []


async def test_after_the_wait_is_over_a_message_is_an_ordinary_one_and_the_wait_is_forgotten(
    service: ChatService, rasa: tuple[FakeRasa, str], session_factory: sessionmaker[Session]
) -> None:
    awaiting(session_factory, Awaiting.PLAN_AMOUNT, NOW - dt.timedelta(minutes=1))
    await service.message(SARA, "1 500 kr")
    awaiting(session_factory, Awaiting.REASON_TEXT, NOW - dt.timedelta(minutes=1))
    await service.message(SARA, "jag blev sjuk")
    assert rasa[0].messages == ["1 500 kr", "jag blev sjuk"]
    assert rasa[0].parsed == []
    with session_factory() as session:
        chat = session.get(Chat, SARA.chat_id)
        assert chat is not None and (chat.awaiting, chat.awaiting_until) == (None, None)


async def test_a_button_ends_the_wait_and_is_not_the_answer(
    service: ChatService, rasa: tuple[FakeRasa, str], session_factory: sessionmaker[Session]
) -> None:
    awaiting(session_factory, Awaiting.PLAN_AMOUNT, NOW + dt.timedelta(minutes=30))
    await service.button(SARA, "/request_human")
    await service.message(SARA, "1 500 kr")
    assert rasa[0].messages == ["/request_human", "1 500 kr"]


async def test_a_crisis_phrase_is_never_kept_as_a_reason_text(
    service: ChatService, rasa: tuple[FakeRasa, str], renderer: Renderer, session_factory: sessionmaker[Session]
) -> None:
    awaiting(session_factory, Awaiting.REASON_TEXT, NOW + dt.timedelta(minutes=30))
    replies = await service.message(SARA, "jag orkar inte leva")
    assert replies[0].text == renderer.text("sv", "crisis.emergency")
    assert rasa[0].parsed == [] and rasa[0].messages == ["jag orkar inte leva"]
    with session_factory() as session:
        assert session.scalars(select(ArrearsCase)).one().reason_text_encrypted is None


async def test_consent_buttons_give_and_take_back_and_a_stale_yes_asks_again(
    service: ChatService, renderer: Renderer, session_factory: sessionmaker[Session]
) -> None:
    [question] = await service.button(SARA, "consent:ask:social_services")
    assert question.text == renderer.text("sv", "consent.text.social_services")
    assert [b.data for b in question.buttons] == ["consent:yes:social_services:1", "consent:no:social_services"]
    assert texts(await service.button(SARA, "consent:yes:social_services:0")) == [question.text]
    assert texts(await service.button(SARA, "consent:no:social_services")) == [renderer.text("sv", "consent.declined")]
    with session_factory() as session:
        assert session.scalars(select(Consent)).all() == []
    assert texts(await service.button(SARA, "consent:yes:social_services:1")) == [renderer.text("sv", "consent.given")]
    with session_factory() as session:
        consent = session.scalars(select(Consent)).one()
        assert (consent.recipient, consent.text_version, consent.language) == ("social_services", 1, "sv")
    [withdrawn] = await service.button(SARA, "consent:withdraw:social_services")
    assert withdrawn.text == "Klart: vi delar inte längre några uppgifter med socialtjänsten."
    assert texts(await service.button(SARA, "consent:withdraw:nobody")) == [renderer.text("sv", "fallback")]
    assert service.consent_overview(STRANGER).text == renderer.text("sv", "staff.contact_unknown_tenant")


async def test_a_rating_counts_once_and_only_from_the_chat_it_was_asked_in(
    service: ChatService, renderer: Renderer, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as session:
        case = StaffCase(chat_id=SARA.chat_id, reason="request_human", status="closed", opened_at=NOW)
        session.add(case)
        session.flush()
        case_id = case.id
    other = Sender(chat_id=903, user_id=903, client_language="sv")
    assert texts(await service.button(other, f"rate:no:{case_id}")) == [renderer.text("sv", "handoff.feedback_thanks")]
    await service.button(SARA, f"rate:yes:{case_id}")
    await service.button(SARA, f"rate:no:{case_id}")
    with session_factory() as session:
        assert session.get(StaffCase, case_id).satisfied is True  # type: ignore[union-attr]


async def test_not_understood_twice_in_a_row_asks_a_person_in(
    service: ChatService, renderer: Renderer, session_factory: sessionmaker[Session]
) -> None:
    fallback = renderer.text("sv", "fallback")
    assert texts(await service.message(SARA, "blörp")) == [fallback]
    assert texts(await service.message(SARA, "flärp")) == [
        fallback, renderer.text("sv", "handoff.requested", {"organisation": DEMO.name})
    ]
    with session_factory() as session:
        case = session.scalars(select(StaffCase)).one()
        assert (case.reason, case.priority) == ("not_understood", False)
        assert session.get(Chat, SARA.chat_id).not_understood == 0  # type: ignore[union-attr]


async def test_when_rasa_is_down_the_tenant_is_told_and_a_crisis_still_comes_first(
    session_factory: sessionmaker[Session], renderer: Renderer, cipher: TextCipher
) -> None:
    down = ChatService(session_factory, renderer, RasaClient(f"http://127.0.0.1:{free_port()}"),
                       CrisisKeywords.bundled(), cipher, {"demo": DEMO}, clock=lambda: NOW)
    somebody = Sender(chat_id=904, user_id=904, client_language="sv")
    try:
        assert texts(await down.message(somebody, "hej")) == [renderer.text("sv", "error.assistant_unavailable")]
        assert texts(await down.message(somebody, "jag vill inte leva")) == [
            renderer.text("sv", "crisis.emergency"), renderer.text("sv", "error.assistant_unavailable")
        ]
    finally:
        await down.aclose()


async def test_the_terminal_chat_numbers_buttons_and_answers_commands(
    service: ChatService, renderer: Renderer
) -> None:
    lines = iter(["/help", "/language", "2", "/frobnicate", "/quit", "never read"])
    output: list[str] = []

    async def read(prompt: str) -> str | None:
        return next(lines, None)

    await run_terminal_chat(service, Sender(905, 905, channel="terminal"), read=read, write=output.append)
    transcript = "\n".join(output)
    assert f"assistant: {renderer.text('sv', 'help')}" in transcript
    assert "  1) Svenska\n  2) English" in transcript
    assert f"assistant: {renderer.text('en', 'language.changed')}" in transcript
    assert output[-1] == f"\nassistant: {renderer.text('en', 'command.unknown')}"


async def test_an_empty_answer_from_rasa_is_not_silence(
    service: ChatService, rasa: tuple[FakeRasa, str], renderer: Renderer
) -> None:
    """When the action server is down or too slow, Rasa swallows the action's error and answers
    with nothing at all. Protects the turn's answer: without it the tenant got silence."""
    fake, _ = rasa
    fake.answers["vad är jag skyldig?"] = []
    assert texts(await service.message(SARA, "vad är jag skyldig?")) == [
        renderer.text("sv", "error.assistant_unavailable")]


async def test_with_the_database_unreachable_a_crisis_still_gets_the_numbers_first(
    renderer: Renderer, cipher: TextCipher, rasa: tuple[FakeRasa, str], tmp_path: Path
) -> None:
    """Protects the crisis reply from the database: the tenant, the chat's language and the
    priority case all live there, and with it unreachable the tenant in crisis used to get
    nothing. The numbers come in the phone's language, then "try again"."""
    unreachable = make_session_factory(make_engine(f"sqlite:///{tmp_path / 'no-such-dir' / 'bot.db'}"))
    service = ChatService(unreachable, renderer, RasaClient(rasa[1]), CrisisKeywords.bundled(), cipher,
                          {"demo": DEMO}, clock=lambda: NOW)
    somebody = Sender(chat_id=905, user_id=905, client_language="en")
    try:
        assert texts(await service.message(somebody, "i want to kill myself")) == [
            renderer.text("en", "crisis.emergency"), renderer.text("en", "error.assistant_unavailable")]
        assert texts(await service.message(somebody, "hello")) == [renderer.text("en", "error.assistant_unavailable")]
    finally:
        await service.aclose()
