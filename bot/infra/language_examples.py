"""The examples the language identifier learns from: the NLU training data, one folder per
language (`nlu/<lang>/*.yml`), so the identifier knows every phrasing the assistant was taught.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.config.settings import PROJECT_ROOT
from bot.domain.language_id import LanguageIdentifier
from bot.i18n.languages import LANGUAGES

NLU_DIR = PROJECT_ROOT / "nlu"
# The C loader reads the training data several times faster; the pure one gives the same data.
Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Rasa's entity markup, "[1000](amount)" or '[1000]{"entity": "amount"}': only the text counts.
ENTITY = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def examples_by_intent_in(data: Any) -> dict[str, list[str]]:
    """The example texts of one Rasa NLU file per intent:
    `nlu: [{intent: ..., examples: "- a\\n- b\\n"}]`."""
    found: dict[str, list[str]] = defaultdict(list)
    for block in (data or {}).get("nlu") or []:
        if isinstance(block, dict) and isinstance(block.get("examples"), str) and "intent" in block:
            lines = (line.strip() for line in block["examples"].splitlines())
            texts = (ENTITY.sub(r"\1", line[2:]).strip() for line in lines if line.startswith("- "))
            found[str(block["intent"])] += [text for text in texts if text]
    return dict(found)


def read_examples_by_intent(nlu_dir: Path = NLU_DIR) -> dict[str, dict[str, list[str]]]:
    """Per supported language that has a folder under `nlu_dir`, its examples per intent."""
    examples: dict[str, dict[str, list[str]]] = {}
    for language in LANGUAGES:
        files = sorted((nlu_dir / language).glob("*.yml"))
        if not files:
            continue
        intents: dict[str, list[str]] = defaultdict(list)
        for path in files:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
            for intent, texts in examples_by_intent_in(data).items():
                intents[intent] += texts
        examples[language] = dict(intents)
    return examples


def read_examples(nlu_dir: Path = NLU_DIR) -> dict[str, list[str]]:
    """The training examples per supported language that has a folder under `nlu_dir`."""
    return {language: [text for texts in intents.values() for text in texts]
            for language, intents in read_examples_by_intent(nlu_dir).items()}


@cache
def bundled_identifier() -> LanguageIdentifier:
    """The identifier built from the bundled training data; built once per process, on first use
    (about a second), so that processes which never identify a language never pay for it."""
    return LanguageIdentifier.from_examples(read_examples())
