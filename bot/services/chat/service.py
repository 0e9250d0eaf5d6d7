"""The assistant as any channel sees it: a tenant's message in, rendered replies out.

Telegram and the terminal chat both go through `ChatService`, so they behave the same. It only
routes: typed text (`typed`), a button press by what it carries (`buttons`), and commands
(`commands`); each owns its transactions (`turn` says which, and why there are two around Rasa).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.organisation import OrganisationFacts
from bot.i18n.rendering import Renderer, Reply
from bot.infra.crypto import TextCipher
from bot.infra.rasa_client import RasaClient
from bot.safety.keywords import CrisisKeywords
from bot.services.chat import buttons, commands, typed
from bot.services.chat.context import ChatContext, Sender
from bot.services.chat.replies import language_picker


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
        identify_language: Callable[[str], str | None] = lambda text: None,
    ) -> None:
        self._context = ChatContext(
            session_factory, renderer, rasa, crisis_keywords, cipher, organisations, clock, identify_language)

    async def aclose(self) -> None:
        await self._context.rasa.aclose()

    async def start(self, sender: Sender, invitation: str | None = None) -> list[Reply]:
        """Answer /start: redeem an onboarding link if there is one; ask for the language if it
        is not known yet, else greet."""
        return await commands.start(self._context, sender, invitation)

    async def message(self, sender: Sender, text: str) -> list[Reply]:
        """Answer a text message the tenant typed (a crisis phrase gets the emergency numbers first)."""
        return await typed.answer_text(self._context, sender, text)

    def emergency(self, sender: Sender, text: str) -> list[Reply]:
        """The emergency numbers, and a priority case for staff, if the text has a clear crisis
        phrase; else nothing. For messages that go to a person instead of the assistant."""
        return typed.emergency(self._context, sender, text)

    async def button(self, sender: Sender, data: str) -> list[Reply]:
        """Answer a button press; `data` is what the button carried."""
        return await buttons.press(self._context, sender, data)

    async def command(self, sender: Sender, name: str, argument: str | None = None) -> list[Reply]:
        """Answer a command (`name` without the slash): start, language, help, consent, or any other."""
        return await commands.answer_command(self._context, sender, name, argument)

    def consent_overview(self, sender: Sender) -> Reply:
        """/consent: what the tenant has agreed that we may share, with buttons to change it."""
        return commands.consent_overview(self._context, sender)

    def language_picker(self) -> Reply:
        """/language: the language question in every language."""
        return language_picker(self._context.renderer)

    def text(self, sender: Sender, key: str) -> Reply:
        """A single keyed reply in the sender's language (or the default one)."""
        return commands.keyed_text(self._context, sender, key)
