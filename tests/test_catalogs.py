"""Every catalog is complete, consistent and compiles; every key in use exists."""

import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
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


# Translators see one msgid at a time in their tool; the comment tells them where the tenant
# sees it, what its placeholders hold and who the people it names are.
TRANSLATOR_TAG = "Translators:"


def _has_translator_comment(comments: list[str]) -> bool:
    return any(comment.startswith(TRANSLATOR_TAG) for comment in comments)


def extracted_msgids(source_dir: Path) -> list[tuple[str, list[str]]]:
    """Each msgid marked with `N_` under `source_dir`, with the comments extraction gives it."""
    return [
        (msgid, comments)
        for path in sorted(source_dir.rglob("*.py"))
        for _, msgid, comments, _ in extract_from_file(
            "python", path, keywords={"N_": None}, comment_tags=(TRANSLATOR_TAG,)
        )
    ]


def msgids_without_translator_comment(source_dir: Path) -> list[str]:
    return [msgid for msgid, comments in extracted_msgids(source_dir) if not _has_translator_comment(comments)]


def test_every_msgid_has_a_translator_comment() -> None:
    assert set(MESSAGES.values()) <= {msgid for msgid, _ in extracted_msgids(PROJECT_ROOT / "bot")}
    assert msgids_without_translator_comment(PROJECT_ROOT / "bot") == []


def test_the_template_carries_the_translator_comments() -> None:
    template = read_catalog(LOCALES / "messages.pot")
    uncommented = [m.id for m in template if m.id and not _has_translator_comment(m.auto_comments)]
    assert uncommented == [], "run `make messages` after changing a translator comment"


def test_the_check_notices_a_msgid_without_a_translator_comment(tmp_path: Path) -> None:
    lines = (PROJECT_ROOT / "bot" / "i18n" / "messages.py").read_text(encoding="utf-8").splitlines()
    goodbye = next(i for i, line in enumerate(lines) if line.lstrip().startswith('"goodbye":'))
    assert lines[goodbye - 1].lstrip().startswith(f"# {TRANSLATOR_TAG}")
    del lines[goodbye - 1]
    (tmp_path / "messages.py").write_text("\n".join(lines), encoding="utf-8")
    assert msgids_without_translator_comment(tmp_path) == [MESSAGES["goodbye"]]
