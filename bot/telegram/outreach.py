"""Send the planned early contacts through Telegram, each at most once.

Claiming a message before it goes out and recording the result after are the use case's
(bot.services.outreach_delivery): a run killed while a message is with Telegram leaves it
"sending", never sent again and shown to staff as unconfirmed. This module sends, and says what
Telegram's answer means. Telegram's limits are kept by the bot's rate limiter
(bot.telegram.limits), which also waits out a 429's retry_after and tries again.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import AsyncIterator

import httpx
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.config.settings import Settings
from bot.services.outreach import PlanReport
from bot.services.outreach_delivery import Attempt, ClaimedMessage, OutreachDelivery, SendOutcome, SendReport
from bot.telegram.limits import TelegramLimits
from bot.telegram.markup import markup_for, send_text

logger = logging.getLogger(__name__)


class OutreachSender:
    """Outreach delivered through Telegram."""

    def __init__(self, delivery: OutreachDelivery) -> None:
        self._delivery = delivery

    async def send(self, bot: Bot) -> SendReport:
        return await self._delivery.deliver(functools.partial(_send, bot))

    async def run(self, bot: Bot) -> tuple[PlanReport, SendReport]:
        return self._delivery.plan(), await self.send(bot)


async def _send(bot: Bot, message: ClaimedMessage) -> Attempt:
    try:
        await send_text(bot, message.chat_id, message.reply.text, markup_for(message.reply))
    except (Forbidden, BadRequest) as error:
        # The tenant blocked the bot, or the chat is gone: staff need another way.
        return Attempt(SendOutcome.FAILED, str(error))
    except RetryAfter as error:
        logger.warning("outreach stopped early: Telegram asks to wait %s", error.retry_after)
        return Attempt(SendOutcome.STOP)
    except NetworkError as error:  # TimedOut too
        if _never_sent(error):
            logger.warning("outreach stopped early: Telegram cannot be reached: %s", error)
            return Attempt(SendOutcome.STOP)
        # A timeout or a gateway error after the request went out: the message may have arrived,
        # so it is not sent again (staff see it as unconfirmed), and the run stops.
        logger.warning("outreach message %s: %s; left unconfirmed", message.message_id, error)
        return Attempt(SendOutcome.UNCONFIRMED, str(error), stop_after=True)
    return Attempt(SendOutcome.SENT)


def _never_sent(error: NetworkError) -> bool:
    """Whether the request surely never reached Telegram: no connection could be made, or none
    was free. Only then may the message be sent again."""
    return isinstance(error.__cause__, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


@contextlib.asynccontextmanager
async def rate_limited_bot(settings: Settings) -> AsyncIterator[ExtBot]:  # type: ignore[type-arg]
    """A bot for sending only, within Telegram's limits (the same limiter as the chat bot's)."""
    bot: ExtBot = ExtBot(  # type: ignore[type-arg]
        settings.telegram_token,
        base_url=settings.telegram_bot_api_url,
        base_file_url=settings.telegram_file_api_url,
        request=HTTPXRequest(connection_pool_size=8),
        rate_limiter=TelegramLimits(),
    )
    async with bot:
        yield bot
