"""What staff do reaches the case's tenant as the assistant's messages, in the tenant's language."""

from __future__ import annotations

from telegram import Bot

from bot.i18n.rendering import Renderer
from bot.services.staff_cases import TenantMessage
from bot.telegram.markup import markup_for, send_text


async def tell_tenant(bot: Bot, renderer: Renderer, message: TenantMessage) -> None:
    for payload in message.payloads:
        reply = renderer.reply(message.language, payload)
        await send_text(bot, message.chat_id, reply.text, markup_for(reply))
