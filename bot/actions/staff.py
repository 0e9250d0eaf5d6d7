"""Tell the tenant how to reach a person at their housing company."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import dependencies
from bot.actions.tenants import tenant_context


class ActionReferToStaff(Action):
    def name(self) -> str:
        return "action_refer_to_staff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        context = tenant_context(dependencies.get(), tracker.sender_id)
        # Only a tenant linked to a lease is told which company to call; others are pointed
        # to their lease, since we cannot know their landlord.
        if context.tenant_id is None or context.facts is None:
            dispatcher.utter_message(json_message={"key": "staff.contact_unknown_tenant"})
            return []
        facts = context.facts
        dispatcher.utter_message(
            json_message={
                "key": "staff.contact",
                "params": {"organisation": facts.name, "phone": facts.contact.phone, "email": facts.contact.email},
            }
        )
        return []
