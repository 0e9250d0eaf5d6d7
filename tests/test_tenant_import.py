"""Importing tenants and leases from the housing company's CSV export."""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.infra.csv_files import kronor
from bot.db.models import Lease, Organisation
from bot.config.settings import PROJECT_ROOT
from bot.services.tenant_import import import_csv, parse

SAMPLE = (PROJECT_ROOT / "samples" / "tenants.csv").read_text(encoding="utf-8")


def test_amounts_in_kronor_become_ore() -> None:
    assert kronor("8450", "monthly_rent") == 845_000
    assert kronor("8 450,50", "monthly_rent") == 845_050
    assert kronor("8\xa0450 kr", "monthly_rent") == 845_000
    assert kronor("0", "amount_overdue", allow_zero=True) == 0


def test_bad_rows_are_reported_by_line_and_the_rest_kept() -> None:
    text = (
        "lease_number,tenant_name,address,monthly_rent,move_in_date,preferred_language\n"
        "A-1,Ada Berg,Gatan 1,7000,2026-12-01,sv\n"
        "A-2,,Gatan 2,7000,2026-12-01,sv\n"
        "A-3,Bo Ek,Gatan 3,sjutusen,2026-12-01,\n"
        "A-4,Cy Ek,Gatan 4,7000,1/12/2026,en\n"
        "A-5,Di Ek,Gatan 5,7000,2026-12-01,de\n"
        "A-1,Ada Berg,Gatan 1,7000,2026-12-01,sv\n"
        "A-6,Ef Ek,Gatan 6,6500.5,2027-01-01,\n"
    )
    rows, errors = parse(text)
    assert [row.lease_number for row in rows] == ["A-1", "A-6"]
    assert rows[1].monthly_rent_ore == 650_050 and rows[1].preferred_language is None
    assert errors == [
        "line 3: missing tenant_name",
        "line 4: monthly_rent 'sjutusen' is not an amount in kronor",
        "line 5: move_in_date '1/12/2026' is not a date like 2026-09-01",
        "line 6: preferred_language 'de' is not one of sv, en, ar, so, fa, ti, uk, fi",
        "line 7: lease_number 'A-1' appears twice in the file",
    ]


def test_a_file_without_the_needed_columns_is_refused() -> None:
    rows, errors = parse("lease,name\nA-1,Ada\n")
    assert rows == [] and errors == [
        "line 1: the header lacks the column(s) lease_number, tenant_name, address, monthly_rent, move_in_date"
    ]


def test_importing_the_same_file_twice_changes_nothing(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as session:
        organisation = Organisation(slug="demo", name="Exempelbostäder AB")
        session.add(organisation)
        first = import_csv(session, organisation, SAMPLE)
    assert (first.created, first.updated, first.unchanged, first.errors) == (5, 0, 0, [])
    with session_factory.begin() as session:
        organisation = session.scalars(select(Organisation)).one()
        second = import_csv(session, organisation, SAMPLE)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 5)
    changed = SAMPLE.replace("7 950", "8 100")
    with session_factory.begin() as session:
        organisation = session.scalars(select(Organisation)).one()
        third = import_csv(session, organisation, changed)
    assert (third.created, third.updated, third.unchanged) == (0, 1, 4)
    with session_factory() as session:
        lease = session.scalars(select(Lease).where(Lease.lease_number == "DEMO-2001")).one()
        assert lease.monthly_rent_ore == 810_000
        assert lease.move_in_date == dt.date(2026, 12, 1)
        assert lease.tenant.name == "Yusuf Ahmed" and lease.tenant.preferred_language == "so"
