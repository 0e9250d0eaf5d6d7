"""Reading what Rasa passes an action, and answering with keyed messages the bot renders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def entity(tracker: Tracker, name: str) -> str | None:
    return next(iter(tracker.get_latest_entity_values(name)), None)


def intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name", "")


def say(dispatcher: CollectingDispatcher, *messages: dict[str, Any]) -> list[dict[str, Any]]:
    """Send the messages; the actions set no slots, so the events are always none."""
    for message in messages:
        dispatcher.utter_message(json_message=message)
    return []


def date_param(day: dt.date) -> dict[str, str]:
    return {"date": day.isoformat()}


def money_param(amount_ore: int) -> dict[str, int]:
    return {"amount_ore": amount_ore}
