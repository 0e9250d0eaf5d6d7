"""The assistant as any channel sees it: a tenant's message in, rendered replies out.

Telegram and the terminal chat both go through `ChatService`, so they behave the same.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.services import arrears, consents, handoff
from bot.infra.crypto import TextCipher, cipher_for
from bot.db import repositories
from bot.db.models import StaffCase
from bot.domain.buttons import TALK_TO_PERSON_BUTTON, payload
from bot.domain.plans import parse_kronor
from bot.i18n.languages import LANGUAGES, from_telegram_code, is_supported
from bot.i18n.rendering import Button, Renderer, Reply, UnknownMessageKey
from bot.services.invitations import BindOutcome, redeem
from bot.config.organisations import OrganisationFacts, load_all
from bot.infra.rasa_client import RasaClient, RasaUnavailable
from bot.safety.keywords import CrisisKeywords
from bot.config.settings import Settings

logger = logging.getLogger(__name__)

LANGUAGE_BUTTON_PREFIX = "lang:"
RATING_PREFIX = "rate:"
CRISIS_KEY = "crisis.emergency"
# What the NLU may make of a tenant's few words about their situation; anything else it
# recognises (a crisis, a question) is answered as a message of its own.
REASON_LIKE_INTENTS = frozenset({"explain_reason", "cannot_pay_rent", "nlu_fallback", "out_of_scope", "affirm"})


@dataclass(frozen=True)
class Sender:
    """Who wrote: the chat to answer in, the person, and what their client says about them."""

    chat_id: int
    user_id: int
    client_language: str | None = None
    channel: str = "telegram"


class ChatService:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        renderer: Renderer,
        rasa: RasaClient,
        crisis_keywords: CrisisKeywords,
        cipher: TextCipher,
        organisations: Mapping[str, OrganisationFacts],
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self._clock = clock
        self._cipher = cipher
        self._organisations = organisations
        self._sessions = session_factory
        self._renderer = renderer
        self._rasa = rasa
        self._crisis_keywords = crisis_keywords

    async def aclose(self) -> None:
        await self._rasa.aclose()

    # --- entry points -------------------------------------------------------------------

    async def start(self, sender: Sender, invitation: str | None = None) -> list[Reply]:
        """Answer /start: redeem an onboarding link if there is one; ask for the language if it
        is not known yet, else greet."""
        if invitation:
            return await self._redeem(sender, invitation)
        language = self.language_of(sender)
        if language is None:
            return [self.language_picker()]
        return await self._ask_rasa(sender, language, "/greet")

    async def message(self, sender: Sender, text: str) -> list[Reply]:
        """Answer a text message the tenant typed.

        A message with a clear crisis phrase gets the emergency numbers first, whatever else
        happens (no language chosen yet, Rasa down, another flow active), and staff are asked in.
        """
        expected = self._heard(sender)
        language = self.language_of(sender)
        emergency = self.emergency(sender, text)
        if language is None:
            return [*emergency, self.language_picker()]
        if expected is not None and not emergency:
            answer = await self._expected_answer(sender, expected, text)
            if answer is not None:
                return await self._ask_rasa(sender, language, answer)
        replies = await self._ask_rasa(sender, language, text)
        if emergency:
            replies = [r for r in replies if r.text != emergency[0].text]
        return [*emergency, *replies]

    def emergency(self, sender: Sender, text: str) -> list[Reply]:
        """The emergency numbers, and a priority case for staff, if the text has a clear crisis
        phrase; else nothing."""
        if not self._crisis_keywords.match(text):
            return []
        logger.warning("crisis phrase in a message from chat %s", sender.chat_id)
        self._open_case(sender, "crisis", priority=True)
        return [self._reply(self._renderer.language_or_default(self.language_of(sender)), CRISIS_KEY)]

    async def button(self, sender: Sender, data: str) -> list[Reply]:
        """Answer a button press; `data` is what the button carried."""
        self._heard(sender)
        if data.startswith(LANGUAGE_BUTTON_PREFIX):
            return self.choose_language(sender, data.removeprefix(LANGUAGE_BUTTON_PREFIX))
        language = self.language_of(sender)
        if language is None:
            return [self.language_picker()]
        if data.startswith(consents.BUTTON_PREFIX):
            return [self._consent_button(sender, language, data.removeprefix(consents.BUTTON_PREFIX))]
        if data.startswith(RATING_PREFIX):
            return [self._rating(sender, language, data.removeprefix(RATING_PREFIX))]
        if not data.startswith("/"):
            logger.warning("ignoring a button with unexpected data %r", data[:80])
            return [self._reply(language, "fallback")]
        return await self._ask_rasa(sender, language, data)

    # --- consent and feedback, without Rasa ------------------------------------------------

    def consent_overview(self, sender: Sender) -> Reply:
        """/consent: what the tenant has agreed that we may share, with buttons to change it."""
        language = self._renderer.language_or_default(self.language_of(sender))
        with self._sessions() as session:
            tenant = repositories.find_tenant_by_telegram_user(session, sender.user_id)
            if tenant is None:
                return self._reply(language, "staff.contact_unknown_tenant")
            return self._renderer.reply(language, consents.overview(session, tenant.id))

    def _consent_button(self, sender: Sender, language: str, choice: str) -> Reply:
        action, _, rest = choice.partition(":")
        recipient, _, version = rest.partition(":")
        if recipient not in consents.CONSENT_TEXTS:
            return self._reply(language, "fallback")
        with self._sessions.begin() as session:
            tenant = repositories.find_tenant_by_telegram_user(session, sender.user_id)
            if tenant is None:
                return self._reply(language, "staff.contact_unknown_tenant")
            if action == "ask" or (action == "yes" and version != str(consents.CONSENT_TEXTS[recipient].version)):
                # A yes is only to the text the tenant saw: a button from an older text asks again.
                return self._renderer.reply(language, consents.question(recipient))
            if action == "yes":
                consents.give(session, tenant, recipient, self._renderer, language, self._clock())
                return self._reply(language, "consent.given")
            if action == "withdraw":
                if consents.withdraw(session, tenant.id, recipient, self._clock()):
                    return self._renderer.reply(
                        language, {"key": "consent.withdrawn", "params": {"recipient": consents.recipient_name(recipient)}}
                    )
                return self._reply(language, "consent.none_to_withdraw")
        return self._reply(language, "consent.declined")

    def _rating(self, sender: Sender, language: str, choice: str) -> Reply:
        answer, _, raw_id = choice.partition(":")
        with self._sessions.begin() as session:
            case = session.get(StaffCase, int(raw_id)) if raw_id.isdigit() else None
            if case is not None and case.chat_id == sender.chat_id and case.satisfied is None:
                case.satisfied = answer == "yes"
        return self._reply(language, "handoff.feedback_thanks")

    def _open_case(self, sender: Sender, reason: str, priority: bool = False) -> OrganisationFacts | None:
        """Ask a person in, if this chat's organisation has a staff group; its facts if the case
        is new (None if there is no staff group or a case was open already)."""
        with self._sessions.begin() as session:
            tenant = repositories.find_tenant_by_telegram_user(session, sender.user_id)
            found = handoff.organisation_for(session, tenant, self._organisations)
            if found is None or found[1].staff is None:
                return None
            _case, created = handoff.open_case(session, reason=reason, now=self._clock(), chat_id=sender.chat_id,
                                               tenant=tenant, organisation=found[0], priority=priority)
            return found[1] if created else None

    def _heard(self, sender: Sender) -> str | None:
        """Note that the tenant answered; return (and forget) what their message was expected to be."""
        now = self._clock()
        with self._sessions.begin() as session:
            tenant = repositories.find_tenant_by_telegram_user(session, sender.user_id)
            if tenant is not None:
                tenant.last_heard_at = now
            return repositories.take_expected(session, sender.chat_id, now)

    async def _expected_answer(self, sender: Sender, expected: str, text: str) -> str | None:
        """The payload that stands for the tenant's answer in their own words, or None to treat
        the message as any other (it was not the answer after all, or it signals a crisis).

        What a tenant writes about their situation is stored encrypted here and never sent to
        Rasa, so it is in no conversation log.
        """
        if expected == "plan_amount":
            kronor = parse_kronor(text)
            return payload("request_payment_plan", amount=kronor) if kronor is not None else None
        if expected != "reason_text":
            return None
        try:
            intent = await self._rasa.intent_of(text)
        except RasaUnavailable:
            logger.warning("could not check a reason text for a crisis; the keyword net found none")
            intent = None
        if intent == "deny":
            return "/reason_text_skipped"
        if intent is not None and intent not in REASON_LIKE_INTENTS:
            return None  # a crisis, or a question of its own: answered as any other message
        with self._sessions.begin() as session:
            debt = arrears.current_debt(
                session, arrears.lease_of(repositories.find_tenant_by_telegram_user(session, sender.user_id))
            )
            if debt is None:
                return None
            arrears.record_reason_text(debt.case, text, self._cipher, self._clock())
        return "/reason_text_given"

    async def _redeem(self, sender: Sender, token: str) -> list[Reply]:
        with self._sessions.begin() as session:
            result = redeem(session, token, sender.chat_id, sender.user_id, self._clock())
            params = (
                {"name": result.tenant.first_name, "address": result.lease.address}
                if result.tenant is not None and result.lease is not None
                else {}
            )
        if result.outcome not in (BindOutcome.BOUND, BindOutcome.ALREADY_BOUND):
            logger.info("chat %s: onboarding link refused (%s)", sender.chat_id, result.outcome.value)
        language = self.language_of(sender)
        shown_in = self._renderer.language_or_default(language)
        if result.outcome in (BindOutcome.BOUND, BindOutcome.ALREADY_BOUND):
            welcome = Reply(self._renderer.text(shown_in, "onboarding.welcome", params))
            if language is None:
                return [welcome, self.language_picker()]
            # The walkthrough of the tenancy rules starts (or resumes) right away.
            return [welcome, *await self._ask_rasa(sender, language, "/onboarding_start")]
        refusal = self._renderer.reply(
            shown_in,
            {"key": f"invite.{result.outcome.value}", "buttons": [TALK_TO_PERSON_BUTTON]},
        )
        return [refusal] if language else [refusal, self.language_picker()]

    def choose_language(self, sender: Sender, code: str) -> list[Reply]:
        if not is_supported(code):
            return [self.language_picker()]
        with self._sessions.begin() as session:
            repositories.get_or_create_chat(session, sender.chat_id).language = code
            tenant = repositories.find_tenant_by_telegram_user(session, sender.user_id)
            if tenant is not None:
                tenant.preferred_language = code
        return [self._reply(code, "language.changed"), self.capabilities(code)]

    # --- replies the bot renders without Rasa -------------------------------------------

    def language_picker(self) -> Reply:
        """The language question in every language, with each language named in its own script."""
        question = "\n".join(
            dict.fromkeys(self._renderer.text(code, "language.choose") for code in LANGUAGES)
        )
        buttons = tuple(
            Button(language.native_name, LANGUAGE_BUTTON_PREFIX + code)
            for code, language in LANGUAGES.items()
        )
        return Reply(question, buttons)

    def capabilities(self, language: str) -> Reply:
        return self._renderer.reply(
            language,
            {
                "key": "capabilities",
                "buttons": [
                    TALK_TO_PERSON_BUTTON,
                    {"key": "button.change_language", "payload": "/change_language"},
                ],
            },
        )

    def text(self, sender: Sender, key: str) -> Reply:
        """A single keyed reply in the sender's language (or the default one)."""
        return self._reply(self._renderer.language_or_default(self.language_of(sender)), key)

    def language_of(self, sender: Sender) -> str | None:
        """The chat's chosen language; else the tenant's; else their client's, if supported."""
        with self._sessions.begin() as session:
            chat = repositories.get_or_create_chat(session, sender.chat_id)
            if chat.language is None:
                tenant = repositories.find_tenant_by_telegram_user(session, sender.user_id)
                preferred = tenant.preferred_language if tenant is not None else None
                chat.language = (
                    preferred if is_supported(preferred) else from_telegram_code(sender.client_language)
                )
            return chat.language

    # --- Rasa ---------------------------------------------------------------------------

    async def _ask_rasa(self, sender: Sender, language: str, text: str) -> list[Reply]:
        metadata = {"language": language, "channel": sender.channel}
        try:
            messages = await self._rasa.send(str(sender.chat_id), text, metadata)
        except RasaUnavailable:
            logger.exception("Rasa did not answer chat %s", sender.chat_id)
            return [self._reply(language, "error.assistant_unavailable")]
        keys = [m["custom"].get("key") for m in messages if isinstance(m.get("custom"), Mapping)]
        replies = [self._render_rasa_message(language, message) for message in messages]
        return [reply for reply in replies if reply is not None] + self._follow_up(sender, language, keys)

    def _follow_up(self, sender: Sender, language: str, keys: list[str | None]) -> list[Reply]:
        """After Rasa's answer: a crisis it recognised asks staff in at once; a second message in a
        row that it did not understand asks a person in, and says so."""
        if CRISIS_KEY in keys:
            self._open_case(sender, "crisis", priority=True)
            return []
        with self._sessions.begin() as session:
            chat = repositories.get_or_create_chat(session, sender.chat_id)
            chat.not_understood = chat.not_understood + 1 if "fallback" in keys else 0
            if chat.not_understood < 2:
                return []
            chat.not_understood = 0
        facts = self._open_case(sender, "not_understood")
        if facts is None:
            return []
        return [self._renderer.reply(language, handoff.tenant_reply(facts, self._clock(), True))]

    def _render_rasa_message(self, language: str, message: Mapping[str, Any]) -> Reply | None:
        payload = message.get("custom")
        if language_change_requested(payload):
            return self.language_picker()
        if not isinstance(payload, Mapping) or "key" not in payload:
            # Rasa holds no prose: a plain text answer means a response without a key slipped in.
            logger.error("Rasa answered without a message key: %r", message)
            return self._reply(language, "fallback")
        try:
            return self._renderer.reply(language, payload)
        except (UnknownMessageKey, KeyError, IndexError, ValueError):
            logger.exception("cannot render Rasa's message %r", payload)
            return self._reply(language, "error.generic")

    def _reply(self, language: str, key: str) -> Reply:
        return Reply(self._renderer.text(language, key))


def language_change_requested(payload: object) -> bool:
    return isinstance(payload, Mapping) and payload.get("action") == "choose_language"


def build_chat_service(settings: Settings, session_factory: sessionmaker[Session]) -> ChatService:
    return ChatService(
        session_factory,
        Renderer(settings.project_root / "locales", settings.default_language),
        RasaClient(settings.rasa_url, settings.rasa_timeout_seconds, settings.rasa_token),
        CrisisKeywords.bundled(),
        cipher_for(settings),
        load_all(settings.organisation_dir),
        clock=settings.now,
    )
