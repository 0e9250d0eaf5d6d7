"""The bot's rate limiter: each private chat has its own limiter for sending (about one message a
second after a burst of three), groups do not, and a 429 from Telegram is waited out and
retried, so the message arrives once."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest
from telegram.ext import ExtBot

from bot.telegram.limits import CHAT_BURST, TelegramLimits
from tests.fakes.telegram_api import FakeTelegram

# Well under the second the message after a burst waits, well over a few local HTTP calls.
AT_ONCE_SECONDS = 0.9


@pytest.fixture
async def bot(telegram: FakeTelegram) -> AsyncIterator[ExtBot]:  # type: ignore[type-arg]
    limited: ExtBot = ExtBot(telegram.token, base_url=f"{telegram.base_url}/bot", rate_limiter=TelegramLimits())  # type: ignore[type-arg]
    async with limited:
        yield limited


async def seconds_to_send(bot: ExtBot, chat_ids: list[int]) -> float:  # type: ignore[type-arg]
    started = time.monotonic()
    for chat_id in chat_ids:
        await bot.send_message(chat_id, "hej")
    return time.monotonic() - started


async def test_a_private_chat_gets_a_burst_then_about_one_message_a_second(bot: ExtBot) -> None:  # type: ignore[type-arg]
    assert await seconds_to_send(bot, [501] * (CHAT_BURST + 1)) >= AT_ONCE_SECONDS


async def test_each_private_chat_has_its_own_limit_and_groups_have_none_of_it(bot: ExtBot) -> None:  # type: ignore[type-arg]
    assert await seconds_to_send(bot, [501] * CHAT_BURST + [502] * CHAT_BURST) < AT_ONCE_SECONDS
    assert await seconds_to_send(bot, [-100777] * (CHAT_BURST + 1)) < AT_ONCE_SECONDS


async def test_a_429_is_waited_out_and_the_message_arrives_once() -> None:
    telegram = FakeTelegram(throttle_every=2)
    await telegram.start()
    try:
        async with ExtBot(telegram.token, base_url=f"{telegram.base_url}/bot", rate_limiter=TelegramLimits()) as bot:  # type: ignore[var-annotated]
            for chat_id in (501, 502, 501, -100777):
                await bot.send_message(chat_id, "hej")
    finally:
        await telegram.stop()
    assert telegram.throttled == 3  # every other call, retries included
    assert [m.chat_id for m in telegram.sent] == [501, 502, 501, -100777]
