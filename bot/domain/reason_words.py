"""Why the rent is late, when the tenant already said it in words: "I can't pay, I lost my job",
"jag blev sjuk och kan inte betala hyran". The tenant is then not asked again.

The phrases for each reason are kept per language in `bot/i18n/reason_phrases/<lang>.txt`
(read by `bot.infra.reason_phrases`), under a `[reason]` heading. They are matched on folded text (`fold`: case, diacritics and punctuation
ignored, so "forlorat jobbet" is read like "förlorat jobbet") where a word starts, as a prefix,
so a stem matches its inflections. A message whose phrases point to two different reasons is
unclear, and the tenant is asked, as when none is found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from bot.domain.reasons import LateRentReason

# The reasons that can be said in words; declining is only ever a button.
SPOKEN_REASONS = frozenset(LateRentReason) - {LateRentReason.OTHER, LateRentReason.DECLINED}
_NOT_WORD = re.compile(r"[\W_]+")
_HEADING = re.compile(r"^\[(\w+)\]$")
# Letters typed for one another in Arabic script: yeh, kaf, alef with marks, teh marbuta.
_SAME_LETTER = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه"})


def fold(text: str) -> str:
    """Case-folded text without diacritics (Latin, Cyrillic and Arabic marks alike), tatweel or
    zero-width joiners, with the letter variants of Arabic script made one and every run of
    punctuation and spaces made one space."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in "\u0640\u200c\u200d")
    return " ".join(_NOT_WORD.sub(" ", kept.translate(_SAME_LETTER)).split())


def parse_phrases(lines: Iterable[str], source: str = "reason phrases") -> dict[LateRentReason, list[str]]:
    """The phrases under each `[reason]` heading; comments (`#`) and blank lines skipped."""
    phrases: dict[LateRentReason, list[str]] = {}
    current: LateRentReason | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        heading = _HEADING.match(line)
        if heading:
            try:
                current = LateRentReason(heading.group(1))
            except ValueError:
                raise ValueError(f"{source}:{number}: unknown reason [{heading.group(1)}]") from None
            if current not in SPOKEN_REASONS:
                raise ValueError(f"{source}:{number}: [{current}] cannot be said in words")
            continue
        if current is None:
            raise ValueError(f"{source}:{number}: a phrase before any [reason] heading")
        if fold(line):
            phrases.setdefault(current, []).append(fold(line))
    return phrases


class ReasonPhrases:
    """The reason a message states, from the phrases of every language at once (a tenant may mix
    languages, and the Swedish words for benefits turn up in all of them)."""

    def __init__(self, phrases: Mapping[LateRentReason, Iterable[str]]) -> None:
        self._patterns = {
            reason: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(set(found), key=len, reverse=True))) + ")")
            for reason, found in phrases.items() if found
        }

    def reason_in(self, text: str) -> LateRentReason | None:
        """The one reason the message states, or None when it states none or several."""
        folded = fold(text)
        found = {reason for reason, pattern in self._patterns.items() if pattern.search(folded)}
        return found.pop() if len(found) == 1 else None
