"""Telegram's sending limits, for every bot the assistant runs (the chat bot and outreach)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram._utils.types import JSONDict  # the type of a raw API answer
from telegram.ext import AIORateLimiter

# About one message a second in a private chat, allowing a reply of up to three messages at once.
CHAT_BURST = 3
CHAT_PERIOD_SECONDS = 3.0
MAX_RETRIES = 5


class TelegramLimits(AIORateLimiter):
    """python-telegram-bot's AIORateLimiter (about 30 messages a second overall, 20 a minute per
    group; a 429's retry_after waited out and the call tried again, up to MAX_RETRIES times),
    plus about one message a second per private chat."""

    def __init__(self) -> None:
        super().__init__(max_retries=MAX_RETRIES)
        self._chat_limiters: dict[int, AsyncLimiter] = {}

    def _chat_limiter(self, chat_id: int) -> AsyncLimiter:
        if len(self._chat_limiters) > 4096:
            # Forget the chats whose limiter has recovered fully: they are as good as new.
            for key, limiter in list(self._chat_limiters.items()):
                if key != chat_id and limiter.has_capacity(limiter.max_rate):
                    del self._chat_limiters[key]
        if chat_id not in self._chat_limiters:
            self._chat_limiters[chat_id] = AsyncLimiter(CHAT_BURST, CHAT_PERIOD_SECONDS)
        return self._chat_limiters[chat_id]

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        try:
            chat_id = int(data.get("chat_id"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            chat_id = 0  # no chat, or a channel's @name
        if endpoint.startswith("send") and chat_id > 0:
            async with self._chat_limiter(chat_id):
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
