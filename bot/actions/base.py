"""What every custom action shares: the parts of the application it may use, and the way its
answer reaches Rasa (keyed messages the bot renders in the tenant's language)."""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session, sessionmaker

from bot.actions.tenants import UNKNOWN_TENANT, tenant_for_sender
from bot.db.models import Tenant
from bot.domain.organisation import OrganisationFacts
from bot.domain.reason_words import ReasonPhrases
from bot.i18n.rendering import Renderer

# A message as the bot renders it: a catalog key, its parameters and buttons.
Message = dict[str, Any]


@dataclass(frozen=True)
class ActionDependencies:
    """What the actions may use of the application: built once, handed to every action."""

    sessions: sessionmaker[Session]
    organisations: Mapping[str, OrganisationFacts]
    renderer: Renderer
    now: Callable[[], dt.datetime]
    today: Callable[[], dt.date]
    # What tenants write when they say why the rent is late, in every language.
    reason_phrases: ReasonPhrases


class TenantAction(Action):
    """An action that answers the tenant's latest message; `action_name` is its name in the domain."""

    action_name: ClassVar[str]

    def __init__(self, dependencies: ActionDependencies) -> None:
        self.dependencies = dependencies

    def name(self) -> str:
        return self.action_name

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Send the answer; the actions set no slots, so the events are always none."""
        for message in self.answer(tracker):
            dispatcher.utter_message(json_message=message)
        return []

    @abstractmethod
    def answer(self, tracker: Tracker) -> list[Message]:
        """The messages for the tenant, in the order they are sent."""

    @contextmanager
    def conversation(self, tracker: Tracker) -> Iterator[tuple[Session, Tenant | None]]:
        """The message's one transaction, and the tenant who wrote it (None for someone not linked)."""
        with self.dependencies.sessions.begin() as session:
            yield session, tenant_for_sender(session, tracker.sender_id)


class KnownTenantAction(TenantAction):
    """An action for tenants linked to a lease only; anyone else is pointed to their landlord."""

    def answer(self, tracker: Tracker) -> list[Message]:
        with self.conversation(tracker) as (session, tenant):
            if tenant is None:
                return [UNKNOWN_TENANT]
            return self.answer_tenant(tracker, session, tenant)

    @abstractmethod
    def answer_tenant(self, tracker: Tracker, session: Session, tenant: Tenant) -> list[Message]:
        """The messages for a known tenant, within the message's transaction."""
