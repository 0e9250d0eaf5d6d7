"""Organisation files are checked on load, with errors that say what to fix."""

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.config.organisations import load_all, load_organisation
from bot.config.settings import PROJECT_ROOT, ConfigurationError
from bot.domain.organisation import LaundryBooking, OutreachKind, StaffRole
from bot.domain.plans import PlanPolicy


def test_the_demo_organisation_is_valid() -> None:
    facts = load_all(PROJECT_ROOT / "config" / "organisations")["demo"]
    assert facts.name == "Exempelbostäder AB"
    assert facts.contact.phone == "010-123 45 67" and facts.contact.person == "Karin Holm"
    assert (facts.office_hours.first_day, facts.office_hours.last_day) == (0, 4)
    assert facts.laundry.booking is LaundryBooking.WEB
    assert [stage.kind for stage in facts.outreach.stages] == [
        OutreachKind.REMINDER, OutreachKind.CALL_OFFER, OutreachKind.STAFF
    ]
    assert facts.staff is not None and facts.staff.member(7002).name == "Per Ek"  # type: ignore[union-attr]


def test_clock_times_are_times_of_day() -> None:
    facts = load_organisation(PROJECT_ROOT / "config" / "organisations", "demo")
    assert (facts.office_hours.opens, facts.office_hours.closes) == (dt.time(8), dt.time(16))
    assert (facts.quiet_hours.start, facts.quiet_hours.end) == (dt.time(22), dt.time(7))
    assert (facts.outreach.quiet_hours.start, facts.outreach.quiet_hours.end) == (dt.time(21), dt.time(8))


def test_the_smallest_instalment_is_written_in_kronor_and_used_in_ore() -> None:
    facts = load_organisation(PROJECT_ROOT / "config" / "organisations", "demo")
    assert facts.plan_policy == PlanPolicy(max_months=6, min_instalment_ore=300_00, auto_confirm=False)


def test_only_rent_administrators_read_reasons_and_confirm_plans() -> None:
    assert StaffRole.RENT_ADMINISTRATOR.may_read_reasons() and StaffRole.RENT_ADMINISTRATOR.may_confirm_plans()
    assert not StaffRole.HOUSING_OFFICER.may_read_reasons()
    assert not StaffRole.HOUSING_OFFICER.may_confirm_plans()


DEMO = (PROJECT_ROOT / "config" / "organisations" / "demo.yml").read_text(encoding="utf-8")


def _write(directory: Path, old: str, new: str) -> None:
    assert old in DEMO
    (directory / "demo.yml").write_text(DEMO.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("written", ["21:30", "'21:30'"])
def test_a_time_may_be_written_with_or_without_quotes(tmp_path: Path, written: str) -> None:
    _write(tmp_path, 'start: "21:00"', f"start: {written}")
    assert load_organisation(tmp_path, "demo").outreach.quiet_hours.start == dt.time(21, 30)


def test_an_hour_without_minutes_is_not_taken_for_a_time(tmp_path: Path) -> None:
    _write(tmp_path, 'start: "21:00"', "start: 21")
    with pytest.raises(ConfigurationError, match="outreach: quiet_hours: 'start' has an unexpected form: 21"):
        load_organisation(tmp_path, "demo")


def test_a_board_booked_laundry_needs_no_web_page(tmp_path: Path) -> None:
    _write(tmp_path, "booking: web\n  web: https://www.exempelbostader.example/tvattstuga", "booking: board")
    assert load_organisation(tmp_path, "demo").laundry.booking is LaundryBooking.BOARD


def test_without_a_staff_section_there_is_no_staff_group(tmp_path: Path) -> None:
    _write(tmp_path, DEMO[DEMO.index("# The staff group"):], "")
    assert load_organisation(tmp_path, "demo").staff is None


def test_every_error_in_a_file_names_the_file_and_the_field(tmp_path: Path) -> None:
    broken = DEMO.replace("  phone: 010-123 45 67", "  phone: ring").replace("days_after_due: 5", "days_after_due: 0")
    (tmp_path / "demo.yml").write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigurationError) as raised:
        load_organisation(tmp_path, "demo")
    path = re.escape(str(tmp_path / "demo.yml"))
    lines = str(raised.value).splitlines()
    assert len(lines) == 2
    assert re.fullmatch(rf"{path}: contact: 'phone' has an unexpected form: 'ring'", lines[0])
    assert re.fullmatch(
        rf"{path}: outreach: stages\[1\]: 'days_after_due' must be a whole number of at least 1, got 0", lines[1]
    )


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
        (("  web: https://www.exempelbostader.example/tvattstuga\n", ""), "laundry: 'web' is missing"),
        (('start: "21:00"', 'start: "25:00"'), "outreach: quiet_hours: 'start' has an unexpected form"),
        (("max_months: 6", "max_months: six"), "instalment_plans: 'max_months' must be a whole number, got 'six'"),
        (("  name: Exempelby kommun", "  name: 42"), "municipality: 'name' must be text, got 42"),
        ((DEMO[DEMO.index("    - kind: reminder"):DEMO.index("  # No messages between")], "    []\n"),
         "outreach: 'stages' must be a list with at least one entry"),
        (("    - telegram_user_id: 7002", "    - telegram_user_id: 0"), r"members\[1\]: 'telegram_user_id' must be a whole number of at least 1"),
        ((DEMO[DEMO.index("contact:"):DEMO.index("office_hours:")], "contact: Karin Holm\n"), "contact: expected a mapping of fields"),
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
    _write(tmp_path, *change)
    with pytest.raises(ConfigurationError, match=message):
        load_organisation(tmp_path, "demo")


def test_a_list_instead_of_fields_is_reported(tmp_path: Path) -> None:
    (tmp_path / "acme.yml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="expected a mapping of fields"):
        load_organisation(tmp_path, "acme")


def test_a_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="no configuration file for organisation 'acme'"):
        load_organisation(tmp_path, "acme")
