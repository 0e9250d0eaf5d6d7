"""Every tenant-facing text, by key.

Rasa and the actions speak in keys (`{"key": "greet.named", "params": {...}}`); the bot turns a
key into text in the tenant's language. The English text is the gettext msgid, extracted with
`pybabel extract` (keyword `N_`) into `locales/messages.pot`.
"""

from __future__ import annotations


def N_(msgid: str) -> str:
    """Mark a string for extraction; it is translated when rendered."""
    return msgid


MESSAGES: dict[str, str] = {
    # Language
    "language.choose": N_("Which language would you like me to write in?"),
    "language.changed": N_(
        "I will write to you in English from now on. "
        "You can change the language at any time with /language."
    ),
    # Conversation basics
    "greet.named": N_("Hello {name}! I am the chat assistant of {organisation}. How can I help you?"),
    "greet.anonymous": N_("Hello! I am the chat assistant of your housing company. How can I help you?"),
    "goodbye": N_("Goodbye! Write to me whenever you need to."),
    "thanks.reply": N_("You're welcome! Is there anything else I can help you with?"),
    "chat.what_next": N_("Okay. What can I help you with?"),
    "bot.challenge": N_(
        "I am a chat assistant, a computer program, not a person. "
        "Whenever you need a person, I can tell you how to reach the staff at your housing company."
    ),
    "capabilities": N_(
        "I can answer questions about your home and your tenancy, help you when the rent is "
        "hard to pay, and tell you how to reach a person at your housing company. "
        "Write in your own words, or choose below."
    ),
    "help": N_(
        "Write to me in your own words. These commands also work:\n"
        "/language: choose another language\n"
        "/help: show this message"
    ),
    "fallback": N_(
        "Sorry, I did not understand that. I can help with questions about your home and your "
        "rent, or tell you how to reach a person."
    ),
    # Reaching a person
    "staff.contact": N_(
        "A person at {organisation} can help you with this. "
        "You can call {phone} or write to {email}."
    ),
    "staff.contact_unknown_tenant": N_(
        "A person at your housing company can help you with this. "
        "You find their phone number on your lease and on their website."
    ),
    # Safety
    "crisis.emergency": N_(
        "If you or someone else is in danger right now, call 112.\n"
        "If you are thinking about taking your own life, call Självmordslinjen on 90101. "
        "They answer day and night.\n"
        "If someone hurts or threatens you, call Kvinnofridslinjen on 020-50 50 50. "
        "It is free and open day and night.\n"
        "For advice about your health, call 1177."
    ),
    # Things going wrong
    "error.assistant_unavailable": N_(
        "Sorry, I can't answer right now. Please try again in a little while. "
        "If it is urgent, call your housing company. In an emergency, call 112."
    ),
    "error.generic": N_("Sorry, something went wrong on our side. Please try again."),
    "input.text_only": N_("I can only read text. Please write your question in words."),
    "command.unknown": N_("I don't know that command. You can use /help or /language."),
    # Button labels
    "button.capabilities": N_("What can you do?"),
    "button.talk_to_person": N_("Talk to a person"),
    "button.change_language": N_("Change language"),
}
