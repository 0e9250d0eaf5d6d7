"""What the actions need from outside, built on first use in the action server process."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from bot.db.session import make_engine, make_session_factory
from bot.i18n.rendering import Renderer
from bot.config.settings import PROJECT_ROOT, STOCKHOLM, load_settings


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Dependencies:
    session_factory: sessionmaker[Session]
    organisation_dir: Path
    now: Callable[[], dt.datetime] = utc_now

    def today(self) -> dt.date:
        """Today in Sweden, where rent falls due."""
        return self.now().astimezone(STOCKHOLM).date()

    @functools.cached_property
    def renderer(self) -> Renderer:
        """For recording the exact text a tenant agreed to (consents)."""
        return Renderer(PROJECT_ROOT / "locales", load_settings().default_language)


_override: Dependencies | None = None


@functools.cache
def _from_settings() -> Dependencies:
    settings = load_settings()
    return Dependencies(
        session_factory=make_session_factory(make_engine(settings.database_url)),
        organisation_dir=settings.organisation_dir,
        now=settings.now,
    )


def get() -> Dependencies:
    return _override if _override is not None else _from_settings()


def override(dependencies: Dependencies | None) -> None:
    """Use these dependencies instead of the ones from settings (tests); None to undo."""
    global _override
    _override = dependencies
