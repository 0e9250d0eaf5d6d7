"""What the commands share: one `App` per command, with the database brought up to date, and
the arguments several commands take."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from bot.app import App
from bot.config.settings import ConfigurationError, Settings
from bot.db import repositories
from bot.db.migrate import upgrade
from bot.db.models import Organisation


@contextlib.contextmanager
def prepared(settings: Settings) -> Iterator[App]:
    """The application (its organisation files checked) over an up-to-date database; the engine
    is disposed when the command is done."""
    with App.from_settings(settings) as app:
        upgrade(app.engine)
        yield app


def organisation(session: Session, slug: str) -> Organisation:
    found = repositories.find_organisation(session, slug)
    if found is None:
        raise ConfigurationError(f"organisation {slug!r} is not in the database (import its tenants first)")
    return found


def read_csv(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigurationError(f"cannot read {path}: {error}") from None


def organisation_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--organisation", required=True, help="the organisation's slug, e.g. demo")


def lease_arguments(parser: argparse.ArgumentParser) -> None:
    organisation_argument(parser)
    parser.add_argument("lease_number")
