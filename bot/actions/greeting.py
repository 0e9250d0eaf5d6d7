"""Greet the tenant by name."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session, sessionmaker

from bot.actions.tenants import tenant_for_sender
from bot.actions.tracker import say


class ActionGreetTenant(Action):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def name(self) -> str:
        return "action_greet_tenant"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        with self._sessions() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None:
                return say(dispatcher, {"key": "greet.anonymous"})
            return say(dispatcher, {
                "key": "greet.named",
                "params": {"name": tenant.first_name, "organisation": tenant.organisation.name},
            })
