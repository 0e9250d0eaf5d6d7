"""The staff side in Telegram: each case is a topic in the organisation's staff supergroup, with
a summary and buttons to claim it, close it and (for rent administrators) read the tenant's
reason. While a case is claimed, the tenant's messages go to the topic and staff replies in the
topic go to the tenant; the assistant stays out of it. Only accounts on the organisation's staff
list may act; everything they do, and every refusal, is in the audit log.

Everything is sent as plain text (no parse mode), so whatever a tenant writes stays inert.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Callable, Mapping

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes, MessageHandler, filters

from bot.services import arrears, handoff
from bot.infra.crypto import TextCipher, cipher_for
from bot.db import repositories
from bot.db.models import AuditEvent, Chat, Organisation, PaymentPlan, StaffCase
from bot.i18n.rendering import Renderer
from bot.config.organisations import REASON_READERS, OrganisationFacts, StaffMember, load_all
from bot.services.outreach import hard_to_reach
from bot.infra.rasa_client import RasaClient, RasaUnavailable
from bot.services.reports import at_risk, at_risk_csv, open_cases
from bot.config.settings import Settings
from bot.telegram.markup import markup_for
from bot.telegram.outreach import Outreach

logger = logging.getLogger(__name__)

GROUPS = filters.ChatType.SUPERGROUP | filters.ChatType.GROUP
NOT_STAFF = "Only accounts on this organisation's staff list can do that."
ALERT_LIMIT = 200  # characters Telegram shows in a pop-up answer


class StaffDesk:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        organisations: Mapping[str, OrganisationFacts],
        renderer: Renderer,
        rasa: RasaClient,
        cipher: TextCipher,
        clock: Callable[[], dt.datetime],
        outreach: Outreach,
    ) -> None:
        self._outreach = outreach
        self._sessions = session_factory
        self._organisations = organisations
        self._renderer = renderer
        self._rasa = rasa
        self._cipher = cipher
        self._clock = clock

    def install(self, application: Application) -> None:  # type: ignore[type-arg]
        """Before the tenant handlers, so that staff buttons and group messages stop here."""
        application.add_handlers(
            [
                CallbackQueryHandler(self.case_button, pattern=r"^case:"),
                CommandHandler("cases", self.list_cases, filters=GROUPS),
                CommandHandler("hardtoreach", self.list_hard_to_reach, filters=GROUPS),
                CommandHandler("atrisk", self.send_at_risk, filters=GROUPS),
                MessageHandler(GROUPS & filters.TEXT & ~filters.COMMAND, self.staff_message),
                MessageHandler(GROUPS, self.ignore),
            ],
            group=0,
        )

    # --- who may act --------------------------------------------------------------------

    def _staff_group(self, chat_id: int) -> OrganisationFacts | None:
        return next((f for f in self._organisations.values() if f.staff and f.staff.group_id == chat_id), None)

    def _member(self, chat_id: int, user_id: int | None) -> tuple[OrganisationFacts | None, StaffMember | None]:
        facts = self._staff_group(chat_id)
        member = facts.staff.member(user_id) if facts is not None and facts.staff is not None else None
        return facts, member

    def _audit(self, session: Session, action: str, user_id: int | None, name: str | None,
               case_id: int | None = None, detail: str | None = None) -> None:
        session.add(AuditEvent(at=self._clock(), actor_telegram_id=user_id, actor_name=name, action=action,
                               case_id=case_id, detail=detail))

    async def _refuse(self, update: Update, action: str) -> None:
        user = update.effective_user
        with self._sessions.begin() as session:
            self._audit(session, f"refused_{action}", user.id if user else None, user.full_name if user else None,
                        detail=f"chat {update.effective_chat.id if update.effective_chat else '?'}")
        logger.warning("refused %s by account %s", action, user.id if user else None)

    # --- announcing cases ---------------------------------------------------------------

    async def announce_pending(self, bot: Bot) -> int:
        """Give every case not yet in its staff group a topic with its summary; returns how many."""
        with self._sessions() as session:
            pending = list(session.scalars(
                select(StaffCase.id).where(StaffCase.announced_at.is_(None), StaffCase.status.in_(handoff.ACTIVE))
                .order_by(StaffCase.priority.desc(), StaffCase.id)
            ))
        announced = 0
        for case_id in pending:
            announced += await self._announce(bot, case_id)
        return announced

    async def _announce(self, bot: Bot, case_id: int) -> int:
        with self._sessions.begin() as session:
            case = session.get(StaffCase, case_id)
            facts = self._facts_of(case.organisation if case else None)
            if case is None or facts is None or facts.staff is None:
                return 0  # no staff group: the case stays on `tenantbot cases`
            claimed = session.execute(
                update(StaffCase).where(StaffCase.id == case_id, StaffCase.announced_at.is_(None))
                .values(announced_at=self._clock())
            ).rowcount
            name = case.tenant.first_name if case.tenant else "unknown"
            chat_id, priority = case.chat_id, case.priority
        if not claimed:
            return 0
        try:
            last = await self._rasa.last_user_messages(str(chat_id)) if chat_id is not None else []
        except RasaUnavailable:
            last = None
        try:
            topic = await bot.create_forum_topic(facts.staff.group_id, f"{'PRIORITY · ' if priority else ''}Case {case_id} · {name}")
            with self._sessions() as session:
                case = session.get(StaffCase, case_id)
                assert case is not None
                text = handoff.summary(session, case, last)
                plan_waiting = _waiting_plan(session, case) is not None
            message = await bot.send_message(
                facts.staff.group_id, text, message_thread_id=topic.message_thread_id,
                reply_markup=_case_buttons(case_id, plan_waiting),
            )
        except TelegramError:
            logger.exception("could not announce case %s; it is tried again later", case_id)
            with self._sessions.begin() as session:
                session.execute(update(StaffCase).where(StaffCase.id == case_id).values(announced_at=None))
            return 0
        with self._sessions.begin() as session:
            session.execute(update(StaffCase).where(StaffCase.id == case_id).values(
                topic_id=topic.message_thread_id, summary_message_id=message.message_id))
        return 1

    def _facts_of(self, organisation: Organisation | None) -> OrganisationFacts | None:
        return self._organisations.get(organisation.slug) if organisation is not None else None

    # --- the tenant's side ---------------------------------------------------------------

    async def relay_from_tenant(self, bot: Bot, chat_id: int, text: str | None, message_id: int | None) -> bool:
        """While a case is claimed, what the tenant sends goes to its topic: text with their
        name, anything else (a photo of a fault, a voice message) copied. True if it did."""
        with self._sessions() as session:
            case = handoff.active_case(session, chat_id)
            if case is None or case.status != "claimed" or case.topic_id is None:
                return False
            facts = self._facts_of(case.organisation)
            name = case.tenant.first_name if case.tenant else "Tenant"
            topic_id = case.topic_id
        if facts is None or facts.staff is None:
            return False
        if text is not None:
            await bot.send_message(facts.staff.group_id, f"{name}: {text}", message_thread_id=topic_id)
        elif message_id is not None:
            await bot.send_message(facts.staff.group_id, f"{name} sent:", message_thread_id=topic_id)
            await bot.copy_message(facts.staff.group_id, chat_id, message_id, message_thread_id=topic_id)
        return True

    async def _tell_tenant(self, bot: Bot, case_id: int, *payloads: dict) -> None:  # type: ignore[type-arg]
        """Say something to the case's tenant, in their language."""
        with self._sessions() as session:
            case = session.get(StaffCase, case_id)
            if case is None or case.chat_id is None:
                return
            chat = session.get(Chat, case.chat_id)
            language = (chat.language if chat else None) or (case.tenant.preferred_language if case.tenant else None)
            chat_id = case.chat_id
        for payload in payloads:
            reply = self._renderer.reply(language, payload)
            await bot.send_message(chat_id, reply.text, reply_markup=markup_for(reply))

    # --- staff buttons and messages ------------------------------------------------------

    async def case_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Claim, Close, Show reason and Confirm plan, for accounts on the staff list only."""
        query = update.callback_query
        assert query is not None and query.data is not None
        message = query.message
        facts, member = self._member(message.chat.id if message else 0, query.from_user.id)
        if facts is None or member is None:
            await self._refuse(update, "button")
            await query.answer(NOT_STAFF, show_alert=True)
            return
        _, action, raw_id = (query.data.split(":") + ["", ""])[:3]
        with self._sessions.begin() as session:
            case = session.get(StaffCase, int(raw_id)) if raw_id.isdigit() else None
            if case is None or self._facts_of(case.organisation) is not facts:
                answer: str | None = "No such case here."
            elif action == "reason":
                answer = self._reason_for(session, case, member)
            elif action == "confirm":
                answer = self._confirm_plan(session, case, member)
            elif action == "claim" and case.status == "open":
                handoff.claim(case, member, self._clock())
                follow: list[dict] = [{"key": "handoff.claimed", "params": {"organisation": facts.name}}]  # type: ignore[type-arg]
                answer, state = None, f"Claimed by {member.name}."
            elif action == "close" and case.status in handoff.ACTIVE:
                handoff.close(case, self._clock())
                follow = [{"key": "handoff.closed"}, {"key": "handoff.satisfaction", "buttons": [
                    {"key": "button.satisfied", "payload": f"rate:yes:{case.id}"},
                    {"key": "button.not_satisfied", "payload": f"rate:no:{case.id}"},
                ]}]
                answer, state = None, f"Closed by {member.name}."
            else:
                answer = f"Case {case.id} is {case.status}{' by ' + case.claimed_by_name if case.claimed_by_name else ''}."
            if answer is None:
                self._audit(session, action, member.telegram_user_id, member.name, case.id)  # type: ignore[union-attr]
                still_open = case.status != "closed"  # type: ignore[union-attr]
                buttons = _case_buttons(case.id, _waiting_plan(session, case) is not None) if still_open else None  # type: ignore[union-attr, arg-type]
        if answer is not None:
            await query.answer(answer, show_alert=True)
            if action == "confirm":
                await self._outreach.send(context.bot)  # the agreed schedule goes to the tenant
            return
        await query.answer()
        if message is not None and getattr(message, "text", None):
            await query.edit_message_text(f"{message.text}\n\n{state}", reply_markup=buttons)
        await self._tell_tenant(context.bot, int(raw_id), *follow)
        if action == "close" and message is not None and getattr(message, "message_thread_id", None):
            try:
                await context.bot.close_forum_topic(message.chat.id, message.message_thread_id)
            except TelegramError:
                logger.warning("could not close the topic of case %s", raw_id)

    def _reason_for(self, session: Session, case: StaffCase, member: StaffMember) -> str:
        """The tenant's own words about why the rent is late: rent administrators only, audited."""
        if member.role not in REASON_READERS:
            self._audit(session, "refused_view_reason", member.telegram_user_id, member.name, case.id, member.role)
            return "Only rent administrators can read what the tenant wrote about the reason."
        debt = arrears.current_debt(session, arrears.lease_of(case.tenant))
        if debt is None or debt.case.reason_text_encrypted is None:
            return "The tenant has not written anything about the reason."
        self._audit(session, "view_reason", member.telegram_user_id, member.name, case.id)
        text = self._cipher.decrypt(debt.case.reason_text_encrypted)
        return text if len(text) <= ALERT_LIMIT else text[: ALERT_LIMIT - 1] + "…"

    def _confirm_plan(self, session: Session, case: StaffCase, member: StaffMember) -> str:
        """A rent administrator agrees the plan waiting in the case; the tenant gets the schedule."""
        if member.role not in REASON_READERS:
            self._audit(session, "refused_confirm_plan", member.telegram_user_id, member.name, case.id, member.role)
            return "Only rent administrators can confirm an instalment plan."
        plan = _waiting_plan(session, case)
        if plan is None:
            return "No instalment plan is waiting in this case."
        try:
            arrears.confirm_plan(session, plan, self._clock())
        except ValueError as error:
            return str(error)
        self._audit(session, "confirm_plan", member.telegram_user_id, member.name, case.id, f"plan {plan.id}")
        return f"Plan {plan.id} confirmed; the tenant is sent the schedule."

    async def staff_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A staff reply in a case's topic goes to the tenant, as from their housing officer."""
        message, chat, user = update.effective_message, update.effective_chat, update.effective_user
        assert message is not None and chat is not None and message.text is not None
        facts, member = self._member(chat.id, user.id if user else None)
        if facts is None:
            return  # not a staff group of ours
        if member is None:
            await self._refuse(update, "message")
            return
        if not message.is_topic_message or message.message_thread_id is None:
            return
        with self._sessions() as session:
            case = session.scalars(select(StaffCase).where(
                StaffCase.topic_id == message.message_thread_id, StaffCase.status.in_(handoff.ACTIVE))).first()
            if case is None or self._facts_of(case.organisation) is not facts:
                return
            case_id, claimed = case.id, case.status == "claimed"
        if not claimed:
            await message.reply_text("Press Claim first: replies are passed on to the tenant only in a claimed case.")
            return
        await self._tell_tenant(context.bot, case_id, {"key": "handoff.from_staff", "params": {"text": message.text}})

    async def ignore(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Other things in groups (photos, joins) are not for the assistant."""

    # --- staff commands ------------------------------------------------------------------

    async def _staff_only(self, update: Update, command: str) -> OrganisationFacts | None:
        chat, user = update.effective_chat, update.effective_user
        facts, member = self._member(chat.id if chat else 0, user.id if user else None)
        if facts is None or member is None:
            await self._refuse(update, command)
            if facts is not None and update.effective_message is not None:
                await update.effective_message.reply_text(NOT_STAFF)
            return None
        return facts

    async def list_cases(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        facts = await self._staff_only(update, "cases")
        if facts is None or update.effective_message is None:
            return
        with self._sessions() as session:
            organisation = repositories.find_organisation(session, facts.slug)
            lines = open_cases(session, organisation.id if organisation else -1)
        await update.effective_message.reply_text("\n".join(lines) or "No open cases.")

    async def list_hard_to_reach(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        facts = await self._staff_only(update, "hardtoreach")
        if facts is None or update.effective_message is None:
            return
        with self._sessions() as session:
            rows = [r for r in hard_to_reach(session, self._organisations) if r.organisation == facts.slug]
        text = "\n".join(f"{r.lease_number} {r.tenant}: {r.amount_ore / 100:.2f} kr on {r.snapshot_date}, {r.why}"
                         for r in rows)
        await update.effective_message.reply_text(text or "Nobody is hard to reach.")

    async def send_at_risk(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        facts = await self._staff_only(update, "atrisk")
        if facts is None or update.effective_message is None:
            return
        with self._sessions() as session:
            organisation = repositories.find_organisation(session, facts.slug)
            if organisation is None:
                return
            report = at_risk(session, organisation)
        data = io.BytesIO(at_risk_csv(report).encode("utf-8-sig"))
        await update.effective_message.reply_document(
            data, filename=f"at-risk-{facts.slug}-{self._clock().date()}.csv",
            caption=f"{len(report.shared)} tenant(s) with consent to share; {report.others} more counted only.",
        )


def _case_buttons(case_id: int, plan_waiting: bool = False) -> InlineKeyboardMarkup:
    rows = [[
        InlineKeyboardButton("Claim", callback_data=f"case:claim:{case_id}"),
        InlineKeyboardButton("Close", callback_data=f"case:close:{case_id}"),
        InlineKeyboardButton("Show reason", callback_data=f"case:reason:{case_id}"),
    ]]
    if plan_waiting:
        rows.append([InlineKeyboardButton("Confirm plan", callback_data=f"case:confirm:{case_id}")])
    return InlineKeyboardMarkup(rows)


def _waiting_plan(session: Session, case: StaffCase) -> PaymentPlan | None:
    debt = arrears.current_debt(session, arrears.lease_of(case.tenant))
    plan = arrears.open_plan(session, debt.case) if debt is not None else None
    return plan if plan is not None and plan.status in arrears.WAITING_FOR_STAFF and plan.instalments else None


def staff_desk_for(settings: Settings, session_factory: sessionmaker[Session], outreach: Outreach) -> StaffDesk:
    return StaffDesk(
        session_factory,
        load_all(settings.organisation_dir),
        Renderer(settings.project_root / "locales", settings.default_language),
        RasaClient(settings.rasa_url, settings.rasa_timeout_seconds, settings.rasa_token),
        cipher_for(settings),
        settings.now,
        outreach,
    )
