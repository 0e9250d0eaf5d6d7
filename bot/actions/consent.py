"""withdraw_consent: show what the tenant has agreed to share, each with a button to take it back."""

from __future__ import annotations

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from bot.actions.base import KnownTenantAction, Message
from bot.db.models import Tenant
from bot.services import consents


class ActionWithdrawConsent(KnownTenantAction):
    action_name = "action_withdraw_consent"

    def answer_tenant(self, tracker: Tracker, session: Session, tenant: Tenant) -> list[Message]:
        return [consents.overview(session, tenant.id, only_withdraw=True)]
