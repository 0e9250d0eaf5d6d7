"""Walk a new tenant through the tenancy rules, step by step, resumable where they left."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session, sessionmaker

from bot.actions.tenants import UNKNOWN_TENANT, tenant_context
from bot.actions.tracker import intent, say
from bot.domain.organisation import OrganisationFacts
from bot.db.models import Onboarding
from bot.domain.onboarding import (
    CHECK_BUTTONS,
    CONTINUE_BUTTON,
    STEP_BUTTONS,
    STEPS,
    TALK_TO_PERSON_BUTTON,
    next_step,
)
from bot.domain.tenancy_answers import answer


def onboarding_in_progress(sessions: sessionmaker[Session], tenant_id: int) -> bool:
    with sessions() as session:
        progress = session.get(Onboarding, tenant_id)
        return progress is not None and progress.completed_at is None


def _advance(progress: Onboarding, intent_name: str, now: dt.datetime) -> tuple[dict[str, Any] | None, int | None]:
    """What the tenant's button does to a walkthrough under way: a message to send (if any),
    and the step to show next (if any)."""
    if progress.completed_at is not None:
        return {"key": "onboarding.already_done"}, None
    if intent_name == "onboarding_next":
        following = next_step(progress.step)
        if following is None:
            return {"key": "onboarding.check", "buttons": list(CHECK_BUTTONS)}, None
        progress.step = following
        return None, following
    if intent_name == "onboarding_later":
        return {"key": "onboarding.later", "buttons": [CONTINUE_BUTTON]}, None
    if intent_name == "onboarding_question":
        return {"key": "onboarding.ask_question", "buttons": [CONTINUE_BUTTON]}, None
    if intent_name in ("onboarding_clear", "onboarding_unclear"):
        progress.completed_at = now
        progress.found_clear = intent_name == "onboarding_clear"
        if progress.found_clear:
            return {"key": "onboarding.done_clear"}, None
        return {"key": "onboarding.done_unclear", "buttons": [TALK_TO_PERSON_BUTTON]}, None
    # onboarding_start: resume where the tenant left
    return {"key": "onboarding.resume"}, progress.step


class ActionOnboarding(Action):
    """One action for the walkthrough's buttons: start or resume, next, later, a question,
    and the closing "was this clear?"."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        organisations: Mapping[str, OrganisationFacts],
        now: Callable[[], dt.datetime],
        today: Callable[[], dt.date],
    ) -> None:
        self._sessions = sessions
        self._organisations = organisations
        self._now = now
        self._today = today

    def name(self) -> str:
        return "action_onboarding"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        context = tenant_context(self._sessions, self._organisations, tracker.sender_id)
        if context.tenant_id is None or context.facts is None:
            return say(dispatcher, UNKNOWN_TENANT)
        with self._sessions.begin() as session:
            progress = session.get(Onboarding, context.tenant_id)
            if progress is None:
                session.add(Onboarding(tenant_id=context.tenant_id, step=0, started_at=self._now()))
                message, show = {"key": "onboarding.intro"}, 0
            else:
                message, show = _advance(progress, intent(tracker), self._now())
        messages = [message] if message is not None else []
        if show is not None:
            step = answer(STEPS[show], context.facts, context.monthly_rent_ore, self._today())
            messages.append({**step, "buttons": list(STEP_BUTTONS)})
        return say(dispatcher, *messages)
