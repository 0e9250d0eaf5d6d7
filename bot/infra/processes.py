"""Start the Rasa server and the action server beside the bot, and stop them again."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import yaml
from sqlalchemy.engine import make_url

from bot.infra.crypto import data_keys
from bot.config.settings import Settings

STOP_GRACE_SECONDS = 15.0


class ServiceFailed(RuntimeError):
    pass


def tracker_store_config(url: str) -> dict[str, Any]:
    """Rasa's SQL tracker store wants the URL taken apart."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        return {"type": "SQL", "dialect": "sqlite", "db": parsed.database}
    if parsed.get_backend_name() == "postgresql":
        config: dict[str, Any] = {
            "type": "SQL",
            "dialect": "postgresql",
            "url": parsed.host or "127.0.0.1",
            "port": parsed.port or 5432,
            "db": parsed.database,
            "username": parsed.username,
        }
        if parsed.password:
            config["password"] = parsed.password
        return config
    raise ValueError(f"unsupported tracker store URL (use sqlite or postgresql): {parsed!r}")


def lock_store_config(url: str) -> dict[str, Any] | None:
    if not url:
        return None
    parsed = urlsplit(url)
    if parsed.scheme != "redis":
        raise ValueError(f"unsupported lock store URL (use redis://host:port/db): {url!r}")
    config: dict[str, Any] = {
        "type": "redis",
        "url": parsed.hostname or "127.0.0.1",
        "port": parsed.port or 6379,
        "db": int(parsed.path.strip("/") or 0),
    }
    if parsed.password:
        config["password"] = parsed.password
    return config


def write_endpoints(settings: Settings, path: Path) -> Path:
    endpoints: dict[str, Any] = {
        "action_endpoint": {"url": settings.action_server_url},
        "tracker_store": tracker_store_config(settings.tracker_store_url),
    }
    lock_store = lock_store_config(settings.lock_store_url)
    if lock_store:
        endpoints["lock_store"] = lock_store
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False), encoding="utf-8")
    return path


@dataclass
class ManagedProcess:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @classmethod
    def start(
        cls, name: str, command: list[str], env: Mapping[str, str], log_path: Path, cwd: Path
    ) -> ManagedProcess:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(log_path, "ab") as log:
            process = subprocess.Popen(
                command,
                cwd=cwd,
                env=dict(env),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                # Its own process group, so stopping it stops whatever it started too.
                start_new_session=True,
            )
        return cls(name, process, log_path)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return ""

    def wait_until_ready(self, url: str, timeout_seconds: float) -> None:
        deadline = time.monotonic() + timeout_seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServiceFailed(
                    f"{self.name} exited with code {self.process.returncode}; its log "
                    f"({self.log_path}) ends with:\n{self.log_tail()}"
                )
            try:
                if httpx.get(url, timeout=2.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        self.stop()
        raise ServiceFailed(
            f"{self.name} was not ready after {timeout_seconds:.0f} s; its log "
            f"({self.log_path}) ends with:\n{self.log_tail()}"
        )

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def rasa_port(settings: Settings) -> int:
    return urlsplit(settings.rasa_url).port or 5005


def start_action_server(settings: Settings, env: Mapping[str, str] | None = None) -> ManagedProcess:
    """Our action server (`bot.actions.server`), given these settings through its environment;
    it listens on 127.0.0.1 only."""
    base_env = dict(os.environ if env is None else env)
    base_env.update(
        DATABASE_URL=settings.database_url,
        ORGANISATION_DIR=str(settings.organisation_dir),
        TENANTBOT_VAR_DIR=str(settings.var_dir),
        DEFAULT_LANGUAGE=settings.default_language,
        ACTION_SERVER_PORT=str(settings.action_server_port),
        TENANTBOT_DATA_KEYS=",".join(data_keys(settings)),
    )
    if settings.frozen_now is not None:
        base_env["TENANTBOT_NOW"] = settings.frozen_now.isoformat()
    process = ManagedProcess.start(
        "action server",
        [sys.executable, "-m", "bot.actions.server"],
        base_env,
        settings.var_dir / "logs" / "action-server.log",
        settings.project_root,
    )
    process.wait_until_ready(f"http://127.0.0.1:{settings.action_server_port}/health", 90)
    return process


def start_rasa(settings: Settings, model: Path, env: Mapping[str, str] | None = None) -> ManagedProcess:
    endpoints = write_endpoints(settings, settings.var_dir / "endpoints.yml")
    base_env = dict(os.environ if env is None else env)
    # Rasa must not phone home: there is no network, and the tenants' privacy forbids it.
    base_env.update(RASA_TELEMETRY_ENABLED="false", SQLALCHEMY_SILENCE_UBER_WARNING="1")
    process = ManagedProcess.start(
        "Rasa server",
        [str(settings.rasa_python), "-m", "rasa", "run",
         "--model", str(model),
         "--interface", "127.0.0.1",
         "--port", str(rasa_port(settings)),
         "--endpoints", str(endpoints),
         "--credentials", str(settings.project_root / "credentials.yml"),
         # One argument: a token may begin with "-" (token_urlsafe), which would read as an option.
         "--enable-api", f"--auth-token={settings.rasa_token}"],
        base_env,
        settings.var_dir / "logs" / "rasa.log",
        settings.project_root,
    )
    process.wait_until_ready(
        f"{settings.rasa_url.rstrip('/')}/status?token={settings.rasa_token}", 240
    )
    return process


@contextlib.contextmanager
def rasa_stack(settings: Settings, model: Path) -> Iterator[tuple[ManagedProcess, ManagedProcess]]:
    """Run the action server and the Rasa server for as long as the block runs."""
    actions = start_action_server(settings)
    try:
        rasa = start_rasa(settings, model)
    except BaseException:
        actions.stop()
        raise
    try:
        yield actions, rasa
    finally:
        rasa.stop()
        actions.stop()
