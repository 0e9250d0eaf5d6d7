"""The action server: rasa-sdk's HTTP API (`/webhook`, `/health`) over our actions, each built
once from one `App`, in one process, listening on 127.0.0.1 only.

rasa-sdk's own entry point would construct the action classes itself, with no way to hand them
the database and the organisations; here they are registered as instances instead.
"""

from __future__ import annotations

import logging

from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor
from sanic import Sanic

from bot.actions import actions_for
from bot.app import App
from bot.config.settings import load_settings

HOST = "127.0.0.1"


def executor_for(app: App) -> ActionExecutor:
    executor = ActionExecutor()
    for action in actions_for(app):
        executor.register_action(action)
    return executor


def server_for(app: App) -> Sanic:  # type: ignore[type-arg]
    return create_app(executor_for(app))


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = load_settings()
    with App.from_settings(settings) as app:
        # One process: Sanic's worker processes would each need the App pickled across.
        server_for(app).run(host=HOST, port=settings.action_server_port, single_process=True, access_log=False)


if __name__ == "__main__":
    main()
