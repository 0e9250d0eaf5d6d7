"""Who wrote, and what every part of the chat works with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.organisation import OrganisationFacts
from bot.i18n.rendering import Renderer, Reply
from bot.infra.crypto import TextCipher
from bot.infra.rasa_client import RasaClient
from bot.safety.keywords import CrisisKeywords


@dataclass(frozen=True)
class Sender:
    """Who wrote: the chat to answer in, the person, and what their client says about them."""

    chat_id: int
    user_id: int
    client_language: str | None = None
    channel: str = "telegram"


@dataclass(frozen=True)
class ChatContext:
    sessions: sessionmaker[Session]
    renderer: Renderer
    rasa: RasaClient
    crisis_keywords: CrisisKeywords
    cipher: TextCipher
    organisations: Mapping[str, OrganisationFacts]
    clock: Callable[[], dt.datetime]
    # The language a message is written in, when it is clearly one the assistant speaks.
    identify_language: Callable[[str], str | None] = lambda text: None

    def say(self, language: str | None, key: str) -> Reply:
        """One keyed reply, in `language` or the default one."""
        return Reply(self.renderer.text(language, key))
