"""Organisation files are checked on load, with errors that say what to fix."""

from pathlib import Path

import pytest

from bot.config.organisations import load_all, load_organisation
from bot.config.settings import PROJECT_ROOT, ConfigurationError


def test_the_demo_organisation_is_valid() -> None:
    facts = load_all(PROJECT_ROOT / "config" / "organisations")["demo"]
    assert facts.name == "Exempelbostäder AB"
    assert facts.contact.phone == "010-123 45 67" and facts.contact.person == "Karin Holm"
    assert (facts.office_hours.first_day, facts.office_hours.last_day) == (0, 4)
    assert (facts.office_hours.opens, facts.office_hours.closes) == ("08:00", "16:00")


DEMO = (PROJECT_ROOT / "config" / "organisations" / "demo.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("contact:\n  # The tenants' contact person (kundvärd).\n  person: Karin Holm\n  phone: 010-123 45 67\n  email: kundservice@exempelbostader.example\n", ""), "'contact' is missing"),
        (("days: mon-fri", "days: weekdays"), "office_hours: 'days' has an unexpected form"),
        (('closes: "16:00"', 'closes: "4 pm"'), "office_hours: 'closes' has an unexpected form"),
        (("person: Karin Holm", "person: "), "contact: 'person' is missing"),
        (("kundservice@exempelbostader.example", "nope"), "contact: 'email' has an unexpected form"),
        (("name: Exempelbostäder AB\n", ""), "'name' is missing"),
        (("slug: demo", "slug: other"), "does not match the file name"),
        (("bankgiro: 5050-1055", "bankgiro: 5050 1055"), "payment: 'bankgiro' has an unexpected form"),
        (("autogiro: true", "autogiro: sometimes"), "payment: 'autogiro' must be true or false"),
        (("booking: web", "booking: pigeon"), "laundry: 'booking' must be one of board, web"),
        (('start: "22:00"', 'start: "10 pm"'), "quiet_hours: 'start' has an unexpected form"),
        (("web: https://www.exempelbostader.example/sortera", "web: www.example"), "waste: 'web' has an unexpected form"),
        (("name: Exempelbostäder AB", "name: [unclosed"), "not valid YAML"),
        (("    - kind: call_offer", "    - kind: reminder"), "outreach: stages: each kind may appear only once"),
        (("days_after_due: 5", "days_after_due: 2"), "outreach: stages: days_after_due must rise"),
        (("    - kind: staff", "    - kind: letter"), r"stages\[2\]: 'kind' must be one of reminder, call_offer, staff"),
        (("hard_to_reach_after: 2", "hard_to_reach_after: 0"), "'hard_to_reach_after' must be a whole number of at least 1"),
        (("min_instalment: 300", "min_instalment: 0.5"), "instalment_plans: 'min_instalment' must be a whole number"),
        (("auto_confirm: false", "auto_confirm: maybe"), "instalment_plans: 'auto_confirm' must be true or false"),
        (("    phone: 0123-456 70", "    phone: ring oss"), "debt_counselling: 'phone' has an unexpected form"),
        (("group_id: -1001000000001", "group_id: 1001000000001"), "staff: 'group_id' must be a group's chat id"),
        (("role: housing_officer", "role: janitor"), r"members\[1\]: 'role' must be one of rent_administrator, housing_officer"),
        (("telegram_user_id: 7002", "telegram_user_id: 7001"), "members: each telegram_user_id may appear only once"),
    ],
)
def test_a_broken_file_is_reported_clearly(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in DEMO
    (tmp_path / "demo.yml").write_text(DEMO.replace(old, new), encoding="utf-8")
    with pytest.raises(ConfigurationError, match=message):
        load_organisation(tmp_path, "demo")


def test_a_list_instead_of_fields_is_reported(tmp_path: Path) -> None:
    (tmp_path / "acme.yml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="expected a mapping of fields"):
        load_organisation(tmp_path, "acme")


def test_a_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="no configuration file for organisation 'acme'"):
        load_organisation(tmp_path, "acme")
