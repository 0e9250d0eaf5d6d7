"""The buttons under a case's summary: Claim, Close, Show reason and, while a plan waits for
staff, Confirm plan. A small router: each button is one staff use case, and its answer is
rendered here, as a pop-up for the one who pressed or as a line added to the summary."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from enum import StrEnum

from telegram import Bot, CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.domain.organisation import OrganisationFacts, StaffMember
from bot.i18n.rendering import Renderer
from bot.services.staff_cases import (
    AuditAction,
    CaseChanged,
    CaseUnchanged,
    PlanNotConfirmed,
    Refusal,
    StaffCases,
)
from bot.telegram.outreach import OutreachSender
from bot.telegram.staff.access import NOT_STAFF, StaffAccess
from bot.telegram.staff.tenant import tell_tenant

logger = logging.getLogger(__name__)

ALERT_LIMIT = 200  # characters Telegram shows in a pop-up answer
NO_SUCH_CASE = "No such case here."
REASON_ANSWERS = {
    Refusal.NO_SUCH_CASE: NO_SUCH_CASE,
    Refusal.NOT_PERMITTED: "Only rent administrators can read what the tenant wrote about the reason.",
    Refusal.NO_REASON_WRITTEN: "The tenant has not written anything about the reason.",
}
CONFIRM_ANSWERS = {
    Refusal.NO_SUCH_CASE: NO_SUCH_CASE,
    Refusal.NOT_PERMITTED: "Only rent administrators can confirm an instalment plan.",
    Refusal.NO_PLAN_WAITING: "No instalment plan is waiting in this case.",
}


class CaseAction(StrEnum):
    CLAIM = "claim"
    CLOSE = "close"
    REASON = "reason"
    CONFIRM = "confirm"


def case_buttons(case_id: int, plan_waiting: bool = False) -> InlineKeyboardMarkup:
    rows = [[
        InlineKeyboardButton("Claim", callback_data=f"case:{CaseAction.CLAIM}:{case_id}"),
        InlineKeyboardButton("Close", callback_data=f"case:{CaseAction.CLOSE}:{case_id}"),
        InlineKeyboardButton("Show reason", callback_data=f"case:{CaseAction.REASON}:{case_id}"),
    ]]
    if plan_waiting:
        rows.append([InlineKeyboardButton("Confirm plan", callback_data=f"case:{CaseAction.CONFIRM}:{case_id}")])
    return InlineKeyboardMarkup(rows)


Handler = Callable[[CallbackQuery, Bot, OrganisationFacts, StaffMember, int], Awaitable[None]]


class CaseButtons:
    def __init__(self, access: StaffAccess, cases: StaffCases, renderer: Renderer, outreach: OutreachSender) -> None:
        self._access = access
        self._cases = cases
        self._renderer = renderer
        self._outreach = outreach
        self._handlers: dict[str, Handler] = {
            CaseAction.CLAIM: self._claim,
            CaseAction.CLOSE: self._close,
            CaseAction.REASON: self._show_reason,
            CaseAction.CONFIRM: self._confirm_plan,
        }

    async def press(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Route a case button to its handler, for accounts on the staff list only."""
        query = update.callback_query
        assert query is not None and query.data is not None
        message = query.message
        facts, member = self._access.member(message.chat.id if message else 0, query.from_user.id)
        if facts is None or member is None:
            self._access.refuse(update, AuditAction.REFUSED_BUTTON)
            await query.answer(NOT_STAFF, show_alert=True)
            return
        _, action, raw_id = (query.data.split(":") + ["", ""])[:3]
        handler = self._handlers.get(action)
        if handler is None or not raw_id.isdigit():
            await query.answer(NO_SUCH_CASE, show_alert=True)
            return
        await handler(query, context.bot, facts, member, int(raw_id))

    async def _claim(self, query: CallbackQuery, bot: Bot, facts: OrganisationFacts, member: StaffMember,
                     case_id: int) -> None:
        result = self._cases.claim(facts, case_id, member)
        if not isinstance(result, CaseChanged):
            await query.answer(_not_changed(result), show_alert=True)
            return
        await self._changed(query, bot, result, f"Claimed by {result.by}.",
                            case_buttons(result.case_id, result.plan_waiting))

    async def _close(self, query: CallbackQuery, bot: Bot, facts: OrganisationFacts, member: StaffMember,
                     case_id: int) -> None:
        result = self._cases.close(facts, case_id, member)
        if not isinstance(result, CaseChanged):
            await query.answer(_not_changed(result), show_alert=True)
            return
        await self._changed(query, bot, result, f"Closed by {result.by}.", None)
        message = query.message
        if message is not None and getattr(message, "message_thread_id", None):
            try:
                await bot.close_forum_topic(message.chat.id, message.message_thread_id)  # type: ignore[union-attr]
            except TelegramError:
                logger.warning("could not close the topic of case %s", case_id)

    async def _changed(self, query: CallbackQuery, bot: Bot, change: CaseChanged, state: str,
                       buttons: InlineKeyboardMarkup | None) -> None:
        """The summary says who claimed or closed the case; the tenant is told."""
        await query.answer()
        message = query.message
        if message is not None and getattr(message, "text", None):
            await query.edit_message_text(f"{message.text}\n\n{state}", reply_markup=buttons)  # type: ignore[union-attr]
        if change.tenant is not None:
            await tell_tenant(bot, self._renderer, change.tenant)

    async def _show_reason(self, query: CallbackQuery, bot: Bot, facts: OrganisationFacts, member: StaffMember,
                           case_id: int) -> None:
        result = self._cases.read_reason(facts, case_id, member)
        if isinstance(result, Refusal):
            await query.answer(REASON_ANSWERS[result], show_alert=True)
            return
        await query.answer(result if len(result) <= ALERT_LIMIT else result[: ALERT_LIMIT - 1] + "…", show_alert=True)

    async def _confirm_plan(self, query: CallbackQuery, bot: Bot, facts: OrganisationFacts, member: StaffMember,
                            case_id: int) -> None:
        result = self._cases.confirm_plan(facts, case_id, member)
        if isinstance(result, Refusal):
            await query.answer(CONFIRM_ANSWERS[result], show_alert=True)
        elif isinstance(result, PlanNotConfirmed):
            await query.answer(result.why, show_alert=True)
        else:
            await query.answer(f"Plan {result.plan_id} confirmed; the tenant is sent the schedule.", show_alert=True)
            await self._outreach.send(bot)  # the schedule goes now, not at the next outreach run


def _not_changed(result: CaseUnchanged | Refusal) -> str:
    if isinstance(result, Refusal):
        return NO_SUCH_CASE
    by = f" by {result.claimed_by_name}" if result.claimed_by_name else ""
    return f"Case {result.case_id} is {result.status}{by}."
