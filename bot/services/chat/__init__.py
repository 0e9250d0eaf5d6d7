"""The conversation with a tenant, whatever the channel: `ChatService` routes each input to its
handler."""

from bot.services.chat.context import Sender
from bot.services.chat.service import ChatService

__all__ = ["ChatService", "Sender"]
