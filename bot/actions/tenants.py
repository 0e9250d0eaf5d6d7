"""Find the tenant a conversation belongs to."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.db import repositories
from bot.db.models import Tenant


def tenant_for_sender(session: Session, sender_id: str | None) -> Tenant | None:
    """Rasa's sender id is the Telegram chat id, which in a private chat is the user's id."""
    try:
        telegram_user_id = int(sender_id or "")
    except ValueError:
        return None
    return repositories.find_tenant_by_telegram_user(session, telegram_user_id)
