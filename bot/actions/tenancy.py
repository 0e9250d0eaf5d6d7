"""Answer questions about the tenancy rules from the organisation's own facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session, sessionmaker

from bot.actions.onboarding import onboarding_in_progress
from bot.actions.tenants import UNKNOWN_TENANT, tenant_context
from bot.actions.tracker import intent, say
from bot.domain.organisation import OrganisationFacts
from bot.domain.onboarding import CONTINUE_BUTTON
from bot.domain.tenancy_answers import answer


class ActionAnswerTenancyQuestion(Action):
    def __init__(
        self,
        sessions: sessionmaker[Session],
        organisations: Mapping[str, OrganisationFacts],
        today: Callable[[], dt.date],
    ) -> None:
        self._sessions = sessions
        self._organisations = organisations
        self._today = today

    def name(self) -> str:
        return "action_answer_tenancy_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        context = tenant_context(self._sessions, self._organisations, tracker.sender_id)
        if context.facts is None:
            return say(dispatcher, UNKNOWN_TENANT)
        reply = answer(intent(tracker), context.facts, context.monthly_rent_ore, self._today())
        if context.tenant_id is not None and onboarding_in_progress(self._sessions, context.tenant_id):
            # A question in the middle of the walkthrough: offer the way back to it.
            reply["buttons"] = [CONTINUE_BUTTON]
        return say(dispatcher, reply)
