"""Greet the tenant by name."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.actions.base import Message, TenantAction


class ActionGreetTenant(TenantAction):
    action_name = "action_greet_tenant"

    def answer(self, tracker: Tracker) -> list[Message]:
        with self.conversation(tracker) as (_session, tenant):
            if tenant is None:
                return [{"key": "greet.anonymous"}]
            return [{
                "key": "greet.named",
                "params": {"name": tenant.first_name, "organisation": tenant.organisation.name},
            }]
