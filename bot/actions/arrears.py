"""The late-rent conversation: why the rent is late, "I have paid", instalment plans, budget and
debt counselling, and social services. State lives in the application database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from bot.services import arrears, consents, handoff
from bot.actions import dependencies
from bot.actions.tenants import tenant_for_sender
from bot.db import repositories
from bot.db.models import Consent, PaymentPlan, Referral, Tenant
from bot.domain import buttons
from bot.domain.plans import KRONA, MAX_SCHEDULE_MONTHS, Plan, months_needed, plan_for_amount, plan_options
from bot.config.organisations import OrganisationFacts, load_organisation

# How long the assistant waits for an answer in the tenant's own words.
FREE_TEXT_WAIT = dt.timedelta(minutes=30)
REASON_BUTTONS = [
    *({"key": f"button.reason.{code}", "payload": buttons.payload("explain_reason", reason=code)}
      for code in arrears.REASONS),
    {"key": "button.reason.decline", "payload": buttons.payload("explain_reason", reason=arrears.DECLINED)},
]
OWN_AMOUNT = "own"
DEBT_COUNSELLING = "debt_counselling"


def _entity(tracker: Tracker, name: str) -> str | None:
    return next(iter(tracker.get_latest_entity_values(name)), None)


def _intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name", "")


def _say(dispatcher: CollectingDispatcher, *messages: dict[str, Any]) -> list[dict[str, Any]]:
    for message in messages:
        dispatcher.utter_message(json_message=message)
    return []


def _facts(tenant: Tenant) -> OrganisationFacts:
    return load_organisation(dependencies.get().organisation_dir, tenant.organisation.slug)


def _date(day: dt.date) -> dict[str, str]:
    return {"date": day.isoformat()}


def _money(amount_ore: int) -> dict[str, int]:
    return {"amount_ore": amount_ore}


def _balance(debt: arrears.Debt) -> dict[str, Any]:
    return {"key": "balance.owed", "params": {"date": _date(debt.snapshot.snapshot_date), "amount": _money(debt.amount_ore)}}


UNKNOWN_TENANT = {"key": "staff.contact_unknown_tenant"}


class ActionCannotPay(Action):
    """cannot_pay_rent, explain_reason: acknowledge, show the balance, and ask (optionally) why.
    A reason button carries the code; a code other than "declined" invites a few words more."""

    def name(self) -> str:
        return "action_cannot_pay"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        deps = dependencies.get()
        code = _entity(tracker, "reason")
        with deps.session_factory.begin() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None:
                return _say(dispatcher, UNKNOWN_TENANT)
            debt = arrears.current_debt(session, arrears.lease_of(tenant))
            if debt is None:
                return _say(
                    dispatcher,
                    {"key": "reason.no_case", "buttons": [buttons.DEBT_ADVICE_BUTTON, buttons.TALK_TO_PERSON_BUTTON]},
                )
            if code is None:
                if debt.case.reason_code is not None:
                    return _say(dispatcher, {"key": "arrears.cannot_pay"}, _balance(debt),
                                {"key": "reason.noted", "buttons": list(buttons.NEXT_STEP_BUTTONS)})
                return _say(dispatcher, {"key": "arrears.cannot_pay"}, _balance(debt),
                            {"key": "reason.ask", "buttons": REASON_BUTTONS})
            if code not in arrears.REASONS and code != arrears.DECLINED:
                return _say(dispatcher, {"key": "reason.ask", "buttons": REASON_BUTTONS})
            arrears.record_reason(debt.case, code, deps.now())
            if code == arrears.DECLINED:
                return _say(dispatcher, {"key": "reason.declined", "buttons": list(buttons.NEXT_STEP_BUTTONS)})
            repositories.expect_text(session, int(tracker.sender_id), "reason_text", deps.now() + FREE_TEXT_WAIT)
        return _say(dispatcher, {"key": "reason.ask_text", "buttons": [buttons.SKIP_REASON_TEXT_BUTTON]})


class ActionReasonText(Action):
    """After the tenant wrote about their situation (the bot stored it, encrypted) or skipped."""

    def name(self) -> str:
        return "action_reason_text"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        key = "reason.thanks" if _intent(tracker) == "reason_text_given" else "reason.noted"
        return _say(dispatcher, {"key": key, "buttons": list(buttons.NEXT_STEP_BUTTONS)})


class ActionReportPaid(Action):
    """The tenant says they have paid: thank them, believe them, pause reminders."""

    def name(self) -> str:
        return "action_report_paid"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        deps = dependencies.get()
        with deps.session_factory.begin() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None:
                return _say(dispatcher, UNKNOWN_TENANT)
            debt = arrears.current_debt(session, arrears.lease_of(tenant))
            if debt is not None:
                arrears.report_paid(debt.case, deps.today())
        return _say(dispatcher, {"key": "paid.thanks"})


def _plan_reply(plan: PaymentPlan, just_made: bool) -> dict[str, Any]:
    if plan.status == "review":
        key = "plan.to_staff" if just_made else "plan.pending"
        return {"key": key, "params": {"amount": _money(plan.monthly_ore), "schedule": arrears.schedule_param(plan)}}
    if plan.status == "proposed":
        return {"key": "plan.proposed" if just_made else "plan.pending", "params": {"schedule": arrears.schedule_param(plan)}}
    return {"key": "plan.confirmed" if just_made else "plan.active", "params": {"schedule": arrears.schedule_param(plan)}}


def _option_button(option: Plan) -> dict[str, Any]:
    return {
        "key": "button.plan_option",
        "params": {"amount": _money(option.monthly_ore), "month": {"month": option.instalments[-1].due.isoformat()}},
        "payload": buttons.payload("request_payment_plan", plan_months=option.months),
    }


def _whole_kronor(text: str | None) -> int | None:
    try:
        kronor = int(text or "")
    except ValueError:
        return None
    return kronor if kronor > 0 else None


class ActionPaymentPlan(Action):
    """request_payment_plan: offer plans within the policy, or take the tenant's own amount."""

    def name(self) -> str:
        return "action_payment_plan"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        deps = dependencies.get()
        months, amount = _entity(tracker, "plan_months"), _entity(tracker, "amount")
        with deps.session_factory.begin() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None:
                return _say(dispatcher, UNKNOWN_TENANT)
            lease = arrears.lease_of(tenant)
            debt = arrears.current_debt(session, lease)
            if debt is None:
                snapshot = repositories.latest_snapshot(session, lease.id) if lease is not None else None
                if snapshot is None:
                    return _say(dispatcher, {"key": "balance.unknown", "buttons": [buttons.TALK_TO_PERSON_BUTTON]})
                return _say(dispatcher, {"key": "plan.no_debt", "params": {"date": _date(snapshot.snapshot_date)}})
            policy = _facts(tenant).plan_policy
            first_month = arrears.first_instalment_month(deps.today())
            options = plan_options(debt.amount_ore, policy, first_month)
            if months is None and amount is None:
                existing = arrears.open_plan(session, debt.case)
                if existing is not None:
                    return _say(dispatcher, _plan_reply(existing, just_made=False))
                return _say(dispatcher, {
                    "key": "plan.options",
                    "params": {"amount": _money(debt.amount_ore), "date": _date(debt.snapshot.snapshot_date)},
                    "buttons": [*map(_option_button, options),
                                {"key": "button.plan_own_amount",
                                 "payload": buttons.payload("request_payment_plan", plan_months=OWN_AMOUNT)}],
                })
            if months == OWN_AMOUNT or (amount is not None and _whole_kronor(amount) is None):
                repositories.expect_text(session, int(tracker.sender_id), "plan_amount", deps.now() + FREE_TEXT_WAIT)
                return _say(dispatcher, {"key": "plan.ask_amount" if months == OWN_AMOUNT else "plan.amount_invalid"})
            if months is not None:
                chosen = next((option for option in options if str(option.months) == months), None)
                if chosen is None:  # the debt changed since the options were shown
                    return _say(dispatcher, {"key": "plan.options",
                                             "params": {"amount": _money(debt.amount_ore),
                                                        "date": _date(debt.snapshot.snapshot_date)},
                                             "buttons": list(map(_option_button, options))})
                plan = arrears.agree_plan(session, debt, chosen, policy, deps.now())
                _ask_staff(session, plan, tenant, tracker.sender_id)
                return _say(dispatcher, _plan_reply(plan, just_made=True))
            monthly_ore = (_whole_kronor(amount) or 0) * KRONA
            if months_needed(debt.amount_ore, monthly_ore) > MAX_SCHEDULE_MONTHS:
                plan = arrears.propose_unscheduled(session, debt, monthly_ore, deps.now())
            else:
                proposal = plan_for_amount(debt.amount_ore, monthly_ore, first_month)
                plan = arrears.agree_plan(session, debt, proposal, policy, deps.now())
            _ask_staff(session, plan, tenant, tracker.sender_id)
            return _say(dispatcher, _plan_reply(plan, just_made=True))


