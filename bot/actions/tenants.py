"""Find the tenant a conversation belongs to, and what the actions need to know about them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.organisation import OrganisationFacts
from bot.db import repositories
from bot.db.models import Tenant

UNKNOWN_TENANT = {"key": "staff.contact_unknown_tenant"}


def tenant_for_sender(session: Session, sender_id: str | None) -> Tenant | None:
    """Rasa's sender id is the Telegram chat id, which in a private chat is the user's id."""
    chat_id = chat_id_of(sender_id)
    return repositories.find_tenant_by_telegram_user(session, chat_id) if chat_id is not None else None


def chat_id_of(sender_id: str | None) -> int | None:
    try:
        return int(sender_id or "")
    except ValueError:
        return None


def facts_of(organisations: Mapping[str, OrganisationFacts], tenant: Tenant) -> OrganisationFacts | None:
    return organisations.get(tenant.organisation.slug)


@dataclass(frozen=True)
class TenantContext:
    tenant_id: int | None
    facts: OrganisationFacts | None
    monthly_rent_ore: int | None


def tenant_context(
    sessions: sessionmaker[Session], organisations: Mapping[str, OrganisationFacts], sender_id: str | None
) -> TenantContext:
    """The tenant (if linked), their organisation's facts and their rent.

    Someone not yet linked to a lease gets the company's facts if there is only one company.
    """
    with sessions() as session:
        tenant = tenant_for_sender(session, sender_id)
        if tenant is not None:
            rent = tenant.leases[0].monthly_rent_ore if tenant.leases else None
            return TenantContext(tenant.id, facts_of(organisations, tenant), rent)
    only = list(organisations.values())
    return TenantContext(None, only[0] if len(only) == 1 else None, None)
