"""The staff desk put together: the handlers of the staff group, and what the tenant side and the
bot's jobs call (announcing new cases, relaying a tenant's messages while a case is claimed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from telegram import Bot, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes, MessageHandler, filters

from bot.domain.organisation import OrganisationFacts
from bot.i18n.rendering import Renderer
from bot.infra.rasa_client import RasaClient
from bot.services.staff_cases import StaffCases
from bot.telegram.outreach import OutreachSender
from bot.telegram.staff.access import StaffAccess
from bot.telegram.staff.buttons import CaseButtons
from bot.telegram.staff.commands import StaffCommands
from bot.telegram.staff.topics import CaseTopics

GROUPS = filters.ChatType.SUPERGROUP | filters.ChatType.GROUP


class StaffDesk:
    def __init__(
        self,
        cases: StaffCases,
        organisations: Mapping[str, OrganisationFacts],
        renderer: Renderer,
        rasa: RasaClient,
        outreach: OutreachSender,
        clock: Callable[[], dt.datetime],
    ) -> None:
        access = StaffAccess(organisations, cases)
        self._buttons = CaseButtons(access, cases, renderer, outreach)
        self._topics = CaseTopics(access, cases, renderer, rasa)
        self._commands = StaffCommands(access, cases, clock)

    def install(self, application: Application) -> None:  # type: ignore[type-arg]
        """Before the tenant handlers, so that staff buttons and group messages stop here."""
        application.add_handlers(
            [
                CallbackQueryHandler(self._buttons.press, pattern=r"^case:"),
                CommandHandler("cases", self._commands.list_cases, filters=GROUPS),
                CommandHandler("hardtoreach", self._commands.list_hard_to_reach, filters=GROUPS),
                CommandHandler("atrisk", self._commands.send_at_risk, filters=GROUPS),
                MessageHandler(GROUPS & filters.TEXT & ~filters.COMMAND, self._topics.staff_message),
                MessageHandler(GROUPS, _ignore),
            ],
            group=0,
        )

    async def announce_pending(self, bot: Bot) -> int:
        """Give every case not yet in its staff group a topic with its summary; returns how many."""
        return await self._topics.announce_pending(bot)

    async def relay_from_tenant(self, bot: Bot, chat_id: int, text: str | None, message_id: int | None) -> bool:
        """While the tenant's case is claimed, pass what they send to its topic; True if it did."""
        return await self._topics.relay_from_tenant(bot, chat_id, text, message_id)


async def _ignore(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Leave other things in groups (photos, joins) alone: they are not for the assistant."""
