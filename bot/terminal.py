"""A chat in the terminal that goes through the same path as Telegram.

Buttons are shown as numbered choices; typing the number presses the button.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from bot.services.chat import ChatService, Sender
from bot.i18n.rendering import Button, Reply

QUIT = "/quit"


async def read_line(prompt: str) -> str | None:
    try:
        return await asyncio.to_thread(input, prompt)
    except EOFError:
        return None


def show(replies: list[Reply], write: Callable[[str], None]) -> list[Button]:
    """Print the replies; return the buttons of the last reply that has any."""
    buttons: list[Button] = []
    for reply in replies:
        write(f"\nassistant: {reply.text}")
        if reply.buttons:
            buttons = list(reply.buttons)
            for number, button in enumerate(buttons, start=1):
                write(f"  {number}) {button.label}")
    return buttons


async def run_terminal_chat(
    service: ChatService,
    sender: Sender,
    read: Callable[[str], Awaitable[str | None]] = read_line,
    write: Callable[[str], None] = print,
) -> None:
    write(f"Chat with the assistant. Type {QUIT} to stop, /language to change language.")
    buttons = show(await service.start(sender), write)
    while True:
        line = await read("\nyou: ")
        if line is None or line.strip() == QUIT:
            return
        text = line.strip()
        if not text:
            continue
        if text.isdigit() and 1 <= int(text) <= len(buttons):
            replies = await service.button(sender, buttons[int(text) - 1].data)
        elif text.startswith("/"):
            name, _, argument = text.removeprefix("/").partition(" ")
            replies = await service.command(sender, name, argument.strip() or None)
        else:
            replies = await service.message(sender, text)
        buttons = show(replies, write)
