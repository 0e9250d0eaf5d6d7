"""Replies the chat renders without Rasa."""

from __future__ import annotations

from bot.domain.buttons import TALK_TO_PERSON_BUTTON
from bot.i18n.languages import LANGUAGES
from bot.i18n.rendering import Button, Renderer, Reply

LANGUAGE_BUTTON_PREFIX = "lang:"
CRISIS_KEY = "crisis.emergency"


def language_picker(renderer: Renderer) -> Reply:
    """The language question in every language, with each language named in its own script."""
    question = "\n".join(dict.fromkeys(renderer.text(code, "language.choose") for code in LANGUAGES))
    buttons = tuple(
        Button(language.native_name, LANGUAGE_BUTTON_PREFIX + code) for code, language in LANGUAGES.items()
    )
    return Reply(question, buttons)


def capabilities(renderer: Renderer, language: str) -> Reply:
    """What the assistant can do, with a way to a person and to another language."""
    return renderer.reply(
        language,
        {
            "key": "capabilities",
            "buttons": [TALK_TO_PERSON_BUTTON, {"key": "button.change_language", "payload": "/change_language"}],
        },
    )
