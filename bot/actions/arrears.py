"""The late-rent conversation: why the rent is late, "I have paid", budget and debt counselling,
and social services. State lives in the application database; instalment plans are in
`bot.actions.plans`."""

from __future__ import annotations

import datetime as dt

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from bot.actions.base import KnownTenantAction, Message, TenantAction
from bot.actions.tenants import UNKNOWN_TENANT, facts_of
from bot.actions.tracker import date_param, entity, intent, money_param
from bot.db import repositories
from bot.db.models import Tenant
from bot.domain import buttons
from bot.domain.awaiting import Awaiting
from bot.domain.consent import CONSENT_TEXTS, Recipient, yes_counts
from bot.domain.organisation import Municipality
from bot.domain.reasons import OFFERED_REASONS, LateRentReason
from bot.services import arrears, late_rent

# How long the assistant waits for an answer in the tenant's own words.
FREE_TEXT_WAIT = dt.timedelta(minutes=30)
REASON_BUTTONS = [
    *({"key": f"button.reason.{reason}", "payload": buttons.payload("explain_reason", reason=reason.value)}
      for reason in OFFERED_REASONS),
    {"key": "button.reason.decline",
     "payload": buttons.payload("explain_reason", reason=LateRentReason.DECLINED.value)},
]
# Where a tenant can turn for help besides this chat.
ELSEWHERE_BUTTONS = (buttons.DEBT_ADVICE_BUTTON, buttons.TALK_TO_PERSON_BUTTON)
CONSENT_BUTTONS = [
    # The yes names the version of the text it answers, so a yes to an older text is asked again.
    {"key": "button.consent_yes", "payload": buttons.payload(
        "request_debt_advice", consent="yes", consent_version=CONSENT_TEXTS[Recipient.DEBT_COUNSELLING].version)},
    {"key": "button.consent_no", "payload": buttons.payload("request_debt_advice", consent="no")},
]


def balance_message(debt: arrears.Debt) -> Message:
    return {"key": "balance.owed",
            "params": {"date": date_param(debt.snapshot.snapshot_date), "amount": money_param(debt.amount_ore)}}


def _reason(code: str) -> LateRentReason | None:
    try:
        return LateRentReason(code)
    except ValueError:
        return None


class ActionCannotPay(KnownTenantAction):
    """cannot_pay_rent, explain_reason: acknowledge, show the balance, and ask (optionally) why.
    A reason button carries the code; a reason the tenant wrote in the same message ("I can't
    pay, I lost my job") is taken as said. Either, unless declined, invites a few words more."""

    action_name = "action_cannot_pay"

    def answer_tenant(self, tracker: Tracker, session: Session, tenant: Tenant) -> list[Message]:
        code, now = entity(tracker, "reason"), self.dependencies.now()
        debt = arrears.current_debt(session, arrears.lease_of(tenant))
        if debt is None:
            return [{"key": "reason.no_case", "buttons": list(ELSEWHERE_BUTTONS)}]
        if code is None:
            opening = [{"key": "arrears.cannot_pay"}, balance_message(debt)]
            spoken = self._reason_in_words(tracker)
            if spoken is not None:
                return [*opening, *self._take_reason(tracker, session, debt, spoken)]
            ask = ({"key": "reason.noted", "buttons": list(buttons.NEXT_STEP_BUTTONS)}
                   if debt.case.reason_code is not None else {"key": "reason.ask", "buttons": REASON_BUTTONS})
            return [*opening, ask]
        reason = _reason(code)
        if reason is None:
            return [{"key": "reason.ask", "buttons": REASON_BUTTONS}]
        return self._take_reason(tracker, session, debt, reason)

    def _reason_in_words(self, tracker: Tracker) -> LateRentReason | None:
        """The reason the tenant wrote in the same message ("I can't pay, I lost my job")."""
        text = tracker.latest_message.get("text") or ""
        return None if text.startswith("/") else self.dependencies.reason_phrases.reason_in(text)

    def _take_reason(
        self, tracker: Tracker, session: Session, debt: arrears.Debt, reason: LateRentReason
    ) -> list[Message]:
        """Keep the reason; unless the tenant declined, invite (optionally) a few words more."""
        now = self.dependencies.now()
        arrears.record_reason(debt.case, reason, now)
        if reason is LateRentReason.DECLINED:
            return [{"key": "reason.declined", "buttons": list(buttons.NEXT_STEP_BUTTONS)}]
        repositories.expect_text(session, int(tracker.sender_id), Awaiting.REASON_TEXT, now + FREE_TEXT_WAIT)
        return [{"key": "reason.ask_text", "buttons": [buttons.SKIP_REASON_TEXT_BUTTON]}]


class ActionReasonText(TenantAction):
    """After the tenant wrote about their situation (the bot stored it, encrypted) or skipped."""

    action_name = "action_reason_text"

    def answer(self, tracker: Tracker) -> list[Message]:
        key = "reason.thanks" if intent(tracker) == "reason_text_given" else "reason.noted"
        return [{"key": key, "buttons": list(buttons.NEXT_STEP_BUTTONS)}]


class ActionReportPaid(KnownTenantAction):
    """The tenant says they have paid: thank them, believe them, pause reminders."""

    action_name = "action_report_paid"

    def answer_tenant(self, tracker: Tracker, session: Session, tenant: Tenant) -> list[Message]:
        debt = arrears.current_debt(session, arrears.lease_of(tenant))
        if debt is not None:
            arrears.report_paid(debt.case, self.dependencies.today())
        return [{"key": "paid.thanks"}]


def _municipality_params(town: Municipality, recipient: Recipient) -> dict[str, str]:
    service = town.debt_counselling if recipient is Recipient.DEBT_COUNSELLING else town.social_services
    return {"municipality": town.name, "phone": service.phone, "web": service.web}


class ActionDebtAdvice(TenantAction):
    """request_debt_advice: what budget and debt counselling is, how to reach it, and, with the
    tenant's consent, a referral for staff to pass on."""

    action_name = "action_debt_advice"

    def answer(self, tracker: Tracker) -> list[Message]:
        consent, uses = entity(tracker, "consent"), self.dependencies
        with self.conversation(tracker) as (session, tenant):
            facts = facts_of(uses.organisations, tenant) if tenant is not None else None
            if tenant is None or facts is None:
                return [{"key": "debt_advice.explain"}, UNKNOWN_TENANT]
            if consent == "yes" and yes_counts(Recipient.DEBT_COUNSELLING, entity(tracker, "consent_version")):
                late_rent.refer_to_debt_counselling(session, tenant, int(tracker.sender_id), uses.renderer, uses.now())
                return [{"key": "debt_advice.referred"}]
        if consent == "no":
            return [{"key": "debt_advice.not_referred"}]
        return [
            {"key": "debt_advice.explain"},
            {"key": "debt_advice.contact",
             "params": _municipality_params(facts.municipality, Recipient.DEBT_COUNSELLING)},
            {"key": "debt_advice.ask_consent", "buttons": CONSENT_BUTTONS},
        ]


class ActionSocialServices(TenantAction):
    """ask_social_services: what social services may help with, without promising money."""

    action_name = "action_social_services"

    def answer(self, tracker: Tracker) -> list[Message]:
        with self.conversation(tracker) as (_session, tenant):
            facts = facts_of(self.dependencies.organisations, tenant) if tenant is not None else None
        if facts is None:
            return [UNKNOWN_TENANT]
        return [{
            "key": "social_services.explain",
            "params": _municipality_params(facts.municipality, Recipient.SOCIAL_SERVICES),
            "buttons": list(ELSEWHERE_BUTTONS),
        }]
