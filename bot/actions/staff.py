"""Ask a person from the housing company into the chat (or say how to reach one)."""

from __future__ import annotations

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from bot.actions.base import KnownTenantAction, Message
from bot.actions.tenants import UNKNOWN_TENANT, chat_id_of
from bot.db.models import Tenant
from bot.domain.cases import CaseReason
from bot.services import handoff


class ActionReferToStaff(KnownTenantAction):
    """request_human: a case for the staff group, and the tenant is told when a person will
    answer. Where the organisation has no staff group, the tenant gets its phone and e-mail."""

    action_name = "action_refer_to_staff"

    def answer_tenant(self, tracker: Tracker, session: Session, tenant: Tenant) -> list[Message]:
        uses = self.dependencies
        found = handoff.organisation_for(session, tenant, uses.organisations)
        if found is None:
            return [UNKNOWN_TENANT]
        organisation, facts = found
        if facts.staff is None:
            return [{"key": "staff.contact", "params": {
                "organisation": facts.name, "phone": facts.contact.phone, "email": facts.contact.email}}]
        _case, created = handoff.open_staff_case(
            session, reason=CaseReason.REQUEST_HUMAN, now=uses.now(), chat_id=chat_id_of(tracker.sender_id),
            tenant=tenant, organisation=organisation,
        )
        return [handoff.tenant_reply(facts, uses.now(), created)]
