"""Import ledger snapshots (what each lease owes on a day) and keep arrears cases in step.

Columns (header row; comma or semicolon separated, UTF-8):
  lease_number, amount_overdue, oldest_unpaid_due_date, snapshot_date
`amount_overdue` is in kronor ("2 400", "2400,50"; 0 means paid); the dates are YYYY-MM-DD;
`oldest_unpaid_due_date` may be empty when nothing is owed.

A snapshot is the whole ledger on its day: a lease with an open case that is missing from a later
snapshot, or listed with 0, has paid, and its case is closed. Importing the same file again
changes nothing; bad rows are reported with their line numbers and the good rows are imported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.services import arrears
from bot.infra import csv_files
from bot.db.models import ArrearsCase, Lease, LedgerSnapshot, Organisation
from bot.db.repositories import latest_snapshot, open_arrears_case

COLUMNS = ("lease_number", "amount_overdue", "oldest_unpaid_due_date", "snapshot_date")
REQUIRED = ("lease_number", "amount_overdue", "snapshot_date")


@dataclass(frozen=True)
class LedgerRow:
    line: int
    lease_number: str
    amount_overdue_ore: int
    oldest_unpaid_due: dt.date | None
    snapshot_date: dt.date


@dataclass
class LedgerReport:
    snapshots_added: int = 0
    unchanged: int = 0
    cases_opened: int = 0
    cases_closed: int = 0
    plans_missed: int = 0
    errors: list[str] = field(default_factory=list)


def _parse_row(line: int, values: dict[str, str]) -> LedgerRow:
    amount = csv_files.kronor(values["amount_overdue"], "amount_overdue", allow_zero=True)
    oldest = values.get("oldest_unpaid_due_date") or ""
    oldest_due = csv_files.date(oldest, "oldest_unpaid_due_date") if oldest else None
    if amount > 0 and oldest_due is None:
        raise ValueError("oldest_unpaid_due_date is needed when an amount is overdue")
    return LedgerRow(
        line,
        csv_files.lease_number(values["lease_number"]),
        amount,
        oldest_due if amount > 0 else None,
        csv_files.date(values["snapshot_date"], "snapshot_date"),
    )


def parse(text: str) -> tuple[list[LedgerRow], list[str]]:
    rows, errors = csv_files.read_rows(text, REQUIRED, _parse_row)
    dates = {row.snapshot_date for row in rows}
    if len(dates) > 1:
        return [], errors + [f"the file mixes snapshot dates ({', '.join(sorted(map(str, dates)))}); import one day at a time"]
    return rows, errors


def import_ledger(session: Session, organisation: Organisation, text: str) -> LedgerReport:
    rows, errors = parse(text)
    report = LedgerReport(errors=errors)
    if not rows:
        return report
    day = rows[0].snapshot_date
    leases = {
        lease.lease_number: lease
        for lease in session.scalars(select(Lease).where(Lease.organisation_id == organisation.id))
    }
    seen: set[int] = set()
    for row in rows:
        lease = leases.get(row.lease_number)
        if lease is None:
            report.errors.append(f"line {row.line}: no lease {row.lease_number!r} (import the tenants first)")
            continue
        seen.add(lease.id)
        existing = session.scalar(
            select(LedgerSnapshot).where(LedgerSnapshot.lease_id == lease.id, LedgerSnapshot.snapshot_date == day)
        )
        if existing is not None and (existing.amount_overdue_ore, existing.oldest_unpaid_due) == (
            row.amount_overdue_ore, row.oldest_unpaid_due
        ):
            report.unchanged += 1
            continue
        if existing is None:
            session.add(LedgerSnapshot(lease_id=lease.id, snapshot_date=day, amount_overdue_ore=row.amount_overdue_ore,
                                       oldest_unpaid_due=row.oldest_unpaid_due))
        else:
            existing.amount_overdue_ore, existing.oldest_unpaid_due = row.amount_overdue_ore, row.oldest_unpaid_due
        report.snapshots_added += 1
        session.flush()
        _follow_up(session, lease.id, day, row.amount_overdue_ore, row.oldest_unpaid_due, report)
    # Leases left out of this day's snapshot owe nothing any more; but a file with bad rows
    # may have left a debt out by mistake, so then no case is closed for being absent.
    if report.errors:
        report.errors.append("no case was closed for a lease missing from the file, as the file has errors")
    else:
        for lease in leases.values():
            if lease.id not in seen:
                _follow_up(session, lease.id, day, 0, None, report)
    session.flush()
    return report


def _follow_up(
    session: Session, lease_id: int, day: dt.date, owed_ore: int, oldest_due: dt.date | None, report: LedgerReport
) -> None:
    """Open or close the lease's case, unless a newer snapshot has already spoken."""
    newest = session.scalar(select(func.max(LedgerSnapshot.snapshot_date)).where(LedgerSnapshot.lease_id == lease_id))
    if newest is not None and newest > day:
        return
    case = open_arrears_case(session, lease_id)
    if owed_ore > 0 and case is None:
        session.add(ArrearsCase(lease_id=lease_id, opened_on=day, oldest_unpaid_due=oldest_due))
        report.cases_opened += 1
    elif owed_ore > 0 and case is not None:
        snapshot = latest_snapshot(session, lease_id)
        if snapshot is not None and arrears.follow_plan(session, case, snapshot) is not None:
            report.plans_missed += 1
    elif owed_ore == 0 and case is not None and case.opened_on <= day:
        case.closed_on = day
        arrears.close_plans(session, case)
        report.cases_closed += 1
