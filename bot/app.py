"""The composition root: everything the adapters share is built here once, from the settings,
and handed to each of them (the Telegram bot, the terminal chat, the action server, the CLI).

Organisation files, catalogs and the data keys are read when `App.from_settings` runs, never
at import time; `close()` disposes the database engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config.organisations import load_all
from bot.domain.organisation import OrganisationFacts
from bot.config.settings import ConfigurationError, Settings
from bot.db.session import make_engine, make_session_factory
from bot.i18n.rendering import Renderer
from bot.infra.crypto import TextCipher, cipher_for
from bot.infra.language_examples import bundled_identifier
from bot.infra.rasa_client import RasaClient
from bot.safety.keywords import CrisisKeywords
from bot.services.chat import ChatService
from bot.services.outreach_delivery import OutreachDelivery
from bot.services.staff_cases import StaffCases
from bot.telegram.outreach import OutreachSender
from bot.telegram.staff import StaffDesk


@dataclass(frozen=True)
class App:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    renderer: Renderer
    organisations: Mapping[str, OrganisationFacts]
    cipher: TextCipher
    crisis_keywords: CrisisKeywords
    rasa: RasaClient

    @classmethod
    def from_settings(cls, settings: Settings) -> App:
        """Check the organisation files first, so a bad one is reported before anything starts."""
        organisations = load_all(settings.organisation_dir)
        engine = make_engine(settings.database_url)
        return cls(
            settings=settings,
            engine=engine,
            sessions=make_session_factory(engine),
            renderer=Renderer(settings.project_root / "locales", settings.default_language),
            organisations=organisations,
            cipher=cipher_for(settings),
            crisis_keywords=CrisisKeywords.bundled(),
            rasa=RasaClient(settings.rasa_url, settings.rasa_timeout_seconds, settings.rasa_token),
        )

    def now(self) -> dt.datetime:
        return self.settings.now()

    def today(self) -> dt.date:
        return self.settings.today()

    def organisation(self, slug: str) -> OrganisationFacts:
        facts = self.organisations.get(slug)
        if facts is None:
            raise ConfigurationError(
                f"no configuration file for organisation {slug!r} in {self.settings.organisation_dir}")
        return facts

    def chat_service(self) -> ChatService:
        return ChatService(
            self.sessions, self.renderer, self.rasa, self.crisis_keywords, self.cipher, self.organisations,
            clock=self.now, identify_language=lambda text: bundled_identifier().identify(text),
        )

    def outreach_sender(self) -> OutreachSender:
        return OutreachSender(OutreachDelivery(self.sessions, self.renderer, self.organisations, self.now))

    def staff_desk(self, outreach: OutreachSender) -> StaffDesk:
        return StaffDesk(
            StaffCases(self.sessions, self.cipher, self.now),
            self.organisations, self.renderer, self.rasa, outreach, self.now,
        )

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> App:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
