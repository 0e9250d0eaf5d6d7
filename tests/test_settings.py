"""Settings come from environment variables; a bad value is reported with the variable's name."""

import datetime as dt
from pathlib import Path

import pytest

from bot.config.settings import PROJECT_ROOT, STOCKHOLM, ConfigurationError, Settings, load_settings

EVERY_VARIABLE = {
    "TENANTBOT_VAR_DIR": "/srv/tenantbot/var",
    "DATABASE_URL": "postgresql://bot@db.internal/app",
    "DEFAULT_LANGUAGE": "en",
    "ORGANISATION_DIR": "/srv/tenantbot/organisations",
    "RASA_URL": "http://127.0.0.1:6005",
    "RASA_TOKEN": "rasa-token",
    "RASA_PYTHON": "/opt/rasa/bin/python",
    "RASA_MODELS_DIR": "/srv/tenantbot/models",
    "RASA_TRACKER_STORE_URL": "postgresql://rasa@db.internal/tracker",
    "RASA_LOCK_STORE_URL": "redis://cache.internal:6379/0",
    "ACTION_SERVER_PORT": "6055",
    "TELEGRAM_BOT_TOKEN": "123:telegram-token",
    "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081",
    "WEBHOOK_URL": "https://bot.example/telegram",
    "WEBHOOK_SECRET": "webhook-secret",
    "WEBHOOK_LISTEN": "0.0.0.0",
    "WEBHOOK_PORT": "9443",
    "TELEGRAM_BOT_USERNAME": "@exempel_bot",
    "INVITE_VALID_DAYS": "14",
    "OUTREACH_INTERVAL_MINUTES": "0",
    "TENANTBOT_NOW": "2026-02-10T09:30",
    "TENANTBOT_DATA_KEYS": "newest-key, older-key,",
}


def test_without_variables_everything_has_a_default() -> None:
    settings = load_settings({})
    assert settings.var_dir == PROJECT_ROOT / "var"
    assert settings.database_url == f"sqlite:///{PROJECT_ROOT / 'var' / 'app.db'}"
    assert settings.tracker_store_url == f"sqlite:///{PROJECT_ROOT / 'var' / 'rasa_tracker.db'}"
    assert settings.organisation_dir == PROJECT_ROOT / "config" / "organisations"
    assert (settings.default_language, settings.rasa_url, settings.action_server_port) == ("sv", "http://127.0.0.1:5005", 5055)
    assert (settings.telegram_token, settings.webhook_url, settings.lock_store_url) == ("", "", "")
    assert (settings.webhook_listen, settings.webhook_port) == ("127.0.0.1", 8443)
    assert (settings.invite_valid_days, settings.outreach_interval_minutes) == (30, 15)
    assert settings.frozen_now is None and settings.data_keys == ()
    assert settings.action_server_url == "http://127.0.0.1:5055/webhook"


def test_the_rasa_token_is_random_unless_given() -> None:
    first, second = load_settings({}).rasa_token, load_settings({}).rasa_token
    assert len(first) >= 24 and first != second


def test_every_variable_is_read() -> None:
    settings = load_settings(EVERY_VARIABLE)
    assert settings.var_dir == Path("/srv/tenantbot/var")
    assert settings.database_url == "postgresql://bot@db.internal/app"
    assert settings.default_language == "en"
    assert settings.organisation_dir == Path("/srv/tenantbot/organisations")
    assert (settings.rasa_url, settings.rasa_token) == ("http://127.0.0.1:6005", "rasa-token")
    assert settings.rasa_python == Path("/opt/rasa/bin/python")
    assert settings.models_dir == Path("/srv/tenantbot/models")
    assert settings.tracker_store_url == "postgresql://rasa@db.internal/tracker"
    assert settings.lock_store_url == "redis://cache.internal:6379/0"
    assert settings.action_server_url == "http://127.0.0.1:6055/webhook"
    assert settings.telegram_token == "123:telegram-token"
    assert settings.telegram_bot_api_url == "http://127.0.0.1:8081/bot"
    assert settings.telegram_file_api_url == "http://127.0.0.1:8081/file/bot"
    assert (settings.webhook_url, settings.webhook_secret) == ("https://bot.example/telegram", "webhook-secret")
    assert (settings.webhook_listen, settings.webhook_port) == ("0.0.0.0", 9443)
    assert settings.telegram_bot_username == "exempel_bot"
    assert (settings.invite_valid_days, settings.outreach_interval_minutes) == (14, 0)
    assert settings.data_keys == ("newest-key", "older-key")