def _ask_staff(session: Session, plan: PaymentPlan, tenant: Tenant, sender_id: str) -> None:
    """A plan waiting for staff (to confirm, or to decide on) opens a case for the staff group."""
    if plan.status in arrears.WAITING_FOR_STAFF and _facts(tenant).staff is not None:
        reason = "plan_review" if plan.status == "review" else "plan_confirm"
        handoff.open_case(session, reason=reason, now=dependencies.get().now(), chat_id=int(sender_id), tenant=tenant)


def _municipality_params(facts: OrganisationFacts, service: str) -> dict[str, str]:
    town = facts.municipality
    if service == DEBT_COUNSELLING:
        return {"municipality": town.name, "phone": town.debt_counselling_phone, "web": town.debt_counselling_web}
    return {"municipality": town.name, "phone": town.social_services_phone, "web": town.social_services_web}


def _record_consent(session: Session, tenant: Tenant, sender_id: str, now: dt.datetime) -> Consent:
    """The tenant's yes to the referral, in the registry, with the text they saw in their language."""
    chat = repositories.get_or_create_chat(session, int(sender_id))
    renderer = dependencies.get().renderer
    language = renderer.language_or_default(chat.language or tenant.preferred_language)
    return consents.give(session, tenant, DEBT_COUNSELLING, renderer, language, now)


