"""The tenant's language, worked out in one place (`bot.domain.language`) for the chat, outreach,
staff replies and the action server.

Reading it never writes. It is kept on the chat when the tenant chooses one, and when the
assistant first answers the chat (a message, a button, /start, an onboarding link), so later
contacts (outreach, staff replies, texts the tenant agrees to) are in the language the
conversation was held in, even if the tenant's record changes afterwards.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.db import repositories
from bot.db.models import Chat, Tenant
from bot.domain.language import tenant_language
from bot.i18n.languages import is_supported


def language_of(
    session: Session, chat_id: int | None, tenant: Tenant | None, client_language: str | None = None
) -> str | None:
    """The language to talk to the tenant in, if one is known."""
    chat = session.get(Chat, chat_id) if chat_id is not None else None
    return tenant_language(
        chat.language if chat is not None else None,
        tenant.preferred_language if tenant is not None else None,
        client_language,
    )


def keep_language(session: Session, chat_id: int, tenant: Tenant | None, client_language: str | None) -> str | None:
    """The language the assistant answers this chat in, kept on the chat from now on."""
    chat = repositories.get_or_create_chat(session, chat_id)
    chat.language = language_of(session, chat_id, tenant, client_language)
    return chat.language


def recognise_language(session: Session, chat_id: int, code: str | None) -> str | None:
    """The tenant wrote in a language the assistant speaks, though nothing else told which:
    the chat goes on in it (the tenant's own record is left alone: they did not choose it)."""
    if not is_supported(code):
        return None
    repositories.get_or_create_chat(session, chat_id).language = code
    return code


def choose_language(session: Session, chat_id: int, tenant: Tenant | None, code: str) -> bool:
    """The tenant chose a language: for this chat and, if we know who they are, for them."""
    if not is_supported(code):
        return False
    repositories.get_or_create_chat(session, chat_id).language = code
    if tenant is not None:
        tenant.preferred_language = code
    return True
