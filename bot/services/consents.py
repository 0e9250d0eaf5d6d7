"""The consent registry (samtycke): per tenant and recipient, with the exact text and language the
tenant saw, when it was given and when it was taken back. Anything that shares information about
a tenant asks `has_consent` first.

In the chat: /consent (or "I don't want you to share my information") shows what the tenant has
agreed to, with a button per recipient to agree (which shows the text, then yes or no) or to take
back (one press). Taking back never takes more steps than giving.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Consent, Tenant
from bot.domain.consent import CONSENT_TEXTS, Recipient
from bot.i18n.rendering import Renderer

BUTTON_PREFIX = "consent:"


def active(session: Session, tenant_id: int) -> dict[Recipient, Consent]:
    """The consents in force, by recipient."""
    return {
        Recipient(consent.recipient): consent
        for consent in session.scalars(
            select(Consent).where(Consent.tenant_id == tenant_id, Consent.withdrawn_at.is_(None)).order_by(Consent.id)
        )
    }


def has_consent(session: Session, tenant_id: int, recipient: Recipient) -> bool:
    return recipient in active(session, tenant_id)


def give(session: Session, tenant: Tenant, recipient: Recipient, renderer: Renderer, language: str, now: dt.datetime) -> Consent:
    """Record the tenant's yes to the current text for `recipient`, as they saw it."""
    text = CONSENT_TEXTS[recipient]
    existing = active(session, tenant.id).get(recipient)
    if existing is not None and existing.text_version == text.version:
        return existing
    if existing is not None:
        existing.withdrawn_at = now  # superseded by the yes to the newer text
    consent = Consent(
        tenant_id=tenant.id, recipient=recipient, purpose=text.purpose, text_key=text.message_key,
        text_version=text.version, text_shown=renderer.text(language, text.message_key), language=language, given_at=now,
    )
    session.add(consent)
    session.flush()
    return consent


def withdraw(session: Session, tenant_id: int, recipient: Recipient, now: dt.datetime) -> bool:
    consent = active(session, tenant_id).get(recipient)
    if consent is None:
        return False
    consent.withdrawn_at = now
    return True


def recipient_name(recipient: Recipient) -> dict[str, str]:
    return {"key": f"recipient.{recipient}"}


def overview(session: Session, tenant_id: int, only_withdraw: bool = False) -> dict[str, Any]:
    """What the tenant has agreed to, with a button to take back each consent (and, unless
    `only_withdraw`, to agree to the others)."""
    given = active(session, tenant_id)
    if only_withdraw and not given:
        return {"key": "consent.none_to_withdraw"}
    lines = [
        {"key": "consent.line.given", "params": {"recipient": recipient_name(r), "date": {"date": _day(given[r].given_at)}}}
        if r in given else {"key": "consent.line.not_given", "params": {"recipient": recipient_name(r)}}
        for r in Recipient
    ]
    buttons = [
        {"key": "button.consent_withdraw", "params": {"recipient": recipient_name(r)}, "payload": f"{BUTTON_PREFIX}withdraw:{r}"}
        if r in given else
        {"key": "button.consent_give", "params": {"recipient": recipient_name(r)}, "payload": f"{BUTTON_PREFIX}ask:{r}"}
        for r in Recipient
        if r in given or not only_withdraw
    ]
    return {"key": "consent.overview", "params": {"lines": {"lines": lines}}, "buttons": buttons}


def question(recipient: Recipient) -> dict[str, Any]:
    """The consent text for `recipient`, with yes and no."""
    text = CONSENT_TEXTS[recipient]
    return {
        "key": text.message_key,
        "buttons": [
            {"key": "button.consent_yes", "payload": f"{BUTTON_PREFIX}yes:{recipient}:{text.version}"},
            {"key": "button.consent_no", "payload": f"{BUTTON_PREFIX}no:{recipient}"},
        ],
    }


def _day(moment: dt.datetime) -> str:
    return moment.date().isoformat()
