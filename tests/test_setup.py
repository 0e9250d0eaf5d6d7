"""Settings, the model cache key, and the Rasa endpoints written from settings."""

import shutil
from pathlib import Path

import pytest

from bot.infra.processes import lock_store_config, tracker_store_config
from bot.config.settings import PROJECT_ROOT, ConfigurationError, load_settings
from bot.infra.training import fingerprint, training_inputs


def test_defaults_keep_everything_under_var(tmp_path: Path) -> None:
    settings = load_settings({"TENANTBOT_VAR_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'app.db'}"
    assert settings.tracker_store_url == f"sqlite:///{tmp_path / 'rasa_tracker.db'}"
    assert settings.telegram_bot_api_url == "https://api.telegram.org/bot"


def test_the_bot_api_endpoint_is_configurable() -> None:
    settings = load_settings({"TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/"})
    assert settings.telegram_bot_api_url == "http://127.0.0.1:8081/bot"


def test_webhook_mode_requires_a_secret() -> None:
    with pytest.raises(ConfigurationError, match="WEBHOOK_SECRET"):
        load_settings({"WEBHOOK_URL": "https://bot.example/telegram"})


def test_a_malformed_number_is_named() -> None:
    with pytest.raises(ConfigurationError, match="ACTION_SERVER_PORT must be a whole number"):
        load_settings({"ACTION_SERVER_PORT": "fifty"})


def test_the_tracker_store_follows_the_url() -> None:
    assert tracker_store_config("sqlite:////tmp/t/rasa.db") == {
        "type": "SQL", "dialect": "sqlite", "db": "/tmp/t/rasa.db",
    }
    assert tracker_store_config("postgresql://rasa:pw@db.internal:6543/tracker") == {
        "type": "SQL", "dialect": "postgresql", "url": "db.internal", "port": 6543,
        "db": "tracker", "username": "rasa", "password": "pw",
    }
    assert lock_store_config("redis://127.0.0.1:6379/2") == {
        "type": "redis", "url": "127.0.0.1", "port": 6379, "db": 2,
    }
    assert lock_store_config("") is None


def _copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for path in training_inputs(PROJECT_ROOT):
        target = root / path.relative_to(PROJECT_ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    return root


def test_the_model_fingerprint_changes_only_with_the_training_data(tmp_path: Path) -> None:
    root = _copy_project(tmp_path)
    original = fingerprint(root)
    assert fingerprint(root) == original
    (root / "README.md").write_text("not training data")
    assert fingerprint(root) == original
    with open(root / "nlu" / "en" / "nlu.yml", "a", encoding="utf-8") as nlu:
        nlu.write("\n")
    assert fingerprint(root) != original
