"""Rasa custom actions, served by our own action server (`python -m bot.actions.server`), which
builds each action once with what it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasa_sdk import Action

from bot.actions.arrears import (
    ActionCannotPay,
    ActionDebtAdvice,
    ActionReasonText,
    ActionReportPaid,
    ActionSocialServices,
)
from bot.actions.balance import ActionTellBalance
from bot.actions.consent import ActionWithdrawConsent
from bot.actions.greeting import ActionGreetTenant
from bot.actions.onboarding import ActionOnboarding
from bot.actions.plans import ActionPaymentPlan
from bot.actions.staff import ActionReferToStaff
from bot.actions.tenancy import ActionAnswerTenancyQuestion

if TYPE_CHECKING:
    from bot.app import App

__all__ = [
    "ActionAnswerTenancyQuestion",
    "ActionCannotPay",
    "ActionDebtAdvice",
    "ActionGreetTenant",
    "ActionOnboarding",
    "ActionPaymentPlan",
    "ActionReasonText",
    "ActionReferToStaff",
    "ActionReportPaid",
    "ActionSocialServices",
    "ActionTellBalance",
    "ActionWithdrawConsent",
    "actions_for",
]


def actions_for(app: App) -> list[Action]:
    """Every action the domain lists, each with the part of the application it needs."""
    sessions, organisations = app.sessions, app.organisations
    return [
        ActionAnswerTenancyQuestion(sessions, organisations, app.today),
        ActionCannotPay(sessions, app.now),
        ActionDebtAdvice(sessions, organisations, app.renderer, app.now),
        ActionGreetTenant(sessions),
        ActionOnboarding(sessions, organisations, app.now, app.today),
        ActionPaymentPlan(sessions, organisations, app.now, app.today),
        ActionReasonText(),
        ActionReferToStaff(sessions, organisations, app.now),
        ActionReportPaid(sessions, app.today),
        ActionSocialServices(sessions, organisations),
        ActionTellBalance(sessions),
        ActionWithdrawConsent(sessions),
    ]
