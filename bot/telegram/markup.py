"""Replies as Telegram shows them: buttons become an inline keyboard, one button per row, and a
text longer than Telegram takes in one message is sent in pieces."""

from __future__ import annotations

from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.i18n.rendering import Reply

# Telegram refuses a message of more characters than this ("message is too long").
TEXT_LIMIT = 4096
# Where a text is best cut, in order: between paragraphs, between lines, between words.
_BREAKS = ("\n\n", "\n", " ")


def markup_for(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(b.label, callback_data=b.data)] for b in reply.buttons])


def pieces(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """The text in pieces of at most `limit` characters, cut between paragraphs where it can,
    else between lines, else between words, else where the limit falls."""
    found = []
    while len(text) > limit:
        window = text[:limit + 1]
        cut = next((window.rfind(mark) for mark in _BREAKS if window.rfind(mark) > 0), limit)
        found.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*found, text]


async def send_text(
    bot: Bot, chat_id: int, text: str, reply_markup: InlineKeyboardMarkup | None = None, **kwargs: Any
) -> Message:
    """Send the text, in pieces if it is long; the buttons go with the last piece. Returns the
    last message sent."""
    *first, last = pieces(text)
    for piece in first:
        await bot.send_message(chat_id, piece, **kwargs)
    return await bot.send_message(chat_id, last, reply_markup=reply_markup, **kwargs)
