"""Early contact about late rent: which contacts are due for a debt, which message wins when
several are, and the quiet hours when nothing is sent.

A contact has a key, planned at most once per arrears case: a stage ("reminder", "call_offer",
"staff"), an instalment reminder "instalment:<id>", a missed instalment "missed:<plan id>", or a
confirmed plan "confirmed:<plan id>".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.domain.organisation import OutreachKind
from bot.domain.plans import PlanStatus

MESSAGE_STAGES = (OutreachKind.REMINDER, OutreachKind.CALL_OFFER)


class ContactKind(StrEnum):
    """The contacts about a plan, keyed "<kind>:<id>"."""

    INSTALMENT = "instalment"
    MISSED = "missed"
    CONFIRMED = "confirmed"


def contact_key(kind: ContactKind, ref: int) -> str:
    return f"{kind}:{ref}"


class OutreachStatus(StrEnum):
    PENDING = "pending"
    # Claimed by a sender; a crash leaves it here, unconfirmed.
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"
    # The staff stage: no message, staff follow up.
    STAFF = "staff"


class Stage(Protocol):
    @property
    def kind(self) -> str: ...

    @property
    def days_after_due(self) -> int: ...


@dataclass(frozen=True)
class ScheduledInstalment:
    id: int
    due: dt.date


def reminders_paused(reported_paid_on: dt.date | None, snapshot_date: dt.date) -> bool:
    """The tenant said they have paid: believed until a later snapshot says otherwise."""
    return reported_paid_on is not None and reported_paid_on >= snapshot_date


def due_stages(stages: Iterable[Stage], oldest_unpaid_due: dt.date, today: dt.date) -> list[str]:
    return [OutreachKind(s.kind) for s in stages if oldest_unpaid_due + dt.timedelta(days=s.days_after_due) <= today]


def due_instalments(instalments: Iterable[ScheduledInstalment], days_before: int, today: dt.date) -> list[str]:
    ahead = dt.timedelta(days=days_before)
    return [contact_key(ContactKind.INSTALMENT, i.id) for i in instalments if i.due - ahead <= today <= i.due]


def due_contacts(
    *,
    stages: Sequence[Stage],
    oldest_unpaid_due: dt.date | None,
    today: dt.date,
    plan_status: PlanStatus | None,
    instalments: Sequence[ScheduledInstalment] = (),
    instalment_days_before: int = 0,
) -> list[str]:
    """The keys of the contacts due for an unpaid, unpaused debt today: with an agreed plan, its
    instalment reminders; with none, the stages reached; while staff look at a proposal, none."""
    if plan_status is not None:
        if plan_status is not PlanStatus.ACTIVE:
            return []
        return due_instalments(instalments, instalment_days_before, today)
    if oldest_unpaid_due is None:
        return []
    return due_stages(stages, oldest_unpaid_due, today)


def overtaken(key: str, due: Sequence[str]) -> bool:
    """Of the message stages due together (outreach did not run for a while), only the latest is
    sent; the others are overtaken."""
    messages = [k for k in due if k in MESSAGE_STAGES]
    return key in MESSAGE_STAGES and key != messages[-1]


def in_quiet_hours(clock: dt.time, start: dt.time, end: dt.time) -> bool:
    """Whether `clock` (Swedish time) is in quiet hours from `start` to `end`, which may span
    midnight (22:00 to 08:00)."""
    clock = clock.replace(tzinfo=None)
    if start <= end:
        return start <= clock < end
    return clock >= start or clock < end
