"""The late-rent conversation: why the rent is late, "I have paid", budget and debt counselling,
and social services. State lives in the application database; instalment plans are in
`bot.actions.plans`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session, sessionmaker

from bot.actions.tenants import UNKNOWN_TENANT, facts_of, tenant_for_sender
from bot.actions.tracker import date_param, entity, intent, money_param, say
from bot.domain.organisation import Municipality, OrganisationFacts
from bot.db import repositories
from bot.domain import buttons
from bot.domain.awaiting import Awaiting
from bot.domain.consent import CONSENT_TEXTS, Recipient, yes_counts
from bot.domain.reasons import OFFERED_REASONS, LateRentReason
from bot.i18n.rendering import Renderer
from bot.services import arrears, late_rent

# How long the assistant waits for an answer in the tenant's own words.
FREE_TEXT_WAIT = dt.timedelta(minutes=30)
REASON_BUTTONS = [
    *({"key": f"button.reason.{reason}", "payload": buttons.payload("explain_reason", reason=reason.value)}
      for reason in OFFERED_REASONS),
    {"key": "button.reason.decline",
     "payload": buttons.payload("explain_reason", reason=LateRentReason.DECLINED.value)},
]
CONSENT_BUTTONS = [
    # The yes names the version of the text it answers, so a yes to an older text is asked again.
    {"key": "button.consent_yes", "payload": buttons.payload(
        "request_debt_advice", consent="yes", consent_version=CONSENT_TEXTS[Recipient.DEBT_COUNSELLING].version)},
    {"key": "button.consent_no", "payload": buttons.payload("request_debt_advice", consent="no")},
]


def balance_message(debt: arrears.Debt) -> dict[str, Any]:
    return {"key": "balance.owed",
            "params": {"date": date_param(debt.snapshot.snapshot_date), "amount": money_param(debt.amount_ore)}}


def _reason(code: str) -> LateRentReason | None:
    try:
        return LateRentReason(code)
    except ValueError:
        return None


class ActionCannotPay(Action):
    """cannot_pay_rent, explain_reason: acknowledge, show the balance, and ask (optionally) why.
    A reason button carries the code; a code other than "declined" invites a few words more."""

    def __init__(self, sessions: sessionmaker[Session], now: Callable[[], dt.datetime]) -> None:
        self._sessions = sessions
        self._now = now

    def name(self) -> str:
        return "action_cannot_pay"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        code = entity(tracker, "reason")
        with self._sessions.begin() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None:
                return say(dispatcher, UNKNOWN_TENANT)
            debt = arrears.current_debt(session, arrears.lease_of(tenant))
            if debt is None:
                return say(dispatcher, {"key": "reason.no_case",
                                        "buttons": [buttons.DEBT_ADVICE_BUTTON, buttons.TALK_TO_PERSON_BUTTON]})
            if code is None:
                ask = ({"key": "reason.noted", "buttons": list(buttons.NEXT_STEP_BUTTONS)}
                       if debt.case.reason_code is not None else {"key": "reason.ask", "buttons": REASON_BUTTONS})
                return say(dispatcher, {"key": "arrears.cannot_pay"}, balance_message(debt), ask)
            reason = _reason(code)
            if reason is None:
                return say(dispatcher, {"key": "reason.ask", "buttons": REASON_BUTTONS})
            arrears.record_reason(debt.case, reason, self._now())
            if reason is LateRentReason.DECLINED:
                return say(dispatcher, {"key": "reason.declined", "buttons": list(buttons.NEXT_STEP_BUTTONS)})
            repositories.expect_text(
                session, int(tracker.sender_id), Awaiting.REASON_TEXT, self._now() + FREE_TEXT_WAIT)
        return say(dispatcher, {"key": "reason.ask_text", "buttons": [buttons.SKIP_REASON_TEXT_BUTTON]})


class ActionReasonText(Action):
    """After the tenant wrote about their situation (the bot stored it, encrypted) or skipped."""

    def name(self) -> str:
        return "action_reason_text"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        key = "reason.thanks" if intent(tracker) == "reason_text_given" else "reason.noted"
        return say(dispatcher, {"key": key, "buttons": list(buttons.NEXT_STEP_BUTTONS)})


class ActionReportPaid(Action):
    """The tenant says they have paid: thank them, believe them, pause reminders."""

    def __init__(self, sessions: sessionmaker[Session], today: Callable[[], dt.date]) -> None:
        self._sessions = sessions
        self._today = today

    def name(self) -> str:
        return "action_report_paid"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        with self._sessions.begin() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None:
                return say(dispatcher, UNKNOWN_TENANT)
            debt = arrears.current_debt(session, arrears.lease_of(tenant))
            if debt is not None:
                arrears.report_paid(debt.case, self._today())
        return say(dispatcher, {"key": "paid.thanks"})


def _municipality_params(town: Municipality, recipient: Recipient) -> dict[str, str]:
    service = town.debt_counselling if recipient is Recipient.DEBT_COUNSELLING else town.social_services
    return {"municipality": town.name, "phone": service.phone, "web": service.web}


class ActionDebtAdvice(Action):
    """request_debt_advice: what budget and debt counselling is, how to reach it, and, with the
    tenant's consent, a referral for staff to pass on."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        organisations: Mapping[str, OrganisationFacts],
        renderer: Renderer,
        now: Callable[[], dt.datetime],
    ) -> None:
        self._sessions = sessions
        self._organisations = organisations
        self._renderer = renderer
        self._now = now

    def name(self) -> str:
        return "action_debt_advice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        answer = entity(tracker, "consent")
        with self._sessions.begin() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            facts = facts_of(self._organisations, tenant) if tenant is not None else None
            if tenant is None or facts is None:
                return say(dispatcher, {"key": "debt_advice.explain"}, UNKNOWN_TENANT)
            if answer == "yes" and yes_counts(Recipient.DEBT_COUNSELLING, entity(tracker, "consent_version")):
                late_rent.refer_to_debt_counselling(
                    session, tenant, int(tracker.sender_id), self._renderer, self._now())
                return say(dispatcher, {"key": "debt_advice.referred"})
        if answer == "no":
            return say(dispatcher, {"key": "debt_advice.not_referred"})
        return say(
            dispatcher,
            {"key": "debt_advice.explain"},
            {"key": "debt_advice.contact",
             "params": _municipality_params(facts.municipality, Recipient.DEBT_COUNSELLING)},
            {"key": "debt_advice.ask_consent", "buttons": CONSENT_BUTTONS},
        )


class ActionSocialServices(Action):
    """ask_social_services: what social services may help with, without promising money."""

    def __init__(self, sessions: sessionmaker[Session], organisations: Mapping[str, OrganisationFacts]) -> None:
        self._sessions = sessions
        self._organisations = organisations

    def name(self) -> str:
        return "action_social_services"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        with self._sessions() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            facts = facts_of(self._organisations, tenant) if tenant is not None else None
        if facts is None:
            return say(dispatcher, UNKNOWN_TENANT)
        return say(dispatcher, {
            "key": "social_services.explain",
            "params": _municipality_params(facts.municipality, Recipient.SOCIAL_SERVICES),
            "buttons": [buttons.DEBT_ADVICE_BUTTON, buttons.TALK_TO_PERSON_BUTTON],
        })
