"""Running a custom action the way the action server runs it: a tracker as Rasa sends it, a
`CollectingDispatcher`, and the keyed messages the action answers with."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.actions import ActionDependencies, TenantAction
from bot.config.organisations import load_all
from bot.config.settings import PROJECT_ROOT
from bot.db.models import Tenant
from bot.domain.organisation import OrganisationFacts
from bot.domain.reason_words import ReasonPhrases
from bot.infra.reason_phrases import load_reason_phrases
from bot.i18n.rendering import Renderer
from bot.services.demo import TERMINAL_CHAT_ID, seed_demo

ORGANISATION_DIR = PROJECT_ROOT / "config" / "organisations"
# The demo tenant's chat, as Rasa's sender id.
AMINA = str(TERMINAL_CHAT_ID)
STRANGER = "424242"
# A Friday in December 2026, the day the late-rent tests take the ledger snapshot.
TODAY = dt.date(2026, 12, 4)
MORNING = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)


@functools.cache
def organisations() -> Mapping[str, OrganisationFacts]:
    """The real organisation files, read once for the whole test run."""
    return load_all(ORGANISATION_DIR)


def using(
    sessions: sessionmaker[Session],
    now: dt.datetime = MORNING,
    today: dt.date = TODAY,
    facts: Mapping[str, OrganisationFacts] | None = None,
) -> ActionDependencies:
    """What the action server hands every action: here a fixed clock, and the real organisation
    files unless the test brings its own."""
    return ActionDependencies(
        sessions, organisations() if facts is None else facts, renderer(), lambda: now, lambda: today,
        reason_phrases())


@functools.cache
def reason_phrases() -> ReasonPhrases:
    return load_reason_phrases()


@functools.cache
def renderer() -> Renderer:
    return Renderer(PROJECT_ROOT / "locales", "sv")


def seed(sessions: sessionmaker[Session], behind_on: dt.date | None = None) -> None:
    """The demo tenant Amina; with `behind_on`, behind with the last rent on that day."""
    with sessions.begin() as session:
        seed_demo(session, organisations()["demo"], behind_on)


def amina(session: Session) -> Tenant:
    return session.scalars(select(Tenant).where(Tenant.telegram_user_id == TERMINAL_CHAT_ID)).one()


def tracker(sender_id: str, text: str, intent: str, **entities: str) -> Tracker:
    return Tracker.from_dict({
        "sender_id": sender_id,
        "slots": {},
        "latest_message": {
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "entities": [{"entity": name, "value": value} for name, value in entities.items()],
        },
        "events": [],
        "paused": False,
        "latest_action_name": "action_listen",
    })


async def run(action: TenantAction, sender_id: str, text: str, intent: str, **entities: str) -> list[dict[str, Any]]:
    """The messages the action sends (it sets no slots, so it returns no events)."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker(sender_id, text, intent, **entities), {})
    assert events == []
    return [message["custom"] for message in dispatcher.messages]


def keys(messages: list[dict[str, Any]]) -> list[str]:
    return [message["key"] for message in messages]
