"""The crisis keyword net fires on the clearest phrases, and not on ordinary tenancy talk."""

import pytest
import yaml

from bot.safety.keywords import CrisisKeywords
from bot.config.settings import PROJECT_ROOT

NET = CrisisKeywords.bundled()


@pytest.mark.parametrize(
    "message",
    [
        "jag vill inte leva längre",
        "Jag  VILL inte leva",
        "he hits me every night",
        "I want to kill myself",
        "він мене б’є кожен день",
        "ما بدي عيش، بدي موت",
    ],
)
def test_clear_crisis_phrases_fire(message: str) -> None:
    assert NET.match(message) is not None


def test_a_phrase_must_start_where_a_word_starts() -> None:
    assert CrisisKeywords(["he hit me"]).match("the hit me hard, that bill") is None
    assert CrisisKeywords(["he hit me"]).match("yesterday he hit me") == "he hit me"


def _examples(intent_wanted: bool) -> list[tuple[str, str]]:
    examples = []
    for path in sorted((PROJECT_ROOT / "nlu").glob("*/*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if (block["intent"] == "crisis") is intent_wanted:
                examples += [(block["intent"], line[2:]) for line in block["examples"].splitlines() if line.startswith("- ")]
    return examples


def test_no_ordinary_training_example_fires() -> None:
    false_alarms = [(intent, text) for intent, text in _examples(False) if NET.match(text)]
    assert false_alarms == []


def test_no_out_of_scope_message_fires() -> None:
    lines = []
    for path in sorted((PROJECT_ROOT / "tests" / "nlu" / "out_of_scope").glob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [line for line in lines if NET.match(line)] == []
