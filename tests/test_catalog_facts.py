"""The catalogs say the facts right, in every language, and never blame the tenant.

These are the findings of a native review, kept as checks: the crisis text says what each
number is for, the texts about late rent state the law correctly, an instalment plan names its
last month without doubt, the wording never blames, and commands stay readable in right-to-left
text. Each check reads every language's catalog.
"""

from __future__ import annotations

import functools
import re

import pytest

from bot.config.settings import PROJECT_ROOT
from bot.i18n.checks import read_catalog
from bot.i18n.languages import LANGUAGES
from bot.i18n.messages import MESSAGES

LOCALES = PROJECT_ROOT / "locales"
# The msgid of each key; a stand-in for MESSAGES, so that the checks can be run against other
# versions of the catalogs.
MSGIDS = MESSAGES
ALL = sorted(LANGUAGES)
FSI, PDI = "\u2068", "\u2069"


@functools.cache
def _catalog(language: str):
    return read_catalog(LOCALES / language / "LC_MESSAGES" / "messages.po", language)


def text(language: str, key: str) -> str:
    message = _catalog(language).get(MSGIDS[key])
    assert message is not None and message.string, f"{language}: no translation of {key}"
    return message.string


def all_texts(language: str) -> dict[str, str]:
    return {key: text(language, key) for key in MSGIDS}


def test_every_supported_language_is_checked() -> None:
    for table in (DANGER, SUICIDE, VIOLENCE, HEALTH, SERVED, THREE_WEEKS, NO_LATER_THAN,
                  LAST_PAYMENT, FORBIDDEN):
        assert sorted(table) == ALL


# The crisis text: every number on its own line, with words that say what it is for.
DANGER = {"sv": ["fara"], "en": ["danger"], "ar": ["خطر"], "so": ["khatar"], "fa": ["خطر"],
          "ti": ["ሓደጋ"], "uk": ["небезпек"], "fi": ["vaarassa"]}
# "thinking about taking your own life" and the helpline's own description (suicide).
SUICIDE = {
    "sv": ["ta ditt liv"],
    "en": ["taking your own life"],
    "ar": ["إنهاء حياتك", "الانتحار"],
    "so": ["naftaada qaadato", "isdilka"],
    "fa": ["خودکشی"],
    "ti": ["ህይወትኩም ከተጥፍኡ", "ርእሰ-ቅትለት"],
    "uk": ["самогубство", "самогубствам"],
    "fi": ["ajattelet itsemurhaa", "itsemurhaa ajatteleville"],
}
# "someone hurts or threatens you" and the helpline's own description (violence, threats).
VIOLENCE = {
    "sv": ["skadar", "hotar"],
    "en": ["hurts", "threatens"],
    "ar": ["يؤذيك", "يهددك", "للعنف", "التهديد"],
    "so": ["hanjabo", "rabshad", "hanjabaad"],
    "fa": ["آسیب", "تهدید", "خشونت"],
    "ti": ["ዝጎድኣኩም", "ዘፈራርሓኩም", "ዓመጽ", "ምፍርራሕ"],
    "uk": ["кривдить", "погрожує", "насильства", "погроз"],
    "fi": ["satuttaa", "uhkaa", "väkivaltaa", "uhkailua"],
}
HEALTH = {"sv": ["hälsa"], "en": ["health"], "ar": ["صحت"], "so": ["caafimaad"], "fa": ["سلامت"],
          "ti": ["ጥዕና"], "uk": ["здоров"], "fi": ["terveys"]}


def _line_with(lines: list[str], number: str) -> str:
    found = [line for line in lines if number in line]
    assert len(found) == 1, f"{number} should be on exactly one line: {lines}"
    return found[0].casefold()


@pytest.mark.parametrize("language", ALL)
def test_the_crisis_text_says_what_each_number_is_for(language: str) -> None:
    lines = text(language, "crisis.emergency").split("\n")
    emergency = _line_with(lines, "112")
    suicide = _line_with(lines, "90101")
    violence = _line_with(lines, "020-50 50 50")
    health = _line_with(lines, "1177")
    assert "Självmordslinjen".casefold() in suicide
    assert "Kvinnofridslinjen".casefold() in violence
    assert len({emergency, suicide, violence, health}) == 4
    for words, line in ((DANGER, emergency), (SUICIDE, suicide), (VIOLENCE, violence), (HEALTH, health)):
        missing = [word for word in words[language] if word.casefold() not in line]
        assert missing == [], f"{language}: {missing} missing from {line!r}"
    # Each helpline has its own purpose: neither is described with the other's words.
    assert not [word for word in SUICIDE[language] if word.casefold() in violence]
    assert not [word for word in VIOLENCE[language] if word.casefold() in suicide]


# Late rent and the law: the three weeks to recover the tenancy run from being served
# (delgiven) the notice of that right, and the landlord must tell social services.
SERVED = {"sv": "delgiven", "en": "formally served", "ar": "تبليغك رسميًا", "so": "si rasmi ah",
          "fa": "به‌طور رسمی به شما ابلاغ", "ti": "ብወግዒ", "uk": "офіційно вручили",
          "fi": "virallisesti annettu tiedoksi"}
THREE_WEEKS = {"sv": "tre veckor", "en": "three weeks", "ar": "ثلاثة أسابيع",
               "so": "saddex toddobaad", "fa": "سه هفته", "ti": "ሰለስተ ሰሙን", "uk": "трьох тижнів",
               "fi": "kolmen viikon"}


@pytest.mark.parametrize("language", ALL)
def test_the_late_rent_consequences_state_the_law(language: str) -> None:
    consequences = text(language, "tenancy.late_consequences")
    assert THREE_WEEKS[language] in consequences
    assert SERVED[language] in consequences
    assert "(delgiven)" in consequences or language == "sv"
    assert "socialtjänsten" in consequences
    assert "Kronofogden" in consequences


