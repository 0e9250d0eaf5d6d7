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

from bot.settings import ConfigurationError

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


class _Section:
    """One mapping of the file, with checks that name the field in their errors."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise ConfigurationError(f"{where}: expected a mapping of fields")
        self._data = data
        self._where = where

    def section(self, key: str) -> _Section:
        return _Section(self.require(key), f"{self._where}: {key}")

    def require(self, key: str) -> Any:
        if key not in self._data or self._data[key] in (None, ""):
            raise ConfigurationError(f"{self._where}: '{key}' is missing")
        return self._data[key]

    def text(self, key: str, pattern: re.Pattern[str] | None = None) -> str:
        value = self.require(key)
        if not isinstance(value, str):
            raise ConfigurationError(f"{self._where}: '{key}' must be text, got {value!r}")
        if pattern is not None and not pattern.match(value):
            raise ConfigurationError(f"{self._where}: '{key}' has an unexpected form: {value!r}")
        return value

    def flag(self, key: str) -> bool:
        value = self.require(key)
        if not isinstance(value, bool):
            raise ConfigurationError(f"{self._where}: '{key}' must be true or false, got {value!r}")
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in choices:
            raise ConfigurationError(f"{self._where}: '{key}' must be one of {', '.join(choices)}, got {value!r}")
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
