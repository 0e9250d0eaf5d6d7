"""The one place that reads the environment.

Every other module receives a `Settings` object; nothing else calls `os.environ`.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, EnvSettingsSource, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

from bot.domain.calendar import SWEDEN as STOCKHOLM
from bot.domain.calendar import swedish_date

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent


class ConfigurationError(Exception):
    """A setting is missing or malformed; the message says which and how to fix it."""


def _moment(value: object) -> object:
    """A date (taken as noon) or a date and time; without a UTC offset, Swedish time."""
    if not isinstance(value, str):
        return value
    try:
        moment = dt.datetime.fromisoformat(value if "T" in value or " " in value else f"{value}T12:00")
    except ValueError:
        raise ValueError(
            f"TENANTBOT_NOW must be a date like 2026-02-10 or a time like 2026-02-10T09:30, got {value!r}"
        ) from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=STOCKHOLM)).astimezone(dt.UTC)


def _keys(value: object) -> object:
    """Comma-separated, newest first."""
    if not isinstance(value, str):
        return value
    return tuple(key.strip() for key in value.split(",") if key.strip())


class Settings(BaseSettings):
    """Each field is read from the environment variable named in its alias (see the README) by
    `load_settings`; settings built in code hold only what they are given."""

    model_config = SettingsConfigDict(
        frozen=True, case_sensitive=True, env_ignore_empty=True, validate_by_name=True, extra="ignore"
    )

    project_root: Path = PROJECT_ROOT
    var_dir: Path = Field(PROJECT_ROOT / "var", validation_alias="TENANTBOT_VAR_DIR")
    database_url: str = Field(
        default_factory=lambda data: f"sqlite:///{data['var_dir'] / 'app.db'}", validation_alias="DATABASE_URL"
    )
    default_language: str = Field("sv", validation_alias="DEFAULT_LANGUAGE")
    organisation_dir: Path = Field(PROJECT_ROOT / "config" / "organisations", validation_alias="ORGANISATION_DIR")

    rasa_url: str = Field("http://127.0.0.1:5005", validation_alias="RASA_URL")
    # Random per start unless set: only the processes started together need to know it.
    rasa_token: str = Field(
        default_factory=lambda: secrets.token_urlsafe(24), validation_alias="RASA_TOKEN", repr=False
    )
    rasa_timeout_seconds: float = 20.0
    rasa_python: Path = Field(PROJECT_ROOT / ".venv-rasa" / "bin" / "python", validation_alias="RASA_PYTHON")
    models_dir: Path = Field(PROJECT_ROOT / "models", validation_alias="RASA_MODELS_DIR")
    # Rasa's tracker store: SQLite file under var/ unless a PostgreSQL URL is given.
    tracker_store_url: str = Field(
        default_factory=lambda data: f"sqlite:///{data['var_dir'] / 'rasa_tracker.db'}",
        validation_alias="RASA_TRACKER_STORE_URL",
    )
    # Rasa's lock store: in memory for one Rasa process, Redis when several share conversations.
    lock_store_url: str = Field("", validation_alias="RASA_LOCK_STORE_URL")
    action_server_port: int = Field(5055, validation_alias="ACTION_SERVER_PORT")

    telegram_token: str = Field("", validation_alias="TELEGRAM_BOT_TOKEN", repr=False)
    telegram_api_base_url: str = Field("https://api.telegram.org", validation_alias="TELEGRAM_API_BASE_URL")
    webhook_url: str = Field("", validation_alias="WEBHOOK_URL")
    webhook_secret: str = Field("", validation_alias="WEBHOOK_SECRET", repr=False)
    webhook_listen: str = Field("127.0.0.1", validation_alias="WEBHOOK_LISTEN")
    webhook_port: int = Field(8443, validation_alias="WEBHOOK_PORT")
    # The bot's @username, for onboarding links (t.me/<username>?start=<token>).
    telegram_bot_username: str = Field("", validation_alias="TELEGRAM_BOT_USERNAME")
    invite_valid_days: int = Field(30, validation_alias="INVITE_VALID_DAYS")
    # Pretend it is this moment (demos and tests of date and time rules); None: the real clock.
    frozen_now: Annotated[dt.datetime | None, BeforeValidator(_moment)] = Field(None, validation_alias="TENANTBOT_NOW")
    # Fernet keys for sensitive free text, newest first (older ones still decrypt). Empty: a key
    # kept in var/data.key, made on first use (one machine only; set the keys when scaling out).
    data_keys: Annotated[tuple[str, ...], NoDecode, BeforeValidator(_keys)] = Field(
        (), validation_alias="TENANTBOT_DATA_KEYS", repr=False
    )
    # An update claimed longer ago than this without completing is taken to be lost
    # with its worker and may be processed again when Telegram delivers it again.
    update_claim_timeout_seconds: int = 120
    # How often the running bot plans and sends early contacts about late rent; 0: never.
    outreach_interval_minutes: int = Field(15, validation_alias="OUTREACH_INTERVAL_MINUTES")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)

    @field_validator("telegram_bot_username")
    @classmethod
    def _without_at(cls, username: str) -> str:
        return username.lstrip("@")

    @model_validator(mode="after")
    def _webhook_has_a_secret(self) -> Settings:
        if self.webhook_url and not self.webhook_secret:
            raise ValueError(
                "WEBHOOK_URL is set but WEBHOOK_SECRET is not: set WEBHOOK_SECRET to a random "
                "string of 1-256 characters (A-Z, a-z, 0-9, _ and -) so that Telegram's "
                "secret-token header can be checked."
            )
        return self

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
        return swedish_date(self.now())

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with some fields changed (by field name); derived URLs stay as they were."""
        return self.model_copy(update=changes)


class _Environment(EnvSettingsSource):
    """Environment variables from a mapping: the process's own, or one a test gives."""

    def __init__(self, variables: Mapping[str, str]) -> None:
        self._variables = variables
        super().__init__(Settings)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return {name: value for name, value in self._variables.items() if value != ""}


def _explain(error: ValidationError) -> str:
    """The first problem, naming the environment variable to fix."""
    problem = error.errors()[0]
    variable = problem["loc"][0] if problem["loc"] else ""
    if problem["type"] == "value_error":
        return str(problem["ctx"]["error"])
    if problem["type"] == "int_parsing":
        return f"{variable} must be a whole number, got {problem['input']!r}"
    return f"{variable}: {problem['msg']}, got {problem['input']!r}"


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment (or the given mapping, for tests)."""
    try:
        return Settings(**_Environment(os.environ if env is None else env)())
    except ValidationError as error:
        raise ConfigurationError(_explain(error)) from None
