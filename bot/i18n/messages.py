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
    # Onboarding links
    "onboarding.welcome": N_(
        "Welcome, {name}! This chat is now linked to your lease at {address}. "
        "You can ask me about your home and your rent at any time."
    ),
    "onboarding.intro": N_(
        "Let me show you the most important rules for your home, in a few short steps. "
        "You can ask a question or stop at any time, and continue later."
    ),
    "onboarding.resume": N_("Let us continue where you left off."),
    "onboarding.later": N_(
        "Of course. We can continue whenever you like: press the button below when you are ready."
    ),
    "onboarding.ask_question": N_(
        "Write your question in your own words. When you have your answer, we can continue "
        "the introduction."
    ),
    "onboarding.check": N_("That was the last step. Was everything clear?"),
    "onboarding.done_clear": N_(
        "Good! You can ask me about your home and your rent at any time, here in the chat."
    ),
    "onboarding.done_unclear": N_(
        "Thank you for telling us. Ask me about anything that was unclear, in your own words, "
        "or talk to a person."
    ),
    "onboarding.already_done": N_(
        "You have already seen the introduction. You can ask me about your home and your rent "
        "at any time."
    ),
    "invite.unknown": N_(
        "I could not find that invitation link. Please check that you opened the whole link "
        "from your welcome letter. If it still does not work, your housing company can help."
    ),
    "invite.expired": N_(
        "This invitation link is too old and no longer works. "
        "Please ask your housing company for a new one."
    ),
    "invite.revoked": N_(
        "This invitation link has been cancelled. Please ask your housing company for a new one."
    ),
    "invite.used": N_(
        "This invitation link has already been used. "
        "If that was not you, please contact your housing company."
    ),
    "invite.lease_taken": N_(
        "This lease is already linked to another Telegram account. "
        "If that is not right, please contact your housing company."
    ),
    "invite.chat_taken": N_(
        "Your Telegram account is already linked to another lease. "
        "If you want to change that, please contact your housing company."
    ),
    "invite.rate_limited": N_(
        "Several links did not work, so please wait an hour before you try again. "
        "Your housing company can also help you."
    ),
    # Questions about the tenancy rules
    "tenancy.rent_due.personal": N_(
        "Your rent is {amount} a month. Rent is paid in advance: the rent for {month} "
        "must be paid by {due_date} at the latest."
    ),
    "tenancy.rent_due.general": N_(
        "Rent is paid in advance, by the last weekday before the month begins. "
        "For example, the rent for {month} must be paid by {due_date} at the latest."
    ),
    "tenancy.payment.autogiro": N_(
        "You pay the rent to bankgiro {bankgiro}, with the OCR number from your rent notice. "
        "The easiest way is autogiro: the rent is then paid automatically every month. "
        "You can set it up, and see your rent notices, at {web}."
    ),
    "tenancy.payment.bankgiro": N_(
        "You pay the rent to bankgiro {bankgiro}, with the OCR number from your rent notice. "
        "You can see your rent notices at {web}."
    ),
    "tenancy.late_consequences": N_(
        "If you cannot pay on time, contact us as early as you can, on {phone} or here in the chat. "
        "We can often agree on a plan to pay in parts.\n"
        "This is what the law says: if the rent is paid more than one week late, the landlord may "
        "end the lease. Even then, you can keep your home if you pay everything within three weeks "
        "of receiving a written notice about it. Only Kronofogden can carry out an eviction. "
        "The earlier we talk, the more we can help."
    ),
    "tenancy.quiet_hours": N_(
        "Please keep it quiet between {start} and {end}, so that everyone can sleep. "
        "Avoid loud music, drilling and banging at those times."
    ),
    "tenancy.disturbance": N_(
        "I am sorry you are being disturbed. If you can, talk to your neighbour first. "
        "If it goes on, tell us: call {phone} or write to {email}. "
        "If someone is in danger, call 112."
    ),
    "tenancy.subletting": N_(
        "To let your whole flat to someone else (andrahandsuthyrning), you first need written "
        "permission from {organisation}, or from the rent tribunal (hyresnämnden). Letting it "
        "without permission can cost you your lease, so please ask us before you agree to anything."
    ),
    "tenancy.home_insurance": N_(
        "Home insurance (hemförsäkring) covers your own belongings, and you if you cause damage, "
        "for example a water leak to the neighbours. We insure the building, but not your things. "
        "We strongly recommend that you have home insurance."
    ),
    "tenancy.fault_report": N_(
        "Please report the fault as soon as you can: call {phone} or use {web}. "
        "If it is urgent outside office hours, for example water leaking, call {emergency_phone}."
    ),
    "tenancy.laundry.web": N_(
        "You book the laundry room at {web}. Please clean up after yourself, "
        "and cancel your time if you do not need it."
    ),
    "tenancy.laundry.board": N_(
        "You book the laundry room on the booking board in the laundry room. "
        "Please clean up after yourself, and cancel your time if you do not need it."
    ),
    "tenancy.waste": N_(
        "Sort your waste in the recycling room: food waste, paper, plastic, glass, metal and "
        "batteries each go in their own bin. Bulky and hazardous waste go to the municipal "
        "recycling centre. Our sorting guide: {web}"
    ),
    "tenancy.moving_out": N_(
        "To move out, give us written notice. The notice period is three months and the lease "
        "ends at the turn of a month: if you give notice today, your lease ends on {end_date}."
    ),
    # Rent account
    "balance.owed": N_("According to our records on {date}, you have {amount} left to pay."),
    "balance.clear": N_("According to our records on {date}, you have nothing left to pay."),
    "balance.unknown": N_(
        "I have no information about your rent account yet. A person at your housing company "
        "can tell you what you owe."
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
    "button.next": N_("Next"),
    "button.question": N_("I have a question"),
    "button.later": N_("Later"),
    "button.continue_intro": N_("Continue the introduction"),
    "button.clear": N_("Yes, it was clear"),
    "button.unclear": N_("No, not everything"),
}