class ActionDebtAdvice(Action):
    """request_debt_advice: what budget and debt counselling is, how to reach it, and, with the
    tenant's consent, a referral for staff to pass on."""

    def name(self) -> str:
        return "action_debt_advice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        deps = dependencies.get()
        answer = _entity(tracker, "consent")
        with deps.session_factory.begin() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None:
                return _say(dispatcher, {"key": "debt_advice.explain"}, UNKNOWN_TENANT)
            if answer == "yes":
                consent = _record_consent(session, tenant, tracker.sender_id, deps.now())
                session.add(Referral(tenant=tenant, consent=consent, recipient=DEBT_COUNSELLING, created_at=deps.now()))
                return _say(dispatcher, {"key": "debt_advice.referred"})
            if answer == "no":
                return _say(dispatcher, {"key": "debt_advice.not_referred"})
            facts = _facts(tenant)
        return _say(
            dispatcher,
            {"key": "debt_advice.explain"},
            {"key": "debt_advice.contact", "params": _municipality_params(facts, DEBT_COUNSELLING)},
            {"key": "debt_advice.ask_consent", "buttons": [
                {"key": "button.consent_yes", "payload": buttons.payload("request_debt_advice", consent="yes")},
                {"key": "button.consent_no", "payload": buttons.payload("request_debt_advice", consent="no")},
            ]},
        )


class ActionSocialServices(Action):
    """ask_social_services: what social services may help with, without promising money."""

    def name(self) -> str:
        return "action_social_services"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        with dependencies.get().session_factory() as session:
            tenant = tenant_for_sender(session, tracker.sender_id)
            if tenant is None:
                return _say(dispatcher, UNKNOWN_TENANT)
            facts = _facts(tenant)
        return _say(dispatcher, {
            "key": "social_services.explain",
            "params": _municipality_params(facts, "social_services"),
            "buttons": [buttons.DEBT_ADVICE_BUTTON, buttons.TALK_TO_PERSON_BUTTON],
        })
