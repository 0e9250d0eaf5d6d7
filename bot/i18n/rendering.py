"""Turn keyed replies into text in the tenant's language, with gettext and Babel."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from bot.domain.money import format_money
from bot.i18n.languages import LANGUAGES
from bot.i18n.messages import MESSAGES

logger = logging.getLogger(__name__)

DOMAIN = "messages"
# First strong isolate / pop directional isolate: keep amounts and dates intact inside RTL text.
FSI, PDI = "\u2068", "\u2069"


@dataclass(frozen=True)
class Button:
    label: str
    # What pressing the button sends back: a Rasa payload ("/request_human") or a bot command.
    data: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = field(default=())


class UnknownMessageKey(LookupError):
    pass


class Renderer:
    """Renders message keys with parameters into localized text."""

    def __init__(self, locales_dir: Path, default_language: str) -> None:
        if default_language not in LANGUAGES:
            raise ValueError(f"default language {default_language!r} is not supported")
        self.default_language = default_language
        self._translations: dict[str, NullTranslations] = {}
        for code in LANGUAGES:
            translations = Translations.load(str(locales_dir), [code], DOMAIN)
            if code != "en" and not isinstance(translations, Translations):
                raise FileNotFoundError(
                    f"no compiled catalog for {code!r} in {locales_dir}; run `make setup`"
                )
            self._translations[code] = translations

    def language_or_default(self, language: str | None) -> str:
        return language if language in LANGUAGES else self.default_language

    def text(self, language: str | None, key: str, params: Mapping[str, Any] | None = None) -> str:
        language = self.language_or_default(language)
        try:
            msgid = MESSAGES[key]
        except KeyError:
            raise UnknownMessageKey(key) from None
        template = self._translations[language].gettext(msgid)
        values = {name: self.format_value(language, value) for name, value in (params or {}).items()}
        return template.format(**values)

    def reply(self, language: str | None, payload: Mapping[str, Any]) -> Reply:
        """Render one keyed reply as sent by Rasa or an action.

        `payload` is `{"key": ..., "params": {...}, "buttons": [{"key": ..., "payload": ...}]}`.
        A parameter is text, a number, or one of `{"amount_ore": int}`, `{"date": "YYYY-MM-DD"}`,
        `{"month": "YYYY-MM-DD"}`, `{"schedule": [{"date": ..., "amount_ore": ...}, ...]}`, another
        message `{"key": ..., "params": ...}`, or `{"lines": [message, ...]}`, one per line.
        """
        text = self.text(language, payload["key"], payload.get("params"))
        buttons = tuple(
            Button(self.text(language, button["key"], button.get("params")), button["payload"])
            for button in payload.get("buttons", ())
        )
        return Reply(text, buttons)

    def format_value(self, language: str, value: Any) -> str:
        """One parameter as text: amounts as on the rent notice, dates and numbers in the
        language's conventions, isolated in right-to-left text."""
        if isinstance(value, Mapping) and "key" in value:
            # Another message, rendered in the same language (a name, a line of a list).
            return self.text(language, value["key"], value.get("params"))
        if isinstance(value, Mapping) and "lines" in value:
            return "\n".join(self.format_value(language, line) for line in value["lines"])
        if isinstance(value, Mapping) and "schedule" in value:
            # One line per payment: "• 30 December 2026: 1 000 kr".
            return "\n".join(
                f"• {self.format_value(language, {'date': line['date']})}: "
                f"{self.format_value(language, {'amount_ore': line['amount_ore']})}"
                for line in value["schedule"]
            )
        locale = Locale.parse(language)
        if isinstance(value, Mapping) and "amount_ore" in value:
            formatted = format_money(int(value["amount_ore"]))
        elif isinstance(value, Mapping) and "date" in value:
            formatted = format_date(dt.date.fromisoformat(value["date"]), "long", locale=locale)
        elif isinstance(value, Mapping) and "month" in value:
            formatted = format_date(dt.date.fromisoformat(value["month"]), "LLLL yyyy", locale=locale)
        elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            formatted = format_decimal(value, locale=locale)
        else:
            formatted = str(value)
        if LANGUAGES[language].right_to_left:
            formatted = f"{FSI}{formatted}{PDI}"
        return formatted
