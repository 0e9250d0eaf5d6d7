"""Answers to tenants' questions about the tenancy rules, from the organisation's own facts.

Each answer is a message key with parameters, rendered in the tenant's language by the bot.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.domain.calendar import lease_end_after_notice, next_rent_month, rent_due_date
from bot.domain.organisation import OrganisationFacts

TENANCY_INTENTS = (
    "ask_rent_due_date",
    "ask_payment_methods",
    "ask_late_consequences",
    "ask_quiet_hours",
    "report_disturbance",
    "ask_subletting",
    "ask_home_insurance",
    "report_fault",
    "ask_laundry",
    "ask_waste_sorting",
    "ask_moving_out",
)


def _date(day: dt.date) -> dict[str, str]:
    return {"date": day.isoformat()}


def _month(day: dt.date) -> dict[str, str]:
    return {"month": day.isoformat()}


def answer(intent: str, facts: OrganisationFacts, monthly_rent_ore: int | None, today: dt.date) -> dict[str, Any]:
    """The keyed reply to a tenancy question; personal where the tenant's lease is known."""
    if intent == "ask_rent_due_date":
        month = next_rent_month(today)
        params: dict[str, Any] = {"month": _month(month), "due_date": _date(rent_due_date(month))}
        if monthly_rent_ore is None:
            return {"key": "tenancy.rent_due.general", "params": params}
        return {"key": "tenancy.rent_due.personal", "params": {**params, "amount": {"amount_ore": monthly_rent_ore}}}
    if intent == "ask_payment_methods":
        key = "tenancy.payment.autogiro" if facts.payment.autogiro else "tenancy.payment.bankgiro"
        return {"key": key, "params": {"bankgiro": facts.payment.bankgiro, "web": facts.payment.web}}
    if intent == "ask_late_consequences":
        return {"key": "tenancy.late_consequences", "params": {"phone": facts.contact.phone}}
    if intent == "ask_quiet_hours":
        quiet = facts.quiet_hours
        return {"key": "tenancy.quiet_hours",
                "params": {"start": quiet.start.strftime("%H:%M"), "end": quiet.end.strftime("%H:%M")}}
    if intent == "report_disturbance":
        return {"key": "tenancy.disturbance", "params": {"phone": facts.contact.phone, "email": facts.contact.email}}
    if intent == "ask_subletting":
        return {"key": "tenancy.subletting", "params": {"organisation": facts.name}}
    if intent == "ask_home_insurance":
        return {"key": "tenancy.home_insurance"}
    if intent == "report_fault":
        return {
            "key": "tenancy.fault_report",
            "params": {"phone": facts.faults.phone, "web": facts.faults.web, "emergency_phone": facts.faults.emergency_phone},
        }
    if intent == "ask_laundry":
        if facts.laundry.booking == "web":
            return {"key": "tenancy.laundry.web", "params": {"web": facts.laundry.web}}
        return {"key": "tenancy.laundry.board"}
    if intent == "ask_waste_sorting":
        return {"key": "tenancy.waste", "params": {"web": facts.waste.web}}
    if intent == "ask_moving_out":
        return {"key": "tenancy.moving_out", "params": {"end_date": _date(lease_end_after_notice(today))}}
    raise ValueError(f"not a tenancy question: {intent!r}")
