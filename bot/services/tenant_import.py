"""Import tenants and leases from a CSV export of the housing company's system.

Columns (a header row names them; comma or semicolon separated, UTF-8):
  lease_number, tenant_name, address, monthly_rent, move_in_date, preferred_language
`monthly_rent` is in kronor ("8450", "8 450", "8450,50"); `move_in_date` is YYYY-MM-DD;
`preferred_language` is optional (sv, en, ar, so, fa, ti, uk, fi).

Importing the same file again changes nothing; a bad row is reported with its line number and
the good rows are imported all the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.infra import csv_files
from bot.db.models import Lease, Organisation, Tenant
from bot.i18n.languages import LANGUAGES

COLUMNS = ("lease_number", "tenant_name", "address", "monthly_rent", "move_in_date", "preferred_language")
REQUIRED = COLUMNS[:5]


@dataclass(frozen=True)
class LeaseRow:
    line: int
    lease_number: str
    tenant_name: str
    address: str
    monthly_rent_ore: int
    move_in_date: dt.date
    preferred_language: str | None


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


def _parse_row(line: int, values: dict[str, str]) -> LeaseRow:
    language = values.get("preferred_language", "").lower() or None
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"preferred_language {language!r} is not one of {', '.join(LANGUAGES)}")
    return LeaseRow(
        line,
        csv_files.lease_number(values["lease_number"]),
        values["tenant_name"],
        values["address"],
        csv_files.kronor(values["monthly_rent"], "monthly_rent"),
        csv_files.date(values["move_in_date"], "move_in_date"),
        language,
    )


def parse(text: str) -> tuple[list[LeaseRow], list[str]]:
    """The good rows, and one message per bad row (with its line number)."""
    return csv_files.read_rows(text, REQUIRED, _parse_row)


def apply(session: Session, organisation: Organisation, rows: list[LeaseRow]) -> ImportReport:
    """Create or update each lease and its tenant; count what changed."""
    report = ImportReport()
    for row in rows:
        lease = session.scalar(
            select(Lease).where(Lease.organisation_id == organisation.id, Lease.lease_number == row.lease_number)
        )
        if lease is None:
            tenant = Tenant(organisation=organisation, name=row.tenant_name, preferred_language=row.preferred_language)
            session.add(
                Lease(
                    organisation_id=organisation.id, tenant=tenant, lease_number=row.lease_number,
                    address=row.address, monthly_rent_ore=row.monthly_rent_ore, move_in_date=row.move_in_date,
                )
            )
            report.created += 1
            continue
        wanted = {
            (lease.tenant, "name"): row.tenant_name,
            (lease, "address"): row.address,
            (lease, "monthly_rent_ore"): row.monthly_rent_ore,
            (lease, "move_in_date"): row.move_in_date,
        }
        if row.preferred_language is not None:
            wanted[(lease.tenant, "preferred_language")] = row.preferred_language
        changed = False
        for (record, attribute), value in wanted.items():
            if getattr(record, attribute) != value:
                setattr(record, attribute, value)
                changed = True
        if changed:
            report.updated += 1
        else:
            report.unchanged += 1
    session.flush()
    return report


def import_csv(session: Session, organisation: Organisation, text: str) -> ImportReport:
    rows, errors = parse(text)
    report = apply(session, organisation, rows)
    report.errors = errors
    return report
