"""A message the tenant typed: the emergency numbers first if it has a clear crisis phrase,
then the answer it was awaited as (`bot.domain.awaiting`) or Rasa's answer to it."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy.exc import SQLAlchemyError

from bot.domain.awaiting import Decision, Treat, Wait, decide, needs_intent
from bot.domain.buttons import payload
from bot.domain.cases import CaseReason
from bot.domain.language import tenant_language
from bot.domain.money import ORE_PER_KRONA
from bot.i18n.rendering import Reply
from bot.infra.rasa_client import RasaUnavailable
from bot.services.chat.context import ChatContext, Sender
from bot.services.chat.rasa_replies import ask_rasa
from bot.services.chat.replies import CRISIS_KEY, language_picker
from bot.services.chat.turn import ask_person_in, hear, record_reason_text, tenant_of
from bot.services.language import keep_language, language_of, recognise_language

logger = logging.getLogger(__name__)


async def answer_text(ctx: ChatContext, sender: Sender, text: str) -> list[Reply]:
    """Answer a typed message. A clear crisis phrase gets the emergency numbers first, whatever
    else happens (no language chosen yet, Rasa down, an answer awaited), and asks staff in.
    With no language known, the message's own is used if it is clearly one the assistant
    speaks; only when unsure is the tenant asked to choose."""
    crisis = _is_crisis(ctx, sender, text)
    now = ctx.clock()
    try:
        with ctx.sessions.begin() as session:
            tenant = tenant_of(session, sender)
            wait = hear(ctx, session, sender, tenant)
            language = keep_language(session, sender.chat_id, tenant, sender.client_language)
            if language is None:
                language = recognise_language(session, sender.chat_id, ctx.identify_language(text))
            if crisis:
                ask_person_in(ctx, session, sender, tenant, CaseReason.CRISIS, priority=True)
    except SQLAlchemyError:
        return _without_database(ctx, sender, text, crisis)
    numbers = [ctx.say(language, CRISIS_KEY)] if crisis else []
    if language is None:
        return [*numbers, language_picker(ctx.renderer)]
    said = _what_rasa_hears(ctx, sender, text, await _decision(ctx, wait, now, crisis, text))
    replies = await ask_rasa(ctx, sender, language, said)
    # Rasa may recognise the crisis too; the numbers are shown once, first.
    shown = {reply.text for reply in numbers}
    return [*numbers, *(reply for reply in replies if reply.text not in shown)]


def _without_database(ctx: ChatContext, sender: Sender, text: str, crisis: bool) -> list[Reply]:
    """The database cannot be reached: the emergency numbers still come first (in the language
    the message or the phone is in), and the tenant is told to try again; nothing is stored."""
    logger.exception("the database could not be reached while answering chat %s", sender.chat_id)
    language = tenant_language(None, None, sender.client_language) or ctx.identify_language(text)
    numbers = [ctx.say(language, CRISIS_KEY)] if crisis else []
    return [*numbers, ctx.say(language, "error.assistant_unavailable")]


def emergency(ctx: ChatContext, sender: Sender, text: str) -> list[Reply]:
    """The emergency numbers, and a priority case for staff, if the text has a clear crisis
    phrase; else nothing."""
    if not _is_crisis(ctx, sender, text):
        return []
    with ctx.sessions.begin() as session:
        tenant = tenant_of(session, sender)
        language = language_of(session, sender.chat_id, tenant, sender.client_language)
        ask_person_in(ctx, session, sender, tenant, CaseReason.CRISIS, priority=True)
    return [ctx.say(language, CRISIS_KEY)]


def _is_crisis(ctx: ChatContext, sender: Sender, text: str) -> bool:
    if not ctx.crisis_keywords.match(text):
        return False
    logger.warning("crisis phrase in a message from chat %s", sender.chat_id)
    return True


async def _decision(ctx: ChatContext, wait: Wait | None, now: dt.datetime, crisis: bool, text: str) -> Decision:
    intent = None
    if needs_intent(wait, now, crisis):
        try:
            intent = await ctx.rasa.intent_of(text)
        except RasaUnavailable:
            logger.warning("could not check a reason text for a crisis; the keyword net found none")
    return decide(wait, now, crisis, text, intent)


def _what_rasa_hears(ctx: ChatContext, sender: Sender, text: str, decision: Decision) -> str:
    """What goes to Rasa for this message. A reason text never does (it would be in Rasa's
    conversation log): it is stored encrypted and Rasa only hears that it was given."""
    if decision.treat is Treat.PLAN_AMOUNT and decision.amount_ore is not None:
        return payload("request_payment_plan", amount=decision.amount_ore // ORE_PER_KRONA)
    if decision.treat is Treat.SKIP:
        return "/reason_text_skipped"
    if decision.treat is Treat.REASON_TEXT and record_reason_text(ctx, sender, text):
        return "/reason_text_given"
    return text
