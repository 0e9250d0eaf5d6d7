"""withdraw_consent: show what the tenant has agreed to share, each with a button to take it back."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session, sessionmaker

from bot.actions.tenants import UNKNOWN_TENANT, tenant_for_sender
from bot.actions.tracker import say
from bot.services import consents


class ActionWithdrawConsent(Action):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def name(self) -> str:
        return "action_withdraw_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        with self._sessions() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None:
                return say(dispatcher, UNKNOWN_TENANT)
            return say(dispatcher, consents.overview(session, tenant.id, only_withdraw=True))
