"""New tenants open their onboarding link in Telegram, and ask about the tenancy rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db.models import Lease, Onboarding, Organisation, Tenant
from bot.domain.calendar import next_rent_month, rent_due_date
from bot.i18n.rendering import Renderer
from bot.services.invitations import FAILED_START_LIMIT, create_invite, revoke_invites
from bot.infra.processes import rasa_stack
from bot.config.settings import PROJECT_ROOT, Settings
from bot.telegram.app import polling
from tests.conftest import free_port
from tests.e2e.conftest import make_bot
from tests.fakes.telegram_api import FakeTelegram, SentMessage, user

pytestmark = pytest.mark.e2e

RENDERER = Renderer(PROJECT_ROOT / "locales", "sv")
NOW = dt.datetime.now(dt.UTC)
DEMO_FACTS = {"organisation": "Exempelbostäder AB"}


def new_lease(sessions: sessionmaker[Session], number: str, name: str, language: str | None) -> None:
    with sessions.begin() as session:
        organisation = session.scalars(select(Organisation).where(Organisation.slug == "demo")).one()
        session.add(Lease(
            organisation=organisation, organisation_id=organisation.id,
            tenant=Tenant(organisation=organisation, name=name, preferred_language=language),
            lease_number=number, address=f"Provvägen {number[-2:]}, Exempelstad",
            monthly_rent_ore=795_000, move_in_date=dt.date(2026, 12, 1),
        ))


def invite(sessions: sessionmaker[Session], number: str, valid_for: dt.timedelta = dt.timedelta(days=30),
           now: dt.datetime = NOW) -> str:
    with sessions.begin() as session:
        lease = session.scalars(select(Lease).where(Lease.lease_number == number)).one()
        return create_invite(session, lease, now, valid_for)


def text(language: str, key: str, **params: object) -> str:
    return RENDERER.text(language, key, params)


async def ask(telegram: FakeTelegram, who: dict, words: str) -> SentMessage:
    before = len(telegram.messages_to(who["id"]))
    await telegram.send_text(who, words)
    return (await telegram.wait_for_messages(who["id"], before + 1))[-1]


@pytest.mark.usefixtures("bot")
async def test_a_new_tenant_opens_the_link_and_learns_their_rent_and_due_date(
    telegram: FakeTelegram, sessions: sessionmaker[Session]
) -> None:
    new_lease(sessions, "ONB-01", "Yusuf Ahmed", "sv")
    yusuf = user(6101, "Yusuf")  # his phone says nothing about his language: the lease does
    await telegram.send_text(yusuf, f"/start {invite(sessions, 'ONB-01')}")
    welcome, intro, rent_step = await telegram.wait_for_messages(6101, 3)
    assert welcome.text == text("sv", "onboarding.welcome", name="Yusuf", address="Provvägen 01, Exempelstad")
    assert intro.text == text("sv", "onboarding.intro")
    today = dt.datetime.now(ZoneInfo("Europe/Stockholm")).date()
    month = next_rent_month(today)
    personal_rent = text(
        "sv", "tenancy.rent_due.personal", amount={"amount_ore": 795_000},
        month={"month": month.isoformat()}, due_date={"date": rent_due_date(month).isoformat()},
    )
    assert rent_step.text == personal_rent
    assert [label for label, _ in rent_step.buttons] == ["Nästa", "Jag har en fråga", "Senare"]

    # Later, a free question gives the same personal answer.
    reply = await ask(telegram, yusuf, "när ska hyran betalas?")
    assert reply.text == personal_rent


@pytest.mark.usefixtures("bot")
@pytest.mark.parametrize(
    ("language", "questions"),
    [
        ("sv", ["hur betalar jag hyran", "när ska det vara tyst", "hur bokar jag tvättstugan?"]),
        ("en", ["how do i pay the rent", "what are the quiet hours", "how do i book the laundry room?"]),
    ],
)
async def test_free_questions_get_the_organisations_answers(
    telegram: FakeTelegram, sessions: sessionmaker[Session], language: str, questions: list[str]
) -> None:
    chat_id = 6110 if language == "sv" else 6111
    new_lease(sessions, f"ONB-{chat_id}", "Sara Lind", language)
    tenant = user(chat_id, "Sara")
    await telegram.send_text(tenant, f"/start {invite(sessions, f'ONB-{chat_id}')}")
    await telegram.wait_for_messages(chat_id, 3)
    payment, quiet, laundry = [await ask(telegram, tenant, question) for question in questions]
    # The walkthrough is in progress, so each answer offers the way back to it.
    assert payment.buttons == [(text(language, "button.continue_intro"), "/onboarding_start")]
    assert payment.text == text(
        language, "tenancy.payment.autogiro", bankgiro="5050-1055", web="https://www.exempelbostader.example/mina-sidor"
    )
    assert quiet.text == text(language, "tenancy.quiet_hours", start="22:00", end="07:00")
    assert laundry.text == text(language, "tenancy.laundry.web", web="https://www.exempelbostader.example/tvattstuga")


@pytest.mark.usefixtures("bot")
async def test_every_bad_link_gets_a_kind_answer_and_a_way_to_staff(
    telegram: FakeTelegram, sessions: sessionmaker[Session]
) -> None:
    new_lease(sessions, "ONB-02", "Olena Kovalenko", "uk")
    expired = invite(sessions, "ONB-02", dt.timedelta(days=1), NOW - dt.timedelta(days=2))
    revoked = invite(sessions, "ONB-02")
    with sessions.begin() as session:
        revoke_invites(session, session.scalars(select(Lease).where(Lease.lease_number == "ONB-02")).one(), NOW)
    used = invite(sessions, "ONB-02")
    owner = user(6120, "Olena", language_code="uk")
    await telegram.send_text(owner, f"/start {used}")
    await telegram.wait_for_messages(6120, 3)

    stranger = user(6121, "Kim", language_code="en")
    cases = [("unknown", "NoSuchTokenAtAll"), ("expired", expired), ("revoked", revoked), ("used", used)]
    for count, (outcome, token) in enumerate(cases, start=1):
        await telegram.send_text(stranger, f"/start {token}")
        reply = (await telegram.wait_for_messages(6121, count))[-1]
        assert reply.text == text("en", f"invite.{outcome}")
        assert reply.buttons == [(text("en", "button.talk_to_person"), "/request_human")]


@pytest.mark.usefixtures("bot")
async def test_a_second_chat_cannot_take_a_bound_lease(telegram: FakeTelegram, sessions: sessionmaker[Session]) -> None:
    new_lease(sessions, "ONB-03", "Selam Tesfaye", "en")
    owner, intruder = user(6130, "Selam"), user(6131, "Someone", language_code="en")
    await telegram.send_text(owner, f"/start {invite(sessions, 'ONB-03')}")
    await telegram.wait_for_messages(6130, 3)
    await telegram.send_text(intruder, f"/start {invite(sessions, 'ONB-03')}")
    [reply] = await telegram.wait_for_messages(6131, 1)
    assert reply.text == text("en", "invite.lease_taken")
    with sessions() as session:
        tenant = session.scalars(select(Tenant).where(Tenant.name == "Selam Tesfaye")).one()
        assert tenant.telegram_user_id == 6130


@pytest.mark.usefixtures("bot")
async def test_guessing_links_is_slowed_down(telegram: FakeTelegram, sessions: sessionmaker[Session]) -> None:
    new_lease(sessions, "ONB-04", "Erik Lindqvist", "sv")
    guesser = user(6140, "Guess", language_code="sv")
    for count in range(1, FAILED_START_LIMIT + 1):
        await telegram.send_text(guesser, f"/start guess{count}")
        await telegram.wait_for_messages(6140, count)
    await telegram.send_text(guesser, f"/start {invite(sessions, 'ONB-04')}")
    reply = (await telegram.wait_for_messages(6140, FAILED_START_LIMIT + 1))[-1]
    assert reply.text == text("sv", "invite.rate_limited")


async def press(
    telegram: FakeTelegram, who: dict, message: SentMessage, label: str, expect: int = 1
) -> list[SentMessage]:
    """Press the button with this label; return the `expect` messages the bot answers with."""
    before = len(telegram.messages_to(who["id"]))
    await telegram.press(who, message, dict(message.buttons)[label])
    return (await telegram.wait_for_messages(who["id"], before + expect))[before:]


@pytest.mark.usefixtures("bot")
async def test_the_walkthrough_survives_a_question_and_a_pause_and_ends_with_a_check(
    telegram: FakeTelegram, sessions: sessionmaker[Session]
) -> None:
    new_lease(sessions, "ONB-05", "Ali Musa", "en")
    ali = user(6150, "Ali")
    await telegram.send_text(ali, f"/start {invite(sessions, 'ONB-05')}")
    *_, step = await telegram.wait_for_messages(6150, 3)

    [step] = await press(telegram, ali, step, "Next")
    assert step.text.startswith("You pay the rent to bankgiro 5050-1055")

    [prompt] = await press(telegram, ali, step, "I have a question")
    assert prompt.text == text("en", "onboarding.ask_question")
    laundry = await ask(telegram, ali, "how do i book the laundry room?")
    assert laundry.text == text("en", "tenancy.laundry.web", web="https://www.exempelbostader.example/tvattstuga")

    resume, step = await press(telegram, ali, laundry, "Continue the introduction", expect=2)
    assert resume.text == text("en", "onboarding.resume")
    assert step.text.startswith("You pay the rent to bankgiro")  # where Ali left off

    [later] = await press(telegram, ali, step, "Later")
    assert later.text == text("en", "onboarding.later")
    resume, step = await press(telegram, ali, later, "Continue the introduction", expect=2)
    assert step.text.startswith("You pay the rent to bankgiro")

    seen = [step.text]
    while True:
        [step] = await press(telegram, ali, step, "Next")
        if step.text == text("en", "onboarding.check"):
            break
        seen.append(step.text)
    assert len(seen) == 10  # every step after the first, the rent
    assert seen[-1].startswith("To move out, give us written notice.")
    [done] = await press(telegram, ali, step, "Yes, it was clear")
    assert done.text == text("en", "onboarding.done_clear")
    with sessions() as session:
        tenant = session.scalars(select(Tenant).where(Tenant.name == "Ali Musa")).one()
        progress = session.get(Onboarding, tenant.id)
        assert progress is not None and progress.completed_at is not None and progress.found_clear is True


async def test_the_due_date_moves_back_when_the_month_ends_on_a_weekend(
    telegram: FakeTelegram, sessions: sessionmaker[Session], stack: Settings, trained_model: Path, tmp_path: Path
) -> None:
    """On 10 February 2026 the March rent is next; 28 February is a Saturday and 1 March a
    Sunday, so it is due on Friday 27 February."""
    frozen = stack.with_overrides(
        frozen_now=dt.datetime(2026, 2, 10, 12, tzinfo=dt.UTC), var_dir=tmp_path,
        rasa_url=f"http://127.0.0.1:{free_port()}", action_server_port=free_port(),
        tracker_store_url=f"sqlite:///{tmp_path / 'tracker.db'}",
    )
    new_lease(sessions, "ONB-06", "Noor Haddad", "en")
    noor = user(6160, "Noor")
    with rasa_stack(frozen, trained_model):
        async with polling(make_bot(frozen, telegram), timeout_seconds=1):
            await telegram.send_text(noor, f"/start {invite(sessions, 'ONB-06')}")
            *_, rent_step = await telegram.wait_for_messages(6160, 3)
    assert rent_step.text == (
        "Your rent is 7\xa0950\xa0kr a month. Rent is paid in advance: "
        "the rent for March 2026 must be paid by February 27, 2026 at the latest."
    )
