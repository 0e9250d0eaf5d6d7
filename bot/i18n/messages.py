"""Every tenant-facing text, by key.

Rasa and the actions speak in keys (`{"key": "greet.named", "params": {...}}`); the bot turns a
key into text in the tenant's language. The English text is the gettext msgid, extracted with
`pybabel extract` (keyword `N_`) into `locales/messages.pot`.

Translators work from the catalogs, one text at a time, without this file or the conversation
around it; so every msgid carries a `# Translators:` comment right above it, which extraction
copies into the catalogs: where the tenant sees the text, what each placeholder holds, the tone,
and who the people it names are. Its lines stay within 76 characters, the catalogs' width,
so that the catalogs show them as written.
"""

from __future__ import annotations


def N_(msgid: str) -> str:
    """Mark a string for extraction; it is translated when rendered."""
    return msgid


MESSAGES: dict[str, str] = {
    # Language
    # Translators: Shown with the same question in every other supported language,
    # above buttons naming each language, before the tenant's language is known
    # and after /language. Plain.
    "language.choose": N_("Which language would you like me to write in?"),
    # Translators: Sent right after the tenant chose this language. Name your own
    # language instead of "English". Keep /language as it is: it is a command.
    "language.changed": N_(
        "I will write to you in English from now on. "
        "You can change the language at any time with /language."
    ),
    # Conversation basics
    # Translators: The greeting to a tenant the assistant knows. {name} is the
    # tenant's first name; {organisation} is the housing company's name. Warm and
    # plain.
    "greet.named": N_("Hello {name}! I am the chat assistant of {organisation}. How can I help you?"),
    # Translators: The greeting to someone whose lease the assistant does not know
    # yet. Warm and plain.
    "greet.anonymous": N_("Hello! I am the chat assistant of your housing company. How can I help you?"),
    # Translators: The answer when the tenant says goodbye. Warm.
    "goodbye": N_("Goodbye! Write to me whenever you need to."),
    # Translators: The answer when the tenant says thank you. Warm and short.
    "thanks.reply": N_("You're welcome! Is there anything else I can help you with?"),
    # Translators: The answer to a "yes" or "no" that answers no question. Short
    # and friendly.
    "chat.what_next": N_("Okay. What can I help you with?"),
    # Translators: The answer when the tenant asks whether they are talking to a
    # person. Here "staff" means the people who work at the tenant's housing
    # company, not the assistant. Plain and honest.
    "bot.challenge": N_(
        "I am a chat assistant, a computer program, not a person. "
        "Whenever you need a person, I can tell you how to reach the staff at your housing company."
    ),
    # Translators: What the assistant can do, when asked and after the language
    # changed; "choose below" means the buttons under it. Plain and warm.
    "capabilities": N_(
        "I can answer questions about your home and your tenancy, help you when the rent is "
        "hard to pay, and tell you how to reach a person at your housing company. "
        "Write in your own words, or choose below."
    ),
    # Translators: The answer to the /help command. Keep /language, /consent and
    # /help as they are (commands); translate the explanations after the colons.
    "help": N_(
        "Write to me in your own words. These commands also work:\n"
        "/language: choose another language\n"
        "/consent: see or change what you have agreed that we may share\n"
        "/help: show this message"
    ),
    # Translators: Shown when the assistant did not understand the tenant, above
    # the buttons "What can you do?" and "Talk to a person". The fault is the
    # assistant's, never the tenant's.
    "fallback": N_(
        "Sorry, I did not understand that. I can help with questions about your home and your "
        "rent, or tell you how to reach a person."
    ),
    # Onboarding links
    # Translators: Shown when the tenant opened the onboarding link from their
    # welcome letter and the chat is now linked to their lease. {name} is the
    # tenant's first name, {address} the flat's street address. Warm.
    "onboarding.welcome": N_(
        "Welcome, {name}! This chat is now linked to your lease at {address}. "
        "You can ask me about your home and your rent at any time."
    ),
    # Translators: Starts the new tenant's walkthrough of the rules of their home,
    # right after the welcome. Warm, no pressure.
    "onboarding.intro": N_(
        "Let me show you the most important rules for your home, in a few short steps. "
        "You can ask a question or stop at any time, and continue later."
    ),
    # Translators: Shown when the tenant comes back to the walkthrough they
    # paused. Short and friendly.
    "onboarding.resume": N_("Let us continue where you left off."),
    # Translators: Shown when the tenant paused the walkthrough, above the button
    # "Continue the introduction". Friendly, no pressure.
    "onboarding.later": N_(
        "Of course. We can continue whenever you like: press the button below when you are ready."
    ),
    # Translators: Shown when the tenant pressed "I have a question" during the
    # walkthrough, above the button "Continue the introduction". Plain.
    "onboarding.ask_question": N_(
        "Write your question in your own words. When you have your answer, we can continue "
        "the introduction."
    ),
    # Translators: Asked after the last step of the walkthrough, above the buttons
    # "Yes, it was clear" and "No, not everything". Plain.
    "onboarding.check": N_("That was the last step. Was everything clear?"),
    # Translators: The answer when the tenant found the walkthrough clear. Warm.
    "onboarding.done_clear": N_(
        "Good! You can ask me about your home and your rent at any time, here in the chat."
    ),
    # Translators: The answer when something in the walkthrough was unclear, above
    # the button "Talk to a person". Warm; the tenant did nothing wrong.
    "onboarding.done_unclear": N_(
        "Thank you for telling us. Ask me about anything that was unclear, in your own words, "
        "or talk to a person."
    ),
    # Translators: Shown when a tenant who finished the walkthrough starts it
    # again. Plain.
    "onboarding.already_done": N_(
        "You have already seen the introduction. You can ask me about your home and your rent "
        "at any time."
    ),
    # Translators: Shown when the onboarding link from the tenant's welcome letter
    # fails: it is not known (often only part of it was opened). Above the button
    # "Talk to a person". Plain, never blaming.
    "invite.unknown": N_(
        "I could not find that invitation link. Please check that you opened the whole link "
        "from your welcome letter. If it still does not work, your housing company can help."
    ),
    # Translators: Shown when the onboarding link from the tenant's welcome letter
    # fails: it is too old. Above the button "Talk to a person". Plain, never
    # blaming.
    "invite.expired": N_(
        "This invitation link is too old and no longer works. "
        "Please ask your housing company for a new one."
    ),
    # Translators: Shown when the onboarding link from the tenant's welcome letter
    # fails: the housing company cancelled it. Above the button "Talk to a
    # person". Plain, never blaming.
    "invite.revoked": N_(
        "This invitation link has been cancelled. Please ask your housing company for a new one."
    ),
    # Translators: Shown when the onboarding link from the tenant's welcome letter
    # fails: it was used before, from another chat. Above the button "Talk to a
    # person". Plain, never blaming.
    "invite.used": N_(
        "This invitation link has already been used. "
        "If that was not you, please contact your housing company."
    ),
    # Translators: Shown when the onboarding link from the tenant's welcome letter
    # fails: the lease is linked to another Telegram account. Above the button
    # "Talk to a person". Plain, never blaming.
    "invite.lease_taken": N_(
        "This lease is already linked to another Telegram account. "
        "If that is not right, please contact your housing company."
    ),
    # Translators: Shown when the onboarding link from the tenant's welcome letter
    # fails: this Telegram account is linked to another lease. Above the button
    # "Talk to a person". Plain, never blaming.
    "invite.chat_taken": N_(
        "Your Telegram account is already linked to another lease. "
        "If you want to change that, please contact your housing company."
    ),
    # Translators: Shown when the onboarding link from the tenant's welcome letter
    # fails: several links failed, so the tenant must wait an hour. Above the
    # button "Talk to a person". Plain, never blaming.
    "invite.rate_limited": N_(
        "Several links did not work, so please wait an hour before you try again. "
        "Your housing company can also help you."
    ),
    # Questions about the tenancy rules
    # Translators: Answer to "when is the rent due?" when the lease is known; also
    # a step of the new tenant's walkthrough. {amount}: the monthly rent, with
    # currency; {month}: month and year, the month's name in its basic form (as
    # in a calendar); {due_date}: a date.
    "tenancy.rent_due.personal": N_(
        "Your rent is {amount} a month. Rent is paid in advance: the rent for {month} "
        "must be paid by {due_date} at the latest."
    ),
    # Translators: Answer to "when is the rent due?" when the rent is not known;
    # also a step of the new tenant's walkthrough. {month}: month and year, the
    # month's name in its basic form (as in a calendar); {due_date}: a date.
    # Plain.
    "tenancy.rent_due.general": N_(
        "Rent is paid in advance, by the last weekday before the month begins. "
        "For example, the rent for {month} must be paid by {due_date} at the latest."
    ),
    # Translators: Answer to "how do I pay the rent?" where autogiro (direct
    # debit) is offered; also a step of the new tenant's walkthrough. {bankgiro}:
    # a bankgiro number; {web}: a web address. Keep bankgiro, OCR, autogiro.
    "tenancy.payment.autogiro": N_(
        "You pay the rent to bankgiro {bankgiro}, with the OCR number from your rent notice. "
        "The easiest way is autogiro: the rent is then paid automatically every month. "
        "You can set it up, and see your rent notices, at {web}."
    ),
    # Translators: Answer to "how do I pay the rent?"; also a step of the new
    # tenant's walkthrough. {bankgiro}: a bankgiro number; {web}: a web address.
    # Keep bankgiro and OCR (as on the rent notice).
    "tenancy.payment.bankgiro": N_(
        "You pay the rent to bankgiro {bankgiro}, with the OCR number from your rent notice. "
        "You can see your rent notices at {web}."
    ),
    # Translators: Answer to "what if I pay late?"; also a step of the new
    # tenant's walkthrough. {phone}: the housing company's phone. The law, calm
    # and true: no softer, no harsher. The three weeks run from the day the
    # tenant is formally served (delgiven) the notice of the right to keep the
    # home by paying. Keep Kronofogden and the Swedish terms in brackets:
    # tenants meet them in letters.
    "tenancy.late_consequences": N_(
        "If you cannot pay on time, contact us as early as you can, on {phone} or here in the chat. "
        "We can often agree on a plan to pay in parts.\n"
        "This is what the law says: if the rent is paid more than one week late, the landlord may "
        "end the lease, and must then also tell social services (socialtjänsten) in your "
        "municipality. Even then, you can keep your home if you pay everything within three weeks. "
        "The three weeks start on the day you are formally served (delgiven) a written notice "
        "about this right. Only Kronofogden can carry out an eviction. "
        "The earlier we talk, the more we can help."
    ),
    # Translators: Answer about quiet hours; also a step of the new tenant's
    # walkthrough. {start} and {end} are clock times (22:00). A friendly request.
    "tenancy.quiet_hours": N_(
        "Please keep it quiet between {start} and {end}, so that everyone can sleep. "
        "Avoid loud music, drilling and banging at those times."
    ),
    # Translators: Answer when neighbours disturb the tenant; also a step of the
    # new tenant's walkthrough. {phone}, {email}: the housing company's phone and
    # e-mail. Kind and calm.
    "tenancy.disturbance": N_(
        "I am sorry you are being disturbed. If you can, talk to your neighbour first. "
        "If it goes on, tell us: call {phone} or write to {email}. "
        "If someone is in danger, call 112."
    ),
    # Translators: Answer about letting the flat to someone else; also a step of
    # the new tenant's walkthrough. {organisation} is the housing company's name.
    # Keep the Swedish terms in brackets: tenants meet them in letters.
    "tenancy.subletting": N_(
        "To let your whole flat to someone else (andrahandsuthyrning), you first need written "
        "permission from {organisation}, or from the rent tribunal (hyresnämnden). Letting it "
        "without permission can cost you your lease, so please ask us before you agree to anything."
    ),
    # Translators: Answer about home insurance; also a step of the new tenant's
    # walkthrough. Keep the Swedish terms in brackets: tenants meet them in
    # letters. Advice, not an order.
    "tenancy.home_insurance": N_(
        "Home insurance (hemförsäkring) covers your own belongings, and you if you cause damage, "
        "for example a water leak to the neighbours. We insure the building, but not your things. "
        "We strongly recommend that you have home insurance."
    ),
    # Translators: Answer when the tenant reports a fault; also a step of the new
    # tenant's walkthrough. {phone}, {web}: where to report; {emergency_phone}:
    # for urgent faults outside office hours.
    "tenancy.fault_report": N_(
        "Please report the fault as soon as you can: call {phone} or use {web}. "
        "If it is urgent outside office hours, for example water leaking, call {emergency_phone}."
    ),
    # Translators: Answer about the laundry room, booked online; also a step of
    # the new tenant's walkthrough. {web}: the booking website. Friendly.
    "tenancy.laundry.web": N_(
        "You book the laundry room at {web}. Please clean up after yourself, "
        "and cancel your time if you do not need it."
    ),
    # Translators: Answer about the laundry room, booked on a board in the room;
    # also a step of the new tenant's walkthrough. Friendly.
    "tenancy.laundry.board": N_(
        "You book the laundry room on the booking board in the laundry room. "
        "Please clean up after yourself, and cancel your time if you do not need it."
    ),
    # Translators: Answer about sorting waste; also a step of the new tenant's
    # walkthrough. {web}: the housing company's sorting guide. Plain.
    "tenancy.waste": N_(
        "Sort your waste in the recycling room: food waste, paper, plastic, glass, metal and "
        "batteries each go in their own bin. Bulky and hazardous waste go to the municipal "
        "recycling centre. Our sorting guide: {web}"
    ),
    # Translators: Answer about moving out; also a step of the new tenant's
    # walkthrough. {end_date}: the date the lease would end. Plain.
    "tenancy.moving_out": N_(
        "To move out, give us written notice. The notice period is three months and the lease "
        "ends at the turn of a month: if you give notice today, your lease ends on {end_date}."
    ),
    # Early contact about late rent (sent by the assistant, not in answer to the tenant)
    # Translators: Sent unasked, the first contact about unpaid rent; buttons
    # follow. {name}: first name; {organisation}: company name; {date}: records'
    # date; {amount}: with currency; {month}: month and year, the month's name
    # in its basic form (as in a calendar). Never blames.
    "outreach.reminder": N_(
        "Hello {name}! A friendly reminder from {organisation}: according to our records on "
        "{date}, you have {amount} left to pay for {month}. If you have already paid, thank you, "
        "and you can ignore this message. If the rent is hard to pay right now, tell me: together "
        "we can often find a solution."
    ),
    # Translators: Sent unasked when rent is still unpaid, buttons follow. {name}:
    # first name; {organisation}: company name; {date}: records' date; {amount}:
    # sum left, with currency; {month}: month and year, the month's name in its
    # basic form (as in a calendar). Calm, help first.
    "outreach.call_offer": N_(
        "Hello {name}. According to our records on {date}, you still have {amount} left to pay "
        "for {month}. Let us find a solution together soon: when rent is more than one week "
        "late, the lease can be at risk. We can agree on a plan to pay in parts, or a person from "
        "{organisation} can call you. What would help you?"
    ),
    # Translators: Sent unasked a few days before an instalment plan
    # (avbetalningsplan) payment is due. {name}: first name; {amount}: the
    # payment, with currency; {date}: its due date. Friendly.
    "outreach.plan_reminder": N_(
        "Hello {name}! A friendly reminder: the next payment of your instalment plan, {amount}, "
        "is due on {date}. The monthly rent is due as usual."
    ),
    # Translators: Sent unasked when an instalment plan payment has not arrived.
    # {name}: first name; {date}: date of the records; {due_date}: the payment's
    # due date. Never blaming.
    "outreach.plan_missed": N_(
        "Hello {name}. According to our records on {date}, the payment of your instalment plan "
        "that was due on {due_date} has not arrived. Things can change, and we can look at it "
        "together. Tell me what has happened, or talk to a person."
    ),
    # Late rent: the tenant's reason
    # Translators: The first answer when the tenant says they cannot pay the rent.
    # Reassuring, never blaming.
    "arrears.cannot_pay": N_(
        "Thank you for telling me. This can happen to anyone, and there is often a solution."
    ),
    # Translators: Asks why the tenant cannot pay; reason buttons follow.
    # Respectful. "rent administrator" (sv hyresadministratör): the person at the
    # housing company handling rent, instalment plans and reasons for late rent.
    "reason.ask": N_(
        "Would you like to tell us why? It helps us find the right help. "
        "It is only seen by your rent administrator."
    ),
    # Translators: Invites free text after a reason; "Skip" is the button below.
    # "rent administrator" (sv hyresadministratör): the person at the housing
    # company handling rent, instalment plans and reasons for late rent.
    "reason.ask_text": N_(
        "Thank you. If you like, write a few words about your situation. "
        "Only your rent administrator can read it. Or press Skip."
    ),
    # Translators: Answer after the tenant wrote about their situation. "rent
    # administrator" (sv hyresadministratör): the person at the housing company
    # handling rent, instalment plans and reasons for late rent.
    "reason.thanks": N_(
        "Thank you for telling us. Only your rent administrator can read it. "
        "What would help you now?"
    ),
    # Translators: The answer after the tenant gave a reason, above buttons with
    # next steps (pay in parts, debt advice, a person). Warm.
    "reason.noted": N_("Thank you, I have noted it. What would help you now?"),
    # Translators: The answer when the tenant would rather not say why, above
    # buttons with next steps. Warm: declining is fine.
    "reason.declined": N_("That is completely fine. What would help you now?"),
    # Translators: The answer to a tenant who says they cannot pay while the
    # records show nothing unpaid. Warm, never doubting the tenant.
    "reason.no_case": N_(
        "Thank you for telling me. Our records show nothing left to pay right now. "
        "If the rent for next month will be hard to pay, talk to us before it is due."
    ),
    # Late rent: the tenant says they have paid
    # Translators: The answer when the tenant says they have paid. Thankful; the
    # tenant is believed.
    "paid.thanks": N_(
        "Thank you for letting me know! A payment can take a few days to show in our records. "
        "I will not send you reminders until our records are updated."
    ),
    # Instalment plans
    # Translators: Offers an instalment plan (avbetalningsplan), above buttons
    # with plans and "Suggest my own amount". {amount} is the amount left to pay,
    # formatted with its currency; {date} the date of the records.
    "plan.options": N_(
        "You have {amount} left to pay (our records on {date}). You can pay it in parts, on top "
        "of the monthly rent, which still needs to be paid on time. Choose what suits you, or "
        "suggest an amount yourself."
    ),
    # Translators: Asked after the tenant pressed "Suggest my own amount". Keep
    # the example number. Plain.
    "plan.ask_amount": N_(
        "How much can you pay each month, on top of the rent? "
        "Write the amount in kronor, for example 800."
    ),
    # Translators: Shown when the tenant's answer to how much they can pay each
    # month was not a whole number of kronor. Keep the example number. Plain,
    # never blaming.
    "plan.amount_invalid": N_("Please write an amount in whole kronor, for example 800."),
    # Translators: After the tenant chose a plan. {schedule}: one payment per
    # line. "rent administrator" (sv hyresadministratör): the person at the
    # housing company handling rent, instalment plans and reasons for late rent.
    "plan.proposed": N_(
        "Thank you! I have passed your plan to your rent administrator, who will confirm it. "
        "These are the payments, on top of the monthly rent:\n{schedule}"
    ),
    # Translators: Sent when the tenant's instalment plan is agreed, at once or
    # later by staff. {schedule}: one payment a line (date: amount). Warm.
    "plan.confirmed": N_(
        "Your instalment plan is agreed. Please pay these amounts, on top of the monthly rent:\n"
        "{schedule}\nI will remind you a few days before each payment."
    ),
    # Translators: Answer to {amount} a month (with currency) outside the plan
    # rules. "rent administrator" (sv hyresadministratör): the person at the
    # housing company handling rent, instalment plans and reasons for late rent.
    "plan.to_staff": N_(
        "Thank you. I cannot agree to {amount} a month here myself, so I have passed your "
        "proposal to your rent administrator, who will contact you."
    ),
    # Translators: About a proposed plan; {schedule}: one payment per line. "rent
    # administrator" (sv hyresadministratör): the person at the housing company
    # handling rent, instalment plans and reasons for late rent.
    "plan.pending": N_(
        "Your proposal is with your rent administrator, who will contact you. "
        "The payments you proposed:\n{schedule}"
    ),
    # Translators: Shown when the tenant asks about their agreed instalment plan.
    # {schedule} is a list of payments, one per line (date: amount). Plain.
    "plan.active": N_("You have an instalment plan. The payments are:\n{schedule}"),
    # Translators: The answer when the tenant asks for an instalment plan but owes
    # nothing. {date} is the date of the records. Plain.
    "plan.no_debt": N_(
        "According to our records on {date}, you have nothing left to pay, "
        "so you do not need an instalment plan."
    ),
    # Budget and debt counselling, social services
    # Translators: Explains the municipality's budget and debt counselling when
    # the tenant asks about help with debts. Keep the Swedish terms in brackets:
    # tenants meet them in letters. Plain and encouraging.
    "debt_advice.explain": N_(
        "Budget and debt counselling (budget- och skuldrådgivning) is free help from your "
        "municipality, and it is confidential. The counsellors help you make a budget, get an "
        "overview of all the payments you have left to make, and talk to the people and "
        "companies you need to pay."
    ),
    # Translators: Follows the explanation of budget and debt counselling.
    # {municipality} is the municipality's name, {phone} and {web} the
    # counselling's phone number and web address.
    "debt_advice.contact": N_("You can contact them yourself: {municipality}, phone {phone}, {web}."),
    # Translators: Asks the tenant's consent to a referral to budget and debt
    # counselling, above the buttons "Yes, pass it on" and "No, thank you"; the
    # text agreed to is kept. Plain and neutral: no is fine.
    "debt_advice.ask_consent": N_(
        "We can also tell the counsellors that you would like their help. We would then pass on "
        "your name, how to reach you and how much you have left to pay us. Do you agree?"
    ),
    # Translators: The answer after the tenant agreed to be referred to budget and
    # debt counselling. Warm.
    "debt_advice.referred": N_(
        "Thank you. We will pass on your request, and the counsellors will contact you. "
        "You can take back your consent at any time."
    ),
    # Translators: The answer after the tenant declined the referral. Warm:
    # declining is fine.
    "debt_advice.not_referred": N_(
        "Okay, we will not pass anything on. You can contact them yourself whenever you want."
    ),
    # Translators: Answer about social services. {municipality}: its name;
    # {phone}, {web}: social services' phone and web address. Keep the Swedish
    # terms in brackets: tenants meet them in letters. Promises nothing.
    "social_services.explain": N_(
        "Social services (socialtjänsten) in your municipality can give advice and support when "
        "you cannot pay for your home or other basic needs. They look at each situation on its "
        "own, so we cannot promise what help they will give. You can contact them: "
        "{municipality}, phone {phone}, {web}."
    ),
    # Rent account
    # Translators: The answer when the tenant asks what they owe. {date} is the
    # date of the records, {amount} the amount with its currency. Plain, never
    # blaming.
    "balance.owed": N_("According to our records on {date}, you have {amount} left to pay."),
    # Translators: The answer when the tenant asks what they owe and owes nothing.
    # {date} is the date of the records. Plain.
    "balance.clear": N_("According to our records on {date}, you have nothing left to pay."),
    # Translators: The answer when the tenant asks what they owe and no records
    # have arrived yet. Plain.
    "balance.unknown": N_(
        "I have no information about your rent account yet. A person at your housing company "
        "can tell you how much you have left to pay."
    ),
    # Reaching a person
    # Translators: Answer when the tenant wants a person and the company does not
    # answer in chat. {organisation}: its name; {phone}, {email}: its phone and
    # e-mail. Plain.
    "staff.contact": N_(
        "A person at {organisation} can help you with this. "
        "You can call {phone} or write to {email}."
    ),
    # Translators: The answer when the chat is not linked to a lease, so the
    # assistant cannot help with this itself. Plain and friendly.
    "staff.contact_unknown_tenant": N_(
        "A person at your housing company can help you with this. "
        "You find their phone number on your lease and on their website."
    ),
    # A person from the housing company in the chat
    # Translators: The answer when the tenant asked for a person and someone at
    # the housing company was asked to join the chat. {organisation} is the
    # housing company's name. Reassuring.
    "handoff.requested": N_(
        "I have asked a person at {organisation} to join this chat. "
        "They will answer you here as soon as they can."
    ),
    # Translators: The answer when the tenant asked for a person outside office
    # hours. {organisation} is the housing company's name; {time} (08:00) and
    # {date} say when they answer; {phone} is for urgent matters.
    "handoff.requested_closed": N_(
        "I have asked a person at {organisation} to join this chat. The office is closed now, "
        "so they will answer you here from {time} on {date}. If it is urgent, call {phone}."
    ),
    # Translators: The answer when the tenant asks again for a person who is
    # already asked to join. {organisation} is the housing company's name.
    # Reassuring.
    "handoff.already_open": N_(
        "A person at {organisation} has already been asked to join this chat "
        "and will answer you here."
    ),
    # Translators: Sent when someone at the housing company took up the
    # conversation. {organisation} is the housing company's name. Warm.
    "handoff.claimed": N_(
        "A person from {organisation} has joined the chat. You can write to them here."
    ),
    # Translators: Heads a staff message ({text}, untranslated). "housing officer"
    # (sv kundvärd): the tenant's contact person at the housing company for the
    # home and the tenancy; not a caretaker (bovärd, fastighetsskötare),
    # janitor or building manager.
    "handoff.from_staff": N_("Your housing officer:\n{text}"),
    # Translators: Sent when staff closed the chat. "housing officer" (sv
    # kundvärd): the tenant's contact person at the housing company for the home
    # and the tenancy; not a caretaker (bovärd, fastighetsskötare), janitor or
    # building manager.
    "handoff.closed": N_(
        "The conversation with your housing officer has ended. "
        "I am here again whenever you need me."
    ),
    # Translators: Asked after a conversation with staff ended, above the buttons
    # "Yes, thank you" and "No, not really". Plain.
    "handoff.satisfaction": N_("Did you get the help you needed today?"),
    # Translators: The answer after the tenant said whether they got the help they
    # needed. Short.
    "handoff.feedback_thanks": N_("Thank you for telling us."),
    # Consent to share information (samtycke)
    # Translators: The answer to /consent: {lines} is one line per recipient,
    # whether the tenant agreed to share information with them. Buttons follow,
    # one per recipient. Plain.
    "consent.overview": N_(
        "This is what you have agreed that we may share, and with whom. "
        "You can change it at any time.\n{lines}"
    ),
    # Translators: One line of the consent overview, a list item after a
    # bullet. {recipient} is a recipient's name, written as inside a sentence;
    # {date} the date the tenant agreed. Short.
    "consent.line.given": N_("• {recipient}: yes, since {date}"),
    # Translators: One line of the consent overview, a list item after a
    # bullet: the tenant has not agreed. {recipient} is a recipient's name,
    # written as inside a sentence. Short.
    "consent.line.not_given": N_("• {recipient}: no"),
    # Translators: The consent question for social services; buttons "Yes, pass it
    # on" and "No, thank you" follow. The text agreed to is kept. Keep the Swedish
    # names in brackets. Neutral: no is fine.
    "consent.text.social_services": N_(
        "May we share information about your rent and your situation with social services "
        "(socialtjänsten) in your municipality, so that they can help you? We share only what "
        "they need: your name, your address, how much you have left to pay and any instalment "
        "plan. "
        "You can take back your consent at any time."
    ),
    # Translators: The consent question for the Swedish Enforcement Authority;
    # buttons "Yes, pass it on" and "No, thank you" follow. The text agreed to is
    # kept. Keep the Swedish names in brackets. Neutral: no is fine.
    "consent.text.kronofogden": N_(
        "May we tell the Swedish Enforcement Authority (Kronofogden) about your rent and any "
        "instalment plan, so that they know you are working on a solution? "
        "You can take back your consent at any time."
    ),
    # Translators: The consent question for debt collection agencies; buttons
    # "Yes, pass it on" and "No, thank you" follow. The text agreed to is kept.
    # Keep the Swedish names in brackets. Neutral: no is fine.
    "consent.text.debt_collector": N_(
        "If the unpaid rent has been passed to a debt collection agency (inkassobolag), may we "
        "tell them about your instalment plan? You can take back your consent at any time."
    ),
    # Translators: The answer after the tenant gave their consent. Keep /consent
    # as it is: it is a command.
    "consent.given": N_(
        "Thank you. I have noted your consent. "
        "You can see it or take it back at any time with /consent."
    ),
    # Translators: The answer after the tenant declined a consent. Keep /consent:
    # it is a command. Warm: declining is fine.
    "consent.declined": N_(
        "Okay, we will not share anything. You can change your mind at any time with /consent."
    ),
    # Translators: The answer after the tenant took back a consent. {recipient} is
    # a recipient's name. Plain.
    "consent.withdrawn": N_("Done: we will no longer share information with {recipient}."),
    # Translators: The answer when the tenant wants to take back a consent but has
    # given none. Plain.
    "consent.none_to_withdraw": N_(
        "You have not agreed that we may share anything, so there is nothing to take back."
    ),
    # Translators: A recipient of the tenant's information, inserted into other
    # texts (after "with", "Agree:", "Take back:", and after a bullet in a
    # list). Write it as inside a sentence: lower case where it is a common
    # noun. Keep the Swedish name in brackets.
    "recipient.social_services": N_("social services (socialtjänsten)"),
    # Translators: A recipient of the tenant's information, inserted into other
    # texts (after "with", "Agree:", "Take back:", and after a bullet in a
    # list). Write it as inside a sentence: lower case where it is a common
    # noun. Keep the Swedish name in brackets.
    "recipient.debt_counselling": N_("budget and debt counselling (budget- och skuldrådgivning)"),
    # Translators: A recipient of the tenant's information, inserted into other
    # texts (after "with", "Agree:", "Take back:", and after a bullet in a
    # list). Write it as inside a sentence: lower case where it is a common
    # noun. Keep the Swedish name in brackets.
    "recipient.kronofogden": N_("the Swedish Enforcement Authority (Kronofogden)"),
    # Translators: A recipient of the tenant's information, inserted into other
    # texts (after "with", "Agree:", "Take back:", and after a bullet in a
    # list). Write it as inside a sentence: lower case where it is a common
    # noun. Keep the Swedish name in brackets.
    "recipient.debt_collector": N_("debt collection agencies (inkassobolag)"),
    # Safety
    # Translators: Sent at once when a message suggests danger (suicidal thoughts,
    # violence, an emergency). Keep every number and the helplines' Swedish names.
    # Calm, direct, caring.
    "crisis.emergency": N_(
        "If you or someone else is in danger right now, call 112.\n"
        "If you are thinking about taking your own life, call Självmordslinjen on 90101. "
        "They answer day and night.\n"
        "If someone hurts or threatens you, call Kvinnofridslinjen on 020-50 50 50. "
        "It is free and open day and night.\n"
        "For advice about your health, call 1177."
    ),
    # Translators: Sent when a message might be about danger but the assistant
    # is not sure (it could be small talk or an ordinary worry). Two buttons
    # follow: "Yes, I need help" and "No, I am safe". Gentle, never alarming,
    # never doubting the tenant; keep 112.
    "crisis.check": N_(
        "I want to make sure you are safe. If you or someone else is in danger right now, "
        "call 112. Do you need help now?"
    ),
    # Things going wrong
    # Translators: Shown when the assistant cannot answer because part of it is
    # down. Keep 112 (the emergency number). Apologetic and calm.
    "error.assistant_unavailable": N_(
        "Sorry, I can't answer right now. Please try again in a little while. "
        "If it is urgent, call your housing company. In an emergency, call 112."
    ),
    # Translators: Shown when handling the tenant's message failed. The fault is
    # ours. Short.
    "error.generic": N_("Sorry, something went wrong on our side. Please try again."),
    # Translators: Shown when the tenant sent a photo, sticker or voice message.
    # Plain, never blaming.
    "input.text_only": N_("I can only read text. Please write your question in words."),
    # Translators: Shown when the tenant sent a command the assistant does not
    # know. Keep /help, /language and /consent as they are (commands).
    "command.unknown": N_("I don't know that command. You can use /help, /language or /consent."),
    # Button labels
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): asks the assistant what it can do. The tenant speaks.
    "button.capabilities": N_("What can you do?"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): asks for someone at the housing company. The tenant speaks.
    "button.talk_to_person": N_("Talk to a person"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): opens the choice of language.
    "button.change_language": N_("Change language"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): goes to the next step of the new tenant's walkthrough.
    "button.next": N_("Next"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): pauses the walkthrough to ask a question. The tenant speaks.
    "button.question": N_("I have a question"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): pauses the walkthrough until later.
    "button.later": N_("Later"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): continues the paused walkthrough.
    "button.continue_intro": N_("Continue the introduction"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): answers "Was everything clear?" after the walkthrough. The
    # tenant speaks.
    "button.clear": N_("Yes, it was clear"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): answers "Was everything clear?" after the walkthrough. The
    # tenant speaks.
    "button.unclear": N_("No, not everything"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): under a message about unpaid rent. The tenant speaks.
    "button.cannot_pay": N_("I can't pay right now"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): under a message about unpaid rent. The tenant speaks.
    "button.have_paid": N_("I have paid"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): asks for a phone call from the housing company. The tenant
    # speaks.
    "button.call_me": N_("Please call me"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): skips writing about one's situation.
    "button.skip": N_("Skip"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): answers the safety question, the tenant needs help now; the
    # emergency numbers follow and staff are told at once.
    "button.crisis_need_help": N_("Yes, I need help"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): answers the safety question, the tenant is safe; what the
    # assistant can help with follows.
    "button.crisis_safe": N_("No, I am safe"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): asks for an instalment plan (avbetalningsplan). The tenant
    # speaks.
    "button.pay_in_parts": N_("Pay in parts"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): asks about the municipality's free budget and debt counselling.
    "button.debt_advice": N_("Free budget and debt advice"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): one instalment plan to choose; {amount} is the monthly payment
    # with its currency, {month} the month and year of the last payment (the
    # month's name in its basic form, as in a calendar). Say clearly that the
    # last payment is in that month.
    "button.plan_option": N_("{amount} a month, last payment in {month}"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): lets the tenant propose a monthly amount. The tenant speaks.
    "button.plan_own_amount": N_("Suggest my own amount"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): agrees to the consent question above it. The tenant speaks.
    "button.consent_yes": N_("Yes, pass it on"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): declines the consent question above it. The tenant speaks.
    "button.consent_no": N_("No, thank you"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): a reason for late rent the tenant can choose. The tenant
    # speaks.
    "button.reason.job_loss": N_("Lost my job or fewer hours"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): a reason for late rent the tenant can choose. The tenant
    # speaks.
    "button.reason.illness": N_("Illness"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): a reason for late rent the tenant can choose. The tenant
    # speaks.
    "button.reason.benefits_delayed": N_("Benefits or student aid delayed"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): a reason for late rent the tenant can choose. The tenant
    # speaks.
    "button.reason.family_change": N_("Separation or family change"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): a reason for late rent the tenant can choose. The tenant
    # speaks.
    "button.reason.unexpected_cost": N_("An unexpected cost"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): a reason for late rent the tenant can choose. The tenant
    # speaks.
    "button.reason.forgot": N_("I forgot"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): a reason for late rent the tenant can choose. The tenant
    # speaks.
    "button.reason.other": N_("Something else"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): declines to give a reason for late rent. The tenant speaks.
    "button.reason.decline": N_("I'd rather not say"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): answers "Did you get the help you needed today?". The tenant
    # speaks.
    "button.satisfied": N_("Yes, thank you"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): answers "Did you get the help you needed today?". The tenant
    # speaks.
    "button.not_satisfied": N_("No, not really"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): in the consent overview, asks to agree to share with
    # {recipient}, a recipient's name.
    "button.consent_give": N_("Agree: {recipient}"),
    # Translators: Button label, keep it short (Telegram shows about 30
    # characters): in the consent overview, takes back the consent given to
    # {recipient}, a recipient's name.
    "button.consent_withdraw": N_("Take back: {recipient}"),
}
