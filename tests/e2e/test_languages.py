"""A tenant in each of the eight languages picks it, greets, asks what the assistant can do and
asks for a person, and is answered fully in that language."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.services import handoff
from bot.i18n.languages import LANGUAGES
from bot.i18n.rendering import Renderer
from bot.config.organisations import load_organisation
from bot.config.settings import PROJECT_ROOT
from tests.e2e.conftest import add_tenant
from tests.fakes.telegram_api import FakeTelegram, user

pytestmark = pytest.mark.e2e

# (greeting, asking what the assistant can do, asking for a person), as tenants write them.
TENANT_WORDS = {
    "sv": ("hejsan", "vad kan du hjälpa mig med", "jag vill prata med en riktig person"),
    "en": ("hello", "what can you help me with", "i want to speak with a human"),
    "ar": ("مرحبا", "شو بتقدر تعمل؟", "بدي احكي مع شخص حقيقي"),
    "so": ("asc walaal", "maxaad ii qaban kartaa?", "waxaan rabaa inaan la hadlo qof"),
    "fa": ("سلام وقت بخیر", "چیکار میتونی بکنی؟", "میخوام با یه آدم واقعی صحبت کنم"),
    "ti": ("ሰላም", "እንታይ ክትገብር ትኽእል?", "ምስ ሰብ ክዛረብ እደሊ"),
    "uk": ("добрий день", "що ти можеш", "хочу поговорити з людиною"),
    "fi": ("moikka", "mitä sä voit tehdä", "voinko puhua ihmisen kanssa"),
}


def test_every_supported_language_is_exercised() -> None:
    assert set(TENANT_WORDS) == set(LANGUAGES)


@pytest.mark.usefixtures("bot")
@pytest.mark.parametrize("language", list(TENANT_WORDS))
async def test_a_tenant_is_answered_in_their_own_language(
    language: str, telegram: FakeTelegram, sessions: sessionmaker[Session]
) -> None:
    renderer = Renderer(PROJECT_ROOT / "locales", "sv")
    chat_id = 5100 + list(TENANT_WORDS).index(language)
    add_tenant(sessions, "Noor Test", chat_id)
    tenant = user(chat_id, "Noor")
    greeting, capabilities, person = TENANT_WORDS[language]

    await telegram.send_text(tenant, "/start")
    [picker] = await telegram.wait_for_messages(chat_id, 1)
    assert (LANGUAGES[language].native_name, f"lang:{language}") in picker.buttons
    assert renderer.text(language, "language.choose") in picker.text

    await telegram.press(tenant, picker, f"lang:{language}")
    replies = await telegram.wait_for_messages(chat_id, 3)
    assert replies[1].text == renderer.text(language, "language.changed")

    await telegram.send_text(tenant, greeting)
    replies = await telegram.wait_for_messages(chat_id, 4)
    assert replies[3].text == renderer.text(
        language, "greet.named", {"name": "Noor", "organisation": "Exempelbostäder AB"}
    )

    await telegram.send_text(tenant, capabilities)
    replies = await telegram.wait_for_messages(chat_id, 5)
    assert replies[4].text == renderer.text(language, "capabilities")
    assert [label for label, _ in replies[4].buttons] == [
        renderer.text(language, "button.talk_to_person"),
        renderer.text(language, "button.change_language"),
    ]

    await telegram.send_text(tenant, person)
    replies = await telegram.wait_for_messages(chat_id, 6)
    facts = load_organisation(PROJECT_ROOT / "config" / "organisations", "demo")
    assert replies[5].text == renderer.reply(language, handoff.tenant_reply(facts, dt.datetime.now(dt.UTC), True)).text
    # Fully translated: nothing the tenant saw after choosing is the English text, except in English.
    if language != "en":
        english = {renderer.text("en", key) for key in ("language.changed", "capabilities")}
        assert not english & {reply.text for reply in replies}


@pytest.mark.usefixtures("bot")
async def test_a_tenant_whose_phone_speaks_german_and_who_writes_swedish_is_answered_in_swedish(
    telegram: FakeTelegram, sessions: sessionmaker[Session]
) -> None:
    """The Telegram language (German) is not one the assistant speaks; the message is clearly
    Swedish, so it is answered in Swedish without the language picker, and the chat stays in
    Swedish. A message too short to tell ("ok") still gets the picker."""
    renderer = Renderer(PROJECT_ROOT / "locales", "sv")
    jonas, lena = user(5180, "Jonas", language_code="de"), user(5181, "Lena", language_code="de")
    add_tenant(sessions, "Jonas Test", 5180)
    add_tenant(sessions, "Lena Test", 5181)

    await telegram.send_text(jonas, "hej, vad kan du hjälpa mig med?")
    [reply] = await telegram.wait_for_messages(5180, 1)
    assert reply.text == renderer.text("sv", "capabilities")
    await telegram.send_text(jonas, "tack så mycket")
    replies = await telegram.wait_for_messages(5180, 2)
    assert renderer.text("sv", "language.choose") not in replies[1].text
    assert replies[1].text == renderer.text("sv", "thanks.reply")

    await telegram.send_text(lena, "ok")
    [picker] = await telegram.wait_for_messages(5181, 1)
    assert renderer.text("sv", "language.choose") in picker.text
