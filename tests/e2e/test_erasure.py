"""Erasure reaches Rasa's tracker store too: after it, the tenant's conversation is gone from
the real Rasa server's store, and the assistant still answers them as a stranger."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.db.repositories import find_tenant_by_telegram_user
from bot.services.privacy import erase, erase_conversation
from bot.infra.rasa_client import RasaClient
from bot.config.settings import Settings
from tests.e2e.conftest import add_tenant
from tests.fakes.telegram_api import FakeTelegram, user

pytestmark = pytest.mark.e2e


@pytest.mark.usefixtures("bot")
async def test_an_erased_tenants_conversation_is_gone_from_rasa(
    telegram: FakeTelegram, sessions: sessionmaker[Session], stack: Settings
) -> None:
    add_tenant(sessions, "Ella Ek", 6601)
    ella = user(6601, "Ella", language_code="sv")
    await telegram.send_text(ella, "hur bokar jag tvättstugan?")
    await telegram.wait_for_messages(6601, 1)
    rasa = RasaClient(stack.rasa_url, token=stack.rasa_token)
    try:
        assert await rasa.last_user_messages("6601") == ["hur bokar jag tvättstugan?"]
        with sessions.begin() as session:
            tenant = find_tenant_by_telegram_user(session, 6601)
            assert tenant is not None
            assert erase(session, tenant).chat_id == 6601
        assert erase_conversation(stack.tracker_store_url, "6601") > 0
        assert await rasa.last_user_messages("6601") == []
    finally:
        await rasa.aclose()
    await telegram.send_text(ella, "hej")
    [*_, greeting] = await telegram.wait_for_messages(6601, 2)
    assert "Ella" not in greeting.text
