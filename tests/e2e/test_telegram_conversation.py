"""Tenants talking to the assistant in Telegram: a message in, a message out, through the real
bot, Rasa, the action server and the database."""

from __future__ import annotations

import asyncio
import copy
import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db.models import Chat, ProcessedUpdate, StaffCase, Tenant
from bot.infra.processes import start_action_server, start_rasa
from bot.config.settings import Settings
from bot.telegram.app import polling
from tests.conftest import free_port
from tests.e2e.conftest import add_tenant, eventually, make_bot
from tests.fakes.telegram_api import FakeTelegram, user

pytestmark = pytest.mark.e2e

SWEDISH_GREETING = "Hej Lina! Jag är chattassistent hos Exempelbostäder AB. Vad kan jag hjälpa dig med?"


@pytest.mark.usefixtures("bot")
async def test_a_tenant_chooses_swedish_and_is_greeted_by_name(
    telegram: FakeTelegram, sessions: sessionmaker[Session], stack: Settings
) -> None:
    add_tenant(sessions, "Lina Berg", 5001)
    lina = user(5001, "Lina")

    await telegram.send_text(lina, "/start")
    [picker] = await telegram.wait_for_messages(5001, 1)
    assert "Vilket språk vill du att jag skriver på?" in picker.text
    assert ("Svenska", "lang:sv") in picker.buttons and ("English", "lang:en") in picker.buttons

    await telegram.press(lina, picker, "lang:sv")
    replies = await telegram.wait_for_messages(5001, 3)
    assert replies[1].text.startswith("Jag skriver till dig på svenska från och med nu.")
    assert replies[2].buttons == [("Prata med en person", "/request_human"), ("Byt språk", "/change_language")]
    # The picker was answered, marked with the choice, and its buttons removed.
    assert telegram.answered_callbacks and picker.text.endswith("✓ Svenska") and picker.reply_markup is None

    await telegram.send_text(lina, "hej")
    replies = await telegram.wait_for_messages(5001, 4)
    assert replies[3].text == SWEDISH_GREETING

    def all_updates_completed() -> bool:
        with sessions() as session:
            handled = session.scalars(select(ProcessedUpdate)).all()
            return len(handled) >= 3 and all(row.completed_at is not None for row in handled)

    await eventually(all_updates_completed)
    with sessions() as session:
        assert session.get(Chat, 5001).language == "sv"  # type: ignore[union-attr]
        tenant = session.scalar(select(Tenant).where(Tenant.telegram_user_id == 5001))
        assert tenant is not None and tenant.preferred_language == "sv"
    # Rasa kept the conversation in its SQL tracker store, not in its memory.
    tracker_db = stack.tracker_store_url.removeprefix("sqlite:///")
    with sqlite3.connect(tracker_db) as tracker:
        actions = [row[0] for row in tracker.execute(
            "SELECT action_name FROM events WHERE sender_id = '5001' AND type_name = 'action'"
        )]
    assert "action_greet_tenant" in actions


@pytest.mark.usefixtures("bot")
async def test_an_english_phone_starts_in_english_and_reaches_a_person(
    telegram: FakeTelegram, sessions: sessionmaker[Session]
) -> None:
    add_tenant(sessions, "Omar Ali", 5002)
    omar = user(5002, "Omar", language_code="en-GB")

    await telegram.send_text(omar, "/start")
    [greeting] = await telegram.wait_for_messages(5002, 1)
    assert greeting.text.startswith("Hello Omar! I am the chat assistant of Exempelbostäder AB.")

    await telegram.send_text(omar, "what can you do?")
    [_, capabilities] = await telegram.wait_for_messages(5002, 2)
    assert capabilities.text.startswith("I can answer questions about your home")
    assert ("Talk to a person", "/request_human") in capabilities.buttons

    await telegram.press(omar, capabilities, "/request_human")
    replies = await telegram.wait_for_messages(5002, 3)
    # The rest of the answer says when: now, or when the office opens.
    assert replies[2].text.startswith("I have asked a person at Exempelbostäder AB to join this chat.")
    await eventually(lambda: any(name.endswith("· Omar") for _, _, name in telegram.topics))


@pytest.mark.usefixtures("bot")
async def test_a_stranger_gets_a_greeting_without_a_name(telegram: FakeTelegram) -> None:
    stranger = user(5003, "Kim", language_code="sv")
    await telegram.send_text(stranger, "hejsan")
    [reply] = await telegram.wait_for_messages(5003, 1)
    assert reply.text == "Hej! Jag är chattassistent hos ditt bostadsbolag. Vad kan jag hjälpa dig med?"


@pytest.mark.usefixtures("bot")
async def test_a_crisis_message_gets_the_emergency_numbers(telegram: FakeTelegram) -> None:
    tenant = user(5004, "Sara", language_code="sv")
    await telegram.send_text(tenant, "jag orkar inte längre, jag vill inte leva")
    [reply] = await telegram.wait_for_messages(5004, 1)
    for number in ("112", "90101", "020-50 50 50", "1177"):
        assert number in reply.text


