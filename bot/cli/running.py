"""Running the assistant: the demo, the Telegram bot, the terminal chat, and what they need
(the database, the demo tenant, the trained model)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from bot.app import App
from bot.cli.common import prepared
from bot.config.settings import Settings
from bot.db.migrate import upgrade
from bot.infra.processes import rasa_stack
from bot.infra.training import ensure_model
from bot.services.chat import Sender
from bot.services.demo import TERMINAL_CHAT_ID, seed_demo
from bot.telegram.app import ALLOWED_UPDATES, build_application
from bot.terminal import run_terminal_chat


def configure_logging(settings: Settings, to_file: bool) -> None:
    if to_file:
        log_dir = settings.var_dir / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(log_dir / "bot.log", encoding="utf-8")
    else:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    with App.from_settings(settings) as app:
        upgrade(app.engine)
    print("database is up to date")
    return 0


def _seed_demo(app: App) -> None:
    facts = app.organisation("demo")
    with app.sessions.begin() as session:
        tenant = seed_demo(session, facts, app.today())
        print(f"demo tenant: {tenant.name} ({facts.name}), behind with the last rent")


def cmd_seed_demo(settings: Settings, args: argparse.Namespace) -> int:
    with prepared(settings) as app:
        _seed_demo(app)
    return 0


def cmd_train(settings: Settings, args: argparse.Namespace) -> int:
    print(f"model: {ensure_model(settings)}")
    return 0


async def _terminal(app: App) -> None:
    service = app.chat_service()
    try:
        await run_terminal_chat(service, Sender(TERMINAL_CHAT_ID, TERMINAL_CHAT_ID, channel="terminal"))
    finally:
        await service.aclose()


def _run_telegram(app: App) -> None:
    settings = app.settings
    application = build_application(app)
    if settings.webhook_url:
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path="telegram",
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        application.run_polling(allowed_updates=ALLOWED_UPDATES)


def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    """Terminal chat against an already running Rasa and action server."""
    configure_logging(settings, to_file=True)
    with App.from_settings(settings) as app:
        asyncio.run(_terminal(app))
    return 0


def cmd_demo(settings: Settings, args: argparse.Namespace) -> int:
    telegram = bool(settings.telegram_token)
    configure_logging(settings, to_file=not telegram)
    with prepared(settings) as app:
        _seed_demo(app)
        print("preparing the language model (the first run trains it; later runs reuse it)...")
        model = ensure_model(settings)
        print("starting the Rasa server and the action server...")
        with rasa_stack(settings, model):
            if telegram:
                _run_telegram(app)
            else:
                asyncio.run(_terminal(app))
    return 0


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.telegram_token:
        print("TELEGRAM_BOT_TOKEN is not set; use `make demo` for the terminal chat.", file=sys.stderr)
        return 2
    configure_logging(settings, to_file=False)
    with prepared(settings) as app, rasa_stack(settings, ensure_model(settings)):
        _run_telegram(app)
    return 0
