"""The language identifier: the pure model on tiny hand-made examples, the reading of the Rasa
training data, and the bundled identifier on a few clear sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.domain.language_id import (
    Judgement,
    LanguageIdentifier,
    Thresholds,
    distinctive_examples,
    telling_words,
    words,
)
from bot.infra.language_examples import bundled_identifier, examples_by_intent_in, read_examples

# Tiny models cannot reach the margins a full one does, nor see every letter of a language, so
# these tests ask for less.
LENIENT = Thresholds(min_margin=3.0, min_known=0.0, max_strange_letters=99)

TINY = {
    "sv": ["jag kan tyvärr inte betala hyran", "när måste hyran vara betald", "tvättstugan är låst",
           "grannen spelar hög musik på natten", "kan jag få prata med någon"],
    "fi": ["en pysty maksamaan vuokraa", "milloin se vuokra pitää maksaa", "pesutupa on lukossa",
           "naapuri soittaa kovaa musiikkia yöllä", "voinko puhua jonkun kanssa"],
    "en": ["i cannot pay the rent", "when does the rent have to be paid", "the laundry room is locked",
           "my neighbour plays loud music at night", "can i talk to someone"],
    "ar": ["لا أستطيع دفع الإيجار", "متى يجب أن أدفع الإيجار", "غرفة الغسيل مقفلة",
           "الجار يشغل موسيقى عالية في الليل", "هل يمكنني التحدث مع شخص"],
    "fa": ["نمی‌تونم اجاره رو پرداخت کنم", "کی باید اجاره رو بدم", "رختشویخونه قفله",
           "همسایه شب‌ها آهنگ بلند گوش میده", "میشه با یه نفر صحبت کنم"],
    "uk": ["я не можу сплатити оренду", "коли мені треба платити за квартиру", "пральня зачинена"],
}


@pytest.fixture(scope="module")
def tiny() -> LanguageIdentifier:
    return LanguageIdentifier.from_examples(TINY, thresholds=LENIENT)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("jag har inte fått min lön och kan inte betala", "sv"),  # å/ä/ö and Swedish words
        ("en ole saanut palkkaa enkä pysty maksamaan", "fi"),
        ("i have not got my salary and cannot pay", "en"),
        ("لم أستلم راتبي ولا أستطيع الدفع", "ar"),
        ("حقوقم رو نگرفتم و نمی‌تونم پرداخت کنم", "fa"),  # گ and Persian verbs
        ("пральня знову зачинена", "uk"),
    ],
)
def test_the_tiny_model_tells_close_languages_apart(tiny: LanguageIdentifier, text: str, language: str) -> None:
    assert tiny.identify(text) == language


@pytest.mark.parametrize("text", ["ሰላም ከመይ ኣለኹም", "ዋጋ iPhone 15 ክንደይ እዩ", "ክራይ ከፊለ"])
def test_ethiopic_letters_say_tigrinya_without_any_tigrinya_examples(tiny: LanguageIdentifier, text: str) -> None:
    assert "ti" not in tiny.languages
    assert tiny.identify(text) == "ti"


@pytest.mark.parametrize("text", ["ok", "hi", "?", "123", "👍", "", "  ", "1000 kr", "ok ኖ"])
def test_too_few_letters_are_unsure(tiny: LanguageIdentifier, text: str) -> None:
    assert tiny.identify(text) is None


def test_a_language_it_does_not_know_is_unsure_when_the_margin_asked_for_is_real() -> None:
    german = "wo ist der schlüssel für den keller"
    strict = LanguageIdentifier.from_examples(TINY, thresholds=Thresholds(min_margin=3.0, min_known=0.6))
    assert strict.identify(german) is None
    assert strict.judge(german).known < 0.6
    assert strict.judge(german).strange_letters >= 1  # ü


def test_latin_words_in_a_message_in_another_script_do_not_decide_it(tiny: LanguageIdentifier) -> None:
    assert telling_words("tvättstugan زمان") == ["زمان"]
    assert tiny.identify("varmvatten нема у пральні") == "uk"


def test_words_are_normalised_and_keep_what_tells_languages_apart() -> None:
    assert words("HEJ Hyran ÄR sen!") == ["hej", "hyran", "är", "sen"]
    assert words("ｈｅｊ") == ["hej"]  # NFKC folds full-width letters
    assert words("mar7aba 3afwan 2024 1000kr") == ["mar7aba", "3afwan", "1000kr"]
    assert words("می‌خوام") == ["می\u200cخوام"]  # the zero-width non-joiner stays inside the word
    assert words("ma'aha 'quoted'") == ["ma'aha", "quoted"]


def test_examples_listed_under_several_languages_are_left_out() -> None:
    kept = distinctive_examples({"sv": ["hej", "jag kan inte betala"], "ar": ["Hej!", "لا أستطيع"]})
    assert kept == {"sv": ["jag kan inte betala"], "ar": ["لا أستطيع"]}


def test_an_unsupported_language_cannot_be_taught() -> None:
    with pytest.raises(ValueError):
        LanguageIdentifier.from_examples({"de": ["ich kann nicht zahlen"], "sv": ["jag kan inte betala"]})


@pytest.mark.parametrize(
    ("judgement", "expected"),
    [
        (Judgement("sv", letters=20, margin=40.0, known=0.9, script="LATIN"), "sv"),
        (Judgement("sv", letters=20, margin=10.0, known=0.9, script="LATIN"), None),  # not far enough ahead
        (Judgement("sv", letters=2, margin=40.0, known=1.0, script="LATIN"), None),  # too short
        (Judgement("en", letters=20, margin=40.0, known=0.3, script="LATIN"), None),  # mostly unseen
        (Judgement("ar", letters=20, margin=40.0, known=0.3, script="ARABIC"), "ar"),  # new Arabic words
        (Judgement("en", letters=20, margin=40.0, known=0.9, script="LATIN", strange_letters=1), None),
        (Judgement("ti", letters=2, by_script=True), "ti"),
    ],
)
def test_the_thresholds(judgement: Judgement, expected: str | None) -> None:
    assert judgement.language(Thresholds(min_margin=25.0, min_known=0.6)) == expected


def test_rasa_training_files_are_read_per_language(tmp_path: Path) -> None:
    data = {"version": "3.1", "nlu": [
        {"intent": "greet", "examples": "- hej\n- god morgon!\n"},
        {"intent": "pay", "examples": "- kan jag betala [500](amount) nu\n"},
        {"synonym": "hyra", "examples": "- hyran\n"},
    ]}
    assert examples_by_intent_in(data) == {"greet": ["hej", "god morgon!"], "pay": ["kan jag betala 500 nu"]}
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "nlu.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "de").mkdir()  # not a supported language: never read
    (tmp_path / "de" / "nlu.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert read_examples(tmp_path) == {"sv": ["hej", "god morgon!", "kan jag betala 500 nu"]}


CLEAR = {
    "sv": ["hej, jag undrar när hyran för nästa månad ska vara betald",
           "diskmaskinen i köket har slutat fungera och det luktar bränt"],
    "en": ["hello, I was wondering when next month's rent has to be paid",
           "the dishwasher in the kitchen stopped working and it smells burnt"],
    "ar": ["مرحبا، أريد أن أعرف متى يجب دفع إيجار الشهر القادم",
           "غسالة الصحون في المطبخ توقفت عن العمل"],
    "fa": ["سلام، می‌خواستم بدونم اجاره ماه بعد رو کی باید پرداخت کنم",
           "ماشین ظرفشویی آشپزخونه خراب شده و بوی سوختگی میده"],
    "so": ["salaan, waxaan rabaa inaan ogaado goorma ayaa kirada bisha dambe la bixinayaa",
           "mashiinka weelasha lagu dhaqo ee jikada wuu xumaaday"],
    "ti": ["ሰላም፣ ክራይ ናይ ዝመጽእ ወርሒ መዓስ ክኽፈል ኣለዎ"],
    "uk": ["привіт, хотіла б дізнатися, коли треба сплатити оренду за наступний місяць",
           "посудомийна машина на кухні перестала працювати і пахне горілим"],
    "fi": ["hei, haluaisin tietää milloin ensi kuun vuokra pitää maksaa",
           "keittiön astianpesukone lakkasi toimimasta ja haisee palaneelta"],
}


@pytest.mark.parametrize(("language", "text"), [(lang, text) for lang, texts in CLEAR.items() for text in texts])
def test_the_bundled_identifier_names_clear_sentences(language: str, text: str) -> None:
    assert bundled_identifier().identify(text) == language


@pytest.mark.parametrize("text", [
    # German is not spoken by the assistant: the right answer is the picker, not a guess at
    # Swedish or English that the tenant may not read.
    "Ich kann die Miete nicht bezahlen",
    "ok",
    "👍",
])
def test_the_bundled_identifier_is_unsure_rather_than_wrong(text: str) -> None:
    assert bundled_identifier().identify(text) is None


def test_the_bundled_identifier_is_built_once() -> None:
    assert bundled_identifier() is bundled_identifier()
