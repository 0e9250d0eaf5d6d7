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
        "/consent: see or change what you have agreed that we may share\n"
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
    # Early contact about late rent (sent by the assistant, not in answer to the tenant)
    "outreach.reminder": N_(
        "Hello {name}! A friendly reminder from {organisation}: according to our records on "
        "{date}, you have {amount} left to pay for {month}. If you have already paid, thank you, "
        "and you can ignore this message. If the rent is hard to pay right now, tell me: together "
        "we can often find a solution."
    ),
    "outreach.call_offer": N_(
        "Hello {name}. According to our records on {date}, you still have {amount} left to pay "
        "for {month}. Let us find a solution together soon: when rent is more than one week "
        "late, the lease can be at risk. We can agree on a plan to pay in parts, or a person from "
        "{organisation} can call you. What would help you?"
    ),
    "outreach.plan_reminder": N_(
        "Hello {name}! A friendly reminder: the next payment of your instalment plan, {amount}, "
        "is due on {date}. The monthly rent is due as usual."
    ),
    "outreach.plan_missed": N_(
        "Hello {name}. According to our records on {date}, the payment of your instalment plan "
        "that was due on {due_date} has not arrived. Things can change, and we can look at it "
        "together. Tell me what has happened, or talk to a person."
    ),
    # Late rent: the tenant's reason
    "arrears.cannot_pay": N_(
        "Thank you for telling me. This can happen to anyone, and there is often a solution."
    ),
    "reason.ask": N_(
        "Would you like to tell us why? It helps us find the right help. "
        "It is only seen by your rent administrator."
    ),
    "reason.ask_text": N_(
        "Thank you. If you like, write a few words about your situation. "
        "Only your rent administrator can read it. Or press Skip."
    ),
    "reason.thanks": N_(
        "Thank you for telling us. Only your rent administrator can read it. "
        "What would help you now?"
    ),
    "reason.noted": N_("Thank you, I have noted it. What would help you now?"),
    "reason.declined": N_("That is completely fine. What would help you now?"),
    "reason.no_case": N_(
        "Thank you for telling me. Our records show nothing left to pay right now. "
        "If the rent for next month will be hard to pay, talk to us before it is due."
    ),
    # Late rent: the tenant says they have paid
    "paid.thanks": N_(
        "Thank you for letting me know! A payment can take a few days to show in our records. "
        "I will not send you reminders until our records are updated."
    ),
    # Instalment plans
    "plan.options": N_(
        "You have {amount} left to pay (our records on {date}). You can pay it in parts, on top "
        "of the monthly rent, which still needs to be paid on time. Choose what suits you, or "
        "suggest an amount yourself."
    ),
    "plan.ask_amount": N_(
        "How much can you pay each month, on top of the rent? "
        "Write the amount in kronor, for example 800."
    ),
    "plan.amount_invalid": N_("Please write an amount in whole kronor, for example 800."),
    "plan.proposed": N_(
        "Thank you! I have passed your plan to your rent administrator, who will confirm it. "
        "These are the payments, on top of the monthly rent:\n{schedule}"
    ),
    "plan.confirmed": N_(
        "Your instalment plan is agreed. Please pay these amounts, on top of the monthly rent:\n"
        "{schedule}\nI will remind you a few days before each payment."
    ),
    "plan.to_staff": N_(
        "Thank you. I cannot agree to {amount} a month here myself, so I have passed your "
        "proposal to your rent administrator, who will contact you."
    ),
    "plan.pending": N_(
        "Your proposal is with your rent administrator, who will contact you. "
        "The payments you proposed:\n{schedule}"
    ),
    "plan.active": N_("You have an instalment plan. The payments are:\n{schedule}"),
    "plan.no_debt": N_(
        "According to our records on {date}, you have nothing left to pay, "
        "so you do not need an instalment plan."
    ),
    # Budget and debt counselling, social services
    "debt_advice.explain": N_(
        "Budget and debt counselling (budget- och skuldrådgivning) is free help from your "
        "municipality, and it is confidential. The counsellors help you make a budget, get an "
        "overview of your debts and talk to the people you owe money to."
    ),
    "debt_advice.contact": N_("You can contact them yourself: {municipality}, phone {phone}, {web}."),
    "debt_advice.ask_consent": N_(
        "We can also tell the counsellors that you would like their help. We would then pass on "
        "your name, how to reach you and what you owe us. Do you agree?"
    ),
    "debt_advice.referred": N_(
        "Thank you. We will pass on your request, and the counsellors will contact you. "
        "You can take back your consent at any time."
    ),
    "debt_advice.not_referred": N_(
        "Okay, we will not pass anything on. You can contact them yourself whenever you want."
    ),
    "social_services.explain": N_(
        "Social services (socialtjänsten) in your municipality can give advice and support when "
        "you cannot pay for your home or other basic needs. They look at each situation on its "
        "own, so we cannot promise what help they will give. You can contact them: "
        "{municipality}, phone {phone}, {web}."
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
    # A person from the housing company in the chat
    "handoff.requested": N_(
        "I have asked a person at {organisation} to join this chat. "
        "They will answer you here as soon as they can."
    ),
    "handoff.requested_closed": N_(
        "I have asked a person at {organisation} to join this chat. The office is closed now, "
        "so they will answer you here from {time} on {date}. If it is urgent, call {phone}."
    ),
    "handoff.already_open": N_(
        "A person at {organisation} has already been asked to join this chat "
        "and will answer you here."
    ),
    "handoff.claimed": N_(
        "A person from {organisation} has joined the chat. You can write to them here."
    ),
    "handoff.from_staff": N_("Your housing officer:\n{text}"),
    "handoff.closed": N_(
        "The conversation with your housing officer has ended. "
        "I am here again whenever you need me."
    ),
    "handoff.satisfaction": N_("Did you get the help you needed today?"),
    "handoff.feedback_thanks": N_("Thank you for telling us."),
    # Consent to share information (samtycke)
    "consent.overview": N_(
        "This is what you have agreed that we may share, and with whom. "
        "You can change it at any time.\n{lines}"
    ),
    "consent.line.given": N_("{recipient}: yes, since {date}"),
    "consent.line.not_given": N_("{recipient}: no"),
    "consent.text.social_services": N_(
        "May we share information about your rent and your situation with social services "
        "(socialtjänsten) in your municipality, so that they can help you? We share only what "
        "they need: your name, your address, what you owe and any instalment plan. "
        "You can take back your consent at any time."
    ),
    "consent.text.kronofogden": N_(
        "May we tell the Swedish Enforcement Authority (Kronofogden) about your rent and any "
        "instalment plan, so that they know you are working on a solution? "
        "You can take back your consent at any time."
    ),
    "consent.text.debt_collector": N_(
        "If your debt has been passed to a debt collection agency (inkassobolag), may we tell them "
        "about your instalment plan? You can take back your consent at any time."
    ),
    "consent.given": N_(
        "Thank you. I have noted your consent. "
        "You can see it or take it back at any time with /consent."
    ),
    "consent.declined": N_(
        "Okay, we will not share anything. You can change your mind at any time with /consent."
    ),
    "consent.withdrawn": N_("Done: we will no longer share information with {recipient}."),
    "consent.none_to_withdraw": N_(
        "You have not agreed that we may share anything, so there is nothing to take back."
    ),
    "recipient.social_services": N_("Social services (socialtjänsten)"),
    "recipient.debt_counselling": N_("Budget and debt counselling (budget- och skuldrådgivning)"),
    "recipient.kronofogden": N_("The Enforcement Authority (Kronofogden)"),
    "recipient.debt_collector": N_("Debt collection agencies (inkassobolag)"),
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
    "command.unknown": N_("I don't know that command. You can use /help, /language or /consent."),
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
    "button.cannot_pay": N_("I can't pay right now"),
    "button.have_paid": N_("I have paid"),
    "button.call_me": N_("Please call me"),
    "button.skip": N_("Skip"),
    "button.pay_in_parts": N_("Pay in parts"),
    "button.debt_advice": N_("Free budget and debt advice"),
    "button.plan_option": N_("{amount} a month, until {month}"),
    "button.plan_own_amount": N_("Suggest my own amount"),
    "button.consent_yes": N_("Yes, pass it on"),
    "button.consent_no": N_("No, thank you"),
    "button.reason.job_loss": N_("Lost my job or fewer hours"),
    "button.reason.illness": N_("Illness"),
    "button.reason.benefits_delayed": N_("Benefits or student aid delayed"),
    "button.reason.family_change": N_("Separation or family change"),
    "button.reason.unexpected_cost": N_("An unexpected cost"),
    "button.reason.forgot": N_("I forgot"),
    "button.reason.other": N_("Something else"),
    "button.reason.decline": N_("I'd rather not say"),
    "button.satisfied": N_("Yes, thank you"),
    "button.not_satisfied": N_("No, not really"),
    "button.consent_give": N_("Agree: {recipient}"),
    "button.consent_withdraw": N_("Take back: {recipient}"),
}
