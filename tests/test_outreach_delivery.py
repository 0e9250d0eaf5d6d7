"""Delivering planned contacts: claimed before they go out, the messenger's answer recorded after,
and a message whose delivery is unknown never sent again."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db.models import OutreachMessage
from bot.domain.calendar import SWEDEN
from bot.i18n.rendering import Renderer
from bot.services.outreach_delivery import Attempt, ClaimedMessage, OutreachDelivery, SendOutcome, SendReport
from tests.test_outreach import ORGANISATIONS, setup_tenants

LEDGER = "A;2 400;2026-11-30;2026-12-02\nB;900;2026-11-30;2026-12-02\nC;1 500;2026-11-30;2026-12-02\n"
MORNING = dt.datetime(2026, 12, 4, 9, tzinfo=SWEDEN)
NIGHT = dt.datetime(2026, 12, 4, 23, tzinfo=SWEDEN)


class Messenger:
    """Answers each send with the next outcome it is given, and remembers who was written to."""

    def __init__(self, *answers: Attempt) -> None:
        self.answers = list(answers)
        self.chats: list[int] = []

    async def send(self, message: ClaimedMessage) -> Attempt:
        self.chats.append(message.chat_id)
        return self.answers.pop(0) if self.answers else Attempt(SendOutcome.SENT)


def planned(session_factory: sessionmaker[Session], renderer: Renderer, now: dt.datetime) -> OutreachDelivery:
    setup_tenants(session_factory, LEDGER, {"A": 11, "B": 12, "C": 13})
    delivery = OutreachDelivery(session_factory, renderer, ORGANISATIONS, lambda: now)
    assert delivery.plan().planned == 3
    return delivery


def statuses(session_factory: sessionmaker[Session]) -> list[tuple[int | None, str, str | None]]:
    with session_factory() as session:
        return [(m.chat_id, m.status, m.detail)
                for m in session.scalars(select(OutreachMessage).order_by(OutreachMessage.id))]


async def test_each_answer_is_recorded_and_an_unconfirmed_message_is_not_sent_again(
    session_factory: sessionmaker[Session], renderer: Renderer
) -> None:
    delivery = planned(session_factory, renderer, MORNING)
    messenger = Messenger(Attempt(SendOutcome.SENT), Attempt(SendOutcome.FAILED, "Forbidden: bot was blocked"),
                          Attempt(SendOutcome.UNCONFIRMED))
    assert await delivery.deliver(messenger.send) == SendReport(sent=1, failed=1, unconfirmed=1)
    assert statuses(session_factory) == [
        (11, "sent", None), (12, "failed", "Forbidden: bot was blocked"), (13, "sending", None),
    ]
    assert await delivery.deliver(messenger.send) == SendReport()
    assert messenger.chats == [11, 12, 13]


async def test_a_messenger_that_says_stop_leaves_this_message_and_the_rest_for_the_next_run(
    session_factory: sessionmaker[Session], renderer: Renderer
) -> None:
    delivery = planned(session_factory, renderer, MORNING)
    messenger = Messenger(Attempt(SendOutcome.SENT), Attempt(SendOutcome.STOP))
    assert await delivery.deliver(messenger.send) == SendReport(sent=1, waiting=2)
    assert [status for _, status, _ in statuses(session_factory)] == ["sent", "pending", "pending"]
    assert await delivery.deliver(messenger.send) == SendReport(sent=2)
    assert messenger.chats == [11, 12, 12, 13]


async def test_nothing_is_claimed_in_quiet_hours(session_factory: sessionmaker[Session], renderer: Renderer) -> None:
    delivery = planned(session_factory, renderer, NIGHT)
    messenger = Messenger()
    assert await delivery.deliver(messenger.send) == SendReport(waiting=3)
    assert messenger.chats == []
    assert [status for _, status, _ in statuses(session_factory)] == ["pending"] * 3
