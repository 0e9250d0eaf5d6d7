"""A keyword safety net for the clearest crisis phrases, per language.

The NLU model recognises crisis messages; this net catches the clearest phrases even when the
model does not, or when Rasa is down. A phrase matches where a word starts, so "he hit me"
does not fire inside "the hit me".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

KEYWORD_DIR = Path(__file__).resolve().parent / "keywords"
APOSTROPHES = str.maketrans({
    "’": "'", "ʼ": "'", "`": "'", "´": "'", "\u200c": " ",
    # Persian typed on an Arabic keyboard: the same word either way.
    "ي": "ی", "ى": "ی", "ك": "ک",
})


def normalise(text: str) -> str:
    """Case-fold, unify apostrophes, joiners and the Arabic and Persian forms of yeh and kaf,
    collapse whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(APOSTROPHES).casefold()
    return " ".join(text.split())


def load_phrases(directory: Path = KEYWORD_DIR) -> list[str]:
    phrases = []
    for path in sorted(directory.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                phrases.append(normalise(line))
    return phrases


class CrisisKeywords:
    def __init__(self, phrases: Iterable[str]) -> None:
        alternatives = sorted({normalise(p) for p in phrases if p.strip()}, key=len, reverse=True)
        self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + ")")

    @classmethod
    def bundled(cls) -> CrisisKeywords:
        return cls(load_phrases())

    def match(self, text: str) -> str | None:
        """The phrase found in the message, if any."""
        found = self._pattern.search(normalise(text))
        return found.group(0) if found else None
