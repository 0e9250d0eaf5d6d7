"""`tenantbot outreach` against the fake Bot API: 2 000 linked tenants with rent left to pay,
Telegram answering 429 now and then. Nothing is sent in quiet hours; in the morning every
tenant gets one reminder; a run killed half-way and started again sends nothing twice."""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import os
import signal
import sys
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db.migrate import upgrade
from bot.db.models import Lease, Organisation, OutreachMessage, Tenant
from bot.db.session import make_engine, make_session_factory
from bot.services.ledger import import_ledger
from bot.config.settings import PROJECT_ROOT
from tests.fakes.telegram_api import FakeTelegram

TENANTS = 2000
FIRST_CHAT = 900_000
HEADER = "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\n"


def seed(database_url: str) -> sessionmaker[Session]:
    engine = make_engine(database_url)
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        organisation = Organisation(slug="demo", name="Exempelbostäder AB")
        for n in range(TENANTS):
            tenant = Tenant(organisation=organisation, name=f"Hyresgäst {n}", telegram_user_id=FIRST_CHAT + n,
                            preferred_language=("sv", "en", "ar", "so", "fa", "ti", "uk", "fi")[n % 8])
            session.add(Lease(organisation=organisation, tenant=tenant, lease_number=f"S-{n:04d}",
                              address="Storgatan 1", monthly_rent_ore=800_000, move_in_date=dt.date(2025, 1, 1)))
        session.flush()
        rows = "".join(f"S-{n:04d};{1000 + n};2026-11-30;2026-12-02\n" for n in range(TENANTS))
        report = import_ledger(session, organisation, HEADER + rows)
        assert report.cases_opened == TENANTS and not report.errors
    return sessions


async def outreach(telegram: FakeTelegram, database_url: str, now: str, var_dir: Path) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "TELEGRAM_API_BASE_URL": telegram.base_url,
        "TENANTBOT_NOW": now,
        "TENANTBOT_VAR_DIR": str(var_dir),
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "outreach", env=env, cwd=PROJECT_ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )


async def finished(process: asyncio.subprocess.Process, timeout: float = 600) -> str:
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout)
    assert process.returncode == 0, stderr.decode()[-3000:]
    return stdout.decode()


async def test_two_thousand_tenants_get_exactly_one_reminder_despite_429s_and_a_killed_run(
    tmp_path: Path,
) -> None:
    database_url = f"sqlite:///{tmp_path / 'app.db'}"
    sessions = seed(database_url)
    telegram = FakeTelegram(throttle_every=97)
    await telegram.start()
    try:
        # 06:30 in Stockholm, 4 December: quiet hours. Planned, but nothing is sent.
        output = await finished(await outreach(telegram, database_url, "2026-12-04T06:30", tmp_path))
        assert "planned 2000" in output and "sent 0" in output
        assert telegram.sent == []

        # 09:00: kill the run once about half the tenants have their message.
        process = await outreach(telegram, database_url, "2026-12-04T09:00", tmp_path)
        deadline = time.monotonic() + 300
        while len(telegram.sent) < TENANTS // 2:
            assert process.returncode is None, (await process.stderr.read()).decode()[-3000:]  # type: ignore[union-attr]
            assert time.monotonic() < deadline, f"only {len(telegram.sent)} sent"
            await asyncio.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        await process.wait()
        sent_before_restart = len(telegram.sent)
        assert sent_before_restart < TENANTS

        # Started again, it sends the rest.
        await finished(await outreach(telegram, database_url, "2026-12-04T09:05", tmp_path))
    finally:
        await telegram.stop()

    per_chat = collections.Counter(message.chat_id for message in telegram.sent)
    assert max(per_chat.values()) == 1, "a tenant got a message twice"
    assert telegram.throttled > 0
    with sessions() as session:
        statuses = collections.Counter(session.scalars(select(OutreachMessage.status)))
        unconfirmed = set(session.scalars(select(OutreachMessage.chat_id).where(OutreachMessage.status == "sending")))
    # A message in flight when the run was killed is never sent again; staff see it as
    # unconfirmed. Every other tenant has exactly one message.
    missing = {FIRST_CHAT + n for n in range(TENANTS)} - set(per_chat)
    assert missing <= unconfirmed and len(unconfirmed) <= 1
    assert statuses["sent"] + statuses["sending"] == TENANTS
    assert len(per_chat) >= TENANTS - 1
    # Each tenant was written to in their own language.
    assert sum("Hej Hyresgäst" in m.text for m in telegram.sent) >= TENANTS // 8 - 1
    assert sum(m.text.startswith("Hello Hyresgäst") for m in telegram.sent) >= TENANTS // 8 - 1
