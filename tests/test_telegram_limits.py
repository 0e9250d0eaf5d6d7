"""The bot's rate limiter: each private chat has its own limiter for sending, groups do not,
and a 429 from Telegram is waited out and retried, so the message arrives once."""

from __future__ import annotations

from telegram.ext import ExtBot

from bot.telegram.limits import TelegramLimits
from tests.fakes.telegram_api import FakeTelegram


async def test_private_chats_are_limited_one_by_one_and_429s_are_retried() -> None:
    telegram = FakeTelegram(throttle_every=2)
    await telegram.start()
    limits = TelegramLimits()
    bot: ExtBot = ExtBot(telegram.token, base_url=f"{telegram.base_url}/bot", rate_limiter=limits)  # type: ignore[type-arg]
    try:
        async with bot:
            for chat_id in (501, 502, 501, -100777):
                await bot.send_message(chat_id, "hej")
    finally:
        await telegram.stop()
    assert sorted(limits._chat_limiters) == [501, 502]
    assert telegram.throttled == 3  # every other call, retries included
    assert [m.chat_id for m in telegram.sent] == [501, 502, 501, -100777]