def test_a_pretended_moment_is_swedish_time_and_a_date_alone_is_noon() -> None:
    settings = load_settings({"TENANTBOT_NOW": "2026-02-10T09:30"})
    assert settings.now() == dt.datetime(2026, 2, 10, 9, 30, tzinfo=STOCKHOLM)
    assert settings.now().tzinfo == dt.UTC
    noon = load_settings({"TENANTBOT_NOW": "2026-07-01"}).now()
    assert noon == dt.datetime(2026, 7, 1, 12, tzinfo=STOCKHOLM)


def test_today_is_the_date_in_sweden() -> None:
    settings = load_settings({"TENANTBOT_NOW": "2026-03-31T23:30+00:00"})
    assert settings.today() == dt.date(2026, 4, 1)


def test_an_empty_variable_counts_as_unset(tmp_path: Path) -> None:
    settings = load_settings({"TENANTBOT_VAR_DIR": str(tmp_path), "DATABASE_URL": "", "INVITE_VALID_DAYS": ""})
    assert settings.database_url == f"sqlite:///{tmp_path / 'app.db'}"
    assert settings.invite_valid_days == 30


@pytest.mark.parametrize("variable", ["INVITE_VALID_DAYS", "ACTION_SERVER_PORT", "WEBHOOK_PORT", "OUTREACH_INTERVAL_MINUTES"])
def test_a_number_that_is_not_whole_is_named(variable: str) -> None:
    with pytest.raises(ConfigurationError, match=f"^{variable} must be a whole number, got 'x'$"):
        load_settings({variable: "x"})


def test_a_malformed_moment_is_named() -> None:
    with pytest.raises(ConfigurationError, match="^TENANTBOT_NOW must be a date like 2026-02-10 .*, got 'Tuesday'$"):
        load_settings({"TENANTBOT_NOW": "Tuesday"})


def test_a_webhook_needs_a_secret() -> None:
    with pytest.raises(ConfigurationError, match="^WEBHOOK_URL is set but WEBHOOK_SECRET is not"):
        load_settings({"WEBHOOK_URL": "https://bot.example/telegram"})


def test_secrets_are_not_shown() -> None:
    shown = repr(load_settings(EVERY_VARIABLE))
    for secret in ("rasa-token", "telegram-token", "webhook-secret", "newest-key"):
        assert secret not in shown
    assert "exempel_bot" in shown


def test_the_process_environment_is_read_when_no_mapping_is_given(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TENANTBOT_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("INVITE_VALID_DAYS", "7")
    settings = load_settings()
    assert (settings.var_dir, settings.invite_valid_days) == (tmp_path, 7)
    assert load_settings({}).invite_valid_days == 30
    monkeypatch.setenv("INVITE_VALID_DAYS", "a week")
    with pytest.raises(ConfigurationError, match="INVITE_VALID_DAYS must be a whole number, got 'a week'"):
        load_settings()


def test_settings_built_in_code_hold_only_what_they_are_given(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:from-the-environment")
    settings = Settings(var_dir=tmp_path)
    assert settings.telegram_token == ""
    assert settings.database_url == f"sqlite:///{tmp_path / 'app.db'}"


def test_overrides_change_only_what_is_named(tmp_path: Path) -> None:
    settings = load_settings({"TENANTBOT_VAR_DIR": str(tmp_path)})
    moment = dt.datetime(2026, 2, 10, 12, tzinfo=dt.UTC)
    changed = settings.with_overrides(rasa_url="http://127.0.0.1:7005", frozen_now=moment)
    assert (changed.rasa_url, changed.now()) == ("http://127.0.0.1:7005", moment)
    assert (changed.database_url, changed.rasa_token) == (settings.database_url, settings.rasa_token)
    assert settings.rasa_url == "http://127.0.0.1:5005"
