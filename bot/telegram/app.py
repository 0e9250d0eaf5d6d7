"""The Telegram adapter: python-telegram-bot handlers around `ChatService`."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker
from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram._utils.types import JSONDict  # the type of a raw API answer
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.services.chat import ChatService, Sender
from bot.db import repositories
from bot.i18n.rendering import Reply
from bot.config.settings import Settings
from bot.telegram.limits import TelegramLimits
from bot.telegram.markup import markup_for, send_text
from bot.telegram.outreach import OutreachSender
from bot.telegram.staff import StaffDesk

if TYPE_CHECKING:
    from bot.app import App

logger = logging.getLogger(__name__)

PRIVATE = filters.ChatType.PRIVATE
NEW = filters.UpdateType.MESSAGE
# Edited messages are read for crisis phrases only (`edited_message`).
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]


class TelegramBot:
    """Owns the handlers; each one turns an update into a call on the chat service."""

    def __init__(
        self,
        service: ChatService,
        session_factory: sessionmaker[Session],
        claim_timeout: dt.timedelta,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        desk: StaffDesk | None = None,
    ) -> None:
        self._service = service
        self._sessions = session_factory
        self._claim_timeout = claim_timeout
        self._clock = clock
        self._desk = desk

    def install(self, application: Application) -> None:  # type: ignore[type-arg]
        application.add_handler(TypeHandler(Update, self.claim_update), group=-1)
        if self._desk is not None:
            self._desk.install(application)
        application.add_handlers(
            [
                CommandHandler("start", self.start, filters=PRIVATE),
                CommandHandler("language", self.language, filters=PRIVATE),
                CommandHandler("help", self.help, filters=PRIVATE),
                CommandHandler("consent", self.consent, filters=PRIVATE),
                MessageHandler(PRIVATE & filters.UpdateType.EDITED_MESSAGE, self.edited_message),
                MessageHandler(PRIVATE & NEW & filters.TEXT & ~filters.COMMAND, self.text_message),
                MessageHandler(PRIVATE & NEW & filters.COMMAND, self.unknown_command),
                MessageHandler(PRIVATE & NEW & ~filters.TEXT, self.non_text_message),
                CallbackQueryHandler(self.button),
            ],
            group=0,
        )
        application.add_handler(TypeHandler(Update, self.complete_update), group=1)
        application.add_error_handler(self.on_error)

    # --- exactly once -------------------------------------------------------------------

    async def claim_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stop here if this update was handled already (or is being handled elsewhere)."""
        with self._sessions.begin() as session:
            claimed = repositories.claim_update(
                session, update.update_id, self._clock(), self._claim_timeout
            )
        if not claimed:
            logger.info("skipping update %s: already handled", update.update_id)
            raise ApplicationHandlerStop

    async def complete_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Mark the update handled; bring any case it opened to the staff group."""
        with self._sessions.begin() as session:
            repositories.complete_update(session, update.update_id, self._clock())
        if self._desk is not None:
            try:
                await self._desk.announce_pending(context.bot)
            except Exception:  # the case stays in the database and is announced by the next run
                logger.exception("could not announce new cases to staff")

    # --- handlers -----------------------------------------------------------------------

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Greet a tenant who opens the chat (redeeming their onboarding link, if any)."""
        invitation = context.args[0] if context.args else None
        await self._send(update, await self._service.start(_sender(update), invitation))

    async def language(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Show the language picker."""
        await self._send(update, [self._service.language_picker()])

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Explain how to use the assistant."""
        await self._send(update, [self._service.text(_sender(update), "help")])

    async def consent(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Show what the tenant has agreed that we may share, with buttons to change it."""
        await self._send(update, [self._service.consent_overview(_sender(update))])

    async def text_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Pass what the tenant wrote to the assistant and send its answers; while a person from
        the housing company has the conversation, pass it to them instead (a crisis phrase still
        gets the emergency numbers at once)."""
        assert update.effective_message is not None and update.effective_message.text is not None
        sender, text = _sender(update), update.effective_message.text
        if self._desk is not None and await self._desk.relay_from_tenant(context.bot, sender.chat_id, text, None):
            await self._send(update, self._service.emergency(sender, text))
            return
        await self._send(update, await self._service.message(sender, text))

    async def unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Say which commands exist."""
        await self._send(update, [self._service.text(_sender(update), "command.unknown")])

    async def non_text_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A photo, sticker or voice message goes to the person who has the conversation, if
        anyone has; otherwise the assistant asks for words."""
        assert update.effective_message is not None
        sender = _sender(update)
        # A caption is words too: a crisis phrase in it gets the emergency numbers first.
        await self._send(update, self._service.emergency(sender, update.effective_message.caption or ""))
        if self._desk is not None and await self._desk.relay_from_tenant(
            context.bot, sender.chat_id, None, update.effective_message.message_id
        ):
            return
        await self._send(update, [self._service.text(sender, "input.text_only")])

    async def edited_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A tenant who edits a message is not answered again (that could repeat what the first
        answer did), but a crisis phrase written into it gets the emergency numbers."""
        message = update.effective_message
        assert message is not None
        await self._send(update, self._service.emergency(_sender(update), message.text or message.caption or ""))

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Handle a pressed button: acknowledge it, mark the choice, and answer it."""
        query = update.callback_query
        assert query is not None
        await query.answer()
        message = query.message
        if message is None or not message.is_accessible or message.chat.type != "private":
            return
        label = _button_label(message.reply_markup, query.data)
        if label is not None and message.text:
            # Buttons answered once are removed, so an old choice cannot be sent again.
            try:
                await query.edit_message_text(f"{message.text}\n\n✓ {label}", reply_markup=None)
            except BadRequest as refused:
                if "not modified" not in str(refused).lower():
                    raise
                # A second tap on a choice the first already marked: it was answered once.
                return
        await self._send(update, await self._service.button(_sender(update), query.data or ""))

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the error and tell the tenant, in their language, that something went wrong."""
        logger.error("error while handling an update", exc_info=context.error)
        if (
            isinstance(update, Update) and update.effective_chat and update.effective_user
            and update.effective_chat.type == "private"
        ):
            with contextlib.suppress(Exception):
                await self._send(update, [self._service.text(_sender(update), "error.generic")])

    # --- sending ------------------------------------------------------------------------

    async def _send(self, update: Update, replies: list[Reply]) -> None:
        chat = update.effective_chat
        assert chat is not None
        for reply in replies:
            await send_text(chat.get_bot(), chat.id, reply.text, markup_for(reply))


def _sender(update: Update) -> Sender:
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    return Sender(chat_id=chat.id, user_id=user.id, client_language=user.language_code)


def _button_label(markup: InlineKeyboardMarkup | None, data: str | None) -> str | None:
    if markup is None:
        return None
    for row in markup.inline_keyboard:
        for button in row:
            if button.callback_data == data:
                return button.text
    return None


class TolerantBot(ExtBot):  # type: ignore[type-arg]
    """An ExtBot that survives an update it cannot parse.

    python-telegram-bot parses a getUpdates batch as a whole, so one malformed update would make
    it fetch the same batch for ever and lose every good update in it. Such an update is
    logged and replaced by an empty one with the same id: it is confirmed and skipped, and the
    rest of the batch is handled.
    """

    async def _post(self, endpoint: str, data: JSONDict | None = None, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            result = [self._parseable(entry) for entry in result]
        return result

    def _parseable(self, entry: Any) -> Any:
        try:
            Update.de_json(entry, self)
        except Exception:  # whatever the parser trips on, this update is unusable
            update_id = entry.get("update_id") if isinstance(entry, dict) else None
            logger.error("dropping a malformed update %r: %.300r", update_id, entry, exc_info=True)
            if isinstance(update_id, int):
                return {"update_id": update_id}
            raise
        return entry


def build_application(app: App) -> Application:  # type: ignore[type-arg]
    """The python-telegram-bot application, pointed at the configured Bot API server, with the
    chat service, the staff desk, and the jobs that send the planned early contacts and announce
    cases opened elsewhere (outreach, the action server)."""
    settings = app.settings
    outreach = app.outreach_sender()
    desk = app.staff_desk(outreach)
    claim_timeout = dt.timedelta(seconds=settings.update_claim_timeout_seconds)
    bot = TelegramBot(app.chat_service(), app.sessions, claim_timeout, clock=app.now, desk=desk)
    telegram_bot = TolerantBot(
        settings.telegram_token,
        base_url=settings.telegram_bot_api_url,
        base_file_url=settings.telegram_file_api_url,
        request=HTTPXRequest(connection_pool_size=256),
        get_updates_request=HTTPXRequest(connection_pool_size=1),
        rate_limiter=TelegramLimits(),
    )
    application = Application.builder().bot(telegram_bot).build()
    bot.install(application)
    _schedule_jobs(application, settings, outreach, desk)
    return application


def _schedule_jobs(
    application: Application, settings: Settings, outreach: OutreachSender, desk: StaffDesk  # type: ignore[type-arg]
) -> None:
    """Early contacts every few minutes (unless switched off), new staff cases every half minute."""
    assert application.job_queue is not None
    if settings.outreach_interval_minutes > 0:

        async def run_outreach(context: ContextTypes.DEFAULT_TYPE) -> None:
            planned, sent = await outreach.run(context.bot)
            logger.info("outreach: %s; %s", planned, sent)

        application.job_queue.run_repeating(
            run_outreach, interval=dt.timedelta(minutes=settings.outreach_interval_minutes), first=5,
            name="outreach",
        )

    async def announce_cases(context: ContextTypes.DEFAULT_TYPE) -> None:
        await desk.announce_pending(context.bot)

    application.job_queue.run_repeating(announce_cases, interval=30, first=5, name="staff cases")


@contextlib.asynccontextmanager
async def polling(
    application: Application, timeout_seconds: int = 10  # type: ignore[type-arg]
) -> AsyncIterator[None]:
    """Run the bot by long polling inside an already running event loop."""
    async with application:
        assert application.updater is not None
        await application.updater.start_polling(allowed_updates=ALLOWED_UPDATES, timeout=timeout_seconds)
        await application.start()
        try:
            yield
        finally:
            await application.updater.stop()
            await application.stop()
