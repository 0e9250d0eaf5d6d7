"""Queries the adapters share. Callers own the transaction; nothing here commits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.db.models import ArrearsCase, Chat, LedgerSnapshot, Organisation, ProcessedUpdate, Tenant, as_utc
from bot.domain.awaiting import Awaiting


def get_or_create_chat(session: Session, chat_id: int) -> Chat:
    chat = session.get(Chat, chat_id)
    if chat is None:
        chat = Chat(id=chat_id)
        session.add(chat)
        session.flush()
    return chat


def find_tenant_by_telegram_user(session: Session, telegram_user_id: int) -> Tenant | None:
    return session.scalar(select(Tenant).where(Tenant.telegram_user_id == telegram_user_id))


def find_organisation(session: Session, slug: str) -> Organisation | None:
    return session.scalar(select(Organisation).where(Organisation.slug == slug))


# How long a handled update is remembered: far longer than any redelivery (Telegram retries
# within minutes), far shorter than the week after which it may reuse update ids.
UPDATE_MEMORY = dt.timedelta(days=1)


def claim_update(session: Session, update_id: int, now: dt.datetime, stale_after: dt.timedelta) -> bool:
    """Claim a Telegram update for processing; False if it is done or being done elsewhere.

    A claim that never completed and is older than `stale_after` belonged to a worker that
    died, so a redelivery of that update may be processed again.
    """
    try:
        with session.begin_nested():
            session.add(ProcessedUpdate(update_id=update_id, claimed_at=now))
        return True
    except IntegrityError:
        pass
    existing = session.get(ProcessedUpdate, update_id, populate_existing=True)
    if existing is None or existing.completed_at is not None:
        return False
    if now - as_utc(existing.claimed_at) < stale_after:
        return False
    # Take the stale claim over only if nobody else did in the meantime.
    result = session.execute(
        update(ProcessedUpdate)
        .where(
            ProcessedUpdate.update_id == update_id,
            ProcessedUpdate.claimed_at == existing.claimed_at,
            ProcessedUpdate.completed_at.is_(None),
        )
        .values(claimed_at=now)
    )
    return result.rowcount == 1


def complete_update(session: Session, update_id: int, now: dt.datetime) -> None:
    """Mark the update handled, and forget updates claimed more than `UPDATE_MEMORY` ago: the
    table does not grow without bound, and Telegram, which numbers updates afresh after a week
    without any, cannot have a new update skipped as an old one."""
    session.execute(
        update(ProcessedUpdate)
        .where(ProcessedUpdate.update_id == update_id)
        .values(completed_at=now)
    )
    session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.claimed_at < now - UPDATE_MEMORY))


def latest_snapshot(session: Session, lease_id: int) -> LedgerSnapshot | None:
    return session.scalars(
        select(LedgerSnapshot).where(LedgerSnapshot.lease_id == lease_id).order_by(LedgerSnapshot.snapshot_date.desc())
    ).first()


def open_arrears_case(session: Session, lease_id: int) -> ArrearsCase | None:
    return session.scalar(
        select(ArrearsCase).where(ArrearsCase.lease_id == lease_id, ArrearsCase.closed_on.is_(None))
    )


def expect_text(session: Session, chat_id: int, what: Awaiting, until: dt.datetime) -> None:
    """The chat's next message, until `until`, answers a question in the tenant's own words."""
    chat = get_or_create_chat(session, chat_id)
    chat.awaiting, chat.awaiting_until = what, until
