"""The new-tenant walkthrough: the tenancy rules in short steps, resumable where left.

Each step shows the answer to one tenancy question, so the walkthrough and the free questions
always say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from bot.domain.buttons import TALK_TO_PERSON_BUTTON
from bot.domain.tenancy_answers import TENANCY_INTENTS

__all__ = [
    "CHECK_BUTTONS",
    "CONTINUE_BUTTON",
    "STEPS",
    "STEP_BUTTONS",
    "TALK_TO_PERSON_BUTTON",
    "Choice",
    "Progress",
    "Turn",
    "advance",
    "next_step",
    "start",
]

# Every tenancy answer, in the order a new tenant needs them.
STEPS: tuple[str, ...] = TENANCY_INTENTS


class Choice(StrEnum):
    """What the tenant pressed, named as the intent the button sends."""

    START = "onboarding_start"
    NEXT = "onboarding_next"
    QUESTION = "onboarding_question"
    LATER = "onboarding_later"
    CLEAR = "onboarding_clear"
    UNCLEAR = "onboarding_unclear"


# Buttons carry a message key for their label and the Rasa payload they send.
STEP_BUTTONS = (
    {"key": "button.next", "payload": f"/{Choice.NEXT}"},
    {"key": "button.question", "payload": f"/{Choice.QUESTION}"},
    {"key": "button.later", "payload": f"/{Choice.LATER}"},
)
CONTINUE_BUTTON = {"key": "button.continue_intro", "payload": f"/{Choice.START}"}
CHECK_BUTTONS = (
    {"key": "button.clear", "payload": f"/{Choice.CLEAR}"},
    {"key": "button.unclear", "payload": f"/{Choice.UNCLEAR}"},
)


@dataclass(frozen=True)
class Progress:
    """How far the tenant has come: the step shown last, and their answer to "was this clear?"."""

    step: int = 0
    completed_at: dt.datetime | None = None
    found_clear: bool | None = None


@dataclass(frozen=True)
class Turn:
    """What a button does: the progress after it, a message to send and the step to show (if any)."""

    progress: Progress
    message: dict[str, Any] | None = None
    show: int | None = None


def next_step(current: int) -> int | None:
    """The step after `current`, or None when the walkthrough has shown every step."""
    following = current + 1
    return following if following < len(STEPS) else None


def start() -> Turn:
    """A tenant who has not begun: an introduction, then the first step."""
    return Turn(Progress(), {"key": "onboarding.intro"}, show=0)


def advance(progress: Progress, choice: Choice, now: dt.datetime) -> Turn:
    """What the tenant's button does to a walkthrough under way; START resumes where they left."""
    if progress.completed_at is not None:
        return Turn(progress, {"key": "onboarding.already_done"})
    if choice is Choice.NEXT:
        following = next_step(progress.step)
        if following is None:
            return Turn(progress, {"key": "onboarding.check", "buttons": list(CHECK_BUTTONS)})
        return Turn(replace(progress, step=following), show=following)
    if choice is Choice.LATER:
        return Turn(progress, {"key": "onboarding.later", "buttons": [CONTINUE_BUTTON]})
    if choice is Choice.QUESTION:
        return Turn(progress, {"key": "onboarding.ask_question", "buttons": [CONTINUE_BUTTON]})
    if choice in (Choice.CLEAR, Choice.UNCLEAR):
        clear = choice is Choice.CLEAR
        closing = {"key": "onboarding.done_clear"} if clear else {
            "key": "onboarding.done_unclear", "buttons": [TALK_TO_PERSON_BUTTON]}
        return Turn(replace(progress, completed_at=now, found_clear=clear), closing)
    return Turn(progress, {"key": "onboarding.resume"}, show=progress.step)
