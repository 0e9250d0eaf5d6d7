"""Ledger snapshots: imported once, bad rows reported, cases opened and closed by the snapshots."""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db.models import ArrearsCase, Lease, LedgerSnapshot, Organisation
from bot.services.ledger import import_ledger, parse
from bot.config.settings import PROJECT_ROOT
from bot.services.tenant_import import import_csv

TENANTS = (PROJECT_ROOT / "samples" / "tenants.csv").read_text(encoding="utf-8")
LEDGER = (PROJECT_ROOT / "samples" / "ledger.csv").read_text(encoding="utf-8")
HEADER = "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\n"


def imported(factory: sessionmaker[Session], text: str):  # type: ignore[no-untyped-def]
    with factory.begin() as session:
        organisation = session.scalars(select(Organisation)).one_or_none()
        if organisation is None:
            organisation = Organisation(slug="demo", name="Exempelbostäder AB")
            session.add(organisation)
            session.flush()
            import_csv(session, organisation, TENANTS)
        return import_ledger(session, organisation, text)


def open_cases(factory: sessionmaker[Session]) -> dict[str, dt.date]:
    with factory() as session:
        rows = session.execute(
            select(Lease.lease_number, ArrearsCase.opened_on).join(ArrearsCase, ArrearsCase.lease_id == Lease.id)
            .where(ArrearsCase.closed_on.is_(None))
        )
        return {number: opened for number, opened in rows}


def test_bad_rows_are_reported_by_line() -> None:
    rows, errors = parse(HEADER + "A-1;2400;2026-11-30;2026-12-04\nA-2;lots;2026-11-30;2026-12-04\nA-3;100;;2026-12-04\n")
    assert [r.lease_number for r in rows] == ["A-1"]
    assert errors == [
        "line 3: amount_overdue 'lots' is not an amount in kronor",
        "line 4: oldest_unpaid_due_date is needed when an amount is overdue",
    ]
    assert parse(HEADER + "A-1;1;2026-11-30;2026-12-04\nA-2;1;2026-11-30;2026-12-05\n")[1][-1].startswith(
        "the file mixes snapshot dates"
    )


def test_a_snapshot_opens_cases_once(session_factory: sessionmaker[Session]) -> None:
    first = imported(session_factory, LEDGER)
    assert (first.snapshots_added, first.cases_opened, first.errors) == (3, 2, [])
    again = imported(session_factory, LEDGER)
    assert (again.snapshots_added, again.unchanged, again.cases_opened, again.cases_closed) == (0, 3, 0, 0)
    assert open_cases(session_factory) == {"DEMO-2001": dt.date(2026, 12, 4), "DEMO-2002": dt.date(2026, 12, 4)}


def test_a_later_snapshot_without_the_debt_closes_the_case(session_factory: sessionmaker[Session]) -> None:
    imported(session_factory, LEDGER)
    later = imported(session_factory, HEADER + "DEMO-2001;3 950;2026-11-30;2026-12-11\nDEMO-2002;0;;2026-12-11\n")
    assert (later.cases_opened, later.cases_closed) == (0, 1)
    assert open_cases(session_factory) == {"DEMO-2001": dt.date(2026, 12, 4)}
    # Missing from the next snapshot means paid too.
    last = imported(session_factory, HEADER + "DEMO-2005;10 250;2026-12-30;2026-12-31\n")
    assert (last.cases_opened, last.cases_closed) == (1, 1)
    assert open_cases(session_factory) == {"DEMO-2005": dt.date(2026, 12, 31)}


def test_an_older_snapshot_does_not_reopen_a_closed_case(session_factory: sessionmaker[Session]) -> None:
    imported(session_factory, LEDGER)
    imported(session_factory, HEADER + "DEMO-2001;0;;2026-12-11\n")
    old = imported(session_factory, HEADER + "DEMO-2001;7 950;2026-11-30;2026-12-01\n")
    assert (old.snapshots_added, old.cases_opened) == (1, 0)
    assert open_cases(session_factory) == {}
    with session_factory() as session:
        assert len(session.scalars(select(LedgerSnapshot)).all()) == 5


def test_a_file_with_errors_closes_no_case_by_absence(session_factory: sessionmaker[Session]) -> None:
    imported(session_factory, LEDGER)
    report = imported(session_factory, HEADER + "DEMO-2001;3 950;2026-11-30;2026-12-11\nDEMO-2002;oops;2026-11-30;2026-12-11\n")
    assert report.cases_closed == 0 and len(report.errors) == 2
    assert set(open_cases(session_factory)) == {"DEMO-2001", "DEMO-2002"}
