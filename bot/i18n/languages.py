"""The languages the assistant speaks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    # The language's name in its own script, as shown on the language picker.
    native_name: str
    right_to_left: bool = False


LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("sv", "Svenska"),
        Language("en", "English"),
        Language("ar", "العربية", right_to_left=True),
        Language("so", "Soomaali"),
        Language("fa", "فارسی", right_to_left=True),
        Language("ti", "ትግርኛ"),
        Language("uk", "Українська"),
        Language("fi", "Suomi"),
    )
}


def is_supported(code: str | None) -> bool:
    return code in LANGUAGES


def from_telegram_code(language_code: str | None) -> str | None:
    """Map Telegram's IETF tag ("en-US", "uk") to a supported language, if there is one."""
    if not language_code:
        return None
    primary = language_code.replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else None
