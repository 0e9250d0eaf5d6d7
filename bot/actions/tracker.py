"""Reading what Rasa passes an action, and the parameters of the keyed messages it answers with."""

from __future__ import annotations

import datetime as dt

from rasa_sdk import Tracker


def entity(tracker: Tracker, name: str) -> str | None:
    return next(iter(tracker.get_latest_entity_values(name)), None)


def intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name", "")


def date_param(day: dt.date) -> dict[str, str]:
    return {"date": day.isoformat()}


def money_param(amount_ore: int) -> dict[str, int]:
    return {"amount_ore": amount_ore}
