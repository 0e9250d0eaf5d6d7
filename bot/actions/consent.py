"""withdraw_consent: show what the tenant has agreed to share, each with a button to take it back."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.services import consents
from bot.actions import dependencies
from bot.actions.tenants import tenant_for_sender


class ActionWithdrawConsent(Action):
    def name(self) -> str:
        return "action_withdraw_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        with dependencies.get().session_factory() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None:
                message: dict[str, Any] = {"key": "staff.contact_unknown_tenant"}
            else:
                message = consents.overview(session, tenant.id, only_withdraw=True)
        dispatcher.utter_message(json_message=message)
        return []
