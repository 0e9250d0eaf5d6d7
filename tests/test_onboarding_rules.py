"""The walkthrough's progress rule, without a database: what each button does to how far the
tenant has come, what they are told, and which step they see next."""

import datetime as dt

import pytest
import yaml

from bot.config.settings import PROJECT_ROOT
from bot.domain.onboarding import (
    CHECK_BUTTONS,
    CONTINUE_BUTTON,
    STEPS,
    TALK_TO_PERSON_BUTTON,
    Choice,
    Progress,
    Turn,
    advance,
    start,
)

NOW = dt.datetime(2026, 12, 4, 8, 0, tzinfo=dt.UTC)
LAST = len(STEPS) - 1
DONE = Progress(step=LAST, completed_at=NOW - dt.timedelta(days=1), found_clear=True)


def test_a_new_tenant_gets_an_introduction_and_the_first_step() -> None:
    assert start() == Turn(Progress(step=0), {"key": "onboarding.intro"}, show=0)


def test_next_shows_the_following_step_without_a_message() -> None:
    assert advance(Progress(step=2), Choice.NEXT, NOW) == Turn(Progress(step=3), show=3)


def test_next_after_the_last_step_asks_whether_it_was_clear_and_stays_on_it() -> None:
    assert advance(Progress(step=LAST), Choice.NEXT, NOW) == Turn(
        Progress(step=LAST), {"key": "onboarding.check", "buttons": list(CHECK_BUTTONS)})


@pytest.mark.parametrize(("choice", "key"), [
    (Choice.LATER, "onboarding.later"),
    (Choice.QUESTION, "onboarding.ask_question"),
])
def test_later_and_a_question_keep_the_step_and_offer_the_way_back(choice: Choice, key: str) -> None:
    assert advance(Progress(step=2), choice, NOW) == Turn(Progress(step=2), {"key": key, "buttons": [CONTINUE_BUTTON]})


def test_start_resumes_at_the_step_shown_last() -> None:
    assert advance(Progress(step=4), Choice.START, NOW) == Turn(Progress(step=4), {"key": "onboarding.resume"}, show=4)


def test_clear_completes_the_walkthrough_now() -> None:
    turn = advance(Progress(step=LAST), Choice.CLEAR, NOW)
    assert turn == Turn(Progress(LAST, completed_at=NOW, found_clear=True), {"key": "onboarding.done_clear"})


def test_unclear_completes_it_too_and_offers_a_person() -> None:
    turn = advance(Progress(step=1), Choice.UNCLEAR, NOW)
    assert turn.progress == Progress(1, completed_at=NOW, found_clear=False)
    assert turn.message == {"key": "onboarding.done_unclear", "buttons": [TALK_TO_PERSON_BUTTON]}
    assert turn.show is None


@pytest.mark.parametrize("choice", list(Choice))
def test_a_completed_walkthrough_changes_no_more(choice: Choice) -> None:
    assert advance(DONE, choice, NOW) == Turn(DONE, {"key": "onboarding.already_done"})


def test_every_choice_is_an_intent_rasa_knows() -> None:
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(Choice) <= set(domain["intents"])
