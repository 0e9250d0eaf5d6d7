"""Waiting for an answer in the tenant's own words: a small, explicit state machine.

Some questions are answered by typing, not with a button: why the rent is late, or what the
tenant can pay each month. The chat then waits (for a while only: a message days later is not an
answer to an old question), and the next typed message is taken as that answer unless it is
clearly something else: a crisis, a question of its own, or a "no".

Transitions:

- nothing awaited, or the wait is over: the message is an ordinary one;
- a crisis phrase (the keyword net) always makes it an ordinary message, so it is answered as a
  crisis and never filed away as an answer;
- awaiting the plan amount: one clear amount is the amount, anything else an ordinary message;
- awaiting the reason text: the NLU is asked what kind of message it is (`needs_intent`); a
  "no" skips the question, a question or crisis of its own is an ordinary message, and anything
  else (also when the NLU cannot be asked) is the reason text.

The state after is always "nothing awaited": any typed message or button press ends the wait,
whatever it turned out to be. A button never counts as the answer (it carries its own meaning).
Commands (/help, /consent, /language, /start) do not touch the wait, so a tenant who asks for
help first can still answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.money import ORE_PER_KRONA
from bot.domain.plans import parse_kronor


class Awaiting(StrEnum):
    REASON_TEXT = "reason_text"
    PLAN_AMOUNT = "plan_amount"


class Treat(StrEnum):
    """How a typed message is taken."""

    ORDINARY = "ordinary"
    REASON_TEXT = "reason_text"
    PLAN_AMOUNT = "plan_amount"
    SKIP = "skip"


@dataclass(frozen=True)
class Wait:
    awaiting: Awaiting
    until: dt.datetime


@dataclass(frozen=True)
class Decision:
    treat: Treat
    # Set when the message is the plan amount: what the tenant can pay each month.
    amount_ore: int | None = None


ORDINARY = Decision(Treat.ORDINARY)
# The NLU's answer to "what is this message?" that means "I'd rather not say".
SKIP_INTENT = "deny"
# What the NLU may make of a tenant's few words about their situation; anything else it
# recognises (a crisis, a question) is answered as a message of its own.
REASON_LIKE_INTENTS = frozenset({"explain_reason", "cannot_pay_rent", "nlu_fallback", "out_of_scope", "affirm"})


def awaited(wait: Wait | None, now: dt.datetime) -> Awaiting | None:
    """What a message arriving `now` answers, if the wait is not over."""
    return wait.awaiting if wait is not None and now < wait.until else None


def needs_intent(wait: Wait | None, now: dt.datetime, crisis: bool) -> bool:
    """Whether the NLU must say what kind of message this is before it can be taken."""
    return not crisis and awaited(wait, now) is Awaiting.REASON_TEXT


def decide(wait: Wait | None, now: dt.datetime, crisis: bool, text: str, intent: str | None = None) -> Decision:
    """How to take a typed message; `intent` is what the NLU made of it when `needs_intent`
    (None when it was not asked or could not answer)."""
    expected = awaited(wait, now)
    if expected is None or crisis:
        return ORDINARY
    if expected is Awaiting.PLAN_AMOUNT:
        kronor = parse_kronor(text)
        return Decision(Treat.PLAN_AMOUNT, kronor * ORE_PER_KRONA) if kronor is not None else ORDINARY
    if intent == SKIP_INTENT:
        return Decision(Treat.SKIP)
    if intent is not None and intent not in REASON_LIKE_INTENTS:
        return ORDINARY
    return Decision(Treat.REASON_TEXT)
