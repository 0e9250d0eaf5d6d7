"""Tell the tenant how to reach a person at their housing company."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import dependencies
from bot.actions.tenants import tenant_for_sender
from bot.organisation import load_organisation


class ActionReferToStaff(Action):
    def name(self) -> str:
        return "action_refer_to_staff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        deps = dependencies.get()
        with deps.session_factory() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            slug = tenant.organisation.slug if tenant is not None else None
        if slug is None:
            dispatcher.utter_message(json_message={"key": "staff.contact_unknown_tenant"})
            return []
        facts = load_organisation(deps.organisation_dir, slug)
        dispatcher.utter_message(
            json_message={
                "key": "staff.contact",
                "params": {
                    "organisation": facts.name,
                    "phone": facts.contact.phone,
                    "email": facts.contact.email,
                },
            }
        )
        return []
