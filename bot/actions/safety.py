"""A crisis: the emergency numbers at once, or, when the NLU is unsure it is one, a gentle
question that gives 112 first and lets the tenant say they need help.

The alarm (emergency numbers, a priority case for staff, opened by the chat service when it sees
the numbers) is for messages the NLU is sure of; an unsure crisis that raised it every time
would flood staff with priority cases and teach everyone to ignore them. The clearest crisis
phrases never wait for Rasa: the keyword net in the chat service gives the numbers first.
"""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.actions.base import Message, TenantAction
from bot.actions.tracker import entity

# Put on the message by the NLU pipeline (`rasa_components/intent_adjustments.py`).
CERTAINTY_ENTITY, UNSURE = "crisis_certainty", "unsure"
CHECK_BUTTONS = [
    # A plain /crisis carries no certainty: the alarm.
    {"key": "button.crisis_need_help", "payload": "/crisis"},
    {"key": "button.crisis_safe", "payload": "/ask_capabilities"},
]


class ActionCrisis(TenantAction):
    action_name = "action_crisis"

    def answer(self, tracker: Tracker) -> list[Message]:
        if entity(tracker, CERTAINTY_ENTITY) == UNSURE:
            return [{"key": "crisis.check", "buttons": CHECK_BUTTONS}]
        return [{"key": "crisis.emergency"}]
