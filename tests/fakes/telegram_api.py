"""A fake Telegram Bot API server on 127.0.0.1, speaking the real Bot API JSON.

The bot under test is python-telegram-bot with its own HTTP stack, pointed here with
`base_url`. Tests play the tenant: they queue updates (messages, commands, button presses) and
read what the bot sent back.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

JSON_FIELDS = {"reply_markup", "allowed_updates", "entities", "link_preview_options"}
UPDATE_IDS = itertools.count(1000)
BOT_USER = {"id": 7000001, "is_bot": True, "first_name": "Hyresassistenten", "username": "tenant_test_bot"}


@dataclass
class SentMessage:
    chat_id: int
    message_id: int
    text: str
    reply_markup: dict[str, Any] | None
    # The topic of a forum supergroup the message is in, if any.
    thread_id: int | None = None
    # How Telegram was asked to read the text (None: as it is, so nothing in it is markup).
    parse_mode: str | None = None

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data) of every inline button."""
        if not self.reply_markup:
            return []
        return [
            (button["text"], button.get("callback_data", ""))
            for row in self.reply_markup.get("inline_keyboard", [])
            for button in row
        ]


@dataclass
class FakeTelegram:
    token: str = "123456:TEST-TOKEN"
    updates: list[dict[str, Any]] = field(default_factory=list)
    sent: list[SentMessage] = field(default_factory=list)
    edits: list[dict[str, Any]] = field(default_factory=list)
    answered_callbacks: list[str] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    webhook: dict[str, Any] | None = None
    # Answer every n-th sendMessage with 429 Too Many Requests (retry_after 1 s), as Telegram
    # does when a bot sends too fast; 0: never.
    throttle_every: int = 0
    throttled: int = 0
    _send_calls: int = 0
    # Forum topics created: (chat id, topic id, name); documents sent: (chat id, file name, bytes).
    topics: list[tuple[int, int, str]] = field(default_factory=list)
    documents: list[tuple[int, str, bytes]] = field(default_factory=list)
    # Callback answers: (callback query id, text, shown as an alert).
    callback_answers: list[tuple[str, str, bool]] = field(default_factory=list)
    closed_topics: list[int] = field(default_factory=list)
    # Chats whose user blocked the bot: Telegram answers 403 to anything sent there.
    blocked: set[int] = field(default_factory=set)
    # The next this many messages are delivered, then answered 502 Bad Gateway (as when a proxy
    # in front of Telegram fails after the message went through).
    bad_gateway_after_send: int = 0
    # Messages copied: (to chat, from chat, message id, topic).
    copies: list[tuple[int, int, int, int | None]] = field(default_factory=list)
    _topic_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(50))
    # Update ids keep rising across fakes, as Telegram's do for one bot across restarts.
    _update_ids: itertools.count[int] = field(default_factory=lambda: UPDATE_IDS)
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _changed: asyncio.Condition | None = None
    _runner: web.AppRunner | None = None
    port: int = 0

    # --- the server ---------------------------------------------------------------------

    async def start(self) -> None:
        self._changed = asyncio.Condition()
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await _parameters(request)
        self.calls.append(method)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return _error(404, "Not Found")
        refusal = self._refusal(method, params)
        if refusal is not None:
            return refusal
        if method == "sendMessage" and self.throttle_every:
            self._send_calls += 1
            if self._send_calls % self.throttle_every == 0:
                self.throttled += 1
                return _error(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        result = await handler(params)
        if method == "sendMessage" and self.bad_gateway_after_send > 0:
            self.bad_gateway_after_send -= 1
            return _error(502, "Bad Gateway")
        return web.json_response({"ok": True, "result": result})

    def _refusal(self, method: str, params: dict[str, Any]) -> web.Response | None:
        """What Telegram refuses, with its own error texts: a blocked chat (403), a message over
        4 096 characters, an edit that changes nothing (400)."""
        chat = params.get("chat_id")
        if method in ("sendMessage", "copyMessage", "sendDocument") and chat is not None and int(chat) in self.blocked:
            return _error(403, "Forbidden: bot was blocked by the user")
        if method == "sendMessage" and len(str(params.get("text", ""))) > 4096:
            return _error(400, "Bad Request: message is too long")
        if method == "editMessageText":
            for message in self.sent:
                if (message.chat_id, message.message_id) == (int(chat or 0), int(params.get("message_id", 0))) \
                        and message.text == params.get("text") and message.reply_markup == params.get("reply_markup"):
                    return _error(400, "Bad Request: message is not modified: specified new message content "
                                       "and reply markup are exactly the same as a current content and reply "
                                       "markup of the message")
        return None

    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    async def _api_getMe(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = None
        return True

    async def _api_setWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = params
        return True

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        assert self._changed is not None
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        # Updates below the offset are confirmed: Telegram forgets them.
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        deadline = time.monotonic() + timeout
        async with self._changed:
            while not self.updates and time.monotonic() < deadline:
                try:
                    await asyncio.wait_for(self._changed.wait(), deadline - time.monotonic())
                except TimeoutError:
                    break
        return list(self.updates)

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        thread = params.get("message_thread_id")
        message = SentMessage(
            chat_id, next(self._message_ids), params["text"], params.get("reply_markup"),
            int(thread) if thread is not None else None, params.get("parse_mode"),
        )
        self.sent.append(message)
        await self._notify()
        return _message_json(message)

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        self.answered_callbacks.append(params["callback_query_id"])
        self.callback_answers.append(
            (params["callback_query_id"], params.get("text", ""), str(params.get("show_alert")).lower() == "true")
        )
        return True

    async def _api_createForumTopic(self, params: dict[str, Any]) -> Any:
        topic = (int(params["chat_id"]), next(self._topic_ids), params["name"])
        self.topics.append(topic)
        return {"message_thread_id": topic[1], "name": topic[2], "icon_color": 7322096}

    async def _api_closeForumTopic(self, params: dict[str, Any]) -> Any:
        self.closed_topics.append(int(params["message_thread_id"]))
        return True

    async def _api_copyMessage(self, params: dict[str, Any]) -> Any:
        thread = params.get("message_thread_id")
        self.copies.append((int(params["chat_id"]), int(params["from_chat_id"]), int(params["message_id"]),
                            int(thread) if thread is not None else None))
        await self._notify()
        return {"message_id": next(self._message_ids)}

    async def _api_sendDocument(self, params: dict[str, Any]) -> Any:
        document = params["document"]
        self.documents.append((int(params["chat_id"]), document.filename, document.file.read()))
        message = SentMessage(int(params["chat_id"]), next(self._message_ids), params.get("caption", ""), None)
        self.sent.append(message)
        await self._notify()
        return {**_message_json(message), "document": {"file_id": "f1", "file_unique_id": "u1"}}

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        self.edits.append(params)
        for message in self.sent:
            if message.chat_id == int(params["chat_id"]) and message.message_id == int(params["message_id"]):
                message.text = params["text"]
                message.reply_markup = params.get("reply_markup")
                return _message_json(message)
        return True

    # --- playing the tenant -------------------------------------------------------------

    async def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update (it keeps its update_id if it has one)."""
        update.setdefault("update_id", next(self._update_ids))
        self.updates.append(update)
        await self._notify()
        return update

    async def send_text(self, user: dict[str, Any], text: str) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user["id"], "type": "private", "first_name": user["first_name"]},
            "from": user,
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return await self.push({"message": message})

    async def send_photo(self, user: dict[str, Any], caption: str | None = None) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user["id"], "type": "private", "first_name": user["first_name"]},
            "from": user,
            "photo": [{"file_id": "p1", "file_unique_id": "pu1", "width": 90, "height": 90}],
        }
        if caption is not None:
            message["caption"] = caption
        return await self.push({"message": message})

    async def edit_text(self, user: dict[str, Any], sent: dict[str, Any], text: str) -> dict[str, Any]:
        """The tenant edits a message they sent (`sent` is what `send_text` returned)."""
        message = {**sent["message"], "text": text, "edit_date": int(time.time())}
        return await self.push({"edited_message": message})

    async def send_group_text(
        self, user: dict[str, Any], group_id: int, text: str, thread_id: int | None = None
    ) -> dict[str, Any]:
        """A message in a forum supergroup, in a topic when `thread_id` is given."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": group_id, "type": "supergroup", "title": "Staff", "is_forum": True},
            "from": user,
            "text": text,
        }
        if thread_id is not None:
            message.update(message_thread_id=thread_id, is_topic_message=True)
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return await self.push({"message": message})

    async def press(self, user: dict[str, Any], message: SentMessage, data: str) -> dict[str, Any]:
        return await self.push(
            {
                "callback_query": {
                    "id": str(next(self._update_ids)),
                    "from": user,
                    "chat_instance": str(user["id"]),
                    "data": data,
                    "message": _message_json(message),
                }
            }
        )

    async def wait_for_messages(self, chat_id: int, count: int, timeout: float = 30.0) -> list[SentMessage]:
        """Wait until the bot has sent `count` messages to the chat; return them all."""
        assert self._changed is not None
        deadline = time.monotonic() + timeout
        async with self._changed:
            while len(self.messages_to(chat_id)) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} messages to chat {chat_id}, got: "
                        f"{[m.text for m in self.messages_to(chat_id)]}"
                    )
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except TimeoutError:
                    pass
        return self.messages_to(chat_id)

    def messages_to(self, chat_id: int) -> list[SentMessage]:
        return [m for m in self.sent if m.chat_id == chat_id]


def user(user_id: int, first_name: str = "Test", language_code: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        data["language_code"] = language_code
    return data


def _message_json(message: SentMessage) -> dict[str, Any]:
    chat: dict[str, Any] = (
        {"id": message.chat_id, "type": "private"} if message.chat_id > 0
        else {"id": message.chat_id, "type": "supergroup", "title": "Staff", "is_forum": True}
    )
    data: dict[str, Any] = {
        "message_id": message.message_id,
        "date": int(time.time()),
        "chat": chat,
        "from": BOT_USER,
        "text": message.text,
    }
    if message.thread_id is not None:
        data.update(message_thread_id=message.thread_id, is_topic_message=True)
    if message.reply_markup:
        data["reply_markup"] = message.reply_markup
    return data


async def _parameters(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        raw = await request.json()
    else:
        raw = dict(await request.post())
        raw.update(request.query)
    # python-telegram-bot sends form fields; structured ones are JSON text.
    return {
        key: json.loads(value) if key in JSON_FIELDS and isinstance(value, str) else value
        for key, value in raw.items()
    }


def _error(code: int, description: str, parameters: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=code)
