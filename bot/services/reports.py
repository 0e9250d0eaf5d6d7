"""Reports for staff: open cases, and the at-risk report for the regular meeting with social
services. Tenants who have agreed that we may share with social services are listed in full;
everyone else only in the counts. CSV cells are made inert for spreadsheets."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services import arrears, consents
from bot.db.models import ArrearsCase, Lease, Organisation, StaffCase, Tenant
from bot.domain.cases import ACTIVE_CASE_STATUSES, CaseStatus, describe_reason
from bot.domain.consent import Recipient
from bot.domain.money import ore_to_decimal_text

# A cell starting with one of these is a formula to a spreadsheet program.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


@dataclass(frozen=True)
class AtRiskRow:
    tenant: str
    lease_number: str
    address: str
    amount_ore: int
    snapshot_date: str
    oldest_unpaid_due: str
    reason_code: str
    plan: str


@dataclass(frozen=True)
class AtRiskReport:
    shared: list[AtRiskRow]
    # Tenants at risk without consent to share: only counted.
    others: int
    others_amount_ore: int


def at_risk(session: Session, organisation: Organisation) -> AtRiskReport:
    shared: list[AtRiskRow] = []
    others, others_amount = 0, 0
    for case, lease, tenant in session.execute(
        select(ArrearsCase, Lease, Tenant)
        .join(Lease, ArrearsCase.lease_id == Lease.id)
        .join(Tenant, Lease.tenant_id == Tenant.id)
        .where(Lease.organisation_id == organisation.id, ArrearsCase.closed_on.is_(None))
        .order_by(Lease.lease_number)
    ):
        debt = arrears.current_debt(session, lease)
        if debt is None:
            continue
        if not consents.has_consent(session, tenant.id, Recipient.SOCIAL_SERVICES):
            others += 1
            others_amount += debt.amount_ore
            continue
        plan = arrears.open_plan(session, case)
        shared.append(AtRiskRow(
            tenant.name, lease.lease_number, lease.address, debt.amount_ore, str(debt.snapshot.snapshot_date),
            str(case.oldest_unpaid_due or ""), case.reason_code or "", plan.status if plan else "",
        ))
    return AtRiskReport(shared, others, others_amount)


def at_risk_csv(report: AtRiskReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["tenant", "lease_number", "address", "amount_overdue", "snapshot_date", "oldest_unpaid_due",
                     "reason_code", "instalment_plan"])
    for row in report.shared:
        writer.writerow([safe_cell(v) for v in (row.tenant, row.lease_number, row.address, ore_to_decimal_text(row.amount_ore),
                                                row.snapshot_date, row.oldest_unpaid_due, row.reason_code, row.plan)])
    writer.writerow([])
    writer.writerow(["tenants at risk without consent to share (counted only)", report.others,
                     ore_to_decimal_text(report.others_amount_ore)])
    return out.getvalue()


def open_cases(session: Session, organisation_id: int | None = None) -> list[str]:
    """One line per open or claimed case, priorities first."""
    query = select(StaffCase).where(StaffCase.status.in_(ACTIVE_CASE_STATUSES)).order_by(StaffCase.priority.desc(), StaffCase.id)
    if organisation_id is not None:
        query = query.where(StaffCase.organisation_id == organisation_id)
    lines = []
    for case in session.scalars(query):
        who = case.tenant.name if case.tenant else f"chat {case.chat_id}"
        state = f"claimed by {case.claimed_by_name}" if case.status == CaseStatus.CLAIMED else "open"
        topic = "" if case.topic_id else ", not yet in the staff group"
        lines.append(f"{'PRIORITY ' if case.priority else ''}case {case.id}: {who}, "
                     f"{describe_reason(case.reason)}, {state}{topic}")
    return lines
