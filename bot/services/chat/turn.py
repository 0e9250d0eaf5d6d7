"""What a tenant's message does in the database, in as few transactions as the network allows.

One transaction before Rasa is asked: note that the tenant wrote, end any wait for an answer
(`bot.domain.awaiting`), keep the chat's language and, for a crisis phrase, ask a person in. One
after Rasa has answered (`follow_up`): a crisis Rasa recognised, or a second message in a row it
did not understand, asks a person in. Rasa is network I/O, so no transaction stays open across
it. Only a reason text takes one more (`record_reason_text`): it is stored, encrypted, once the
NLU has said that it is one, and before Rasa is told that it was given.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.db import repositories
from bot.db.models import Tenant, as_utc
from bot.domain.awaiting import Awaiting, Wait
from bot.domain.cases import CaseReason
from bot.domain.organisation import OrganisationFacts
from bot.i18n.rendering import Reply
from bot.services import arrears, handoff
from bot.services.chat.context import ChatContext, Sender
from bot.services.chat.replies import CRISIS_KEY

# Messages in a row the assistant may not understand before a person is asked in.
NOT_UNDERSTOOD_LIMIT = 2


def tenant_of(session: Session, sender: Sender) -> Tenant | None:
    return repositories.find_tenant_by_telegram_user(session, sender.user_id)


def hear(ctx: ChatContext, session: Session, sender: Sender, tenant: Tenant | None) -> Wait | None:
    """Note that the tenant wrote; end the wait for an answer, returning what it was."""
    if tenant is not None:
        tenant.last_heard_at = ctx.clock()
    chat = repositories.get_or_create_chat(session, sender.chat_id)
    wait = (
        Wait(Awaiting(chat.awaiting), as_utc(chat.awaiting_until))
        if chat.awaiting is not None and chat.awaiting_until is not None
        else None
    )
    chat.awaiting = chat.awaiting_until = None
    return wait


def ask_person_in(
    ctx: ChatContext, session: Session, sender: Sender, tenant: Tenant | None, reason: CaseReason,
    priority: bool = False,
) -> OrganisationFacts | None:
    """Open a staff case, if this chat's organisation has a staff group; its facts if the case is
    new (None if there is no staff group or a case was open already)."""
    found = handoff.organisation_for(session, tenant, ctx.organisations)
    if found is None or found[1].staff is None:
        return None
    _case, created = handoff.open_staff_case(
        session, reason=reason, now=ctx.clock(), chat_id=sender.chat_id, tenant=tenant, organisation=found[0],
        priority=priority,
    )
    return found[1] if created else None


def record_reason_text(ctx: ChatContext, sender: Sender, text: str) -> bool:
    """Keep the tenant's words about their situation, encrypted, with their arrears case; False
    when there is no debt (any more) to keep them with."""
    with ctx.sessions.begin() as session:
        debt = arrears.current_debt(session, arrears.lease_of(tenant_of(session, sender)))
        if debt is None:
            return False
        arrears.record_reason_text(debt.case, text, ctx.cipher, ctx.clock())
        return True


def follow_up(ctx: ChatContext, sender: Sender, language: str, keys: list[str | None]) -> list[Reply]:
    """After Rasa's answer: a crisis it recognised asks staff in at once; a second message in a
    row that it did not understand asks a person in, and says so."""
    with ctx.sessions.begin() as session:
        if CRISIS_KEY in keys:
            ask_person_in(ctx, session, sender, tenant_of(session, sender), CaseReason.CRISIS, priority=True)
            return []
        chat = repositories.get_or_create_chat(session, sender.chat_id)
        chat.not_understood = chat.not_understood + 1 if "fallback" in keys else 0
        if chat.not_understood < NOT_UNDERSTOOD_LIMIT:
            return []
        chat.not_understood = 0
        facts = ask_person_in(ctx, session, sender, tenant_of(session, sender), CaseReason.NOT_UNDERSTOOD)
        if facts is None:
            return []
        return [ctx.renderer.reply(language, handoff.tenant_reply(facts, ctx.clock(), True))]
