"""Checks that every catalog is complete and consistent with the message registry."""

from __future__ import annotations

import io
import re
import string
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.i18n.messages import MESSAGES

TEMPLATE = "messages.pot"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with open(path, "rb") as po_file:
        return read_po(po_file, locale=locale)


def template_problems(locales_dir: Path) -> list[str]:
    """The template must hold exactly the registry's msgids (run `make messages` if not)."""
    template = {m.id for m in read_catalog(locales_dir / TEMPLATE) if m.id}
    registry = set(MESSAGES.values())
    problems = [f"{TEMPLATE}: missing msgid {msgid!r}" for msgid in sorted(registry - template)]
    problems += [f"{TEMPLATE}: stale msgid {msgid!r}" for msgid in sorted(template - registry)]
    return problems


def catalog_problems(locales_dir: Path, language: str) -> list[str]:
    """Everything wrong with one language's catalog; empty when it is complete and sound."""
    path = locales_dir / language / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return [f"{path}: missing"]
    catalog = read_catalog(path, language)
    where = f"{language}/messages.po"
    problems = []
    translated = {m.id: m for m in catalog if m.id}
    for msgid in sorted(set(MESSAGES.values())):
        message = translated.get(msgid)
        if message is None:
            problems.append(f"{where}: no entry for {msgid!r}")
        elif not message.string:
            problems.append(f"{where}: untranslated {msgid!r}")
        elif message.fuzzy:
            problems.append(f"{where}: fuzzy {msgid!r}")
        elif placeholders(message.string) != placeholders(msgid):
            problems.append(
                f"{where}: placeholders {sorted(placeholders(message.string))} differ from the "
                f"msgid's {sorted(placeholders(msgid))} in {msgid!r}"
            )
    for message, errors in catalog.check():
        problems += [f"{where}: {message.id!r}: {error}" for error in errors]
    try:
        write_mo(io.BytesIO(), catalog)
    except Exception as error:  # any failure to compile is a finding, whatever its type
        problems.append(f"{where}: does not compile: {error}")
    return problems


MESSAGE_KEY = re.compile(r"""["']key["']\s*:\s*["']([a-z_.]+)["']|^\s*key:\s*([a-z_.]+)\s*$""", re.M)


def keys_used(paths: list[Path]) -> set[str]:
    """Message keys named in Rasa's domain and the actions' source."""
    keys = set()
    for path in paths:
        for match in MESSAGE_KEY.finditer(path.read_text(encoding="utf-8")):
            keys.add(match.group(1) or match.group(2))
    return keys
