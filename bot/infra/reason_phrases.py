"""The phrases tenants use to say why the rent is late, read from `bot/i18n/reason_phrases/`
(one file a language) into the matcher of `bot.domain.reason_words`."""

from __future__ import annotations

from pathlib import Path

from bot.domain.reason_words import ReasonPhrases, parse_phrases
from bot.domain.reasons import LateRentReason

PHRASE_DIR = Path(__file__).resolve().parent.parent / "i18n" / "reason_phrases"


def load_reason_phrases(directory: Path = PHRASE_DIR) -> ReasonPhrases:
    """Every language's phrases in one matcher: a tenant may mix languages, and the Swedish words
    for benefits turn up in all of them."""
    merged: dict[LateRentReason, list[str]] = {}
    for path in sorted(directory.glob("*.txt")):
        for reason, found in parse_phrases(path.read_text(encoding="utf-8").splitlines(), path.name).items():
            merged.setdefault(reason, []).extend(found)
    return ReasonPhrases(merged)
