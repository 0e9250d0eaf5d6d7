"""A tenant asks what they owe and hears it from the latest ledger snapshot of their own lease."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db.models import Lease, Organisation
from tests.e2e.conftest import add_tenant, import_ledger_day
from tests.fakes.telegram_api import FakeTelegram, user

pytestmark = pytest.mark.e2e



@pytest.mark.usefixtures("bot")
async def test_a_tenant_asks_what_is_left_to_pay(telegram: FakeTelegram, sessions: sessionmaker[Session]) -> None:
    add_tenant(sessions, "Hanna Ek", 6201)
    with sessions.begin() as session:
        organisation = session.scalars(select(Organisation).where(Organisation.slug == "demo")).one()
        tenant = next(t for t in organisation.tenants if t.telegram_user_id == 6201)
        session.add(Lease(organisation_id=organisation.id, tenant=tenant, lease_number="ACC-01",
                          address="Provvägen 9", monthly_rent_ore=800_000, move_in_date=dt.date(2025, 1, 1)))
        session.flush()
        import_ledger_day(session, organisation, "ACC-01;2 400;2026-11-30;2026-12-04\n")
    hanna = user(6201, "Hanna", language_code="sv")
    await telegram.send_text(hanna, "hur mycket är jag skyldig?")
    [reply] = await telegram.wait_for_messages(6201, 1)
    assert reply.text == "Enligt våra uppgifter den 4 december 2026 har du 2\xa0400\xa0kr kvar att betala."
