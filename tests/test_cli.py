"""Staff tooling round trip: import tenants, make an invitation with its QR code, and the link
works exactly once."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import segno
from sqlalchemy import select

from bot.cli import main
from bot.db.models import Lease
from bot.db.session import make_engine, make_session_factory
from bot.services.invitations import BindOutcome, redeem
from bot.config.settings import PROJECT_ROOT

SAMPLE = PROJECT_ROOT / "samples" / "tenants.csv"


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TENANTBOT_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "@hyresgast_bot")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return tmp_path


def test_import_invite_and_redeem_once(environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-tenants", "--organisation", "demo", str(SAMPLE)]) == 0
    assert "created 5, updated 0, unchanged 0, rejected 0" in capsys.readouterr().out
    assert main(["import-tenants", "--organisation", "demo", str(SAMPLE)]) == 0
    assert "created 0, updated 0, unchanged 5, rejected 0" in capsys.readouterr().out

    qr_dir = environment / "letters"
    assert main(["invite", "--organisation", "demo", "--out-dir", str(qr_dir), "DEMO-2003"]) == 0
    link, qr_line = capsys.readouterr().out.strip().splitlines()
    assert link.startswith("https://t.me/hyresgast_bot?start=")
    token = link.split("start=")[1]
    qr_file = qr_dir / "invite-demo-DEMO-2003.png"
    assert qr_line == f"QR code: {qr_file}"
    # The PNG is exactly the QR code of the printed link.
    expected = io.BytesIO()
    segno.make(link, error="m").save(expected, kind="png", scale=8, border=4)
    assert qr_file.read_bytes() == expected.getvalue()

    sessions = make_session_factory(make_engine(f"sqlite:///{environment / 'app.db'}"))
    now = dt.datetime.now(dt.UTC)
    with sessions.begin() as session:
        result = redeem(session, token, 777, 777, now)
        assert result.outcome is BindOutcome.BOUND and result.tenant is not None
        assert result.tenant.name == "Olena Kovalenko"
    with sessions.begin() as session:
        assert redeem(session, token, 888, 888, now).outcome is BindOutcome.USED


def test_revoking_makes_the_link_useless(environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["import-tenants", "--organisation", "demo", str(SAMPLE)])
    main(["invite", "--organisation", "demo", "--out-dir", str(environment), "DEMO-2001"])
    token = capsys.readouterr().out.split("start=")[1].split()[0]
    assert main(["revoke-invite", "--organisation", "demo", "DEMO-2001"]) == 0
    assert "revoked 1 open invitation(s) for DEMO-2001" in capsys.readouterr().out
    sessions = make_session_factory(make_engine(f"sqlite:///{environment / 'app.db'}"))
    with sessions.begin() as session:
        assert redeem(session, token, 5, 5, dt.datetime.now(dt.UTC)).outcome is BindOutcome.REVOKED


def test_bad_rows_and_unknown_leases_are_reported(environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = environment / "bad.csv"
    bad.write_text(SAMPLE.read_text(encoding="utf-8") + "DEMO-2006;Ny Hyresgäst;Gatan 9;gratis;2027-01-01;sv\n",
                   encoding="utf-8")
    assert main(["import-tenants", "--organisation", "demo", str(bad)]) == 1
    output = capsys.readouterr()
    assert f"{bad}: line 7: monthly_rent 'gratis' is not an amount in kronor" in output.err
    assert "created 5, updated 0, unchanged 0, rejected 1" in output.out
    assert main(["invite", "--organisation", "demo", "NO-SUCH-LEASE"]) == 1
    assert "no lease 'NO-SUCH-LEASE' in organisation 'demo'" in capsys.readouterr().err
    sessions = make_session_factory(make_engine(f"sqlite:///{environment / 'app.db'}"))
    with sessions() as session:
        assert len(session.scalars(select(Lease)).all()) == 5


def test_a_ledger_snapshot_is_imported_from_the_command_line(environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-tenants", "--organisation", "demo", str(SAMPLE)]) == 0
    ledger = PROJECT_ROOT / "samples" / "ledger.csv"
    assert main(["import-ledger", "--organisation", "demo", str(ledger)]) == 0
    assert "snapshots added 3, unchanged 0, cases opened 2, cases closed 0, plans missed 0, rejected 0" in capsys.readouterr().out
    assert main(["import-ledger", "--organisation", "demo", str(ledger)]) == 0
    assert "snapshots added 0, unchanged 3, cases opened 0, cases closed 0, plans missed 0, rejected 0" in capsys.readouterr().out


def test_staff_see_who_is_hard_to_reach_and_what_to_follow_up(
    environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["seed-demo"]) == 0
    assert main(["import-tenants", "--organisation", "demo", str(SAMPLE)]) == 0
    assert main(["import-ledger", "--organisation", "demo", str(PROJECT_ROOT / "samples" / "ledger.csv")]) == 0
    capsys.readouterr()
    assert main(["hard-to-reach"]) == 0
    out = capsys.readouterr().out.splitlines()
    # The sample tenants have not linked a chat yet; the demo tenant has, and was paid up by the
    # snapshot (it does not list the demo lease).
    assert [line.split("\t")[1] for line in out[:-1]] == ["DEMO-2001", "DEMO-2002"]
    assert out[0].endswith("7\xa0950\xa0kr on 2026-12-04\tno linked chat")
    assert out[-1] == "2 tenant(s) hard to reach"
    assert main(["follow-up"]) == 0
    assert capsys.readouterr().out == "0 thing(s) to follow up\n"
    assert main(["follow-up", "--confirm-plan", "7"]) == 1
    assert "no instalment plan 7" in capsys.readouterr().err
    assert main(["follow-up", "--passed-on", "3"]) == 1
    assert "no referral 3 waiting to be passed on" in capsys.readouterr().err


def test_outreach_needs_a_telegram_token(environment: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["outreach"]) == 1
    assert "set TELEGRAM_BOT_TOKEN" in capsys.readouterr().err


def test_a_tenant_gets_their_data_and_can_have_it_erased(environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["seed-demo"]) == 0
    capsys.readouterr()
    assert main(["tenant-data", "--organisation", "demo", "DEMO-1001"]) == 0
    assert '"name": "Amina Hassan"' in capsys.readouterr().out
    assert main(["erase-tenant", "--organisation", "demo", "DEMO-1001"]) == 1
    assert "add --yes to erase" in capsys.readouterr().err
    assert main(["erase-tenant", "--organisation", "demo", "DEMO-1001", "--yes"]) == 0
    assert capsys.readouterr().out.startswith("erased the tenant of DEMO-1001: name and chat link, 0 reason(s), 0 conversation event(s)")
    assert main(["tenant-data", "--organisation", "demo", "DEMO-1001"]) == 0
    out = capsys.readouterr().out
    assert '"name": "(erased)"' in out and "Amina" not in out
