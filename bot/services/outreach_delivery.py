"""Deliver the planned early contacts, each at most once, through whichever messenger sends them.

A message is claimed in the database ("sending") before it is handed to the messenger, and the
result recorded after, each in its own transaction so the claim is on disk before anything goes
out. A run that stops in between (a crash, a kill) leaves that one message "sending": it is never
sent again, and staff see it as unconfirmed on the hard-to-reach list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.db.models import OutreachMessage
from bot.domain.organisation import OrganisationFacts
from bot.domain.outreach import OutreachStatus
from bot.i18n.rendering import Renderer, Reply
from bot.services.outreach import PlanReport, compose, in_quiet_hours, plan_contacts


class SendOutcome(StrEnum):
    """What became of one message; each but STOP is counted in the report under its name."""

    SENT = "sent"
    FAILED = "failed"
    UNCONFIRMED = "unconfirmed"
    WAITING = "waiting"
    DROPPED = "dropped"
    # The messenger cannot take more now: the run stops.
    STOP = "stop"


# What each outcome of a send leaves in the database; an unconfirmed message stays "sending".
_RECORDED = {
    SendOutcome.SENT: OutreachStatus.SENT,
    SendOutcome.FAILED: OutreachStatus.FAILED,
    SendOutcome.STOP: OutreachStatus.PENDING,
}


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    unconfirmed: int = 0
    # Left for a later run: quiet hours, the messenger asking to wait longer, or unreachable.
    waiting: int = 0
    dropped: int = 0

    def count(self, outcome: SendOutcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


@dataclass(frozen=True)
class ClaimedMessage:
    message_id: int
    chat_id: int
    reply: Reply


@dataclass(frozen=True)
class Attempt:
    outcome: SendOutcome
    # Why a message could not be delivered, kept for staff.
    detail: str | None = None
    # The messenger is in trouble: the rest wait for the next run.
    stop_after: bool = False


Send = Callable[[ClaimedMessage], Awaitable[Attempt]]


class OutreachDelivery:
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

    async def deliver(self, send: Send) -> SendReport:
        """Claim, send and record each pending message in turn, until the messenger says stop."""
        report = SendReport()
        pending = self._pending()
        for position, message_id in enumerate(pending):
            outcome, stop_after = await self._deliver_one(message_id, send)
            if outcome is SendOutcome.STOP:
                # This message and the rest wait for the next run.
                report.waiting += len(pending) - position
                break
            report.count(outcome)
            if stop_after:
                report.waiting += len(pending) - position - 1
                break
        return report

    def _pending(self) -> list[int]:
        with self._sessions() as session:
            return list(session.scalars(
                select(OutreachMessage.id).where(OutreachMessage.status == OutreachStatus.PENDING)
                .order_by(OutreachMessage.id)
            ))

    async def _deliver_one(self, message_id: int, send: Send) -> tuple[SendOutcome, bool]:
        claimed = self._claim(message_id)
        if isinstance(claimed, SendOutcome):
            return claimed, False
        attempt = await send(claimed)
        status = _RECORDED.get(attempt.outcome)
        if status is not None:
            self._record(message_id, status, attempt.detail)
        return attempt.outcome, attempt.stop_after

    def _claim(self, message_id: int) -> ClaimedMessage | SendOutcome:
        """Mark the message "sending" (or skipped, when the debt is paid by now) unless another
        run got to it first; the outcome instead when it is not to be sent now."""
        now = self._clock()
        with self._sessions.begin() as session:
            message = session.get(OutreachMessage, message_id)
            if message is None or message.status != OutreachStatus.PENDING or message.chat_id is None:
                return SendOutcome.DROPPED
            facts = self._organisations.get(message.case.lease.organisation.slug)
            if facts is None or in_quiet_hours(now, facts):
                return SendOutcome.WAITING
            reply = compose(session, message, self._renderer)
            claimed = session.execute(
                update(OutreachMessage)
                .where(OutreachMessage.id == message_id, OutreachMessage.status == OutreachStatus.PENDING)
                .values(status=OutreachStatus.SENDING if reply is not None else OutreachStatus.SKIPPED, sent_at=now,
                        detail=None if reply is not None else "nothing left to pay")
            ).rowcount
            chat_id = message.chat_id
        if not claimed or reply is None:
            return SendOutcome.DROPPED
        return ClaimedMessage(message_id, chat_id, reply)

    def _record(self, message_id: int, status: OutreachStatus, detail: str | None) -> None:
        with self._sessions.begin() as session:
            session.execute(
                update(OutreachMessage).where(OutreachMessage.id == message_id)
                .values(status=status, detail=detail[:200] if detail else None)
            )
