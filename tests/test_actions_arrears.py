"""The late-rent conversation's actions: "I cannot pay" and why, "I have paid", budget and debt
counselling with the tenant's consent, and social services."""

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.actions import (
    ActionCannotPay,
    ActionDebtAdvice,
    ActionReasonText,
    ActionReportPaid,
    ActionSocialServices,
)
from bot.actions.arrears import REASON_BUTTONS
from bot.db.models import ArrearsCase, Chat, Consent, Referral
from bot.domain import buttons
from bot.domain.reasons import LateRentReason
from bot.i18n.rendering import Renderer
from tests.actions_support import AMINA, STRANGER, TODAY, amina, keys, run, seed, using

NOW = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)
BALANCE = {"key": "balance.owed", "params": {"date": {"date": "2026-12-04"}, "amount": {"amount_ore": 845_000}}}


@pytest.fixture
def behind(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """Amina, behind with the last rent."""
    seed(session_factory, behind_on=TODAY)
    return session_factory


def case(sessions: sessionmaker[Session]) -> ArrearsCase:
    with sessions() as session:
        return session.scalars(select(ArrearsCase)).one()


async def test_a_tenant_who_cannot_pay_sees_the_balance_and_is_asked_why(behind: sessionmaker[Session]) -> None:
    assert await run(ActionCannotPay(using(behind, NOW)), AMINA, "jag kan inte betala", "cannot_pay_rent") == [
        {"key": "arrears.cannot_pay"}, BALANCE, {"key": "reason.ask", "buttons": REASON_BUTTONS},
    ]
    assert len(REASON_BUTTONS) == len(LateRentReason)


async def test_a_reason_is_recorded_and_a_few_words_more_are_invited(behind: sessionmaker[Session]) -> None:
    action = ActionCannotPay(using(behind, NOW))
    assert await run(action, AMINA, "jobbet", "explain_reason", reason="job_loss") == [
        {"key": "reason.ask_text", "buttons": [buttons.SKIP_REASON_TEXT_BUTTON]}
    ]
    assert case(behind).reason_code == LateRentReason.JOB_LOSS
    with behind() as session:
        chat = session.get(Chat, int(AMINA))
        assert chat is not None and chat.awaiting == "reason_text"
    # Asked again later, the reason is not asked for a second time.
    assert await run(action, AMINA, "jag kan inte betala", "cannot_pay_rent") == [
        {"key": "arrears.cannot_pay"}, BALANCE, {"key": "reason.noted", "buttons": list(buttons.NEXT_STEP_BUTTONS)},
    ]


@pytest.mark.parametrize(("text", "reason"), [
    ("I can't pay, I lost my job", LateRentReason.JOB_LOSS),
    ("jag blev sjuk och kan inte betala hyran", LateRentReason.ILLNESS),
])
async def test_a_reason_written_with_i_cannot_pay_is_not_asked_for_again(
    behind: sessionmaker[Session], text: str, reason: LateRentReason
) -> None:
    assert await run(ActionCannotPay(using(behind, NOW)), AMINA, text, "cannot_pay_rent") == [
        {"key": "arrears.cannot_pay"}, BALANCE, {"key": "reason.ask_text", "buttons": [buttons.SKIP_REASON_TEXT_BUTTON]},
    ]
    assert case(behind).reason_code == reason


async def test_a_tenant_may_decline_to_say_why(behind: sessionmaker[Session]) -> None:
    assert await run(ActionCannotPay(using(behind, NOW)), AMINA, "vill inte säga", "explain_reason", reason="declined") == [
        {"key": "reason.declined", "buttons": list(buttons.NEXT_STEP_BUTTONS)}
    ]
    assert case(behind).reason_code == LateRentReason.DECLINED


async def test_an_unknown_reason_code_is_asked_again(behind: sessionmaker[Session]) -> None:
    assert await run(ActionCannotPay(using(behind, NOW)), AMINA, "lottery", "explain_reason", reason="lottery") == [
        {"key": "reason.ask", "buttons": REASON_BUTTONS}
    ]
    assert case(behind).reason_code is None


async def test_without_a_debt_the_tenant_is_offered_advice_and_a_person(session_factory: sessionmaker[Session]) -> None:
    seed(session_factory)
    assert await run(ActionCannotPay(using(session_factory, NOW)), AMINA, "jag kan inte betala", "cannot_pay_rent") == [
        {"key": "reason.no_case", "buttons": [buttons.DEBT_ADVICE_BUTTON, buttons.TALK_TO_PERSON_BUTTON]}
    ]
    assert await run(ActionCannotPay(using(session_factory, NOW)), STRANGER, "i cannot pay", "cannot_pay_rent") == [
        {"key": "staff.contact_unknown_tenant"}
    ]


@pytest.mark.parametrize(("intent", "key"), [("reason_text_given", "reason.thanks"), ("reason_text_skipped", "reason.noted")])
async def test_after_the_tenants_own_words_or_skipping_the_next_steps_are_offered(
    session_factory: sessionmaker[Session], intent: str, key: str
) -> None:
    assert await run(ActionReasonText(using(session_factory)), AMINA, "...", intent) == [
        {"key": key, "buttons": list(buttons.NEXT_STEP_BUTTONS)}
    ]


async def test_a_tenant_who_has_paid_is_thanked_and_reminders_wait(behind: sessionmaker[Session]) -> None:
    action = ActionReportPaid(using(behind))
    assert await run(action, AMINA, "jag har betalat", "report_paid") == [{"key": "paid.thanks"}]
    assert case(behind).reported_paid_on == TODAY
    assert await run(action, STRANGER, "i have paid", "report_paid") == [{"key": "staff.contact_unknown_tenant"}]


def debt_advice(sessions: sessionmaker[Session]) -> ActionDebtAdvice:
    return ActionDebtAdvice(using(sessions, NOW))


async def test_debt_advice_is_explained_with_the_municipalitys_service_and_a_consent_question(
    behind: sessionmaker[Session],
) -> None:
    explain, contact, question = await run(debt_advice(behind), AMINA, "skuldrådgivning", "request_debt_advice")
    assert explain == {"key": "debt_advice.explain"}
    assert contact == {"key": "debt_advice.contact", "params": {
        "municipality": "Exempelby kommun", "phone": "0123-456 70", "web": "https://www.exempelby.example/skuldradgivning"}}
    assert question["key"] == "debt_advice.ask_consent"
    assert keys(question["buttons"]) == ["button.consent_yes", "button.consent_no"]


async def test_with_consent_a_referral_is_made_for_staff_to_pass_on(
    behind: sessionmaker[Session], renderer: Renderer
) -> None:
    action = debt_advice(behind)
    assert await run(action, AMINA, "ja", "request_debt_advice", consent="yes", consent_version="1") == [
        {"key": "debt_advice.referred"}
    ]
    with behind() as session:
        [consent] = session.scalars(select(Consent)).all()
        [referral] = session.scalars(select(Referral)).all()
        assert (referral.tenant_id, referral.consent_id, referral.recipient) == (amina(session).id, consent.id, "debt_counselling")
        # The consent keeps the text the tenant saw, in their language.
        assert consent.language == "sv"
        assert consent.text_shown == renderer.text("sv", "debt_advice.ask_consent")


async def test_a_yes_to_an_older_consent_text_is_asked_again(behind: sessionmaker[Session]) -> None:
    replies = await run(debt_advice(behind), AMINA, "ja", "request_debt_advice", consent="yes", consent_version="0")
    assert keys(replies) == ["debt_advice.explain", "debt_advice.contact", "debt_advice.ask_consent"]
    with behind() as session:
        assert session.scalars(select(Referral)).all() == []


async def test_without_consent_nothing_is_passed_on(behind: sessionmaker[Session]) -> None:
    action = debt_advice(behind)
    assert await run(action, AMINA, "nej", "request_debt_advice", consent="no") == [{"key": "debt_advice.not_referred"}]
    assert await run(action, STRANGER, "debt advice", "request_debt_advice") == [
        {"key": "debt_advice.explain"}, {"key": "staff.contact_unknown_tenant"}
    ]
    with behind() as session:
        assert session.scalars(select(Referral)).all() == []


async def test_social_services_are_explained_without_promising_money(behind: sessionmaker[Session]) -> None:
    action = ActionSocialServices(using(behind))
    assert await run(action, AMINA, "socialtjänsten", "ask_social_services") == [{
        "key": "social_services.explain",
        "params": {"municipality": "Exempelby kommun", "phone": "0123-456 00",
                   "web": "https://www.exempelby.example/socialtjanst"},
        "buttons": [buttons.DEBT_ADVICE_BUTTON, buttons.TALK_TO_PERSON_BUTTON],
    }]
    assert await run(action, STRANGER, "social services", "ask_social_services") == [
        {"key": "staff.contact_unknown_tenant"}
    ]
