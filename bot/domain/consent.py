"""Consent (samtycke) to share information about a tenant: the texts a tenant agrees to, one per
recipient, and when a "yes" counts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Recipient(StrEnum):
    SOCIAL_SERVICES = "social_services"
    DEBT_COUNSELLING = "debt_counselling"
    KRONOFOGDEN = "kronofogden"
    DEBT_COLLECTOR = "debt_collector"


@dataclass(frozen=True)
class ConsentText:
    message_key: str
    # Raise when the text's meaning changes; the version a tenant agreed to is kept with it.
    version: int
    purpose: str


CONSENT_TEXTS = {
    Recipient.SOCIAL_SERVICES: ConsentText("consent.text.social_services", 1, "support from social services"),
    Recipient.DEBT_COUNSELLING: ConsentText("debt_advice.ask_consent", 1, "referral to budget and debt counselling"),
    Recipient.KRONOFOGDEN: ConsentText("consent.text.kronofogden", 1, "information about a plan to Kronofogden"),
    Recipient.DEBT_COLLECTOR: ConsentText(
        "consent.text.debt_collector", 1, "information about a plan to a debt collector"
    ),
}


def yes_counts(recipient: Recipient, version_shown: str | None) -> bool:
    """A "yes" is consent only to the text the tenant saw: a yes to an older text (a button kept
    from before the text changed) is asked again instead of recorded."""
    return version_shown == str(CONSENT_TEXTS[recipient].version)
