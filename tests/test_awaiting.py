"""Waiting for an answer in the tenant's own words: every transition, without a database."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain.awaiting import (
    REASON_LIKE_INTENTS,
    Awaiting,
    Decision,
    Treat,
    Wait,
    awaited,
    decide,
    needs_intent,
)

NOW = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
REASON = Wait(Awaiting.REASON_TEXT, NOW + dt.timedelta(minutes=30))
AMOUNT = Wait(Awaiting.PLAN_AMOUNT, NOW + dt.timedelta(minutes=30))
ORDINARY = Decision(Treat.ORDINARY)


def test_nothing_awaited_is_an_ordinary_message() -> None:
    assert awaited(None, NOW) is None
    assert not needs_intent(None, NOW, crisis=False)
    assert decide(None, NOW, False, "1 500 kr") == ORDINARY


@pytest.mark.parametrize("wait", [REASON, AMOUNT])
def test_a_wait_that_is_over_is_forgotten(wait: Wait) -> None:
    later = wait.until
    assert awaited(wait, wait.until - dt.timedelta(seconds=1)) is wait.awaiting
    assert awaited(wait, later) is None
    assert not needs_intent(wait, later, crisis=False)
    assert decide(wait, later, False, "1 500 kr", "explain_reason") == ORDINARY


@pytest.mark.parametrize("wait", [REASON, AMOUNT])
def test_a_crisis_phrase_is_never_taken_as_the_answer(wait: Wait) -> None:
    assert not needs_intent(wait, NOW, crisis=True)
    assert decide(wait, NOW, True, "jag orkar inte leva, 1 500 kr") == ORDINARY


@pytest.mark.parametrize(("text", "amount_ore"), [("1 500 kr", 150_000), ("jag kan betala 800", 80_000), ("٨٠٠", 80_000)])
def test_one_clear_amount_is_the_plan_amount(text: str, amount_ore: int) -> None:
    assert not needs_intent(AMOUNT, NOW, crisis=False)
    assert decide(AMOUNT, NOW, False, text) == Decision(Treat.PLAN_AMOUNT, amount_ore)


@pytest.mark.parametrize("text", ["vet inte", "500 eller 700", "vad är en avbetalningsplan?"])
def test_anything_but_one_clear_amount_is_an_ordinary_message(text: str) -> None:
    assert decide(AMOUNT, NOW, False, text) == ORDINARY


def test_a_reason_text_needs_the_nlu_to_say_what_kind_of_message_it_is() -> None:
    assert needs_intent(REASON, NOW, crisis=False)


@pytest.mark.parametrize("intent", sorted(REASON_LIKE_INTENTS))
def test_words_about_the_situation_are_the_reason_text(intent: str) -> None:
    assert decide(REASON, NOW, False, "jag blev sjuk", intent) == Decision(Treat.REASON_TEXT)


def test_without_the_nlu_a_message_without_a_crisis_phrase_is_the_reason_text() -> None:
    assert decide(REASON, NOW, False, "jag blev sjuk", None) == Decision(Treat.REASON_TEXT)


def test_a_no_skips_the_question() -> None:
    assert decide(REASON, NOW, False, "nej tack", "deny") == Decision(Treat.SKIP)


@pytest.mark.parametrize("intent", ["crisis", "ask_balance", "request_human", "greet"])
def test_a_question_or_crisis_of_its_own_is_an_ordinary_message(intent: str) -> None:
    assert decide(REASON, NOW, False, "hur mycket är jag skyldig?", intent) == ORDINARY


def test_the_wait_for_a_reason_text_never_takes_an_amount() -> None:
    assert decide(REASON, NOW, False, "1 500 kr", "explain_reason") == Decision(Treat.REASON_TEXT)


def test_what_is_awaited_is_stored_by_name() -> None:
    assert [a.value for a in Awaiting] == ["reason_text", "plan_amount"]
