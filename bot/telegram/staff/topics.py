"""A case's topic in the staff group. Each case is announced once, in a topic of its own, with
its summary and buttons; while it is claimed, the topic is the line between tenant and staff:
what the tenant sends goes to the topic, staff replies in the topic go to the tenant, and the
assistant stays out of it."""

from __future__ import annotations

import logging

from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.i18n.rendering import Renderer
from bot.infra.rasa_client import RasaClient, RasaUnavailable
from bot.services.staff_cases import AuditAction, Refusal, StaffCases, TenantMessage
from bot.telegram.markup import send_text
from bot.telegram.staff.access import StaffAccess
from bot.telegram.staff.buttons import case_buttons
from bot.telegram.staff.tenant import tell_tenant

logger = logging.getLogger(__name__)

CLAIM_FIRST = "Press Claim first: replies are passed on to the tenant only in a claimed case."


class CaseTopics:
    def __init__(self, access: StaffAccess, cases: StaffCases, renderer: Renderer, rasa: RasaClient) -> None:
        self._access = access
        self._cases = cases
        self._renderer = renderer
        self._rasa = rasa

    async def announce_pending(self, bot: Bot) -> int:
        """Give every case not yet in its staff group a topic with its summary; returns how many."""
        announced = 0
        for case_id in self._cases.cases_to_announce():
            announced += await self._announce(bot, case_id)
        return announced

    async def _announce(self, bot: Bot, case_id: int) -> int:
        groups = self._access.staff_groups()
        announcement = self._cases.start_announcement(case_id, list(groups))
        if announcement is None:
            return 0
        group_id = groups[announcement.organisation]
        last = await self._last_messages(announcement.tenant_chat_id)
        title = f"{'PRIORITY · ' if announcement.priority else ''}Case {case_id} · {announcement.tenant_name}"
        try:
            topic = await bot.create_forum_topic(group_id, title)
            summary = self._cases.summary(case_id, last)
            message = await bot.send_message(
                group_id, summary.text, message_thread_id=topic.message_thread_id,
                reply_markup=case_buttons(case_id, summary.plan_waiting),
            )
        except TelegramError:
            logger.exception("could not announce case %s; it is tried again later", case_id)
            self._cases.announcement_failed(case_id)
            return 0
        self._cases.announced(case_id, topic.message_thread_id, message.message_id)
        return 1

    async def _last_messages(self, chat_id: int | None) -> list[str] | None:
        """What the tenant last wrote, from the assistant's log; None if it cannot be read."""
        try:
            return await self._rasa.last_user_messages(str(chat_id)) if chat_id is not None else []
        except RasaUnavailable:
            return None

    async def relay_from_tenant(self, bot: Bot, chat_id: int, text: str | None, message_id: int | None) -> bool:
        """While a case is claimed, what the tenant sends goes to its topic: text with their
        name, anything else (a photo of a fault, a voice message) copied. True if it did."""
        topic = self._cases.claimed_topic(chat_id)
        group_id = self._access.staff_groups().get(topic.organisation) if topic is not None else None
        if topic is None or group_id is None:
            return False
        if text is not None:
            await send_text(bot, group_id, f"{topic.tenant_name}: {text}", message_thread_id=topic.topic_id)
        elif message_id is not None:
            await bot.send_message(group_id, f"{topic.tenant_name} sent:", message_thread_id=topic.topic_id)
            await bot.copy_message(group_id, chat_id, message_id, message_thread_id=topic.topic_id)
        return True

    async def staff_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Pass a staff reply in a case's topic on to the tenant, as from their housing officer."""
        message, chat, user = update.effective_message, update.effective_chat, update.effective_user
        assert message is not None and chat is not None and message.text is not None
        facts, member = self._access.member(chat.id, user.id if user else None)
        if facts is None:
            return  # not a staff group of ours
        if member is None:
            self._access.refuse(update, AuditAction.REFUSED_MESSAGE)
            return
        if not message.is_topic_message or message.message_thread_id is None:
            return
        reply = self._cases.staff_reply(facts, message.message_thread_id, message.text)
        if reply is Refusal.NOT_CLAIMED:
            await message.reply_text(CLAIM_FIRST)
        elif isinstance(reply, TenantMessage):
            await tell_tenant(context.bot, self._renderer, reply)
