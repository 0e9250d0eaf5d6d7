"""The terminal chat goes through the same path as Telegram: Rasa, actions, database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.app import App
from bot.services.chat import Sender
from bot.services.demo import TERMINAL_CHAT_ID
from bot.config.settings import Settings
from bot.terminal import run_terminal_chat

pytestmark = pytest.mark.e2e


def scripted(lines: list[str]):  # type: ignore[no-untyped-def]
    remaining: Iterator[str] = iter(lines)

    async def read(prompt: str) -> str | None:
        return next(remaining, None)

    return read


async def test_the_demo_tenant_is_greeted_and_buttons_are_numbered(stack: Settings) -> None:
    app = App.from_settings(stack)
    service = app.chat_service()
    output: list[str] = []
    try:
        await run_terminal_chat(
            service,
            Sender(TERMINAL_CHAT_ID, TERMINAL_CHAT_ID, channel="terminal"),
            read=scripted(["vad kan du göra?", "1", "/quit", "never read"]),
            write=output.append,
        )
    finally:
        await service.aclose()
        app.close()
    transcript = "\n".join(output)
    assert "assistant: Hej Amina! Jag är chattassistent hos Exempelbostäder AB." in transcript
    assert "  1) Prata med en person\n  2) Byt språk" in transcript
    # Choosing 1 pressed "Talk to a person".
    assert output[-1].startswith(
        "\nassistant: Jag har bett en person på Exempelbostäder AB att komma in i den här chatten."
    )
