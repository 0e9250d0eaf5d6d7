"""Send the planned early contacts through Telegram, each at most once.

A message is claimed in the database ("sending") before it is handed to Telegram, and marked
"sent" after. A run that stops in between (a crash, a kill) leaves that one message "sending":
it is never sent again, and staff see it as unconfirmed on the hard-to-reach list. Telegram's
limits are kept by the bot's rate limiter (bot.telegram.limits), which also waits out a 429's
retry_after and tries again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.config.settings import Settings
from bot.db.models import OutreachMessage
from bot.domain.organisation import OrganisationFacts
from bot.domain.outreach import OutreachStatus
from bot.i18n.rendering import Renderer
from bot.services.outreach import PlanReport, compose, in_quiet_hours, plan_contacts
from bot.telegram.limits import TelegramLimits
from bot.telegram.markup import markup_for

logger = logging.getLogger(__name__)


class SendOutcome(StrEnum):
    """What became of one message; each but STOP is counted in the report under its name."""

    SENT = "sent"
    FAILED = "failed"
    UNCONFIRMED = "unconfirmed"
    WAITING = "waiting"
    DROPPED = "dropped"
    # Telegram cannot take more now: the run stops.
    STOP = "stop"


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    unconfirmed: int = 0
    # Left for a later run: quiet hours, Telegram asking to wait longer, or unreachable.
    waiting: int = 0
    dropped: int = 0

    def count(self, outcome: SendOutcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


class OutreachSender:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        renderer: Renderer,
        organisations: Mapping[str, OrganisationFacts],
        clock: Callable[[], dt.datetime],
    ) -> None:
        self._sessions = session_factory
        self._renderer = renderer
        self._organisations = organisations
        self._clock = clock

    def plan(self) -> PlanReport:
        with self._sessions.begin() as session:
            return plan_contacts(session, self._organisations, self._clock())

    async def send(self, bot: Bot) -> SendReport:
        report = SendReport()
        with self._sessions() as session:
            pending = list(session.scalars(
                select(OutreachMessage.id).where(OutreachMessage.status == OutreachStatus.PENDING).order_by(OutreachMessage.id)
            ))
        for position, message_id in enumerate(pending):
            outcome = await self._send_one(bot, message_id)
            if outcome is SendOutcome.STOP:
                # This message and the rest wait for the next run.
                report.waiting += len(pending) - position
                break
            report.count(outcome)
        return report

    async def _send_one(self, bot: Bot, message_id: int) -> SendOutcome:
        now = self._clock()
        with self._sessions.begin() as session:
            message = session.get(OutreachMessage, message_id)
            if message is None or message.status != OutreachStatus.PENDING or message.chat_id is None:
                return SendOutcome.DROPPED
            facts = self._organisations.get(message.case.lease.organisation.slug)
            if facts is None or in_quiet_hours(now, facts):
                return SendOutcome.WAITING
            reply = compose(session, message, self._renderer, self._renderer.default_language)
            claimed = session.execute(
                update(OutreachMessage)
                .where(OutreachMessage.id == message_id, OutreachMessage.status == OutreachStatus.PENDING)
                .values(status=OutreachStatus.SENDING if reply is not None else OutreachStatus.SKIPPED, sent_at=now,
                        detail=None if reply is not None else "nothing left to pay")
            ).rowcount
            chat_id = message.chat_id
        if not claimed or reply is None:
            return SendOutcome.DROPPED
        try:
            await bot.send_message(chat_id, reply.text, reply_markup=markup_for(reply))
        except (Forbidden, BadRequest) as error:
            # The tenant blocked the bot, or the chat is gone: staff need another way.
            return self._finish(message_id, OutreachStatus.FAILED, str(error), SendOutcome.FAILED)
        except RetryAfter as error:
            logger.warning("outreach stopped early: Telegram asks to wait %s", error.retry_after)
            return self._finish(message_id, OutreachStatus.PENDING, None, SendOutcome.STOP)
        except TimedOut:
            # It may or may not have arrived; it is not sent again.
            logger.warning("outreach message %s timed out; left unconfirmed", message_id)
            return SendOutcome.UNCONFIRMED
        except NetworkError as error:
            logger.warning("outreach stopped early: Telegram cannot be reached: %s", error)
            return self._finish(message_id, OutreachStatus.PENDING, None, SendOutcome.STOP)
        return self._finish(message_id, OutreachStatus.SENT, None, SendOutcome.SENT)

    def _finish(self, message_id: int, status: OutreachStatus, detail: str | None, outcome: SendOutcome) -> SendOutcome:
        with self._sessions.begin() as session:
            session.execute(
                update(OutreachMessage).where(OutreachMessage.id == message_id)
                .values(status=status, detail=detail[:200] if detail else None)
            )
        return outcome

    async def run(self, bot: Bot) -> tuple[PlanReport, SendReport]:
        return self.plan(), await self.send(bot)


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
