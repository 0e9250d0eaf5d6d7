"""Answer questions about the tenancy rules from the organisation's own facts."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import dependencies
from bot.actions.tenants import tenant_for_sender
from bot.organisation import load_all, load_organisation
from bot.tenancy_answers import answer

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class ActionAnswerTenancyQuestion(Action):
    def name(self) -> str:
        return "action_answer_tenancy_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        deps = dependencies.get()
        intent = (tracker.latest_message.get("intent") or {}).get("name", "")
        with deps.session_factory() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            slug = tenant.organisation.slug if tenant is not None else None
            rent = tenant.leases[0].monthly_rent_ore if tenant is not None and tenant.leases else None
        if slug is not None:
            facts = load_organisation(deps.organisation_dir, slug)
        else:
            # Someone not yet linked to a lease: answer with the company's facts if there is
            # only one company, else point them to their housing company.
            organisations = list(load_all(deps.organisation_dir).values())
            if len(organisations) != 1:
                dispatcher.utter_message(json_message={"key": "staff.contact_unknown_tenant"})
                return []
            facts = organisations[0]
        today = dt.datetime.now(STOCKHOLM).date()
        dispatcher.utter_message(json_message=answer(intent, facts, rent, today))
        return []
