"""The schema, and claiming Telegram updates so that each is handled once."""

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import repositories
from bot.db.models import Base, Chat, ProcessedUpdate

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
TIMEOUT = dt.timedelta(minutes=2)


def test_migrations_create_exactly_the_models(session_factory: sessionmaker[Session]) -> None:
    engine = session_factory.kw["bind"]
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert {"organisation", "tenant", "lease", "chat", "processed_update"} <= set(
        inspect(engine).get_table_names()
    )


def claim(factory: sessionmaker[Session], update_id: int, now: dt.datetime) -> bool:
    with factory.begin() as session:
        return repositories.claim_update(session, update_id, now, TIMEOUT)


def test_an_update_is_claimed_once(session_factory: sessionmaker[Session]) -> None:
    assert claim(session_factory, 1, NOW) is True
    assert claim(session_factory, 1, NOW + dt.timedelta(seconds=5)) is False
    assert claim(session_factory, 2, NOW) is True


def test_a_completed_update_is_never_claimed_again(session_factory: sessionmaker[Session]) -> None:
    assert claim(session_factory, 7, NOW)
    with session_factory.begin() as session:
        repositories.complete_update(session, 7, NOW)
    assert claim(session_factory, 7, NOW + dt.timedelta(hours=1)) is False


def test_a_stale_claim_is_taken_over_once(session_factory: sessionmaker[Session]) -> None:
    assert claim(session_factory, 9, NOW)
    later = NOW + TIMEOUT + dt.timedelta(seconds=1)
    assert claim(session_factory, 9, later) is True
    assert claim(session_factory, 9, later) is False
    with session_factory() as session:
        row = session.get(ProcessedUpdate, 9)
        assert row is not None and row.completed_at is None


def test_updates_older_than_a_day_are_forgotten(session_factory: sessionmaker[Session]) -> None:
    """Protects the table from growing for ever, and a new update whose id Telegram reused
    (it numbers afresh after a week without updates) from being skipped as handled."""
    old = NOW - repositories.UPDATE_MEMORY - dt.timedelta(minutes=1)
    assert claim(session_factory, 11, old) and claim(session_factory, 12, old)
    with session_factory.begin() as session:
        repositories.complete_update(session, 11, old)
    assert claim(session_factory, 13, NOW)
    with session_factory.begin() as session:
        repositories.complete_update(session, 13, NOW)
    with session_factory() as session:
        assert sorted(session.scalars(select(ProcessedUpdate.update_id))) == [13]
    assert claim(session_factory, 11, NOW) is True


def test_a_chat_is_created_on_first_contact(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as session:
        repositories.get_or_create_chat(session, 555).language = "en"
    with session_factory.begin() as session:
        assert repositories.get_or_create_chat(session, 555).language == "en"
        assert session.get(Chat, 555) is not None
