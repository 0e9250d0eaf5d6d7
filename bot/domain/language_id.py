"""Which supported language a tenant's message is written in, or None when that is not clear.

A tenant whose phone is set to a language the assistant does not speak may still write in one it
does; answering in that language spares them the picker. But a wrong confident guess answers the
tenant in a language they may not read, which is worse than asking, so the identifier says None
unless one language is clearly ahead and the message looks like the language it names.

The model is a multinomial naive Bayes over character n-grams (1 to 4 characters, each word padded
with a space on both sides) of the NFKC-normalised, case-folded text, with add-k smoothing.
Diacritics are kept: å, ä and ö are what tell Swedish and Finnish from Somali and English.
Each language is modelled once per script its examples are written in (Arabic in Arabic letters
and in Latin letters, "mar7aba"), so that a few Latin-letter examples are not drowned by the many
in the language's own script. Ethiopic letters alone are enough to say Tigrinya.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import chain

from bot.i18n.languages import LANGUAGES

MAX_ORDER = 4
# Add-k smoothing. In cross-validation k from 0.1 to 0.5 did alike, 1.0 left more messages
# unsure, and smoothing towards all languages' n-grams together (Dirichlet) did no better.
SMOOTHING = 0.5
# Ethiopic syllables and Ethiopic Extended: Tigrinya is the only supported language written so.
ETHIOPIC_RANGES = ((0x1200, 0x139F), (0x2D80, 0x2DDF))
ETHIOPIC_LANGUAGE = "ti"
# Persian writes the zero-width non-joiner inside words ("می‌خوام"); Somali writes an apostrophe
# inside words ("ma'aha"). Both belong to the word rather than splitting it.
INNER_MARKS = "\u200c'’"
# Letters and digits, with the combining marks that belong to a letter (Arabic vowel signs,
# Ethiopic and Cyrillic marks, Latin accents that NFKC leaves apart).
WORD = re.compile("(?:[^\\W_]|[\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670"
                  "\u06d6-\u06ed\u135d-\u135f" + INNER_MARKS + "])+")

Model = tuple[str, str]  # (language, script)


@dataclass(frozen=True)
class Thresholds:
    """When the identifier commits to a language; chosen by cross-validation on the training
    examples, holding out whole intents (scripts/language_id_accuracy.py --cross-validate), and
    on sentences in languages the assistant does not speak; never on held-out messages."""

    # Fewer letters than this ("ok", "hi", "?") say too little about the language.
    min_letters: int = 3
    # Log-odds (nats) of the best language over the second, summed over the message's n-grams.
    # Overlapping n-grams count every letter about ten times over, so this is far larger than
    # an honest log-odds; it grows with the length of the message, as certainty should.
    min_margin: float = 25.0
    # Share of the message's 4-grams the best language has seen: a language the assistant does
    # not speak (German, say) is made of many unseen ones.
    min_known: float = 0.6
    # Where that share is asked for. Latin letters are shared with many languages the assistant
    # does not speak; in Arabic and Cyrillic letters unseen 4-grams are mostly new inflections
    # of Arabic, Persian and Ukrainian words, and asking for them there only adds unsure answers.
    known_checked_in: tuple[str, ...] = ("LATIN",)
    # Letters the best language was never seen to use ("ß", "ł", "ş") are a sign of another
    # language; with the bundled examples every letter a supported language uses has been seen.
    max_strange_letters: int = 0


@dataclass(frozen=True)
class Judgement:
    """Everything `identify` decides on, kept apart so that thresholds can be measured."""

    best: str | None
    letters: int
    margin: float = 0.0
    known: float = 0.0
    script: str = ""
    strange_letters: int = 0
    by_script: bool = False

    def language(self, thresholds: Thresholds) -> str | None:
        if self.by_script:
            return self.best
        if self.letters < thresholds.min_letters or self.margin < thresholds.min_margin:
            return None
        if self.strange_letters > thresholds.max_strange_letters:
            return None
        if self.script in thresholds.known_checked_in and self.known < thresholds.min_known:
            return None
        return self.best


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """The words of a text, normalised; a run of digits alone is not a word, but digits inside a
    word are kept because Arabic written in Latin letters uses them ("mar7aba", "3afwan")."""
    found = (word.strip(INNER_MARKS) for word in WORD.findall(normalise(text)))
    return [word for word in found if word and not word.isnumeric()]


def word_ngrams(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i:i + n] for n in range(1, MAX_ORDER + 1) for i in range(len(padded) - n + 1)
            if n > 1 or padded[i] != " "]


def ngram_counts(texts: Iterable[list[str]]) -> Counter[str]:
    """N-gram counts over many texts given as their words; each distinct word is cut once."""
    word_counts: Counter[str] = Counter()
    for text in texts:
        word_counts.update(text)
    return Counter(chain.from_iterable(word_ngrams(word) * times for word, times in word_counts.items()))


@cache
def letter_script(char: str) -> str:
    """The script a letter belongs to, as Unicode names it: "LATIN", "ARABIC", "CYRILLIC"."""
    return unicodedata.name(char, "UNKNOWN").split()[0]


def word_script(word: str) -> str:
    return next((letter_script(char) for char in word if char.isalpha()), "NONE")


def script(found: list[str]) -> str:
    """The script most of the letters of these words are written in (a word's first letter
    names the script of the word)."""
    scripts: Counter[str] = Counter()
    for word in found:
        scripts[word_script(word)] += len(word)
    return scripts.most_common(1)[0][0] if scripts else "NONE"


def telling_words(text: str) -> list[str]:
    """The words that tell a message's language. Latin words in a message that also has Arabic,
    Cyrillic or Ethiopic ones are mostly Swedish or English terms ("hyran", "BankID") in the
    tenant's own language, so then only the other words count."""
    found = words(text)
    other = [word for word in found if word_script(word) not in ("LATIN", "NONE")]
    return other or found


