"""The Rasa project itself: its data is consistent, and its conversation tests pass."""

import os
import re
import subprocess
from pathlib import Path

from bot.config.settings import PROJECT_ROOT, load_settings

RASA_ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


def rasa(*args: str) -> subprocess.CompletedProcess[str]:
    command = [str(load_settings().rasa_python), "-m", "rasa", *args]
    return subprocess.run(command, cwd=PROJECT_ROOT, env=RASA_ENV, capture_output=True, text=True)


# Intents that only buttons send (as payloads): Rasa warns that they have no NLU examples.
PAYLOAD_ONLY_INTENTS = {
    "onboarding_start", "onboarding_next", "onboarding_later", "onboarding_question",
    "onboarding_clear", "onboarding_unclear", "reason_text_given", "reason_text_skipped",
}
NO_EXAMPLES = re.compile(r"The intent '(\w+)' is listed in the domain file, but is not found in the NLU training data")


def test_the_training_data_validates_without_warnings() -> None:
    result = rasa("data", "validate", "--data", "nlu", "stories", "--domain", "domain.yml", "--config", "config.yml")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    warnings = [line for line in output.splitlines() if "UserWarning" in line]
    unexpected = [w for w in warnings if not ((m := NO_EXAMPLES.search(w)) and m.group(1) in PAYLOAD_ONLY_INTENTS)]
    assert unexpected == []
    assert {m.group(1) for w in warnings if (m := NO_EXAMPLES.search(w))} == PAYLOAD_ONLY_INTENTS


def _test_stories(model: Path, stories: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return rasa(
        "test", "core", "--model", str(model), "--stories", str(stories),
        "--out", str(out), "--fail-on-prediction-errors",
    )


def test_the_conversation_tests_pass(trained_model: Path, tmp_path: Path) -> None:
    result = _test_stories(trained_model, PROJECT_ROOT / "tests" / "test_stories.yml", tmp_path)
    assert result.returncode == 0, (tmp_path / "failed_test_stories.yml").read_text()


def test_a_wrong_conversation_test_fails(trained_model: Path, tmp_path: Path) -> None:
    stories = tmp_path / "wrong.yml"
    stories.write_text(
        'version: "3.1"\nstories:\n  - story: greeting answered with a goodbye\n    steps:\n'
        "      - user: |\n          hej\n        intent: greet\n      - action: utter_goodbye\n",
        encoding="utf-8",
    )
    result = _test_stories(trained_model, stories, tmp_path / "out")
    assert result.returncode != 0
    assert "utter_goodbye  # predicted: action_greet_tenant" in result.stdout + result.stderr
