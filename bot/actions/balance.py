"""Tell tenants what they owe, from the latest ledger snapshot of their own lease only."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import dependencies
from bot.actions.tenants import tenant_for_sender
from bot.db.repositories import latest_snapshot


class ActionTellBalance(Action):
    def name(self) -> str:
        return "action_tell_balance"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        with dependencies.get().session_factory() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None or not tenant.leases:
                dispatcher.utter_message(json_message={"key": "staff.contact_unknown_tenant"})
                return []
            snapshot = latest_snapshot(session, tenant.leases[0].id)
            if snapshot is None:
                reply: dict[str, Any] = {"key": "balance.unknown"}
            else:
                when = {"date": snapshot.snapshot_date.isoformat()}
                reply = (
                    {"key": "balance.owed", "params": {"date": when, "amount": {"amount_ore": snapshot.amount_overdue_ore}}}
                    if snapshot.amount_overdue_ore > 0
                    else {"key": "balance.clear", "params": {"date": when}}
                )
        dispatcher.utter_message(json_message=reply)
        return []
