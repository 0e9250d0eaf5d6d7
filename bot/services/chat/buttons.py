"""A pressed button, by what it carries: a language (`lang:`), a consent choice (`consent:`), a
rating of a person's help (`rate:`), or a Rasa payload (`/intent{...}`).

A button press is one transaction, and a Rasa payload one more after Rasa's answer
(`turn.follow_up`). It ends any wait for an answer, but never counts as the answer.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from bot.db.models import StaffCase, Tenant
from bot.domain.consent import Recipient, yes_counts
from bot.i18n.rendering import Reply
from bot.services import consents
from bot.services.chat.context import ChatContext, Sender
from bot.services.chat.rasa_replies import ask_rasa
from bot.services.chat.replies import LANGUAGE_BUTTON_PREFIX, capabilities, language_picker
from bot.services.chat.turn import hear, tenant_of
from bot.services.language import choose_language, keep_language

logger = logging.getLogger(__name__)

RATING_PREFIX = "rate:"


async def press(ctx: ChatContext, sender: Sender, data: str) -> list[Reply]:
    """Answer a button press; `data` is what the button carried."""
    with ctx.sessions.begin() as session:
        tenant = tenant_of(session, sender)
        hear(ctx, session, sender, tenant)
        if data.startswith(LANGUAGE_BUTTON_PREFIX):
            return _choose_language(ctx, session, sender, tenant, data.removeprefix(LANGUAGE_BUTTON_PREFIX))
        language = keep_language(session, sender.chat_id, tenant, sender.client_language)
        if language is None:
            return [language_picker(ctx.renderer)]
        if data.startswith(consents.BUTTON_PREFIX):
            return [_consent(ctx, session, tenant, language, data.removeprefix(consents.BUTTON_PREFIX))]
        if data.startswith(RATING_PREFIX):
            return [_rating(ctx, session, sender, language, data.removeprefix(RATING_PREFIX))]
        if not data.startswith("/"):
            logger.warning("ignoring a button with unexpected data %r", data[:80])
            return [ctx.say(language, "fallback")]
    return await ask_rasa(ctx, sender, language, data)


def _choose_language(ctx: ChatContext, session: Session, sender: Sender, tenant: Tenant | None, code: str) -> list[Reply]:
    if not choose_language(session, sender.chat_id, tenant, code):
        return [language_picker(ctx.renderer)]
    return [ctx.say(code, "language.changed"), capabilities(ctx.renderer, code)]


def _consent(ctx: ChatContext, session: Session, tenant: Tenant | None, language: str, choice: str) -> Reply:
    """`ask:<recipient>`, `yes:<recipient>:<version shown>`, `no:<recipient>` or `withdraw:<recipient>`."""
    action, _, rest = choice.partition(":")
    code, _, version = rest.partition(":")
    recipient = _recipient(code)
    if recipient is None:
        return ctx.say(language, "fallback")
    if tenant is None:
        return ctx.say(language, "staff.contact_unknown_tenant")
    if action == "ask" or (action == "yes" and not yes_counts(recipient, version)):
        return ctx.renderer.reply(language, consents.question(recipient))
    if action == "yes":
        consents.give(session, tenant, recipient, ctx.renderer, language, ctx.clock())
        return ctx.say(language, "consent.given")
    if action == "withdraw":
        if consents.withdraw(session, tenant.id, recipient, ctx.clock()):
            name = consents.recipient_name(recipient)
            return ctx.renderer.reply(language, {"key": "consent.withdrawn", "params": {"recipient": name}})
        return ctx.say(language, "consent.none_to_withdraw")
    return ctx.say(language, "consent.declined")


def _recipient(code: str) -> Recipient | None:
    try:
        return Recipient(code)
    except ValueError:
        return None


def _rating(ctx: ChatContext, session: Session, sender: Sender, language: str, choice: str) -> Reply:
    """`yes:<case id>` or `no:<case id>`: whether the person from the housing company helped;
    counted once, and only from the chat the case was for."""
    answer, _, raw_id = choice.partition(":")
    case = session.get(StaffCase, int(raw_id)) if raw_id.isdigit() else None
    if case is not None and case.chat_id == sender.chat_id and case.satisfied is None:
        case.satisfied = answer == "yes"
    return ctx.say(language, "handoff.feedback_thanks")
