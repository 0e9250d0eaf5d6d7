"""Ask a person from the housing company into the chat (or say how to reach one)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.services import handoff
from bot.actions import dependencies
from bot.actions.tenants import tenant_for_sender
from bot.config.organisations import load_all


class ActionReferToStaff(Action):
    """request_human: a case for the staff group, and the tenant is told when a person will
    answer. Where the organisation has no staff group, the tenant gets its phone and e-mail."""

    def name(self) -> str:
        return "action_refer_to_staff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        deps = dependencies.get()
        organisations = load_all(deps.organisation_dir)
        with deps.session_factory.begin() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            found = handoff.organisation_for(session, tenant, organisations) if tenant is not None else None
            # Someone not linked to a lease is pointed to their lease and landlord.
            if found is None:
                dispatcher.utter_message(json_message={"key": "staff.contact_unknown_tenant"})
                return []
            organisation, facts = found
            if facts.staff is None:
                reply: dict[str, Any] = {"key": "staff.contact", "params": {
                    "organisation": facts.name, "phone": facts.contact.phone, "email": facts.contact.email}}
            else:
                _case, created = handoff.open_case(
                    session, reason="request_human", now=deps.now(), chat_id=_chat_id(tracker.sender_id),
                    tenant=tenant, organisation=organisation,
                )
                reply = handoff.tenant_reply(facts, deps.now(), created)
        dispatcher.utter_message(json_message=reply)
        return []


def _chat_id(sender_id: str | None) -> int | None:
    try:
        return int(sender_id or "")
    except ValueError:
        return None
