"""Asking Rasa, and rendering what it answers in the tenant's language."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from bot.i18n.rendering import Reply, UnknownMessageKey
from bot.infra.rasa_client import RasaUnavailable
from bot.services.chat.context import ChatContext, Sender
from bot.services.chat.replies import language_picker
from bot.services.chat.turn import follow_up

logger = logging.getLogger(__name__)


async def ask_rasa(ctx: ChatContext, sender: Sender, language: str, text: str) -> list[Reply]:
    """Rasa's answer to a message (or a button's payload), rendered, and what follows from it."""
    metadata = {"language": language, "channel": sender.channel}
    try:
        messages = await ctx.rasa.send(str(sender.chat_id), text, metadata)
    except RasaUnavailable:
        logger.exception("Rasa did not answer chat %s", sender.chat_id)
        return [ctx.say(language, "error.assistant_unavailable")]
    if not messages:
        # Rasa swallows a failed custom action (the action server down or too slow) and answers
        # nothing; the tenant must not be met with silence.
        logger.error("Rasa gave no answer to chat %s; is the action server down?", sender.chat_id)
        return [ctx.say(language, "error.assistant_unavailable")]
    keys = [m["custom"].get("key") for m in messages if isinstance(m.get("custom"), Mapping)]
    replies = [render(ctx, language, message) for message in messages]
    return replies + follow_up(ctx, sender, language, keys)


def render(ctx: ChatContext, language: str, message: Mapping[str, Any]) -> Reply:
    payload = message.get("custom")
    if language_change_requested(payload):
        return language_picker(ctx.renderer)
    if not isinstance(payload, Mapping) or "key" not in payload:
        # Rasa holds no prose: a plain text answer means a response without a key slipped in.
        logger.error("Rasa answered without a message key: %r", message)
        return ctx.say(language, "fallback")
    try:
        return ctx.renderer.reply(language, payload)
    except (UnknownMessageKey, KeyError, IndexError, ValueError):
        logger.exception("cannot render Rasa's message %r", payload)
        return ctx.say(language, "error.generic")


def language_change_requested(payload: object) -> bool:
    return isinstance(payload, Mapping) and payload.get("action") == "choose_language"
