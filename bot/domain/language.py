"""Which language to answer a tenant in: the one rule every part of the assistant uses."""

from __future__ import annotations

from bot.i18n.languages import from_telegram_code, is_supported


def tenant_language(chosen: str | None, preferred: str | None, client_code: str | None = None) -> str | None:
    """The language chosen in the chat; else the tenant's preferred one (from the lease import or
    an earlier chat); else the one their Telegram client is set to. None when none of these is a
    language the assistant speaks: the tenant is then asked, or the default is used."""
    if is_supported(chosen):
        return chosen
    if is_supported(preferred):
        return preferred
    return from_telegram_code(client_code)
