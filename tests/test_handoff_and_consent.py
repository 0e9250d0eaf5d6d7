"""Consents given and taken back (with the text the tenant saw), office hours, cases, and the
at-risk report: full rows only with consent to share with social services, cells inert."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.services import consents, handoff
from bot.services.chat import ChatService, Sender
from bot.infra.crypto import TextCipher, new_key
from bot.db.models import Consent, Lease, Organisation, StaffCase, Tenant
from bot.domain.cases import CaseReason
from bot.i18n.rendering import Renderer
from bot.services.ledger import import_ledger
from bot.config.organisations import load_all
from bot.infra.rasa_client import RasaClient
from bot.services.reports import at_risk, at_risk_csv, open_cases, safe_cell
from bot.safety.keywords import CrisisKeywords
from bot.config.settings import PROJECT_ROOT, STOCKHOLM

DEMO = load_all(PROJECT_ROOT / "config" / "organisations")["demo"]
NOW = dt.datetime(2026, 12, 7, 10, tzinfo=STOCKHOLM)
HEADER = "lease_number;amount_overdue;oldest_unpaid_due_date;snapshot_date\n"


def tenants(factory: sessionmaker[Session], names: list[str]) -> list[int]:
    with factory.begin() as session:
        organisation = Organisation(slug="demo", name="Exempelbostäder AB")
        rows = []
        for n, name in enumerate(names):
            tenant = Tenant(organisation=organisation, name=name, telegram_user_id=800 + n, preferred_language="sv")
            session.add(Lease(organisation=organisation, tenant=tenant, lease_number=f"R-{n}", address=f"Gatan {n}",
                              monthly_rent_ore=800_000, move_in_date=dt.date(2025, 1, 1)))
            rows.append(tenant)
        session.flush()
        ledger = "".join(f"R-{n};{1000 * (n + 1)};2026-11-30;2026-12-04\n" for n in range(len(names)))
        import_ledger(session, organisation, HEADER + ledger)
        return [t.id for t in rows]


def test_a_consent_keeps_the_text_and_language_shown_and_is_taken_back_in_one_step(
    session_factory: sessionmaker[Session], renderer: Renderer
) -> None:
    [tenant_id] = tenants(session_factory, ["Sara Berg"])
    with session_factory.begin() as session:
        tenant = session.get(Tenant, tenant_id)
        assert tenant is not None
        given = consents.give(session, tenant, "social_services", renderer, "ar", NOW)
        assert consents.give(session, tenant, "social_services", renderer, "ar", NOW) is given
        assert given.text_shown == renderer.text("ar", "consent.text.social_services")
        assert (given.language, given.text_version, given.text_key) == ("ar", 1, "consent.text.social_services")
        assert consents.has_consent(session, tenant_id, "social_services")
        assert not consents.has_consent(session, tenant_id, "kronofogden")
    with session_factory.begin() as session:
        assert consents.withdraw(session, tenant_id, "social_services", NOW)
        assert not consents.withdraw(session, tenant_id, "social_services", NOW)
        assert not consents.has_consent(session, tenant_id, "social_services")
        # The record stays, with when it was given and taken back.
        [kept] = session.scalars(select(Consent)).all()
        assert kept.withdrawn_at is not None and kept.given_at is not None


def test_the_overview_offers_to_give_what_is_not_given_and_to_take_back_what_is(
    session_factory: sessionmaker[Session], renderer: Renderer
) -> None:
    [tenant_id] = tenants(session_factory, ["Sara Berg"])
    with session_factory.begin() as session:
        assert consents.overview(session, tenant_id, only_withdraw=True) == {"key": "consent.none_to_withdraw"}
        consents.give(session, session.get(Tenant, tenant_id), "kronofogden", renderer, "sv", NOW)  # type: ignore[arg-type]
        view = consents.overview(session, tenant_id)
        assert [b["payload"] for b in view["buttons"]] == [
            "consent:ask:social_services", "consent:ask:debt_counselling", "consent:withdraw:kronofogden",
            "consent:ask:debt_collector",
        ]
        assert [b["payload"] for b in consents.overview(session, tenant_id, only_withdraw=True)["buttons"]] == [
            "consent:withdraw:kronofogden"
        ]
    rendered = renderer.reply("sv", view)
    assert rendered.text.endswith("• socialtjänsten: nej\n• budget- och skuldrådgivningen: nej\n"
                                  "• Kronofogden: ja, sedan 7 december 2026\n• inkassobolag: nej")
    # Giving takes the overview, "agree" and "yes"; taking back the overview and one press.
    assert [b["payload"] for b in consents.question("social_services")["buttons"]] == [
        "consent:yes:social_services:1", "consent:no:social_services"
    ]


@pytest.mark.parametrize(
    ("now", "opens"),
    [
        (dt.datetime(2026, 12, 7, 10, tzinfo=STOCKHOLM), None),  # Monday, open
        (dt.datetime(2026, 12, 7, 7, 30, tzinfo=STOCKHOLM), dt.datetime(2026, 12, 7, 8, tzinfo=STOCKHOLM)),
        (dt.datetime(2026, 12, 4, 16, 0, tzinfo=STOCKHOLM), dt.datetime(2026, 12, 7, 8, tzinfo=STOCKHOLM)),
        # Christmas Eve to Boxing Day are closed; the weekend too.
        (dt.datetime(2026, 12, 23, 17, tzinfo=STOCKHOLM), dt.datetime(2026, 12, 28, 8, tzinfo=STOCKHOLM)),
    ],
)
def test_office_hours_say_when_a_person_will_answer(now: dt.datetime, opens: dt.datetime | None) -> None:
    assert handoff.office_opening(DEMO, now.astimezone(dt.UTC)) == opens


def test_one_case_per_chat_at_a_time_and_a_crisis_makes_it_a_priority(session_factory: sessionmaker[Session]) -> None:
    [tenant_id] = tenants(session_factory, ["Sara Berg"])
    with session_factory.begin() as session:
        tenant = session.get(Tenant, tenant_id)
        case, created = handoff.open_staff_case(session, reason=CaseReason.REQUEST_HUMAN, now=NOW, chat_id=800,
                                                tenant=tenant)
        again, created_again = handoff.open_staff_case(session, reason=CaseReason.CRISIS, now=NOW, chat_id=800,
                                                       tenant=tenant, priority=True)
        assert (created, created_again, again.id) == (True, False, case.id)
        assert (case.priority, case.reason) == (True, "crisis")
        summary = handoff.summary(session, case, ["jag vill prata med en människa", "<b>hjälp</b> " * 40])
    assert summary.splitlines()[:5] == [
        f"PRIORITY · Case {case.id}: CRISIS: the tenant may be in danger",
        "Tenant: Sara Berg, lease R-0, Gatan 0",
        "Language: sv",
        "Balance: 1\xa0000\xa0kr on 2026-12-04 (oldest unpaid due 2026-11-30)",
        "Reason for late rent: not given",
    ]
    assert summary.splitlines()[-2:][0] == "- jag vill prata med en människa"
    assert len(summary.splitlines()[-1]) <= handoff.MAX_QUOTED + 2
    with session_factory() as session:
        assert open_cases(session) == [f"PRIORITY case {case.id}: Sara Berg, CRISIS: the tenant may be in danger, "
                                       "open, not yet in the staff group"]


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_cells_that_a_spreadsheet_would_run_are_made_inert(value: str) -> None:
    assert safe_cell(value) == "'" + value
    assert safe_cell("Sara Berg") == "Sara Berg"


def test_the_at_risk_report_shows_only_tenants_who_agreed_to_share_with_social_services(
    session_factory: sessionmaker[Session], renderer: Renderer
) -> None:
    ids = tenants(session_factory, ['=HYPERLINK("http://evil.example")', "Sara Berg", "Omar Ali"])
    with session_factory.begin() as session:
        for tenant_id in ids[:2]:
            consents.give(session, session.get(Tenant, tenant_id), "social_services", renderer, "sv", NOW)  # type: ignore[arg-type]
        consents.give(session, session.get(Tenant, ids[2]), "kronofogden", renderer, "sv", NOW)  # type: ignore[arg-type]
        consents.withdraw(session, ids[1], "social_services", NOW)
        report = at_risk(session, session.scalars(select(Organisation)).one())
    rows = list(csv.reader(io.StringIO(at_risk_csv(report)), delimiter=";"))
    assert rows[1][:4] == ["'=HYPERLINK(\"http://evil.example\")", "R-0", "Gatan 0", "1000.00"]
    assert len([r for r in rows[1:] if r and r[0] != "tenants at risk without consent to share (counted only)"]) == 1
    assert rows[-1] == ["tenants at risk without consent to share (counted only)", "2", "5000.00"]
    assert "Sara" not in at_risk_csv(report) and "Omar" not in at_risk_csv(report)


def test_a_case_without_a_staff_group_is_listed_but_not_announced(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as session:
        case, _ = handoff.open_staff_case(session, reason=CaseReason.CRISIS, now=NOW, chat_id=999, priority=True)
        assert session.scalars(select(StaffCase)).one().tenant_id is None
    with session_factory() as session:
        assert open_cases(session) == [f"PRIORITY case {case.id}: chat 999, CRISIS: the tenant may be in danger, "
                                       "open, not yet in the staff group"]


async def test_a_yes_counts_only_for_the_consent_text_the_tenant_was_shown(
    session_factory: sessionmaker[Session], renderer: Renderer
) -> None:
    [tenant_id] = tenants(session_factory, ["Sara Berg"])
    service = ChatService(session_factory, renderer, RasaClient("http://127.0.0.1:9"), CrisisKeywords.bundled(),
                          TextCipher((new_key(),)), {"demo": DEMO}, clock=lambda: NOW)
    sara = Sender(chat_id=800, user_id=800)
    # A button from an older version of the text asks again instead of recording a yes.
    [again] = await service.button(sara, "consent:yes:social_services:0")
    assert again.text == renderer.text("sv", "consent.text.social_services")
    with session_factory() as session:
        assert not consents.has_consent(session, tenant_id, "social_services")
    [given] = await service.button(sara, "consent:yes:social_services:1")
    assert given.text == renderer.text("sv", "consent.given")
    [withdrawn] = await service.button(sara, "consent:withdraw:social_services")
    assert withdrawn.text == "Klart: vi delar inte längre några uppgifter med socialtjänsten."
    [nothing] = await service.button(sara, "consent:withdraw:social_services")
    assert nothing.text == renderer.text("sv", "consent.none_to_withdraw")
    await service.aclose()
