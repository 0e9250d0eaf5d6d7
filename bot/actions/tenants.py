"""Find the tenant a conversation belongs to, and what the actions need to know about them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.actions.dependencies import Dependencies
from bot.db import repositories
from bot.db.models import Tenant
from bot.config.organisations import OrganisationFacts, load_all, load_organisation


def tenant_for_sender(session: Session, sender_id: str | None) -> Tenant | None:
    """Rasa's sender id is the Telegram chat id, which in a private chat is the user's id."""
    try:
        telegram_user_id = int(sender_id or "")
    except ValueError:
        return None
    return repositories.find_tenant_by_telegram_user(session, telegram_user_id)


@dataclass(frozen=True)
class TenantContext:
    tenant_id: int | None
    facts: OrganisationFacts | None
    monthly_rent_ore: int | None


def tenant_context(deps: Dependencies, sender_id: str | None) -> TenantContext:
    """The tenant (if linked), their organisation's facts and their rent.

    Someone not yet linked to a lease gets the company's facts if there is only one company.
    """
    with deps.session_factory() as session:
        tenant = tenant_for_sender(session, sender_id)
        if tenant is not None:
            rent = tenant.leases[0].monthly_rent_ore if tenant.leases else None
            return TenantContext(tenant.id, load_organisation(deps.organisation_dir, tenant.organisation.slug), rent)
    organisations = list(load_all(deps.organisation_dir).values())
    return TenantContext(None, organisations[0] if len(organisations) == 1 else None, None)
