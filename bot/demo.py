"""The demo housing company and its demo tenant, for the terminal chat."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db import repositories
from bot.db.models import Lease, Organisation, Tenant
from bot.organisation import OrganisationFacts

# The terminal chat plays the demo tenant's Telegram chat.
TERMINAL_CHAT_ID = 1
DEMO_LEASE_NUMBER = "DEMO-1001"


def seed_demo(session: Session, facts: OrganisationFacts) -> Tenant:
    """Create the demo organisation, tenant and lease unless they exist; return the tenant."""
    organisation = repositories.find_organisation(session, facts.slug)
    if organisation is None:
        organisation = Organisation(slug=facts.slug, name=facts.name)
        session.add(organisation)
        session.flush()
    organisation.name = facts.name
    lease = session.scalar(
        select(Lease).where(
            Lease.organisation_id == organisation.id, Lease.lease_number == DEMO_LEASE_NUMBER
        )
    )
    if lease is not None:
        return lease.tenant
    tenant = Tenant(
        organisation=organisation,
        name="Amina Hassan",
        preferred_language="sv",
        telegram_user_id=TERMINAL_CHAT_ID,
    )
    session.add(tenant)
    session.add(
        Lease(
            organisation_id=organisation.id,
            tenant=tenant,
            lease_number=DEMO_LEASE_NUMBER,
            address="Exempelgatan 12 B, 123 45 Exempelstad",
            monthly_rent_ore=845_000,
            move_in_date=dt.date(2024, 9, 1),
        )
    )
    session.flush()
    return tenant
