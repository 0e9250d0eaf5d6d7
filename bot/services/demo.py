"""The demo housing company and its demo tenant, for the terminal chat."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db import repositories
from bot.db.models import ArrearsCase, Lease, LedgerSnapshot, Organisation, Tenant
from bot.db.repositories import latest_snapshot
from bot.domain.calendar import next_month, next_rent_month, rent_due_date
from bot.domain.organisation import OrganisationFacts

# The terminal chat plays the demo tenant's Telegram chat.
TERMINAL_CHAT_ID = 1
DEMO_LEASE_NUMBER = "DEMO-1001"


def seed_demo(session: Session, facts: OrganisationFacts, today: dt.date | None = None) -> Tenant:
    """Create the demo organisation, tenant and lease unless they exist; return the tenant.
    With `today`, the demo tenant is also behind with the last rent (unless the lease already
    has a ledger snapshot), so the late-rent conversation can be tried."""
    tenant = _demo_tenant(session, facts)
    if today is not None:
        lease = tenant.leases[0]
        if latest_snapshot(session, lease.id) is None:
            month_due = next_rent_month(today)
            due = rent_due_date(next_month(month_due, -1))
            session.add(LedgerSnapshot(lease_id=lease.id, snapshot_date=today,
                                       amount_overdue_ore=lease.monthly_rent_ore, oldest_unpaid_due=due))
            session.add(ArrearsCase(lease_id=lease.id, opened_on=today, oldest_unpaid_due=due))
            session.flush()
    return tenant


def _demo_tenant(session: Session, facts: OrganisationFacts) -> Tenant:
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
