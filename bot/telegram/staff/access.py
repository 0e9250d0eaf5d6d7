"""Who may act in a staff group: the accounts on the organisation's staff list, in its own group.
Anyone else is refused, and the refusal is in the audit log."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from telegram import Update

from bot.domain.organisation import OrganisationFacts, StaffMember
from bot.services.staff_cases import AuditAction, StaffCases

logger = logging.getLogger(__name__)

NOT_STAFF = "Only accounts on this organisation's staff list can do that."


class StaffAccess:
    def __init__(self, organisations: Mapping[str, OrganisationFacts], cases: StaffCases) -> None:
        self._organisations = organisations
        self._cases = cases

    def staff_groups(self) -> dict[str, int]:
        """The staff group of each organisation that has one, by organisation."""
        return {slug: facts.staff.group_id for slug, facts in self._organisations.items() if facts.staff is not None}

    def member(self, chat_id: int, user_id: int | None) -> tuple[OrganisationFacts | None, StaffMember | None]:
        """The organisation whose staff group the chat is, and the account's place on its staff list."""
        facts = next((f for f in self._organisations.values() if f.staff and f.staff.group_id == chat_id), None)
        member = facts.staff.member(user_id) if facts is not None and facts.staff is not None else None
        return facts, member

    def refuse(self, update: Update, action: AuditAction) -> None:
        user, chat = update.effective_user, update.effective_chat
        user_id = user.id if user else None
        self._cases.record_refusal(action, user_id, user.full_name if user else None,
                                   f"chat {chat.id if chat else '?'}")
        logger.warning("refused %s by account %s", action.removeprefix("refused_"), user_id)

    async def staff_only(self, update: Update, action: AuditAction) -> OrganisationFacts | None:
        """The organisation, if the command comes from one of its staff in its staff group; else
        refused (and told so, in a staff group)."""
        chat, user = update.effective_chat, update.effective_user
        facts, member = self.member(chat.id if chat else 0, user.id if user else None)
        if facts is None or member is None:
            self.refuse(update, action)
            if facts is not None and update.effective_message is not None:
                await update.effective_message.reply_text(NOT_STAFF)
            return None
        return facts
