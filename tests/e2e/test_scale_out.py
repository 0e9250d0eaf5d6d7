"""The production set-up: Rasa keeps conversations in PostgreSQL and locks them in Redis."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.app import App
from bot.services.chat import Sender
from bot.db.session import make_engine
from bot.infra.processes import start_rasa
from bot.config.settings import Settings
from tests.conftest import free_port

pytestmark = pytest.mark.e2e

DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")


@pytest.mark.skipif(not (DATABASE_URL and REDIS_URL), reason="TEST_DATABASE_URL and TEST_REDIS_URL are not both set")
async def test_conversations_survive_in_postgresql_with_a_redis_lock_store(
    stack: Settings, trained_model: Path, tmp_path: Path
) -> None:
    settings = stack.with_overrides(
        rasa_url=f"http://127.0.0.1:{free_port()}", var_dir=tmp_path,
        tracker_store_url=DATABASE_URL, lock_store_url=REDIS_URL,
    )
    sender_id = 6001
    engine = make_engine(DATABASE_URL)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS events"))
    rasa = start_rasa(settings, trained_model)
    app = App.from_settings(settings)
    service = app.chat_service()
    try:
        replies = await service.message(Sender(sender_id, sender_id, "en"), "hello")
        assert replies[0].text.startswith("Hello! I am the chat assistant")
    finally:
        await service.aclose()
        app.close()
        rasa.stop()
    with engine.connect() as connection:
        actions = connection.execute(
            text("SELECT action_name FROM events WHERE sender_id = :sender AND type_name = 'action'"),
            {"sender": str(sender_id)},
        ).scalars().all()
    engine.dispose()
    assert "action_greet_tenant" in actions
