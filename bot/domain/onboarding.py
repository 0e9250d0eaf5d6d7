"""The new-tenant walkthrough: the tenancy rules in short steps, resumable where left.

Each step shows the answer to one tenancy question, so the walkthrough and the free questions
always say the same thing.
"""

from __future__ import annotations

from bot.domain.buttons import TALK_TO_PERSON_BUTTON
from bot.domain.tenancy_answers import TENANCY_INTENTS

__all__ = ["CHECK_BUTTONS", "CONTINUE_BUTTON", "STEPS", "STEP_BUTTONS", "TALK_TO_PERSON_BUTTON", "next_step"]

# Every tenancy answer, in the order a new tenant needs them.
STEPS: tuple[str, ...] = TENANCY_INTENTS

# Buttons carry a message key for their label and the Rasa payload they send.
STEP_BUTTONS = (
    {"key": "button.next", "payload": "/onboarding_next"},
    {"key": "button.question", "payload": "/onboarding_question"},
    {"key": "button.later", "payload": "/onboarding_later"},
)
CONTINUE_BUTTON = {"key": "button.continue_intro", "payload": "/onboarding_start"}
CHECK_BUTTONS = (
    {"key": "button.clear", "payload": "/onboarding_clear"},
    {"key": "button.unclear", "payload": "/onboarding_unclear"},
)


def next_step(current: int) -> int | None:
    """The step after `current`, or None when the walkthrough has shown every step."""
    following = current + 1
    return following if following < len(STEPS) else None
