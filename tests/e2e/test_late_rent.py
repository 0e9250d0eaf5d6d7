"""Late rent, end to end, on a frozen clock (4 December 2026): a snapshot is imported, the reminder
waits for the end of quiet hours, the tenant says they cannot pay and why, asks what is left,
picks a plan; a later snapshot without the debt closes the case. Through python-telegram-bot and
the fake Bot API, a real Rasa server and action server, and a real SQLite file."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.infra.crypto import cipher_for
from bot.db.migrate import upgrade
from bot.db.models import ArrearsCase, Consent, Lease, Organisation, PaymentPlan, Referral, StaffCase, Tenant
from bot.db.repositories import find_organisation
from bot.db.session import make_engine, make_session_factory
from bot.i18n.languages import LANGUAGES
from bot.i18n.rendering import Renderer
from bot.config.organisations import load_all
from bot.infra.processes import rasa_stack
from bot.config.settings import STOCKHOLM, Settings
from bot.telegram.app import polling
from bot.domain.plans import PlanPolicy, plan_for_amount
from bot.services import arrears
from bot.services.outreach_delivery import OutreachDelivery
from bot.telegram.outreach import OutreachSender
from tests.e2e.conftest import eventually, import_ledger_day, make_bot, stack_settings
from tests.fakes.telegram_api import FakeTelegram, SentMessage, user

pytestmark = pytest.mark.e2e

MORNING = dt.datetime(2026, 12, 4, 9, 0, tzinfo=STOCKHOLM)


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory, trained_model: Path) -> Iterator[Settings]:
    """Rasa, the action server and a fresh database, with the clock stopped at 09:00 on 4 December."""
    settings = stack_settings(tmp_path_factory.mktemp("late-rent")).with_overrides(
        frozen_now=MORNING.astimezone(dt.UTC)
    )
    upgrade(make_engine(settings.database_url))
    with make_session_factory(make_engine(settings.database_url)).begin() as session:
        session.add(Organisation(slug="demo", name="Exempelbostäder AB"))
    with rasa_stack(settings, trained_model):
        yield settings


@pytest.fixture(scope="module")
def db(frozen: Settings) -> sessionmaker[Session]:
    return make_session_factory(make_engine(frozen.database_url))


@pytest.fixture
async def app(frozen: Settings, telegram: FakeTelegram) -> AsyncIterator[object]:
    application = make_bot(frozen, telegram)
    async with polling(application, timeout_seconds=1):
        yield application


def tenant_with_debt(db: sessionmaker[Session], number: str, name: str, user_id: int, language: str) -> None:
    """A linked tenant whose lease (8 000 kr a month) has the November 30 rent unpaid."""
    with db.begin() as session:
        organisation = find_organisation(session, "demo")
        assert organisation is not None
        tenant = Tenant(organisation=organisation, name=name, telegram_user_id=user_id, preferred_language=language)
        session.add(Lease(organisation=organisation, tenant=tenant, lease_number=number, address="Provvägen 9",
                          monthly_rent_ore=800_000, move_in_date=dt.date(2025, 1, 1)))
        session.flush()
        import_ledger_day(session, organisation, f"{number};8 000;2026-11-30;2026-12-03\n")


async def press(telegram: FakeTelegram, who: dict, message: SentMessage, label: str) -> None:  # type: ignore[type-arg]
    data = dict(message.buttons)[label]
    await telegram.press(who, message, data)


async def test_reminder_then_reason_balance_and_plan_then_paid(
    frozen: Settings, db: sessionmaker[Session], telegram: FakeTelegram, app: object
) -> None:
    tenant_with_debt(db, "FLOW-01", "Hanna Ek", 6301, "sv")
    hanna = user(6301, "Hanna", language_code="sv")
    clock = [dt.datetime(2026, 12, 4, 6, 30, tzinfo=STOCKHOLM)]
    outreach = OutreachSender(OutreachDelivery(
        db, Renderer(frozen.project_root / "locales", "sv"), load_all(frozen.organisation_dir), lambda: clock[0]))

    # 06:30 is in quiet hours: the reminder is planned but waits.
    _planned, sent = await outreach.run(app.bot)  # type: ignore[attr-defined]
    assert (sent.sent, sent.waiting) == (0, 1)
    assert telegram.messages_to(6301) == []
    clock[0] = MORNING
    _planned, sent = await outreach.run(app.bot)  # type: ignore[attr-defined]
    assert sent.sent == 1
    [reminder] = telegram.messages_to(6301)
    assert reminder.text.startswith(
        "Hej Hanna! En vänlig påminnelse från Exempelbostäder AB: enligt våra uppgifter den 3 december 2026 "
        "har du 8\xa0000\xa0kr kvar att betala för december 2026."
    )

    # "I can't pay right now": acknowledged, the balance, and a respectful question why.
    await press(telegram, hanna, reminder, "Jag kan inte betala just nu")
    *_, thanks, balance, ask = await telegram.wait_for_messages(6301, 4)
    assert thanks.text == "Tack för att du berättar. Det kan hända vem som helst, och det finns ofta en lösning."
    assert balance.text == "Enligt våra uppgifter den 3 december 2026 har du 8\xa0000\xa0kr kvar att betala."
    assert "Det är bara din hyresadministratör som ser det." in ask.text
    assert [label for label, _ in ask.buttons][-1] == "Jag vill helst inte säga"

    await press(telegram, hanna, ask, "Sjukdom")
    *_, ask_text = await telegram.wait_for_messages(6301, 5)
    assert ask_text.text.startswith("Tack. Om du vill kan du skriva några ord om din situation.")

    await telegram.send_text(hanna, "Jag har varit sjukskriven sedan oktober och lönen har inte kommit")
    *_, noted = await telegram.wait_for_messages(6301, 6)
    assert noted.text.startswith("Tack för att du berättar. Bara din hyresadministratör kan läsa det.")
    assert [label for label, _ in noted.buttons] == [
        "Betala i delar", "Gratis budget- och skuldrådgivning", "Prata med en person"
    ]

    await telegram.send_text(hanna, "hur mycket är jag skyldig?")
    *_, owed = await telegram.wait_for_messages(6301, 7)
    assert owed.text == "Enligt våra uppgifter den 3 december 2026 har du 8\xa0000\xa0kr kvar att betala."

    await press(telegram, hanna, noted, "Betala i delar")
    *_, options = await telegram.wait_for_messages(6301, 8)
    assert options.text.startswith("Du har 8\xa0000\xa0kr kvar att betala (våra uppgifter den 3 december 2026).")
    labels = [label for label, _ in options.buttons]
    assert labels[0] == "4\xa0000\xa0kr i månaden, till och med januari 2027"
    assert labels[-1] == "Föreslå ett eget belopp"
    await press(telegram, hanna, options, labels[0])
    *_, proposed = await telegram.wait_for_messages(6301, 9)
    assert proposed.text == (
        "Tack! Jag har skickat din plan till din hyresadministratör, som bekräftar den. "
        "Det här är betalningarna, utöver månadshyran:\n"
        "• 30 december 2026: 4\xa0000\xa0kr\n• 29 januari 2027: 4\xa0000\xa0kr"
    )

    with db() as session:
        case = session.scalars(select(ArrearsCase).join(Lease).where(Lease.lease_number == "FLOW-01")).one()
        assert case.reason_code == "illness"
        assert case.reason_text_encrypted is not None
        assert cipher_for(frozen).decrypt(case.reason_text_encrypted).startswith("Jag har varit sjukskriven")
        plan = session.scalars(select(PaymentPlan).where(PaymentPlan.case_id == case.id)).one()
        assert (plan.status, [(i.due, i.amount_ore) for i in plan.instalments]) == (
            "proposed", [(dt.date(2026, 12, 30), 400_000), (dt.date(2027, 1, 29), 400_000)]
        )
    # What the tenant wrote is in neither database file in clear: not ours, not Rasa's tracker store.
    for database in (frozen.database_url, frozen.tracker_store_url):
        raw = Path(database.removeprefix("sqlite:///")).read_bytes()
        assert b"sjukskriven" not in raw, database

    # The rent arrives: the January snapshot shows nothing owed, and the case and plan are closed.
    with db.begin() as session:
        organisation = find_organisation(session, "demo")
        assert organisation is not None
        import_ledger_day(session, organisation, "FLOW-01;0;;2027-01-05\n")
    with db() as session:
        case = session.get(ArrearsCase, case.id)
        assert case is not None and case.closed_on == dt.date(2027, 1, 5)
        assert session.get(PaymentPlan, plan.id).status == "done"  # type: ignore[union-attr]


async def test_an_own_amount_outside_the_policy_goes_to_staff_and_a_crisis_comes_first(
    db: sessionmaker[Session], telegram: FakeTelegram, app: object
) -> None:
    tenant_with_debt(db, "FLOW-02", "Omar Ali", 6302, "en")
    omar = user(6302, "Omar", language_code="en")
    await telegram.send_text(omar, "can i pay what i owe in instalments?")
    [options] = await telegram.wait_for_messages(6302, 1)
    own_amount = dict(options.buttons)["Suggest my own amount"]
    await telegram.press(omar, options, own_amount)
    *_, ask = await telegram.wait_for_messages(6302, 2)
    assert ask.text == "How much can you pay each month, on top of the rent? Write the amount in kronor, for example 800."

    # A crisis while the assistant waits for an amount: the emergency numbers come first.
    await telegram.send_text(omar, "i want to kill myself")
    *_, emergency = await telegram.wait_for_messages(6302, 3)
    assert emergency.text.startswith("If you or someone else is in danger right now, call 112.")
    # ...and staff get a priority case at once.
    await eventually(lambda: any(name.startswith("PRIORITY · Case") and name.endswith("· Omar")
                                 for _, _, name in telegram.topics))
    with db() as session:
        case = session.scalars(select(StaffCase).where(StaffCase.chat_id == 6302)).one()
        assert (case.reason, case.priority) == ("crisis", True)

    # The question is asked again (a button from earlier still works) and answered in words.
    await telegram.press(omar, options, own_amount)
    await telegram.wait_for_messages(6302, 4)
    await telegram.send_text(omar, "I can pay 500 kr a month")
    *_, to_staff = await telegram.wait_for_messages(6302, 5)
    assert to_staff.text == (
        "Thank you. I cannot agree to 500\xa0kr a month here myself, so I have passed your proposal to "
        "your rent administrator, who will contact you."
    )
    with db() as session:
        plan = session.scalars(
            select(PaymentPlan).join(ArrearsCase).join(Lease).where(Lease.lease_number == "FLOW-02")
        ).one()
        assert (plan.status, plan.monthly_ore, len(plan.instalments)) == ("review", 50_000, 16)


async def test_debt_advice_with_consent_and_social_services_and_i_have_paid(
    db: sessionmaker[Session], telegram: FakeTelegram, app: object, renderer: Renderer
) -> None:
    tenant_with_debt(db, "FLOW-03", "Liisa Virtanen", 6303, "fi")
    liisa = user(6303, "Liisa", language_code="fi")
    await telegram.send_text(liisa, "I need help with my debts from the budget and debt advice")
    explain, contact, consent = await telegram.wait_for_messages(6303, 3)
    assert "(budget- och skuldrådgivning)" in explain.text
    assert "Exempelby kommun" in contact.text and "0123-456 70" in contact.text
    shown = consent.text
    await press(telegram, liisa, consent, consent.buttons[0][0])
    *_, referred = await telegram.wait_for_messages(6303, 4)
    assert consent.text == f"{shown}\n\n✓ Kyllä, tiedot saa välittää"
    assert referred.text == renderer.text("fi", "debt_advice.referred")
    with db() as session:
        tenant = session.scalars(select(Tenant).where(Tenant.telegram_user_id == 6303)).one()
        given = session.scalars(select(Consent).where(Consent.tenant_id == tenant.id)).one()
        assert (given.recipient, given.language, given.withdrawn_at) == ("debt_counselling", "fi", None)
        assert given.text_shown == shown
        assert session.scalars(select(Referral).where(Referral.tenant_id == tenant.id)).one().consent_id == given.id

    await telegram.send_text(liisa, "can social services help me pay the rent?")
    *_, social = await telegram.wait_for_messages(6303, 5)
    assert "(socialtjänsten)" in social.text and "0123-456 00" in social.text

    # Asked for a few words about her situation, she says she has paid instead: that is
    # answered as it is, not taken for the reason.
    await telegram.press(liisa, social, '/explain_reason{"reason":"forgot"}')
    *_, ask_text = await telegram.wait_for_messages(6303, 6)
    assert ask_text.text == renderer.text("fi", "reason.ask_text")
    await telegram.send_text(liisa, "I have paid the rent now")
    *_, paid = await telegram.wait_for_messages(6303, 7)
    with db() as session:
        case = session.scalars(select(ArrearsCase).join(Lease).where(Lease.lease_number == "FLOW-03")).one()
        assert case.reported_paid_on == dt.date(2026, 12, 4)
        assert (case.reason_code, case.reason_text_encrypted) == ("forgot", None)
    assert paid.text == renderer.text("fi", "paid.thanks")


async def test_a_rent_administrator_confirms_a_proposed_plan_in_its_topic(
    db: sessionmaker[Session], telegram: FakeTelegram, app: object
) -> None:
    tenant_with_debt(db, "FLOW-04", "Mona Said", 6304, "sv")
    mona = user(6304, "Mona", language_code="sv")
    await telegram.send_text(mona, "jag vill ha en avbetalningsplan")
    [options] = await telegram.wait_for_messages(6304, 1)
    await telegram.press(mona, options, options.buttons[0][1])
    *_, proposed = await telegram.wait_for_messages(6304, 2)
    assert proposed.text.startswith("Tack! Jag har skickat din plan till din hyresadministratör")

    await eventually(lambda: any(name.endswith("· Mona") for _, _, name in telegram.topics))
    [topic] = [t for _, t, name in telegram.topics if name.endswith("· Mona")]
    await eventually(lambda: any(m.thread_id == topic for m in telegram.sent))
    [summary] = [m for m in telegram.sent if m.thread_id == topic]
    assert summary.text.splitlines()[0].endswith(": an instalment plan to confirm")
    assert "Instalment plan: proposed, 4\xa0000\xa0kr a month, 2 payment(s), 8\xa0000\xa0kr in all" in summary.text
    confirm = dict(summary.buttons)["Confirm plan"]

    await telegram.press(user(7002, "Per"), summary, confirm)
    await eventually(lambda: any(t.startswith("Only rent administrators can confirm") for _, t, _ in telegram.callback_answers))
    await telegram.press(user(7001, "Karin"), summary, confirm)
    *_, confirmed = await telegram.wait_for_messages(6304, 3)
    assert confirmed.text == (
        "Din avbetalningsplan är klar. Betala de här beloppen, utöver månadshyran:\n"
        "• 30 december 2026: 4\xa0000\xa0kr\n• 29 januari 2027: 4\xa0000\xa0kr\n"
        "Jag påminner dig några dagar före varje betalning."
    )
    with db() as session:
        plan = session.scalars(select(PaymentPlan).join(ArrearsCase).join(Lease).where(Lease.lease_number == "FLOW-04")).one()
        assert plan.status == "active" and plan.confirmed_at is not None


async def test_an_amount_or_months_in_the_tenants_own_words_get_that_plan(
    db: sessionmaker[Session], telegram: FakeTelegram, app: object, renderer: Renderer
) -> None:
    """Asked in words, not with buttons: the plan for what the tenant said, not the options again."""
    tenant_with_debt(db, "FLOW-05", "Lina Berg", 6305, "en")
    await telegram.send_text(user(6305, "Lina", language_code="en"), "can I pay 1000 a month?")
    [reply] = await telegram.wait_for_messages(6305, 1)
    # 8 000 kr at 1 000 kr a month takes eight months, more than the demo policy's six: staff decide.
    assert reply.text.startswith("Thank you. I cannot agree to 1\xa0000\xa0kr a month here myself")

    tenant_with_debt(db, "FLOW-06", "Sara Holm", 6306, "sv")
    await telegram.send_text(user(6306, "Sara", language_code="sv"), "kan jag dela upp det på tre månader?")
    [reply] = await telegram.wait_for_messages(6306, 1)
    assert reply.text.split("\n")[0] == renderer.text("sv", "plan.proposed", {"schedule": {"schedule": []}}).split("\n")[0]
    with db() as session:
        plans = {
            lease: (plan.status, len(plan.instalments))
            for lease, plan in session.execute(
                select(Lease.lease_number, PaymentPlan).join(ArrearsCase, PaymentPlan.case_id == ArrearsCase.id)
                .join(Lease, ArrearsCase.lease_id == Lease.id).where(Lease.lease_number.in_(("FLOW-05", "FLOW-06")))
            )
        }
    assert plans == {"FLOW-05": ("review", 8), "FLOW-06": ("proposed", 3)}


# "I can't pay, I lost my job", as tenants write it in each language.
CANNOT_PAY_LOST_JOB = {
    "sv": "Jag kan inte betala hyran, jag har förlorat jobbet.",
    "en": "I can't pay, I lost my job",
    "ar": "ما بقدر ادفع الإيجار، خسرت شغلي",
    "so": "kirada ma bixin karo maxaa yeelay shaqadii waan waayay",
    "fa": "نمی‌تونم اجاره رو بدم، کارم رو از دست دادم",
    "ti": "ክራይ ክኸፍል ኣይክእልን እየ ስራሕ ስለ ዝሰኣንኩ",
    "uk": "Я не можу заплатити оренду, я втратила роботу",
    "fi": "En pysty maksamaan vuokraa, menetin työpaikkani",
}


def test_every_language_says_why_in_one_message() -> None:
    assert set(CANNOT_PAY_LOST_JOB) == set(LANGUAGES)


@pytest.mark.parametrize("language", list(CANNOT_PAY_LOST_JOB))
async def test_a_reason_in_the_same_message_is_not_asked_for_again(
    db: sessionmaker[Session], telegram: FakeTelegram, app: object, renderer: Renderer, language: str
) -> None:
    """"I can't pay, I lost my job": the balance, then straight to the optional few words; the
    reason buttons are not shown and the reason is kept."""
    index = list(CANNOT_PAY_LOST_JOB).index(language)
    number, user_id = f"WORDS-{language}", 6400 + index
    tenant_with_debt(db, number, "Omar Test", user_id, language)
    await telegram.send_text(user(user_id, "Omar", language_code=language), CANNOT_PAY_LOST_JOB[language])
    replies = await telegram.wait_for_messages(user_id, 3)
    assert [reply.text for reply in replies[::2]] == [
        renderer.text(language, "arrears.cannot_pay"), renderer.text(language, "reason.ask_text")]
    assert renderer.text(language, "reason.ask") not in {reply.text for reply in replies}
    with db() as session:
        reason = session.scalar(select(ArrearsCase.reason_code).join(Lease, ArrearsCase.lease_id == Lease.id).where(Lease.lease_number == number))
    assert reason == "job_loss"


async def test_a_missed_instalment_reaches_the_tenant(
    frozen: Settings, db: sessionmaker[Session], telegram: FakeTelegram, app: object, renderer: Renderer
) -> None:
    """An agreed plan whose first instalment a later snapshot shows unpaid is marked missed, and
    the tenant is written to through Telegram. Protects the chat the missed-instalment message is
    addressed to: without it the message waited for ever and the tenant heard nothing."""
    tenant_with_debt(db, "FLOW-07", "Ali Nur", 6307, "en")
    with db.begin() as session:
        lease = session.scalars(select(Lease).where(Lease.lease_number == "FLOW-07")).one()
        debt = arrears.current_debt(session, lease)
        assert debt is not None
        plan = arrears.agree_plan(session, debt, plan_for_amount(debt.amount_ore, 400_000, dt.date(2027, 1, 1)),
                                  PlanPolicy(6, 300_00, auto_confirm=True), MORNING)
        assert plan.status == "active" and plan.instalments[0].due == dt.date(2026, 12, 30)
    with db.begin() as session:
        organisation = find_organisation(session, "demo")
        assert organisation is not None
        import_ledger_day(session, organisation, "FLOW-07;8 000;2026-11-30;2027-01-05\n")
    outreach = OutreachSender(OutreachDelivery(
        db, Renderer(frozen.project_root / "locales", "sv"), load_all(frozen.organisation_dir), lambda: MORNING))
    await outreach.run(app.bot)  # type: ignore[attr-defined]
    texts = [message.text for message in telegram.messages_to(6307)]
    assert any(text.startswith("Hello Ali. According to our records on January 5, 2027, the payment of your "
                               "instalment plan that was due on December 30, 2026 has not arrived.") for text in texts), texts