@pytest.mark.usefixtures("bot")
async def test_commands_photos_and_gibberish_get_clear_answers(telegram: FakeTelegram) -> None:
    tenant = user(5005, "Ali", language_code="en")
    await telegram.send_text(tenant, "/frobnicate")
    await telegram.push(
        {"message": {"message_id": 1, "date": 0, "chat": {"id": 5005, "type": "private"},
                     "from": tenant, "photo": [{"file_id": "x", "file_unique_id": "y",
                                                 "width": 1, "height": 1}]}}
    )
    await telegram.send_text(tenant, "/help")
    replies = await telegram.wait_for_messages(5005, 3)
    assert [r.text for r in replies[:2]] == [
        "I don't know that command. You can use /help, /language or /consent.",
        "I can only read text. Please write your question in words.",
    ]
    assert replies[2].text.startswith("Write to me in your own words.")


async def test_an_update_delivered_again_is_not_handled_twice(
    telegram: FakeTelegram, sessions: sessionmaker[Session], stack: Settings
) -> None:
    tenant = user(5006, "Eva", language_code="en")
    async with polling(make_bot(stack, telegram), timeout_seconds=1):
        update = await telegram.send_text(tenant, "hello")
        await telegram.wait_for_messages(5006, 1)
    # Telegram delivers the same update again, as after a restart before it was confirmed.
    async with polling(make_bot(stack, telegram), timeout_seconds=1):
        await telegram.push(dict(update))
        await telegram.send_text(tenant, "thanks")
        replies = await telegram.wait_for_messages(5006, 2)
    assert len(replies) == 2
    assert replies[1].text == "You're welcome! Is there anything else I can help you with?"


async def test_when_rasa_is_down_the_tenant_is_told_in_their_language(
    telegram: FakeTelegram, sessions: sessionmaker[Session], stack: Settings
) -> None:
    tenant = user(5007, "Nora", language_code="sv")
    dead_rasa = f"http://127.0.0.1:{free_port()}"
    async with polling(make_bot(stack, telegram, rasa_url=dead_rasa), timeout_seconds=1):
        await telegram.send_text(tenant, "hej")
        [reply] = await telegram.wait_for_messages(5007, 1)
    assert reply.text.startswith("Förlåt, jag kan inte svara just nu.")


async def test_webhook_mode_accepts_only_telegrams_secret(
    telegram: FakeTelegram, sessions: sessionmaker[Session], stack: Settings
) -> None:
    application = make_bot(stack, telegram)
    port = free_port()
    async with application:
        assert application.updater is not None
        await application.updater.start_webhook(
            listen="127.0.0.1", port=port, url_path="telegram",
            webhook_url=f"http://127.0.0.1:{port}/telegram", secret_token="s3cret-token",
        )
        await application.start()
        try:
            assert telegram.webhook is not None and telegram.webhook["secret_token"] == "s3cret-token"
            tenant = user(5008, "Ida", language_code="en")
            update = {"update_id": 90001, "message": {
                "message_id": 1, "date": 0, "chat": {"id": 5008, "type": "private"},
                "from": tenant, "text": "hi"}}
            async with httpx.AsyncClient() as client:
                url = f"http://127.0.0.1:{port}/telegram"
                forged = await client.post(url, json=update, headers={
                    "X-Telegram-Bot-Api-Secret-Token": "guess"})
                assert forged.status_code == 403
                genuine = await client.post(url, json=update, headers={
                    "X-Telegram-Bot-Api-Secret-Token": "s3cret-token"})
                assert genuine.status_code == 200
            [reply] = await telegram.wait_for_messages(5008, 1)
            assert reply.text.startswith("Hello! I am the chat assistant")
        finally:
            await application.updater.stop()
            await application.stop()


def own_rasa(stack: Settings, tmp_path: Path, **overrides: Any) -> Settings:
    """Settings for a Rasa server of the test's own (on a free port, with its own tracker store),
    which the test may stop without disturbing the shared one."""
    return stack.with_overrides(
        rasa_url=f"http://127.0.0.1:{free_port()}", var_dir=tmp_path,
        tracker_store_url=f"sqlite:///{tmp_path / 'tracker.db'}", **overrides,
    )


async def test_stopping_rasa_mid_conversation_gives_the_localized_fallback(
    telegram: FakeTelegram, sessions: sessionmaker[Session], stack: Settings, trained_model: Path,
    tmp_path: Path,
) -> None:
    # A generated token may begin with "-"; Rasa must still take it as the token.
    own = own_rasa(stack, tmp_path, rasa_token="-Zq3" + "x" * 28)
    rasa = start_rasa(own, trained_model)
    tenant = user(5009, "Leo", language_code="en")
    try:
        async with polling(make_bot(own, telegram), timeout_seconds=1):
            await telegram.send_text(tenant, "hi")
            [greeting] = await telegram.wait_for_messages(5009, 1)
            assert greeting.text.startswith("Hello! I am the chat assistant")
            rasa.stop()
            await telegram.send_text(tenant, "what can you do?")
            [_, fallback] = await telegram.wait_for_messages(5009, 2)
    finally:
        rasa.stop()
    assert fallback.text.startswith("Sorry, I can't answer right now. Please try again in a little while.")


