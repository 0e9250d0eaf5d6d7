"""Greet the tenant by name."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import dependencies
from bot.actions.tenants import tenant_for_sender


class ActionGreetTenant(Action):
    def name(self) -> str:
        return "action_greet_tenant"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        with dependencies.get().session_factory() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None:
                dispatcher.utter_message(json_message={"key": "greet.anonymous"})
            else:
                dispatcher.utter_message(
                    json_message={
                        "key": "greet.named",
                        "params": {"name": tenant.first_name, "organisation": tenant.organisation.name},
                    }
                )
        return []
