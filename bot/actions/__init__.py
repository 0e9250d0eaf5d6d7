"""Rasa custom actions, served by the rasa-sdk action server (`python -m rasa_sdk --actions bot.actions`)."""

from bot.actions.arrears import (
    ActionCannotPay,
    ActionDebtAdvice,
    ActionPaymentPlan,
    ActionReasonText,
    ActionReportPaid,
    ActionSocialServices,
)
from bot.actions.balance import ActionTellBalance
from bot.actions.consent import ActionWithdrawConsent
from bot.actions.greeting import ActionGreetTenant
from bot.actions.onboarding import ActionOnboarding
from bot.actions.staff import ActionReferToStaff
from bot.actions.tenancy import ActionAnswerTenancyQuestion

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
]
