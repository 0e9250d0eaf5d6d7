"""Outreach when Telegram fails half-way: what may have arrived is never sent twice, and what
surely did not arrive is sent by the next run."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from telegram.ext import ExtBot

from bot.config.organisations import load_all
from bot.config.settings import PROJECT_ROOT
from bot.db.models import Lease, Organisation, OutreachMessage, Tenant
from bot.i18n.rendering import Renderer
from bot.services.ledger import import_ledger
from bot.services.outreach_delivery import OutreachDelivery
from bot.telegram.outreach import OutreachSender
from tests.conftest import free_port
from tests.fakes.telegram_api import FakeTelegram

MORNING = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)
HEADER = "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\n"


def two_tenants_behind(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        organisation = Organisation(slug="demo", name="Exempelbostäder AB")
        for n in (1, 2):
            tenant = Tenant(organisation=organisation, name=f"Hyresgäst {n}", telegram_user_id=7700 + n,
                            preferred_language="sv")
            session.add(Lease(organisation=organisation, tenant=tenant, lease_number=f"F-{n}", address="Gatan 1",
                              monthly_rent_ore=800_000, move_in_date=dt.date(2025, 1, 1)))
        session.flush()
        import_ledger(session, organisation, HEADER + "F-1;1000;2026-11-30;2026-12-03\nF-2;1000;2026-11-30;2026-12-03\n")


def sender(sessions: sessionmaker[Session]) -> OutreachSender:
    return OutreachSender(OutreachDelivery(
        sessions, Renderer(PROJECT_ROOT / "locales", "sv"), load_all(PROJECT_ROOT / "config" / "organisations"),
        lambda: MORNING))


def statuses(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        return [m.status for m in session.scalars(select(OutreachMessage).order_by(OutreachMessage.id))]


async def test_a_gateway_error_after_sending_leaves_the_message_unconfirmed_and_never_sends_it_twice(
    session_factory: sessionmaker[Session], telegram: FakeTelegram
) -> None:
    """Protects against sending twice: a 502 came after Telegram had the message, and the run
    used to put it back to pending, so the next run sent it again."""
    two_tenants_behind(session_factory)
    telegram.bad_gateway_after_send = 1
    async with ExtBot(telegram.token, base_url=f"{telegram.base_url}/bot") as bot:  # type: ignore[var-annotated]
        _, first = await sender(session_factory).run(bot)
        assert (first.sent, first.unconfirmed, first.waiting) == (0, 1, 1)
        _, second = await sender(session_factory).run(bot)
        assert (second.sent, second.unconfirmed) == (1, 0)
    assert len(telegram.messages_to(7701)) == 1 and len(telegram.messages_to(7702)) == 1
    assert statuses(session_factory) == ["sending", "sent"]


async def test_with_telegram_unreachable_nothing_is_lost(session_factory: sessionmaker[Session], telegram: FakeTelegram) -> None:
    """No connection at all: the request never left, so the message waits and the next run sends it."""
    two_tenants_behind(session_factory)
    down: ExtBot = ExtBot(telegram.token, base_url=f"http://127.0.0.1:{free_port()}/bot")  # type: ignore[type-arg]
    _, first = await sender(session_factory).run(down)
    assert (first.sent, first.unconfirmed, first.waiting) == (0, 0, 2)
    assert statuses(session_factory) == ["pending", "pending"]
    async with ExtBot(telegram.token, base_url=f"{telegram.base_url}/bot") as bot:  # type: ignore[var-annotated]
        second = await sender(session_factory).send(bot)
    assert second.sent == 2 and len(telegram.messages_to(7701)) == 1
