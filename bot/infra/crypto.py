"""Encryption at rest of what tenants write in their own words (reasons for late rent).

Fernet (AES-128-CBC with HMAC-SHA256) from `cryptography`. Several keys may be configured, the
newest first: new text is encrypted with the first, and any of them decrypts, so keys can be
rotated without losing older text.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.config.settings import ConfigurationError, Settings

KEY_FILE = "data.key"


class TextCipher:
    def __init__(self, keys: tuple[str, ...]) -> None:
        if not keys:
            raise ConfigurationError("no data encryption key is configured (TENANTBOT_DATA_KEYS)")
        try:
            self._fernet = MultiFernet([Fernet(key.encode("ascii")) for key in keys])
        except (ValueError, UnicodeEncodeError):
            raise ConfigurationError(
                "TENANTBOT_DATA_KEYS must hold Fernet keys (32 url-safe base64-encoded bytes); "
                "make one with `tenantbot new-data-key`"
            ) from None

    def encrypt(self, text: str) -> bytes:
        return self._fernet.encrypt(text.encode("utf-8"))

    def decrypt(self, token: bytes) -> str:
        try:
            return self._fernet.decrypt(token).decode("utf-8")
        except InvalidToken:
            raise ConfigurationError("stored text cannot be decrypted with the configured keys") from None


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")


def data_keys(settings: Settings) -> tuple[str, ...]:
    """The configured keys; else the key in var/data.key, made (readable by the owner only) if absent."""
    if settings.data_keys:
        return settings.data_keys
    path: Path = settings.var_dir / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first
        else:
            with os.fdopen(descriptor, "w") as key_file:
                key_file.write(new_key() + "\n")
    return (path.read_text().strip(),)


def cipher_for(settings: Settings) -> TextCipher:
    return TextCipher(data_keys(settings))
