"""Tell tenants what they owe, from the latest ledger snapshot of their own lease only."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session, sessionmaker

from bot.actions.tenants import UNKNOWN_TENANT, tenant_for_sender
from bot.actions.tracker import say
from bot.db.repositories import latest_snapshot


class ActionTellBalance(Action):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def name(self) -> str:
        return "action_tell_balance"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        with self._sessions() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None or not tenant.leases:
                return say(dispatcher, UNKNOWN_TENANT)
            snapshot = latest_snapshot(session, tenant.leases[0].id)
        if snapshot is None:
            return say(dispatcher, {"key": "balance.unknown"})
        when = {"date": snapshot.snapshot_date.isoformat()}
        if snapshot.amount_overdue_ore > 0:
            return say(dispatcher, {
                "key": "balance.owed", "params": {"date": when, "amount": {"amount_ore": snapshot.amount_overdue_ore}},
            })
        return say(dispatcher, {"key": "balance.clear", "params": {"date": when}})
