"""Organisation facts from `config/organisations/<slug>.yml`, validated on load.

Facts are structured values (numbers, addresses, times, choices), never prose: the texts around
them come from the message catalogs, so every tenant reads them in their own language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.domain.plans import KRONA, PlanPolicy
from bot.config.settings import ConfigurationError

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{4,20}$")
BANKGIRO = re.compile(r"^[0-9]{3,4}-[0-9]{4}$")
URL = re.compile(r"^https://[^\s]+$")
CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
LAUNDRY_BOOKING = ("board", "web")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_RANGE = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)-(mon|tue|wed|thu|fri|sat|sun)$")


@dataclass(frozen=True)
class Contact:
    # The tenants' contact person (kundvärd), by name.
    person: str
    phone: str
    email: str


@dataclass(frozen=True)
class OfficeHours:
    first_day: int  # 0 = Monday
    last_day: int
    opens: str
    closes: str


@dataclass(frozen=True)
class Payment:
    bankgiro: str
    autogiro: bool
    web: str


@dataclass(frozen=True)
class FaultReporting:
    phone: str
    web: str
    # For urgent faults outside office hours (jour).
    emergency_phone: str


@dataclass(frozen=True)
class Laundry:
    booking: str  # "board" (in the laundry room) or "web"
    web: str | None


@dataclass(frozen=True)
class QuietHours:
    start: str
    end: str


OUTREACH_KINDS = ("reminder", "call_offer", "staff")


@dataclass(frozen=True)
class OutreachStage:
    # reminder: a friendly message; call_offer: a second message offering a call;
    # staff: no message, the case goes to staff to follow up.
    kind: str
    days_after_due: int


@dataclass(frozen=True)
class Outreach:
    stages: tuple[OutreachStage, ...]
    # No message is sent between these times (Swedish time).
    quiet_start: str
    quiet_end: str
    # After this many contacts without an answer, the tenant is on the hard-to-reach list.
    hard_to_reach_after: int
    plan_reminder_days_before: int


@dataclass(frozen=True)
class Municipality:
    name: str
    debt_counselling_phone: str
    debt_counselling_web: str
    social_services_phone: str
    social_services_web: str


STAFF_ROLES = ("rent_administrator", "housing_officer")
# Roles that may read what tenants wrote in their own words about why the rent is late.
REASON_READERS = ("rent_administrator",)


@dataclass(frozen=True)
class StaffMember:
    telegram_user_id: int
    name: str
    role: str


@dataclass(frozen=True)
class Staff:
    # The staff supergroup (with topics: one per case).
    group_id: int
    members: tuple[StaffMember, ...]

    def member(self, telegram_user_id: int | None) -> StaffMember | None:
        return next((m for m in self.members if m.telegram_user_id == telegram_user_id), None)


@dataclass(frozen=True)
class OrganisationFacts:
    slug: str
    name: str
    contact: Contact
    office_hours: OfficeHours
    payment: Payment
    faults: FaultReporting
    laundry: Laundry
    quiet_hours: QuietHours
    waste_guide: str
    outreach: Outreach
    plan_policy: PlanPolicy
    municipality: Municipality
    # None: no staff group; tenants who ask for a person are given the phone and e-mail.
    staff: Staff | None


class _Section:
    """One mapping of the file, with checks that name the field in their errors."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise ConfigurationError(f"{where}: expected a mapping of fields")
        self._data = data
        self.where = where

    def section(self, key: str) -> _Section:
        return _Section(self.require(key), f"{self.where}: {key}")

    def require(self, key: str) -> Any:
        if key not in self._data or self._data[key] in (None, ""):
            raise ConfigurationError(f"{self.where}: '{key}' is missing")
        return self._data[key]

    def text(self, key: str, pattern: re.Pattern[str] | None = None) -> str:
        value = self.require(key)
        if not isinstance(value, str):
            raise ConfigurationError(f"{self.where}: '{key}' must be text, got {value!r}")
        if pattern is not None and not pattern.match(value):
            raise ConfigurationError(f"{self.where}: '{key}' has an unexpected form: {value!r}")
        return value

    def has(self, key: str) -> bool:
        return self._data.get(key) not in (None, "")

    def whole_number(self, key: str, minimum: int | None = 0) -> int:
        value = self.require(key)
        if not isinstance(value, int) or isinstance(value, bool) or (minimum is not None and value < minimum):
            at_least = f" of at least {minimum}" if minimum is not None else ""
            raise ConfigurationError(f"{self.where}: '{key}' must be a whole number{at_least}, got {value!r}")
        return value

    def items(self, key: str) -> list[_Section]:
        value = self.require(key)
        if not isinstance(value, list) or not value:
            raise ConfigurationError(f"{self.where}: '{key}' must be a list with at least one entry")
        return [_Section(item, f"{self.where}: {key}[{index}]") for index, item in enumerate(value)]

    def flag(self, key: str) -> bool:
        value = self.require(key)
        if not isinstance(value, bool):
            raise ConfigurationError(f"{self.where}: '{key}' must be true or false, got {value!r}")
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in choices:
            raise ConfigurationError(f"{self.where}: '{key}' must be one of {', '.join(choices)}, got {value!r}")
        return value


