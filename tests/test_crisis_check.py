"""The crisis rule at the end of the NLU pipeline (`rasa_components/intent_adjustments.py`), run
in the Rasa environment where it lives.

It protects the crisis alarm's precision without giving up recall: a crisis the classifier ranks
first is always one; a crisis it only gives a share to is one when the crisis check agrees, and
small talk the check does not believe is left alone (without the check, the share alone raised
the alarm on "Beautiful day, isn't it?"). Only a crisis ranked first that the check confirms
raises the alarm; the others are asked about gently, with 112 first.
"""

import json
import subprocess

import pytest

from bot.config.settings import PROJECT_ROOT, load_settings

CONFIG = {"crisis_intent": "crisis", "crisis_threshold": 0.05, "crisis_check_threshold": 0.3,
          "alarm_check_threshold": 0.5, "out_of_scope_intent": "out_of_scope"}
SCRIPT = """
import json, sys
from rasa_components.intent_adjustments import adjust, crisis_certainty
cases = json.loads(sys.stdin.read())
print(json.dumps([
    adjust(c["intent"], c["ranking"], c["config"], c["check"])["name"] + ":"
    + str(crisis_certainty(c["ranking"], c["config"], c["check"]))
    for c in cases
]))
"""


def adjusted(*cases: tuple[list[tuple[str, float]], float | None]) -> list[str]:
    payload = [
        {"intent": {"name": ranking[0][0], "confidence": ranking[0][1]},
         "ranking": [{"name": name, "confidence": share} for name, share in ranking],
         "config": CONFIG, "check": check}
        for ranking, check in cases
    ]
    result = subprocess.run(
        [str(load_settings().rasa_python), "-c", SCRIPT], input=json.dumps(payload), cwd=PROJECT_ROOT,
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def verdicts() -> list[str]:
    return adjusted(
        ([("crisis", 0.40), ("report_fault", 0.30)], 0.10),         # ranked first, the check doubts: asked gently
        ([("report_fault", 0.50), ("crisis", 0.20)], 0.60),         # a share, and the check agrees: asked gently
        ([("out_of_scope", 0.56), ("crisis", 0.15)], 0.13),         # small talk: the check does not agree
        ([("report_fault", 0.60), ("crisis", 0.04)], 0.90),         # too small a share to consider
        ([("out_of_scope", 0.70), ("greet", 0.10)], None),          # out of scope is reported as nlu_fallback
        ([("report_fault", 0.50), ("crisis", 0.20)], None),         # no crisis check in the pipeline: the share decides
        ([("crisis", 0.70), ("report_fault", 0.10)], 0.80),         # ranked first and the check agrees: the alarm
    )


def test_a_crisis_ranked_first_is_a_crisis_and_asked_about_when_the_check_doubts(verdicts: list[str]) -> None:
    assert verdicts[0] == "crisis:unsure"


def test_a_crisis_share_confirmed_by_the_check_is_asked_about(verdicts: list[str]) -> None:
    assert verdicts[1] == "crisis:unsure"


def test_small_talk_the_check_does_not_believe_raises_no_alarm(verdicts: list[str]) -> None:
    assert verdicts[2] == "nlu_fallback:None"


def test_a_tiny_crisis_share_is_not_considered(verdicts: list[str]) -> None:
    assert verdicts[3] == "report_fault:None"


def test_out_of_scope_is_reported_as_fallback(verdicts: list[str]) -> None:
    assert verdicts[4] == "nlu_fallback:None"


def test_without_a_crisis_check_the_share_alone_raises_the_alarm(verdicts: list[str]) -> None:
    assert verdicts[5] == "crisis:alarm"


def test_a_crisis_ranked_first_that_the_check_confirms_raises_the_alarm(verdicts: list[str]) -> None:
    assert verdicts[6] == "crisis:alarm"
