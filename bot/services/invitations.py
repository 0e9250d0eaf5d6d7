"""Creating, revoking and redeeming onboarding invitations. Callers own the transaction."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.db import repositories
from bot.db.models import FailedStart, Invite, Lease, Tenant, as_utc
from bot.domain.invites import InviteStatus, invite_status, looks_like_token, new_token, token_hash

# Failed tokens allowed from one chat per window before it must wait.
FAILED_START_LIMIT = 5
FAILED_START_WINDOW = dt.timedelta(hours=1)


class BindOutcome(enum.Enum):
    BOUND = "bound"
    ALREADY_BOUND = "already_bound"  # the same tenant, the same chat: nothing to do
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    REVOKED = "revoked"
    USED = "used"
    LEASE_TAKEN = "lease_taken"  # the lease's tenant is bound to another Telegram account
    CHAT_TAKEN = "chat_taken"  # this Telegram account is bound to another tenant
    RATE_LIMITED = "rate_limited"


@dataclass(frozen=True)
class BindResult:
    outcome: BindOutcome
    tenant: Tenant | None = None
    lease: Lease | None = None


class UnknownLease(LookupError):
    pass


def find_lease(session: Session, organisation_slug: str, lease_number: str) -> Lease:
    organisation = repositories.find_organisation(session, organisation_slug)
    lease = None
    if organisation is not None:
        lease = session.scalar(
            select(Lease).where(Lease.organisation_id == organisation.id, Lease.lease_number == lease_number)
        )
    if lease is None:
        raise UnknownLease(f"no lease {lease_number!r} in organisation {organisation_slug!r}")
    return lease


def create_invite(session: Session, lease: Lease, now: dt.datetime, valid_for: dt.timedelta) -> str:
    """Make a new invitation for the lease; return the token (shown once, never stored)."""
    token = new_token()
    session.add(Invite(lease=lease, token_hash=token_hash(token), created_at=now, expires_at=now + valid_for))
    session.flush()
    return token


def revoke_invites(session: Session, lease: Lease, now: dt.datetime) -> int:
    """Revoke every invitation of the lease that could still be used; return how many."""
    result = session.execute(
        update(Invite)
        .where(
            Invite.lease_id == lease.id,
            Invite.used_at.is_(None),
            Invite.revoked_at.is_(None),
            Invite.expires_at > now,
        )
        .values(revoked_at=now)
    )
    return result.rowcount


def _recent_failures(session: Session, chat_id: int, now: dt.datetime) -> int:
    return session.scalar(
        select(func.count())
        .select_from(FailedStart)
        .where(FailedStart.chat_id == chat_id, FailedStart.attempted_at > now - FAILED_START_WINDOW)
    ) or 0


def _fail(session: Session, chat_id: int, now: dt.datetime, outcome: BindOutcome) -> BindResult:
    session.add(FailedStart(chat_id=chat_id, attempted_at=now))
    return BindResult(outcome)


def redeem(session: Session, token: str, chat_id: int, telegram_user_id: int, now: dt.datetime) -> BindResult:
    """Bind the Telegram account to the tenant of the invitation's lease, if all is well."""
    if _recent_failures(session, chat_id, now) >= FAILED_START_LIMIT:
        return BindResult(BindOutcome.RATE_LIMITED)
    invite = (
        session.scalar(select(Invite).where(Invite.token_hash == token_hash(token)))
        if looks_like_token(token)
        else None
    )
    if invite is None:
        return _fail(session, chat_id, now, BindOutcome.UNKNOWN)
    lease = invite.lease
    tenant = lease.tenant
    status = invite_status(
        as_utc(invite.expires_at),
        invite.used_at,
        invite.revoked_at,
        now,
    )
    if status is InviteStatus.USED and invite.used_by_chat_id == chat_id and tenant.telegram_user_id == telegram_user_id:
        return BindResult(BindOutcome.ALREADY_BOUND, tenant, lease)
    if status is not InviteStatus.VALID:
        return _fail(session, chat_id, now, BindOutcome(status.value))
    if tenant.telegram_user_id not in (None, telegram_user_id):
        return _fail(session, chat_id, now, BindOutcome.LEASE_TAKEN)
    bound_elsewhere = repositories.find_tenant_by_telegram_user(session, telegram_user_id)
    if bound_elsewhere is not None and bound_elsewhere.id != tenant.id:
        return _fail(session, chat_id, now, BindOutcome.CHAT_TAKEN)
    tenant.telegram_user_id = telegram_user_id
    invite.used_at = now
    invite.used_by_chat_id = chat_id
    session.flush()
    return BindResult(BindOutcome.BOUND, tenant, lease)
