"""The one place that reads the environment.

Every other module receives a `Settings` object; nothing else calls `os.environ`.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
STOCKHOLM = ZoneInfo("Europe/Stockholm")


class ConfigurationError(Exception):
    """A setting is missing or malformed; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    project_root: Path = PROJECT_ROOT
    var_dir: Path = PROJECT_ROOT / "var"
    database_url: str = ""
    default_language: str = "sv"
    organisation_dir: Path = PROJECT_ROOT / "config" / "organisations"

    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str = field(default="", repr=False)
    rasa_timeout_seconds: float = 20.0
    rasa_python: Path = PROJECT_ROOT / ".venv-rasa" / "bin" / "python"
    models_dir: Path = PROJECT_ROOT / "models"
    # Rasa's tracker store: SQLite file under var/ unless a PostgreSQL URL is given.
    tracker_store_url: str = ""
    # Rasa's lock store: in memory for one Rasa process, Redis when several share conversations.
    lock_store_url: str = ""
    action_server_port: int = 5055

    telegram_token: str = field(default="", repr=False)
    telegram_api_base_url: str = "https://api.telegram.org"
    webhook_url: str = ""
    webhook_secret: str = field(default="", repr=False)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    # The bot's @username, for onboarding links (t.me/<username>?start=<token>).
    telegram_bot_username: str = ""
    invite_valid_days: int = 30
    # Pretend it is this moment (demos and tests of date and time rules); None: the real clock.
    frozen_now: dt.datetime | None = None
    # Fernet keys for sensitive free text, newest first (older ones still decrypt). Empty: a key
    # kept in var/data.key, made on first use (one machine only; set the keys when scaling out).
    data_keys: tuple[str, ...] = field(default=(), repr=False)
    # An update claimed longer ago than this without completing is taken to be lost
    # with its worker and may be processed again when Telegram delivers it again.
    update_claim_timeout_seconds: int = 120
    # How often the running bot plans and sends early contacts about late rent; 0: never.
    outreach_interval_minutes: int = 15

    def __post_init__(self) -> None:
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{self.var_dir / 'app.db'}")
        if not self.tracker_store_url:
            object.__setattr__(
                self, "tracker_store_url", f"sqlite:///{self.var_dir / 'rasa_tracker.db'}"
            )

    @property
    def telegram_bot_api_url(self) -> str:
        """Base URL that python-telegram-bot appends the token to."""
        return self.telegram_api_base_url.rstrip("/") + "/bot"

    @property
    def telegram_file_api_url(self) -> str:
        return self.telegram_api_base_url.rstrip("/") + "/file/bot"

    @property
    def action_server_url(self) -> str:
        return f"http://127.0.0.1:{self.action_server_port}/webhook"

    def now(self) -> dt.datetime:
        return self.frozen_now if self.frozen_now is not None else dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        """Today in Sweden, where rent falls due."""
        return self.now().astimezone(STOCKHOLM).date()

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, got {raw!r}") from None


def _moment(env: Mapping[str, str], name: str) -> dt.datetime | None:
    """A date (taken as noon) or a date and time; without a UTC offset, Swedish time."""
    raw = env.get(name)
    if not raw:
        return None
    try:
        moment = dt.datetime.fromisoformat(raw if "T" in raw or " " in raw else f"{raw}T12:00")
    except ValueError:
        raise ConfigurationError(
            f"{name} must be a date like 2026-02-10 or a time like 2026-02-10T09:30, got {raw!r}"
        ) from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=STOCKHOLM)).astimezone(dt.UTC)


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment (or the given mapping, for tests)."""
    env = os.environ if env is None else env
    base = Settings()
    var_dir = Path(env.get("TENANTBOT_VAR_DIR") or base.var_dir)
    webhook_url = env.get("WEBHOOK_URL", "")
    webhook_secret = env.get("WEBHOOK_SECRET", "")
    if webhook_url and not webhook_secret:
        raise ConfigurationError(
            "WEBHOOK_URL is set but WEBHOOK_SECRET is not: set WEBHOOK_SECRET to a random "
            "string of 1-256 characters (A-Z, a-z, 0-9, _ and -) so that Telegram's "
            "secret-token header can be checked."
        )
    default_language = env.get("DEFAULT_LANGUAGE", base.default_language)
    return Settings(
        var_dir=var_dir,
        database_url=env.get("DATABASE_URL", ""),
        default_language=default_language,
        organisation_dir=Path(env.get("ORGANISATION_DIR") or base.organisation_dir),
        rasa_url=env.get("RASA_URL", base.rasa_url),
        rasa_token=env.get("RASA_TOKEN") or secrets.token_urlsafe(24),
        rasa_python=Path(env.get("RASA_PYTHON") or base.rasa_python),
        models_dir=Path(env.get("RASA_MODELS_DIR") or base.models_dir),
        tracker_store_url=env.get("RASA_TRACKER_STORE_URL", ""),
        lock_store_url=env.get("RASA_LOCK_STORE_URL", ""),
        action_server_port=_int(env, "ACTION_SERVER_PORT", base.action_server_port),
        telegram_token=env.get("TELEGRAM_BOT_TOKEN", ""),
        telegram_api_base_url=env.get("TELEGRAM_API_BASE_URL", base.telegram_api_base_url),
        webhook_url=webhook_url,
        webhook_secret=webhook_secret,
        webhook_listen=env.get("WEBHOOK_LISTEN", base.webhook_listen),
        webhook_port=_int(env, "WEBHOOK_PORT", base.webhook_port),
        telegram_bot_username=env.get("TELEGRAM_BOT_USERNAME", "").lstrip("@"),
        invite_valid_days=_int(env, "INVITE_VALID_DAYS", base.invite_valid_days),
        outreach_interval_minutes=_int(env, "OUTREACH_INTERVAL_MINUTES", base.outreach_interval_minutes),
        frozen_now=_moment(env, "TENANTBOT_NOW"),
        data_keys=tuple(key.strip() for key in env.get("TENANTBOT_DATA_KEYS", "").split(",") if key.strip()),
    )
