"""Tell tenants what they owe, from the latest ledger snapshot of their own lease only."""

from __future__ import annotations

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from bot.actions.base import KnownTenantAction, Message
from bot.actions.tenants import UNKNOWN_TENANT
from bot.actions.tracker import date_param, money_param
from bot.db.models import Tenant
from bot.db.repositories import latest_snapshot


class ActionTellBalance(KnownTenantAction):
    action_name = "action_tell_balance"

    def answer_tenant(self, tracker: Tracker, session: Session, tenant: Tenant) -> list[Message]:
        if not tenant.leases:
            return [UNKNOWN_TENANT]
        snapshot = latest_snapshot(session, tenant.leases[0].id)
        if snapshot is None:
            return [{"key": "balance.unknown"}]
        when = date_param(snapshot.snapshot_date)
        if snapshot.amount_overdue_ore > 0:
            return [{"key": "balance.owed", "params": {"date": when, "amount": money_param(snapshot.amount_overdue_ore)}}]
        return [{"key": "balance.clear", "params": {"date": when}}]