def ngrams(text: str) -> Counter[str]:
    return Counter(gram for word in telling_words(text) for gram in word_ngrams(word))


def is_ethiopic(char: str) -> bool:
    return any(low <= ord(char) <= high for low, high in ETHIOPIC_RANGES)


def _script_language(text: str, letters: int) -> str | None:
    """Tigrinya when a good part of the letters are Ethiopic ("ዋጋ iPhone"): no other supported
    language uses that script, and one Ethiopic syllable stands for two or three Latin letters."""
    ethiopic = sum(1 for char in text if is_ethiopic(char))
    return ETHIOPIC_LANGUAGE if ethiopic >= 2 and 4 * ethiopic >= letters else None


def _distinctive(examples: Mapping[str, Iterable[str]]) -> dict[str, dict[str, tuple[str, list[str]]]]:
    """Per language, each distinct example (keyed by its words) with its words, less those listed
    under more than one language: a tenant greeting in Swedish ("hej") is in every language's
    training data and says nothing about which language a message is in."""
    keyed = {language: {" ".join(found): (text, found) for text in texts if (found := words(text))}
             for language, texts in examples.items()}
    seen: Counter[str] = Counter(key for texts in keyed.values() for key in texts)
    return {language: {key: value for key, value in texts.items() if seen[key] == 1}
            for language, texts in keyed.items()}


def distinctive_examples(examples: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """The examples per language that are listed under that language only."""
    return {language: [text for text, _words in texts.values()] for language, texts in _distinctive(examples).items()}


def examples_by_model(examples: Mapping[str, Iterable[str]]) -> dict[Model, list[list[str]]]:
    """The words of the distinctive examples, grouped by language and the script they are in."""
    grouped: dict[Model, list[list[str]]] = defaultdict(list)
    for language, texts in _distinctive(examples).items():
        for _text, found in texts.values():
            grouped[(language, script(found))].append(found)
    return dict(grouped)


class LanguageIdentifier:
    """Names the supported language a message is written in, or None when unsure."""

    def __init__(self, counts: Mapping[Model, Counter[str]], smoothing: float = SMOOTHING,
                 thresholds: Thresholds = Thresholds()) -> None:
        self.thresholds = thresholds
        vocabulary = len(set().union(*counts.values())) + 1
        self._log_probs: dict[Model, dict[str, float]] = {}
        self._unseen: dict[Model, float] = {}
        for model, grams in counts.items():
            denominator = math.log(sum(grams.values()) + smoothing * vocabulary)
            self._log_probs[model] = {gram: math.log(n + smoothing) - denominator for gram, n in grams.items()}
            self._unseen[model] = math.log(smoothing) - denominator
        self._letters: dict[str, set[str]] = defaultdict(set)
        for (language, _script), grams in counts.items():
            self._letters[language].update(gram for gram in grams if len(gram) == 1)
        self.languages = sorted(self._letters)

    @classmethod
    def from_examples(cls, examples: Mapping[str, Iterable[str]], smoothing: float = SMOOTHING,
                      thresholds: Thresholds = Thresholds()) -> LanguageIdentifier:
        unknown = set(examples) - set(LANGUAGES)
        if unknown:
            raise ValueError(f"not a supported language: {sorted(unknown)}")
        grouped = examples_by_model(examples)
        return cls({model: ngram_counts(texts) for model, texts in grouped.items()}, smoothing, thresholds)

    def log_likelihoods(self, text: str) -> dict[Model, float]:
        """Log-likelihood of the text's n-grams under each model (a uniform prior: nothing is
        known about who writes before they write)."""
        return self._log_likelihoods(ngrams(text))

    def _log_likelihoods(self, grams: Counter[str]) -> dict[Model, float]:
        return {
            model: sum(n * log_probs.get(gram, self._unseen[model]) for gram, n in grams.items())
            for model, log_probs in self._log_probs.items()
        }

    def judge(self, text: str) -> Judgement:
        normalised = normalise(text)
        all_letters = sum(1 for char in normalised if char.isalpha())
        by_script = _script_language(normalised, all_letters)
        if by_script:
            return Judgement(by_script, all_letters, by_script=True)
        found = telling_words(text)
        letters = [char for word in found for char in word if char.isalpha()]
        if not letters or len(self.languages) < 2:
            return Judgement(None, len(letters))
        grams = Counter(gram for word in found for gram in word_ngrams(word))
        likelihoods = self._log_likelihoods(grams)
        best_model = max(likelihoods, key=likelihoods.__getitem__)
        best, best_script = best_model
        runner_up = max(value for (language, _script), value in likelihoods.items() if language != best)
        return Judgement(best, len(letters), likelihoods[best_model] - runner_up, self._known_share(grams, best_model),
                         best_script, len(set(letters) - self._letters[best]))

    def _known_share(self, grams: Counter[str], model: Model) -> float:
        """Share of the text's 4-grams the model has seen in training."""
        longest = [(gram, n) for gram, n in grams.items() if len(gram) == MAX_ORDER]
        total = sum(n for _gram, n in longest)
        seen = sum(n for gram, n in longest if gram in self._log_probs[model])
        return seen / total if total else 0.0

    def identify(self, text: str) -> str | None:
        """The language the text is written in, or None when that is not clear enough to answer
        in it without asking."""
        return self.judge(text).language(self.thresholds)