async def test_with_the_action_server_stopped_the_tenant_is_still_answered(
    telegram: FakeTelegram, sessions: sessionmaker[Session], stack: Settings, trained_model: Path,
    tmp_path: Path,
) -> None:
    """Rasa swallows a failed custom action and answers nothing. Protects the turn's answer
    (`bot/services/chat/rasa_replies.py`): without it, "what do I owe?" with the action server
    down got silence."""
    own = own_rasa(stack, tmp_path, action_server_port=free_port())
    actions = start_action_server(own)
    rasa = start_rasa(own, trained_model)
    tenant = user(5012, "Mia", language_code="en")
    try:
        async with polling(make_bot(own, telegram), timeout_seconds=1):
            await telegram.send_text(tenant, "hi")
            [greeting] = await telegram.wait_for_messages(5012, 1)
            assert greeting.text.startswith("Hello! I am the chat assistant")
            actions.stop()
            await telegram.send_text(tenant, "how much do I owe?")
            [_, unavailable] = await telegram.wait_for_messages(5012, 2)
    finally:
        rasa.stop()
        actions.stop()
    assert unavailable.text.startswith("Sorry, I can't answer right now.") and "112" in unavailable.text


@pytest.mark.usefixtures("bot")
async def test_a_crisis_phrase_is_answered_even_before_a_language_is_chosen(telegram: FakeTelegram) -> None:
    newcomer = user(5010, "Jo")  # no language known from the chat, the lease or the phone
    await telegram.send_text(newcomer, "he hits me and I am scared")
    emergency, *_ = await telegram.wait_for_messages(5010, 1)
    assert "112" in emergency.text and "90101" in emergency.text
    # Too short to tell the language: the numbers still come first, then the picker.
    stranger = user(5011, "Ro")
    await telegram.send_text(stranger, "suicide")
    emergency, picker = await telegram.wait_for_messages(5011, 2)
    assert "112" in emergency.text and "90101" in emergency.text
    assert ("English", "lang:en") in picker.buttons


@pytest.mark.usefixtures("bot")
async def test_a_malformed_update_does_not_block_the_good_ones(telegram: FakeTelegram) -> None:
    tenant = user(5011, "Mo", language_code="en")
    await telegram.push({"message": "not a message at all"})
    await telegram.send_text(tenant, "hello")
    [reply] = await telegram.wait_for_messages(5011, 1)
    assert reply.text.startswith("Hello! I am the chat assistant")
    await eventually(lambda: not telegram.updates)


@pytest.mark.usefixtures("bot")
async def test_a_crisis_phrase_in_a_photo_caption_or_an_edited_message_gets_the_numbers(
    telegram: FakeTelegram, sessions: sessionmaker[Session]
) -> None:
    """Words come in captions and edits too. Protects the crisis check on both: without it a photo
    captioned "he hits me" got only "please write in words", and an edit was never read."""
    add_tenant(sessions, "Kim Test", 5013)
    kim = user(5013, "Kim", language_code="en")
    await telegram.send_photo(kim, caption="he hits me and I am scared")
    emergency, text_only = await telegram.wait_for_messages(5013, 2)
    assert "112" in emergency.text and "90101" in emergency.text
    assert "90101" not in text_only.text

    sent = await telegram.send_text(kim, "thanks")
    answers = len(await telegram.wait_for_messages(5013, 3))
    await telegram.edit_text(kim, sent, "thanks. i want to kill myself")
    *_, numbers = await telegram.wait_for_messages(5013, answers + 1)
    assert "112" in numbers.text and "90101" in numbers.text
    with sessions() as session:
        cases = session.scalars(select(StaffCase).where(StaffCase.chat_id == 5013)).all()
        assert [(case.reason, case.priority) for case in cases] == [("crisis", True)]

    # An ordinary edit is not answered again.
    before = len(telegram.messages_to(5013))
    plain = await telegram.send_text(kim, "what can you do")
    await telegram.wait_for_messages(5013, before + 1)
    await telegram.edit_text(kim, plain, "what can you do?")
    await asyncio.sleep(1.0)
    assert len(telegram.messages_to(5013)) == before + 1


@pytest.mark.usefixtures("bot")
async def test_a_double_tap_on_a_button_is_answered_once(telegram: FakeTelegram, sessions: sessionmaker[Session]) -> None:
    """The second tap arrives with the message as it was, the bot marks the choice again, and
    Telegram refuses the edit ("message is not modified"). Protects against that refusal: without
    it the tenant got the generic error after their choice."""
    add_tenant(sessions, "Ola Test", 5014)
    ola = user(5014, "Ola")
    await telegram.send_text(ola, "/start")
    [picker] = await telegram.wait_for_messages(5014, 1)
    as_shown = copy.copy(picker)
    await telegram.press(ola, as_shown, "lang:en")
    answered = len(await telegram.wait_for_messages(5014, 3))
    await telegram.press(ola, as_shown, "lang:en")
    await asyncio.sleep(1.0)
    assert len(telegram.messages_to(5014)) == answered
    assert telegram.messages_to(5014)[0].text.endswith("\n\n✓ English")
