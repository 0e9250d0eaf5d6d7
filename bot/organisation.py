"""Organisation facts from `config/organisations/<slug>.yml`, validated on load."""

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


@dataclass(frozen=True)
class Contact:
    phone: str
    email: str


@dataclass(frozen=True)
class OrganisationFacts:
    slug: str
    name: str
    contact: Contact


def _require(data: dict[str, Any], key: str, where: str) -> Any:
    if key not in data or data[key] in (None, ""):
        raise ConfigurationError(f"{where}: '{key}' is missing")
    return data[key]


def _text(data: dict[str, Any], key: str, where: str, pattern: re.Pattern[str] | None = None) -> str:
    value = _require(data, key, where)
    if not isinstance(value, str):
        raise ConfigurationError(f"{where}: '{key}' must be text, got {value!r}")
    if pattern is not None and not pattern.match(value):
        raise ConfigurationError(f"{where}: '{key}' has an unexpected form: {value!r}")
    return value


def parse_organisation(data: Any, where: str) -> OrganisationFacts:
    if not isinstance(data, dict):
        raise ConfigurationError(f"{where}: expected a mapping of fields at the top level")
    contact = _require(data, "contact", where)
    if not isinstance(contact, dict):
        raise ConfigurationError(f"{where}: 'contact' must be a mapping with phone and email")
    return OrganisationFacts(
        slug=_text(data, "slug", where, SLUG),
        name=_text(data, "name", where),
        contact=Contact(
            phone=_text(contact, "phone", f"{where}: contact", PHONE),
            email=_text(contact, "email", f"{where}: contact", EMAIL),
        ),
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
