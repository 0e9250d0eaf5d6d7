"""The new-tenant walkthrough (action_onboarding): each step answers one tenancy question, the
tenant can stop and pick up where they left, and a question asked in between offers the way
back."""

import datetime as dt

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.actions import ActionAnswerTenancyQuestion, ActionOnboarding
from bot.db.models import Onboarding
from bot.domain.onboarding import CHECK_BUTTONS, CONTINUE_BUTTON, STEP_BUTTONS, STEPS, TALK_TO_PERSON_BUTTON
from tests.actions_support import AMINA, STRANGER, amina, keys, run, seed, using

STARTED = dt.datetime(2026, 12, 4, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def walkthrough(session_factory: sessionmaker[Session]) -> ActionOnboarding:
    seed(session_factory)
    return ActionOnboarding(using(session_factory, STARTED))


def utc(moment: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back UTC times without their zone."""
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def progress(sessions: sessionmaker[Session]) -> Onboarding | None:
    with sessions() as session:
        return session.get(Onboarding, amina(session).id)


async def test_the_walkthrough_starts_with_an_introduction_and_the_first_step(
    walkthrough: ActionOnboarding, session_factory: sessionmaker[Session]
) -> None:
    intro, step = await run(walkthrough, AMINA, "/onboarding_start", "onboarding_start")
    assert intro == {"key": "onboarding.intro"}
    assert step["key"].startswith("tenancy.") and step["buttons"] == list(STEP_BUTTONS)
    started = progress(session_factory)
    assert started is not None and (started.step, utc(started.started_at), started.completed_at) == (0, STARTED, None)


async def test_next_shows_the_following_step_and_after_the_last_asks_whether_it_was_clear(
    walkthrough: ActionOnboarding, session_factory: sessionmaker[Session]
) -> None:
    await run(walkthrough, AMINA, "/onboarding_start", "onboarding_start")
    [second] = await run(walkthrough, AMINA, "/onboarding_next", "onboarding_next")
    assert second["buttons"] == list(STEP_BUTTONS)
    assert progress(session_factory).step == 1  # type: ignore[union-attr]
    for _ in range(len(STEPS) - 2):
        await run(walkthrough, AMINA, "/onboarding_next", "onboarding_next")
    assert await run(walkthrough, AMINA, "/onboarding_next", "onboarding_next") == [
        {"key": "onboarding.check", "buttons": list(CHECK_BUTTONS)}
    ]


async def test_later_pauses_and_start_resumes_at_the_same_step(
    walkthrough: ActionOnboarding, session_factory: sessionmaker[Session]
) -> None:
    await run(walkthrough, AMINA, "/onboarding_start", "onboarding_start")
    [shown] = await run(walkthrough, AMINA, "/onboarding_next", "onboarding_next")
    assert await run(walkthrough, AMINA, "/onboarding_later", "onboarding_later") == [
        {"key": "onboarding.later", "buttons": [CONTINUE_BUTTON]}
    ]
    resumed, step = await run(walkthrough, AMINA, "/onboarding_start", "onboarding_start")
    assert resumed == {"key": "onboarding.resume"} and step == shown


async def test_a_question_in_between_is_answered_with_the_way_back(
    walkthrough: ActionOnboarding, session_factory: sessionmaker[Session]
) -> None:
    await run(walkthrough, AMINA, "/onboarding_start", "onboarding_start")
    assert await run(walkthrough, AMINA, "/onboarding_question", "onboarding_question") == [
        {"key": "onboarding.ask_question", "buttons": [CONTINUE_BUTTON]}
    ]
    question = ActionAnswerTenancyQuestion(using(session_factory))
    [answer] = await run(question, AMINA, "hur bokar jag tvättstugan", "ask_laundry")
    assert answer["key"].startswith("tenancy.laundry") and answer["buttons"] == [CONTINUE_BUTTON]


@pytest.mark.parametrize(("intent", "closing"), [
    ("onboarding_clear", {"key": "onboarding.done_clear"}),
    ("onboarding_unclear", {"key": "onboarding.done_unclear", "buttons": [TALK_TO_PERSON_BUTTON]}),
])
async def test_the_answer_to_was_this_clear_completes_the_walkthrough(
    walkthrough: ActionOnboarding, session_factory: sessionmaker[Session], intent: str, closing: dict[str, object]
) -> None:
    await run(walkthrough, AMINA, "/onboarding_start", "onboarding_start")
    assert await run(walkthrough, AMINA, f"/{intent}", intent) == [closing]
    done = progress(session_factory)
    assert done is not None and utc(done.completed_at) == STARTED and done.found_clear is (intent == "onboarding_clear")
    assert keys(await run(walkthrough, AMINA, "/onboarding_start", "onboarding_start")) == ["onboarding.already_done"]
    # Once it is done, a tenancy question is answered without the way back.
    question = ActionAnswerTenancyQuestion(using(session_factory))
    [answer] = await run(question, AMINA, "hur bokar jag tvättstugan", "ask_laundry")
    assert "buttons" not in answer


async def test_someone_not_linked_to_a_lease_is_pointed_to_their_landlord(walkthrough: ActionOnboarding) -> None:
    assert await run(walkthrough, STRANGER, "/onboarding_start", "onboarding_start") == [
        {"key": "staff.contact_unknown_tenant"}
    ]