def parse_organisation(data: Any, where: str) -> OrganisationFacts:
    top = _Section(data, where)
    contact, payment, faults = top.section("contact"), top.section("payment"), top.section("faults")
    laundry, quiet, office = top.section("laundry"), top.section("quiet_hours"), top.section("office_hours")
    booking = laundry.choice("booking", LAUNDRY_BOOKING)
    first_day, last_day = office.text("days", DAY_RANGE).split("-")
    return OrganisationFacts(
        slug=top.text("slug", SLUG),
        name=top.text("name"),
        contact=Contact(
            person=contact.text("person"), phone=contact.text("phone", PHONE), email=contact.text("email", EMAIL)
        ),
        office_hours=OfficeHours(
            WEEKDAYS.index(first_day), WEEKDAYS.index(last_day), office.text("opens", CLOCK), office.text("closes", CLOCK)
        ),
        payment=Payment(
            bankgiro=payment.text("bankgiro", BANKGIRO), autogiro=payment.flag("autogiro"), web=payment.text("web", URL)
        ),
        faults=FaultReporting(
            phone=faults.text("phone", PHONE), web=faults.text("web", URL),
            emergency_phone=faults.text("emergency_phone", PHONE),
        ),
        laundry=Laundry(booking=booking, web=laundry.text("web", URL) if booking == "web" else None),
        quiet_hours=QuietHours(start=quiet.text("start", CLOCK), end=quiet.text("end", CLOCK)),
        waste_guide=top.section("waste").text("web", URL),
        outreach=_outreach(top.section("outreach")),
        plan_policy=_plan_policy(top.section("instalment_plans")),
        municipality=_municipality(top.section("municipality")),
        staff=_staff(top.section("staff")) if top.has("staff") else None,
    )


def _staff(section: _Section) -> Staff:
    group_id = section.whole_number("group_id", minimum=None)
    if group_id >= 0:
        raise ConfigurationError(f"{section.where}: 'group_id' must be a group's chat id (negative, -100…)")
    members = tuple(
        StaffMember(member.whole_number("telegram_user_id", 1), member.text("name"), member.choice("role", STAFF_ROLES))
        for member in section.items("members")
    )
    if len({m.telegram_user_id for m in members}) != len(members):
        raise ConfigurationError(f"{section.where}: members: each telegram_user_id may appear only once")
    return Staff(group_id, members)


def _outreach(section: _Section) -> Outreach:
    stages = tuple(
        OutreachStage(stage.choice("kind", OUTREACH_KINDS), stage.whole_number("days_after_due", 1))
        for stage in section.items("stages")
    )
    kinds = [stage.kind for stage in stages]
    if len(set(kinds)) != len(kinds):
        raise ConfigurationError(f"{section.where}: stages: each kind may appear only once")
    if [stage.days_after_due for stage in stages] != sorted({stage.days_after_due for stage in stages}):
        raise ConfigurationError(f"{section.where}: stages: days_after_due must rise from one stage to the next")
    quiet = section.section("quiet_hours")
    return Outreach(
        stages=stages,
        quiet_start=quiet.text("start", CLOCK),
        quiet_end=quiet.text("end", CLOCK),
        hard_to_reach_after=section.whole_number("hard_to_reach_after", 1),
        plan_reminder_days_before=section.whole_number("plan_reminder_days_before", 1),
    )


def _plan_policy(section: _Section) -> PlanPolicy:
    return PlanPolicy(
        max_months=section.whole_number("max_months", 1),
        min_instalment_ore=section.whole_number("min_instalment", 1) * KRONA,
        auto_confirm=section.flag("auto_confirm"),
    )


def _municipality(section: _Section) -> Municipality:
    debt, social = section.section("debt_counselling"), section.section("social_services")
    return Municipality(
        name=section.text("name"),
        debt_counselling_phone=debt.text("phone", PHONE),
        debt_counselling_web=debt.text("web", URL),
        social_services_phone=social.text("phone", PHONE),
        social_services_web=social.text("web", URL),
    )


def load_organisation(directory: Path, slug: str) -> OrganisationFacts:
    path = directory / f"{slug}.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigurationError(f"no configuration file for organisation {slug!r}: {path}") from None
    except yaml.YAMLError as error:
        raise ConfigurationError(f"{path}: not valid YAML: {error}") from None
    facts = parse_organisation(data, str(path))
    if facts.slug != slug:
        raise ConfigurationError(f"{path}: slug {facts.slug!r} does not match the file name")
    return facts


def load_all(directory: Path) -> dict[str, OrganisationFacts]:
    """Load and check every organisation file; used at start-up so errors show early."""
    return {path.stem: load_organisation(directory, path.stem) for path in sorted(directory.glob("*.yml"))}
