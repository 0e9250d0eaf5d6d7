"""Onboarding invitations: a single-use token per lease, printed as a deep link and QR code.

Only a hash of the token is stored. A token is 32 URL-safe characters (192 random bits), so it
fits Telegram's `start` parameter (at most 64 characters of A-Z, a-z, 0-9, _ and -).
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import re
import secrets

TOKEN_BYTES = 24
START_PARAMETER = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class InviteStatus(enum.Enum):
    VALID = "valid"
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    REVOKED = "revoked"
    USED = "used"


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    # The token carries 192 random bits, so a plain SHA-256 cannot be reversed by guessing.
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def looks_like_token(text: str) -> bool:
    return bool(START_PARAMETER.match(text))


def invite_status(
    expires_at: dt.datetime, used_at: dt.datetime | None, revoked_at: dt.datetime | None, now: dt.datetime
) -> InviteStatus:
    if revoked_at is not None:
        return InviteStatus.REVOKED
    if used_at is not None:
        return InviteStatus.USED
    if now >= expires_at:
        return InviteStatus.EXPIRED
    return InviteStatus.VALID


def deep_link(bot_username: str, token: str) -> str:
    return f"https://t.me/{bot_username}?start={token}"
