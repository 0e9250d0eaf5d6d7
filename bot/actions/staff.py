"""Ask a person from the housing company into the chat (or say how to reach one)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session, sessionmaker

from bot.actions.tenants import UNKNOWN_TENANT, chat_id_of, tenant_for_sender
from bot.actions.tracker import say
from bot.domain.cases import CaseReason
from bot.domain.organisation import OrganisationFacts
from bot.services import handoff


class ActionReferToStaff(Action):
    """request_human: a case for the staff group, and the tenant is told when a person will
    answer. Where the organisation has no staff group, the tenant gets its phone and e-mail."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        organisations: Mapping[str, OrganisationFacts],
        now: Callable[[], dt.datetime],
    ) -> None:
        self._sessions = sessions
        self._organisations = organisations
        self._now = now

    def name(self) -> str:
        return "action_refer_to_staff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        with self._sessions.begin() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            found = handoff.organisation_for(session, tenant, self._organisations) if tenant is not None else None
            # Someone not linked to a lease is pointed to their lease and landlord.
            if found is None:
                return say(dispatcher, UNKNOWN_TENANT)
            organisation, facts = found
            if facts.staff is None:
                return say(dispatcher, {"key": "staff.contact", "params": {
                    "organisation": facts.name, "phone": facts.contact.phone, "email": facts.contact.email}})
            _case, created = handoff.open_staff_case(
                session, reason=CaseReason.REQUEST_HUMAN, now=self._now(), chat_id=chat_id_of(tracker.sender_id),
                tenant=tenant, organisation=organisation,
            )
            return say(dispatcher, handoff.tenant_reply(facts, self._now(), created))
