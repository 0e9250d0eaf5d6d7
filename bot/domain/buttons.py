"""Buttons more than one part of the assistant offers: a message key for the label, and the
Rasa payload the button sends (an intent, with entities where the choice needs them)."""

from __future__ import annotations

import json
from typing import Any

TALK_TO_PERSON_BUTTON = {"key": "button.talk_to_person", "payload": "/request_human"}
CANNOT_PAY_BUTTON = {"key": "button.cannot_pay", "payload": "/cannot_pay_rent"}
HAVE_PAID_BUTTON = {"key": "button.have_paid", "payload": "/report_paid"}
CALL_ME_BUTTON = {"key": "button.call_me", "payload": "/request_human"}
PAY_IN_PARTS_BUTTON = {"key": "button.pay_in_parts", "payload": "/request_payment_plan"}
DEBT_ADVICE_BUTTON = {"key": "button.debt_advice", "payload": "/request_debt_advice"}
SKIP_REASON_TEXT_BUTTON = {"key": "button.skip", "payload": "/reason_text_skipped"}

# What the tenant can do next about late rent.
NEXT_STEP_BUTTONS = (PAY_IN_PARTS_BUTTON, DEBT_ADVICE_BUTTON, TALK_TO_PERSON_BUTTON)


def payload(intent: str, **entities: Any) -> str:
    """A Rasa payload with entities: `/intent{"name": "value"}` (at most 64 bytes for Telegram)."""
    text = f"/{intent}{json.dumps({k: str(v) for k, v in entities.items()}, separators=(',', ':'))}"
    if len(text.encode("utf-8")) > 64:
        raise ValueError(f"button payload too long for Telegram: {text!r}")
    return text
