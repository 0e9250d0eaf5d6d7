"""The whole path: python-telegram-bot against a fake Bot API, a real Rasa server, a real
action server and a real SQLite file."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.app import App
from bot.db.migrate import upgrade
from bot.db.models import ArrearsCase, Lease, Organisation, Tenant
from bot.db.repositories import find_organisation, latest_snapshot
from bot.db.session import make_engine, make_session_factory
from bot.domain.money import ore_to_decimal_text
from bot.services.demo import seed_demo
from bot.services.ledger import import_ledger
from bot.config.organisations import load_organisation
from bot.infra.processes import rasa_stack
from bot.config.settings import Settings, load_settings
from bot.telegram.app import build_application, polling
from tests.conftest import free_port
from tests.fakes.telegram_api import FakeTelegram

pytestmark = pytest.mark.e2e


def stack_settings(var_dir: Path) -> Settings:
    return load_settings(
        {
            "TENANTBOT_VAR_DIR": str(var_dir),
            "RASA_URL": f"http://127.0.0.1:{free_port()}",
            "ACTION_SERVER_PORT": str(free_port()),
        }
    )


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory, trained_model: Path) -> Iterator[Settings]:
    """Rasa and the action server, running for the whole session over a fresh SQLite file."""
    settings = stack_settings(tmp_path_factory.mktemp("stack"))
    engine = make_engine(settings.database_url)
    upgrade(engine)
    with make_session_factory(engine).begin() as session:
        seed_demo(session, load_organisation(settings.organisation_dir, "demo"))
    engine.dispose()
    with rasa_stack(settings, trained_model):
        yield settings


@pytest.fixture(scope="session")
def sessions(stack: Settings) -> sessionmaker[Session]:
    return make_session_factory(make_engine(stack.database_url))


def add_tenant(sessions: sessionmaker[Session], name: str, telegram_user_id: int) -> None:
    with sessions.begin() as session:
        organisation = find_organisation(session, "demo")
        assert organisation is not None
        session.add(Tenant(organisation=organisation, name=name, telegram_user_id=telegram_user_id))


LEDGER_HEADER = "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\n"


def import_ledger_day(session: Session, organisation: Organisation, rows: str) -> None:
    """Import a ledger day for the leases in `rows` (CSV lines, one snapshot date), listing every
    other open debt again as it stands: a snapshot is the whole ledger, and the tests sharing a
    database must not close each other's cases."""
    named = {line.split(";")[0] for line in rows.splitlines()}
    day = rows.splitlines()[0].split(";")[3]
    others = ""
    for case, lease in session.execute(
        select(ArrearsCase, Lease).join(Lease, ArrearsCase.lease_id == Lease.id)
        .where(Lease.organisation_id == organisation.id, ArrearsCase.closed_on.is_(None))
    ):
        snapshot = latest_snapshot(session, lease.id)
        if lease.lease_number not in named and snapshot is not None and snapshot.amount_overdue_ore > 0:
            amount = ore_to_decimal_text(snapshot.amount_overdue_ore)
            others += f"{lease.lease_number};{amount};{case.oldest_unpaid_due};{day}\n"
    report = import_ledger(session, organisation, LEDGER_HEADER + rows + others)
    assert not report.errors, report.errors


async def eventually(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait for something the bot does after its reply is sent (like recording the update)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def make_bot(settings: Settings, telegram: FakeTelegram, rasa_url: str | None = None):  # type: ignore[no-untyped-def]
    settings = settings.with_overrides(
        telegram_token=telegram.token, telegram_api_base_url=telegram.base_url
    )
    if rasa_url:
        settings = settings.with_overrides(rasa_url=rasa_url)
    return build_application(App.from_settings(settings))


@pytest.fixture
async def bot(stack: Settings, telegram: FakeTelegram) -> AsyncIterator[None]:
    """The real bot, polling the fake Bot API."""
    async with polling(make_bot(stack, telegram), timeout_seconds=1):
        yield
