"""Answer questions about the tenancy rules from the organisation's own facts."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.actions.base import Message, TenantAction
from bot.actions.onboarding import onboarding_in_progress
from bot.actions.tenants import UNKNOWN_TENANT, tenant_context
from bot.actions.tracker import intent
from bot.domain import tenancy_answers
from bot.domain.onboarding import CONTINUE_BUTTON


class ActionAnswerTenancyQuestion(TenantAction):
    action_name = "action_answer_tenancy_question"

    def answer(self, tracker: Tracker) -> list[Message]:
        uses = self.dependencies
        context = tenant_context(uses.sessions, uses.organisations, tracker.sender_id)
        if context.facts is None:
            return [UNKNOWN_TENANT]
        reply = tenancy_answers.answer(intent(tracker), context.facts, context.monthly_rent_ore, uses.today())
        if context.tenant_id is not None and onboarding_in_progress(uses.sessions, context.tenant_id):
            # A question in the middle of the walkthrough: offer the way back to it.
            reply["buttons"] = [CONTINUE_BUTTON]
        return [reply]
