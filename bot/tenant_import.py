"""Import tenants and leases from a CSV export of the housing company's system.

Columns (a header row names them; comma or semicolon separated, UTF-8):
  lease_number, tenant_name, address, monthly_rent, move_in_date, preferred_language
`monthly_rent` is in kronor ("8450", "8 450", "8450,50"); `move_in_date` is YYYY-MM-DD;
`preferred_language` is optional (sv, en, ar, so, fa, ti, uk, fi).

Importing the same file again changes nothing; a bad row is reported with its line number and
the good rows are imported all the same.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Lease, Organisation, Tenant
from bot.i18n.languages import LANGUAGES

COLUMNS = ("lease_number", "tenant_name", "address", "monthly_rent", "move_in_date", "preferred_language")
REQUIRED = COLUMNS[:5]
LEASE_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}$")


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


def parse_rent(text: str) -> int:
    """Kronor as written in Swedish exports, to whole öre."""
    cleaned = text.replace("\xa0", "").replace(" ", "").replace(",", ".").removesuffix("kr")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"monthly_rent {text!r} is not an amount in kronor") from None
    if amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"monthly_rent {text!r} must be positive, with at most two decimals")
    return int(amount * 100)


def _parse_row(line: int, row: dict[str, str]) -> LeaseRow:
    values = {key: (row.get(key) or "").strip() for key in COLUMNS}
    missing = [key for key in REQUIRED if not values[key]]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    if not LEASE_NUMBER.match(values["lease_number"]):
        raise ValueError(f"lease_number {values['lease_number']!r} has unexpected characters")
    try:
        move_in = dt.date.fromisoformat(values["move_in_date"])
    except ValueError:
        raise ValueError(f"move_in_date {values['move_in_date']!r} is not a date like 2026-09-01") from None
    language = values["preferred_language"].lower() or None
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"preferred_language {language!r} is not one of {', '.join(LANGUAGES)}")
    return LeaseRow(
        line, values["lease_number"], values["tenant_name"], values["address"],
        parse_rent(values["monthly_rent"]), move_in, language,
    )


def parse(text: str) -> tuple[list[LeaseRow], list[str]]:
    """The good rows, and one message per bad row (with its line number)."""
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip() for name in reader.fieldnames or []]
    absent = [name for name in REQUIRED if name not in header]
    if absent:
        return [], [f"line 1: the header lacks the column(s) {', '.join(absent)}"]
    reader.fieldnames = header
    rows, errors, seen = [], [], set()
    for row in reader:
        line = reader.line_num
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        try:
            parsed = _parse_row(line, row)
        except ValueError as error:
            errors.append(f"line {line}: {error}")
            continue
        if parsed.lease_number in seen:
            errors.append(f"line {line}: lease_number {parsed.lease_number!r} appears twice in the file")
            continue
        seen.add(parsed.lease_number)
        rows.append(parsed)
    return rows, errors


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
