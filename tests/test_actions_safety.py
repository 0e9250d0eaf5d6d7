"""The crisis action: the emergency numbers when the NLU is sure, the gentle question with 112
first when it is not, and the numbers again when the tenant answers that they need help."""

from sqlalchemy.orm import Session, sessionmaker

from bot.actions import ActionCrisis
from bot.actions.safety import CHECK_BUTTONS
from tests.actions_support import AMINA, run, using


async def test_a_crisis_the_nlu_is_sure_of_gets_the_emergency_numbers(session_factory: sessionmaker[Session]) -> None:
    action = ActionCrisis(using(session_factory))
    assert await run(action, AMINA, "jag vill inte leva", "crisis", crisis_certainty="alarm") == [
        {"key": "crisis.emergency"}]


async def test_an_unsure_crisis_is_asked_about_gently(session_factory: sessionmaker[Session]) -> None:
    action = ActionCrisis(using(session_factory))
    assert await run(action, AMINA, "det brinner i knutarna", "crisis", crisis_certainty="unsure") == [
        {"key": "crisis.check", "buttons": CHECK_BUTTONS}]


async def test_yes_i_need_help_gets_the_emergency_numbers(session_factory: sessionmaker[Session]) -> None:
    [need_help, safe] = CHECK_BUTTONS
    assert need_help["payload"] == "/crisis" and safe["payload"] == "/ask_capabilities"
    action = ActionCrisis(using(session_factory))
    assert await run(action, AMINA, "/crisis", "crisis") == [{"key": "crisis.emergency"}]