# The rent is due no later than the due date: never a wording that reads as a grace period.
NO_LATER_THAN = {
    "sv": "senast {due_date}",
    "en": "by {due_date} at the latest",
    "ar": "في موعد أقصاه {due_date}",
    "so": "ugu dambayn {due_date}",
    "fa": "حداکثر تا {due_date}",
    "ti": "ኣብ {due_date} ወይ ቅድሚኡ",
    "uk": "до {due_date} включно",
    "fi": "viimeistään {due_date}",
}


@pytest.mark.parametrize("language", ALL)
@pytest.mark.parametrize("key", ["tenancy.rent_due.personal", "tenancy.rent_due.general"])
def test_the_rent_is_due_no_later_than_the_due_date(language: str, key: str) -> None:
    due = text(language, key)
    assert NO_LATER_THAN[language] in due
    # Tigrinya "እንተደንጎየ" (literally "if it is late") reads as a grace period.
    assert "እንተደንጎየ" not in due


# An instalment plan names the month of its last payment, without doubt about that month.
LAST_PAYMENT = {
    "sv": "till och med {month}",
    "en": "last payment in {month}",
    "ar": "آخر دفعة في {month}",
    "so": "bixinta ugu dambaysa: {month}",
    "fa": "آخرین قسط در {month}",
    "ti": "ናይ መወዳእታ ክፍሊት፦ {month}",
    "uk": "останній платіж: {month}",
    "fi": "viimeinen erä: {month}",
}


@pytest.mark.parametrize("language", ALL)
def test_a_plan_names_the_month_of_its_last_payment(language: str) -> None:
    assert LAST_PAYMENT[language] in text(language, "button.plan_option")


# Never blaming: "you have 2 400 kr left to pay", not "your debt" or "what you owe". The names
# of services (budget- och skuldrådgivning, debt collection agencies) are not blame.
FORBIDDEN = {
    "sv": ["skyldig", "din skuld", "dina skulder"],
    "en": ["what you owe", "your debt", "you owe", "owe money"],
    "ar": ["تدين", "ديونك", "المبلغ المستحق"],
    # "lacagta kuu hadhay" can read as money left over for the tenant.
    "so": ["kuu hadhay", "lagugu leeyahay", "lacagta kugu leh", "lagaa rabo"],
    "fa": ["بدهی شما", "مبلغ بدهی", "بدهی‌هایتان", "بدهکار"],
    "ti": ["ዕዳኹም", "ዕዳታትኩም", "ዘለቕሑኹም"],
    "uk": ["заборгован", "ваших боргів", "ваш борг"],
    "fi": ["velkasi", "veloistasi", "olet velkaa"],
}


@pytest.mark.parametrize("language", ALL)
def test_no_text_blames_the_tenant(language: str) -> None:
    found = [
        (key, word)
        for key, translated in all_texts(language).items()
        for word in FORBIDDEN[language]
        if word.casefold() in translated.casefold()
    ]
    assert found == []


def test_no_persian_text_speaks_of_the_tenants_debt() -> None:
    # بدهی (debt) as a word, not the verb forms بدهید, بدهیم ("give"). The name of the service,
    # مشاورهٔ بودجه و بدهی (budget- och skuldrådgivning), is not blame.
    found = [
        key
        for key, translated in all_texts("fa").items()
        if re.search(r"بدهی(?![دم])|بدهکار", translated.replace("بودجه و بدهی", ""))
    ]
    assert found == []


# Wording faults a native review found: an order where an explanation was meant, a verb in the
# wrong person, a Swedish word used as a noun of the language, a month name in the wrong case, a
# wrong legal term, and the wrong role for the tenant's contact person.
FAULTS = {
    "sv": ["Var tyst", "bovärd"],
    "ti": ["ይሓዝን እየ"],
    "uk": ["адміністратор будинку"],
    "fa": ["دادگاه اجاره"],
    # {month} is the month's name in its basic form: "kuukaudelta joulukuu" is not Finnish.
    "fi": ["kuukaudelta {month}", "asiakasneuvoja"],
}


@pytest.mark.parametrize("language", sorted(FAULTS))
def test_no_known_wording_fault(language: str) -> None:
    found = [
        (key, fault)
        for key, translated in all_texts(language).items()
        for fault in FAULTS[language]
        if fault in translated
    ]
    assert found == []


def test_hyresavi_is_a_swedish_term_in_brackets_in_ukrainian() -> None:
    for key, translated in all_texts("uk").items():
        assert translated.count("hyresavi") == translated.count("(hyresavi)"), key


@pytest.mark.parametrize("language", ["sv", "en", "so", "uk", "fi"])
@pytest.mark.parametrize(
    "key", ["recipient.social_services", "recipient.debt_counselling", "recipient.debt_collector"]
)
def test_recipient_names_read_right_inside_a_sentence(language: str, key: str) -> None:
    # Inserted after "with", "Agree:", "Take back:" and after a bullet: common nouns in lower case.
    name = text(language, key)
    assert name[0].islower(), name
    assert text(language, "consent.line.not_given").startswith("• {recipient}")


@pytest.mark.parametrize("language", [code for code, lang in LANGUAGES.items() if lang.right_to_left])
def test_commands_are_isolated_in_right_to_left_text(language: str) -> None:
    bare = [
        (key, match.group(0))
        for key, translated in all_texts(language).items()
        for match in re.finditer(r"(.?)/(language|consent|help)\b(.?)", translated, re.S)
        if match.group(1) != FSI or match.group(3) != PDI
    ]
    assert bare == []
    assert FSI + "/consent" + PDI in text(language, "consent.given")
    assert FSI + "/help" + PDI in text(language, "help")
