"""Walk a new tenant through the tenancy rules, step by step, resumable where they left."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import dependencies
from bot.actions.dependencies import Dependencies
from bot.actions.tenants import tenant_context
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


def onboarding_in_progress(deps: Dependencies, tenant_id: int) -> bool:
    with deps.session_factory() as session:
        progress = session.get(Onboarding, tenant_id)
        return progress is not None and progress.completed_at is None


class ActionOnboarding(Action):
    """One action for the walkthrough's buttons: start or resume, next, later, a question,
    and the closing "was this clear?"."""

    def name(self) -> str:
        return "action_onboarding"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        deps = dependencies.get()
        context = tenant_context(deps, tracker.sender_id)
        if context.tenant_id is None or context.facts is None:
            dispatcher.utter_message(json_message={"key": "staff.contact_unknown_tenant"})
            return []
        intent = (tracker.latest_message.get("intent") or {}).get("name", "")
        now = dt.datetime.now(dt.UTC)
        messages: list[dict[str, Any]] = []
        with deps.session_factory.begin() as session:
            progress = session.get(Onboarding, context.tenant_id)
            if progress is None:
                progress = Onboarding(tenant_id=context.tenant_id, step=0, started_at=now)
                session.add(progress)
                messages.append({"key": "onboarding.intro"})
                show: int | None = 0
            elif progress.completed_at is not None:
                messages.append({"key": "onboarding.already_done"})
                show = None
            elif intent == "onboarding_next":
                following = next_step(progress.step)
                if following is None:
                    messages.append({"key": "onboarding.check", "buttons": list(CHECK_BUTTONS)})
                    show = None
                else:
                    progress.step = show = following
            elif intent == "onboarding_later":
                messages.append({"key": "onboarding.later", "buttons": [CONTINUE_BUTTON]})
                show = None
            elif intent == "onboarding_question":
                messages.append({"key": "onboarding.ask_question", "buttons": [CONTINUE_BUTTON]})
                show = None
            elif intent in ("onboarding_clear", "onboarding_unclear"):
                progress.completed_at = now
                progress.found_clear = intent == "onboarding_clear"
                if progress.found_clear:
                    messages.append({"key": "onboarding.done_clear"})
                else:
                    messages.append({"key": "onboarding.done_unclear", "buttons": [TALK_TO_PERSON_BUTTON]})
                show = None
            else:  # onboarding_start: resume where the tenant left
                messages.append({"key": "onboarding.resume"})
                show = progress.step
        if show is not None:
            step = answer(STEPS[show], context.facts, context.monthly_rent_ore, deps.today())
            messages.append({**step, "buttons": list(STEP_BUTTONS)})
        for message in messages:
            dispatcher.utter_message(json_message=message)
        return []
