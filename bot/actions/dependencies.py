"""What the actions need from outside, built on first use in the action server process."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.db.session import make_engine, make_session_factory
from bot.settings import load_settings


def stockholm_today() -> dt.date:
    return dt.datetime.now(STOCKHOLM).date()


@dataclass(frozen=True)
class Dependencies:
    session_factory: sessionmaker[Session]
    organisation_dir: Path
    today: Callable[[], dt.date] = stockholm_today


STOCKHOLM = ZoneInfo("Europe/Stockholm")
_override: Dependencies | None = None


@functools.cache
def _from_settings() -> Dependencies:
    settings = load_settings()
    frozen = settings.frozen_date
    return Dependencies(
        session_factory=make_session_factory(make_engine(settings.database_url)),
        organisation_dir=settings.organisation_dir,
        today=(lambda: frozen) if frozen is not None else stockholm_today,
    )


def get() -> Dependencies:
    return _override if _override is not None else _from_settings()


def override(dependencies: Dependencies | None) -> None:
    """Use these dependencies instead of the ones from settings (tests); None to undo."""
    global _override
    _override = dependencies
