"""The reason a tenant states in words ("I can't pay, I lost my job"): folded text, the phrase
files' format, and one reason or none."""

from __future__ import annotations

import pytest

from bot.domain.reason_words import SPOKEN_REASONS, ReasonPhrases, fold, parse_phrases
from bot.domain.reasons import LateRentReason
from bot.i18n.languages import LANGUAGES
from bot.infra.reason_phrases import PHRASE_DIR, load_reason_phrases

PHRASES = ReasonPhrases(parse_phrases([
    "# a comment", "[job_loss]", "förlorat jobbet", "lost my job", "uppsagd", "[illness]", "sjuk", "",
    "[benefits_delayed]", "a-kassan",
]))


def test_folding_ignores_case_diacritics_joiners_and_punctuation() -> None:
    assert fold("Jag FÖRLORADE jobbet!!") == "jag forlorade jobbet"
    assert fold("نمی‌توانم") == "نمیتوانم"
    assert fold("الإِيجَار") == fold("الايجار")
    assert fold("  a-kassan,  sen ") == "a kassan sen"


@pytest.mark.parametrize(("text", "reason"), [
    ("I can't pay, I lost my job", LateRentReason.JOB_LOSS),
    ("jag har forlorat jobbet och kan inte betala", LateRentReason.JOB_LOSS),
    ("blev uppsagda i förra veckan", LateRentReason.JOB_LOSS),
    ("jag är sjukskriven", LateRentReason.ILLNESS),
    ("A-kassan har inte betalat", LateRentReason.BENEFITS_DELAYED),
])
def test_a_phrase_names_the_reason_where_a_word_starts(text: str, reason: LateRentReason) -> None:
    assert PHRASES.reason_in(text) is reason


@pytest.mark.parametrize("text", [
    "jag kan inte betala hyran",        # no reason
    "osjuk",                             # not where a word starts
    "jag blev sjuk och uppsagd",         # two reasons: unclear, the tenant is asked
])
def test_no_reason_or_two_reasons_is_none(text: str) -> None:
    assert PHRASES.reason_in(text) is None


@pytest.mark.parametrize(("lines", "problem"), [
    (["förlorat jobbet"], "before any"),
    (["[lottery]", "vann"], "unknown reason"),
    (["[declined]", "vill inte"], "cannot be said"),
])
def test_a_malformed_phrase_file_is_refused_with_its_line(lines: list[str], problem: str) -> None:
    with pytest.raises(ValueError, match=problem) as raised:
        parse_phrases(lines, "xx.txt")
    assert "xx.txt:" in str(raised.value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_phrases_for_every_reason_that_can_be_said(language: str) -> None:
    path = PHRASE_DIR / f"{language}.txt"
    found = parse_phrases(path.read_text(encoding="utf-8").splitlines(), path.name)
    assert set(found) == SPOKEN_REASONS


def test_the_bundled_phrases_of_all_languages_are_read_together() -> None:
    phrases = load_reason_phrases()
    assert phrases.reason_in("I can't pay, I lost my job") is LateRentReason.JOB_LOSS
    # The Swedish words for benefits count whatever language the rest of the message is in.
    assert phrases.reason_in("a-kassan has not paid yet") is LateRentReason.BENEFITS_DELAYED
