"""The composition root: one `App` from the settings, and the action server built from it serves
every action the Rasa domain lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.actions import actions_for
from bot.actions.server import executor_for, server_for
from bot.app import App
from bot.config.settings import PROJECT_ROOT, ConfigurationError, Settings, load_settings
from bot.db.migrate import upgrade
from bot.services.demo import TERMINAL_CHAT_ID, seed_demo


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"TENANTBOT_VAR_DIR": str(tmp_path), "DEFAULT_LANGUAGE": "en"})


@pytest.fixture
def app(settings: Settings) -> Iterator[App]:
    with App.from_settings(settings) as built:
        upgrade(built.engine)
        yield built


def test_the_app_holds_what_the_settings_describe(app: App, settings: Settings) -> None:
    assert set(app.organisations) == {path.stem for path in settings.organisation_dir.glob("*.yml")}
    assert app.organisation("demo").name == "Exempelbostäder AB"
    assert app.renderer.language_or_default(None) == "en"
    assert app.cipher.decrypt(app.cipher.encrypt("hyran är sen")) == "hyran är sen"


def test_the_app_keeps_the_settings_clock(tmp_path: Path) -> None:
    settings = load_settings({"TENANTBOT_VAR_DIR": str(tmp_path), "TENANTBOT_NOW": "2026-12-04T23:30"})
    with App.from_settings(settings) as app:
        assert app.now() == dt.datetime(2026, 12, 4, 22, 30, tzinfo=dt.UTC)
        # Rent falls due in Sweden: half past eleven in Stockholm is still the 4th.
        assert app.today() == dt.date(2026, 12, 4)


def test_an_unknown_organisation_is_a_configuration_error(app: App) -> None:
    with pytest.raises(ConfigurationError, match="'nowhere'"):
        app.organisation("nowhere")


def test_a_broken_organisation_file_stops_the_start_and_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.yml").write_text("slug: broken\nname: [\n", encoding="utf-8")
    settings = load_settings({"TENANTBOT_VAR_DIR": str(tmp_path), "ORGANISATION_DIR": str(tmp_path)})
    with pytest.raises(ConfigurationError, match="broken.yml"):
        App.from_settings(settings)


def test_the_action_server_serves_every_action_in_the_domain_once(app: App) -> None:
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert sorted(action.name() for action in actions_for(app)) == sorted(domain["actions"])
    assert set(executor_for(app).actions) == set(domain["actions"])


def test_the_action_server_answers_health_checks_and_rasas_calls(app: App) -> None:
    routes = {route.path.strip("/") for route in server_for(app).router.routes}
    assert {"health", "webhook"} <= routes


async def test_an_action_call_from_rasa_runs_the_action_over_the_apps_database(app: App) -> None:
    with app.sessions.begin() as session:
        seed_demo(session, app.organisation("demo"))
    call = {
        "next_action": "action_greet_tenant",
        "sender_id": str(TERMINAL_CHAT_ID),
        "tracker": {"sender_id": str(TERMINAL_CHAT_ID), "slots": {}, "events": [], "paused": False,
                    "latest_message": {"text": "hej", "intent": {"name": "greet"}}, "latest_action_name": "action_listen"},
        "domain": {},
        "version": "3.6.21",
    }
    result = await executor_for(app).run(call)
    assert result is not None
    assert [message["custom"] for message in result.model_dump()["responses"]] == [
        {"key": "greet.named", "params": {"name": "Amina", "organisation": "Exempelbostäder AB"}}
    ]
