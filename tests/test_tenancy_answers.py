"""Answers to tenancy questions come from the organisation's facts and the tenant's lease."""

import datetime as dt

import pytest

from bot.i18n.rendering import Renderer
from bot.config.organisations import load_organisation
from bot.config.settings import PROJECT_ROOT
from bot.domain.tenancy_answers import TENANCY_INTENTS, answer

FACTS = load_organisation(PROJECT_ROOT / "config" / "organisations", "demo")
TODAY = dt.date(2026, 11, 26)


def test_the_rent_answer_is_personal_with_the_real_due_date(renderer: Renderer) -> None:
    reply = answer("ask_rent_due_date", FACTS, 845_000, TODAY)
    assert reply == {
        "key": "tenancy.rent_due.personal",
        "params": {"month": {"month": "2026-12-01"}, "due_date": {"date": "2026-11-30"},
                   "amount": {"amount_ore": 845_000}},
    }
    assert renderer.text("sv", reply["key"], reply["params"]) == (
        "Din hyra är 8\xa0450\xa0kr i månaden. Hyran betalas i förskott: "
        "hyran för december 2026 ska vara betald senast 30 november 2026."
    )


def test_a_month_ending_on_a_weekend_moves_the_due_date_back() -> None:
    # Rent for March 2026: 28 February is a Saturday, so it is due Friday 27 February.
    reply = answer("ask_rent_due_date", FACTS, None, dt.date(2026, 2, 2))
    assert reply["key"] == "tenancy.rent_due.general"
    assert reply["params"]["due_date"] == {"date": "2026-02-27"}


def test_facts_come_from_the_organisation_file(renderer: Renderer) -> None:
    payment = answer("ask_payment_methods", FACTS, None, TODAY)
    assert payment["key"] == "tenancy.payment.autogiro" and payment["params"]["bankgiro"] == "5050-1055"
    quiet = answer("ask_quiet_hours", FACTS, None, TODAY)
    assert "between 22:00 and 07:00" in renderer.text("en", quiet["key"], quiet["params"])
    fault = answer("report_fault", FACTS, None, TODAY)["params"]
    assert fault == {"phone": "010-123 45 00", "web": "https://www.exempelbostader.example/felanmalan",
                     "emergency_phone": "010-123 45 99"}
    assert answer("ask_moving_out", FACTS, None, TODAY)["params"] == {"end_date": {"date": "2027-02-28"}}


@pytest.mark.parametrize("intent", TENANCY_INTENTS)
@pytest.mark.parametrize("language", ["sv", "en", "ar", "fi"])
def test_every_answer_renders_in_every_language(renderer: Renderer, intent: str, language: str) -> None:
    reply = answer(intent, FACTS, 845_000, TODAY)
    text = renderer.text(language, reply["key"], reply.get("params"))
    assert text and "{" not in text


def test_an_unknown_intent_is_not_answered_silently() -> None:
    with pytest.raises(ValueError):
        answer("greet", FACTS, None, TODAY)
