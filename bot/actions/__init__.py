"""Rasa custom actions, served by our own action server (`python -m bot.actions.server`), which
builds each action once over the same `ActionDependencies`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.actions.arrears import (
    ActionCannotPay,
    ActionDebtAdvice,
    ActionReasonText,
    ActionReportPaid,
    ActionSocialServices,
)
from bot.actions.balance import ActionTellBalance
from bot.actions.base import ActionDependencies, TenantAction
from bot.actions.consent import ActionWithdrawConsent
from bot.actions.safety import ActionCrisis
from bot.actions.greeting import ActionGreetTenant
from bot.actions.onboarding import ActionOnboarding
from bot.actions.plans import ActionPaymentPlan
from bot.actions.staff import ActionReferToStaff
from bot.actions.tenancy import ActionAnswerTenancyQuestion
from bot.infra.reason_phrases import load_reason_phrases

if TYPE_CHECKING:
    from bot.app import App

__all__ = [
    "ActionAnswerTenancyQuestion",
    "ActionCannotPay",
    "ActionDebtAdvice",
    "ActionDependencies",
    "ActionGreetTenant",
    "ActionOnboarding",
    "ActionPaymentPlan",
    "ActionReasonText",
    "ActionReferToStaff",
    "ActionReportPaid",
    "ActionSocialServices",
    "ActionTellBalance",
    "ActionWithdrawConsent",
    "ActionCrisis",
    "TenantAction",
    "actions_for",
]


ACTIONS: tuple[type[TenantAction], ...] = (
    ActionAnswerTenancyQuestion,
    ActionCannotPay,
    ActionDebtAdvice,
    ActionGreetTenant,
    ActionOnboarding,
    ActionPaymentPlan,
    ActionReasonText,
    ActionReferToStaff,
    ActionReportPaid,
    ActionSocialServices,
    ActionTellBalance,
    ActionWithdrawConsent,
    ActionCrisis,
)


def actions_for(app: App) -> list[TenantAction]:
    """Every action the domain lists, each built once over the parts of the application actions use."""
    dependencies = ActionDependencies(
        app.sessions, app.organisations, app.renderer, app.now, app.today, load_reason_phrases())
    return [action(dependencies) for action in ACTIONS]
