"""Answer questions about the tenancy rules from the organisation's own facts."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import dependencies
from bot.actions.onboarding import onboarding_in_progress
from bot.actions.tenants import tenant_context
from bot.domain.onboarding import CONTINUE_BUTTON
from bot.domain.tenancy_answers import answer


class ActionAnswerTenancyQuestion(Action):
    def name(self) -> str:
        return "action_answer_tenancy_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        deps = dependencies.get()
        context = tenant_context(deps, tracker.sender_id)
        if context.facts is None:
            dispatcher.utter_message(json_message={"key": "staff.contact_unknown_tenant"})
            return []
        intent = (tracker.latest_message.get("intent") or {}).get("name", "")
        reply = answer(intent, context.facts, context.monthly_rent_ore, deps.today())
        if context.tenant_id is not None and onboarding_in_progress(deps, context.tenant_id):
            # A question in the middle of the walkthrough: offer the way back to it.
            reply["buttons"] = [CONTINUE_BUTTON]
        dispatcher.utter_message(json_message=reply)
        return []
