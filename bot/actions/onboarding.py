"""Walk a new tenant through the tenancy rules, step by step, resumable where they left."""

from __future__ import annotations

from rasa_sdk import Tracker
from sqlalchemy.orm import Session, sessionmaker

from bot.actions.base import Message, TenantAction
from bot.actions.tenants import UNKNOWN_TENANT, tenant_context
from bot.actions.tracker import intent
from bot.db.models import Onboarding
from bot.domain import tenancy_answers
from bot.domain.onboarding import STEP_BUTTONS, STEPS, Choice, Progress, Turn, advance, start


def onboarding_in_progress(sessions: sessionmaker[Session], tenant_id: int) -> bool:
    with sessions() as session:
        progress = session.get(Onboarding, tenant_id)
        return progress is not None and progress.completed_at is None


def _choice(intent_name: str) -> Choice:
    """Anything but one of the walkthrough's buttons starts it, or resumes it where it was left."""
    try:
        return Choice(intent_name)
    except ValueError:
        return Choice.START


class ActionOnboarding(TenantAction):
    """One action for the walkthrough's buttons: start or resume, next, later, a question,
    and the closing "was this clear?"."""

    action_name = "action_onboarding"

    def answer(self, tracker: Tracker) -> list[Message]:
        uses = self.dependencies
        context = tenant_context(uses.sessions, uses.organisations, tracker.sender_id)
        if context.tenant_id is None or context.facts is None:
            return [UNKNOWN_TENANT]
        with uses.sessions.begin() as session:
            turn = self._take_turn(session, context.tenant_id, _choice(intent(tracker)))
        messages = [turn.message] if turn.message is not None else []
        if turn.show is not None:
            step = tenancy_answers.answer(STEPS[turn.show], context.facts, context.monthly_rent_ore, uses.today())
            messages.append({**step, "buttons": list(STEP_BUTTONS)})
        return messages

    def _take_turn(self, session: Session, tenant_id: int, choice: Choice) -> Turn:
        """Load the tenant's progress, apply the button to it and save what it became."""
        row = session.get(Onboarding, tenant_id)
        if row is None:
            turn = start()
            session.add(Onboarding(tenant_id=tenant_id, step=turn.progress.step, started_at=self.dependencies.now()))
            return turn
        turn = advance(Progress(row.step, row.completed_at, row.found_clear), choice, self.dependencies.now())
        row.step, row.completed_at, row.found_clear = (
            turn.progress.step, turn.progress.completed_at, turn.progress.found_clear)
        return turn
