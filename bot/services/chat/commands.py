"""Commands: /start (with or without an onboarding link), /language, /help, /consent, and a
word for any other command.

Commands do not end a wait for an answer (`bot.domain.awaiting`), and /start does not count as
hearing from the tenant: it is how a chat opens, not an answer.
"""

from __future__ import annotations

import logging

from bot.domain.buttons import TALK_TO_PERSON_BUTTON
from bot.i18n.rendering import Reply
from bot.services import consents
from bot.services.chat.context import ChatContext, Sender
from bot.services.chat.rasa_replies import ask_rasa
from bot.services.chat.replies import language_picker
from bot.services.chat.turn import tenant_of
from bot.services.invitations import BindOutcome, redeem
from bot.services.language import keep_language, language_of

logger = logging.getLogger(__name__)

WELCOMED = (BindOutcome.BOUND, BindOutcome.ALREADY_BOUND)


async def answer_command(ctx: ChatContext, sender: Sender, name: str, argument: str | None) -> list[Reply]:
    """Answer `/name argument`."""
    if name == "start":
        return await start(ctx, sender, argument)
    if name == "language":
        return [language_picker(ctx.renderer)]
    if name == "consent":
        return [consent_overview(ctx, sender)]
    return [keyed_text(ctx, sender, "help" if name == "help" else "command.unknown")]


async def start(ctx: ChatContext, sender: Sender, invitation: str | None) -> list[Reply]:
    """/start: redeem an onboarding link if there is one; ask for the language if it is not
    known yet, else greet."""
    if invitation:
        return await _redeem(ctx, sender, invitation)
    with ctx.sessions.begin() as session:
        language = keep_language(session, sender.chat_id, tenant_of(session, sender), sender.client_language)
    if language is None:
        return [language_picker(ctx.renderer)]
    return await ask_rasa(ctx, sender, language, "/greet")


async def _redeem(ctx: ChatContext, sender: Sender, token: str) -> list[Reply]:
    with ctx.sessions.begin() as session:
        result = redeem(session, token, sender.chat_id, sender.user_id, ctx.clock())
        params = (
            {"name": result.tenant.first_name, "address": result.lease.address}
            if result.tenant is not None and result.lease is not None
            else {}
        )
        # A tenant just bound is answered in their preferred language from now on.
        language = keep_language(session, sender.chat_id, tenant_of(session, sender), sender.client_language)
    if result.outcome not in WELCOMED:
        logger.info("chat %s: onboarding link refused (%s)", sender.chat_id, result.outcome.value)
        refusal = ctx.renderer.reply(
            language, {"key": f"invite.{result.outcome.value}", "buttons": [TALK_TO_PERSON_BUTTON]}
        )
        return [refusal] if language else [refusal, language_picker(ctx.renderer)]
    welcome = Reply(ctx.renderer.text(language, "onboarding.welcome", params))
    if language is None:
        return [welcome, language_picker(ctx.renderer)]
    # The walkthrough of the tenancy rules starts (or resumes) right away.
    return [welcome, *await ask_rasa(ctx, sender, language, "/onboarding_start")]


def consent_overview(ctx: ChatContext, sender: Sender) -> Reply:
    """/consent: what the tenant has agreed that we may share, with buttons to change it."""
    with ctx.sessions() as session:
        tenant = tenant_of(session, sender)
        language = language_of(session, sender.chat_id, tenant, sender.client_language)
        if tenant is None:
            return ctx.say(language, "staff.contact_unknown_tenant")
        return ctx.renderer.reply(language, consents.overview(session, tenant.id))


def keyed_text(ctx: ChatContext, sender: Sender, key: str) -> Reply:
    """A single keyed reply (help, unknown command, an error) in the sender's language."""
    with ctx.sessions() as session:
        language = language_of(session, sender.chat_id, tenant_of(session, sender), sender.client_language)
    return ctx.say(language, key)
