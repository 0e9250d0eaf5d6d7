"""Organisation files are checked on load, with errors that say what to fix."""

from pathlib import Path

import pytest

from bot.organisation import load_all, load_organisation
from bot.settings import PROJECT_ROOT, ConfigurationError


def test_the_demo_organisation_is_valid() -> None:
    facts = load_all(PROJECT_ROOT / "config" / "organisations")["demo"]
    assert facts.name == "Exempelbostäder AB"
    assert facts.contact.phone == "010-123 45 67"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("slug: acme\nname: Acme\n", "'contact' is missing"),
        ("slug: acme\nname: Acme\ncontact: {phone: '08-123 456', email: nope}\n", "'email' has an unexpected form"),
        ("slug: acme\ncontact: {phone: '08-123 456', email: a@b.se}\n", "'name' is missing"),
        ("slug: other\nname: Acme\ncontact: {phone: '08-123 456', email: a@b.se}\n", "does not match the file name"),
        ("slug: acme\nname: [unclosed\n", "not valid YAML"),
        ("- a list\n", "expected a mapping"),
    ],
)
def test_a_broken_file_is_reported_clearly(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "acme.yml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigurationError, match=message):
        load_organisation(tmp_path, "acme")


def test_a_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="no configuration file for organisation 'acme'"):
        load_organisation(tmp_path, "acme")
