"""Every catalog is complete, consistent and compiles; every key in use exists."""

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import write_po

from bot.i18n.checks import catalog_problems, keys_used, read_catalog, template_problems
from bot.i18n.languages import LANGUAGES
from bot.i18n.messages import MESSAGES
from bot.config.settings import PROJECT_ROOT

LOCALES = PROJECT_ROOT / "locales"


def test_the_template_matches_the_message_registry() -> None:
    assert template_problems(LOCALES) == []


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_catalog_is_complete(language: str) -> None:
    assert catalog_problems(LOCALES, language) == []


def test_every_key_used_by_rasa_and_the_actions_exists() -> None:
    sources = [PROJECT_ROOT / "domain.yml", *sorted((PROJECT_ROOT / "bot").rglob("*.py"))]
    used = keys_used(sources)
    assert {"greet.named", "staff.contact", "crisis.emergency"} <= used
    assert used - MESSAGES.keys() == set()


def _copy_catalog_without(tmp_path: Path, language: str, msgid: str) -> Path:
    shutil.copytree(LOCALES, tmp_path / "locales")
    path = tmp_path / "locales" / language / "LC_MESSAGES" / "messages.po"
    catalog = read_catalog(path, language)
    catalog.delete(msgid)
    with open(path, "wb") as po_file:
        write_po(po_file, catalog)
    return tmp_path / "locales"


def test_the_check_notices_a_removed_entry(tmp_path: Path) -> None:
    msgid = MESSAGES["goodbye"]
    locales = _copy_catalog_without(tmp_path, "sv", msgid)
    assert catalog_problems(locales, "sv") == [f"sv/messages.po: no entry for {msgid!r}"]


def test_the_check_notices_a_changed_placeholder(tmp_path: Path) -> None:
    shutil.copytree(LOCALES, tmp_path / "locales")
    path = tmp_path / "locales" / "sv" / "LC_MESSAGES" / "messages.po"
    catalog = read_catalog(path, "sv")
    catalog[MESSAGES["greet.named"]].string = "Hej {namn}! Jag är chattassistent hos {organisation}."
    with open(path, "wb") as po_file:
        write_po(po_file, catalog)
    problems = catalog_problems(tmp_path / "locales", "sv")
    assert len(problems) == 1 and "placeholders ['namn', 'organisation']" in problems[0]
