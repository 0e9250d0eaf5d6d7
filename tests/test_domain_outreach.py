"""Which contacts are due for a debt, which message wins, and quiet hours: rules without a database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from bot.domain.organisation import OutreachKind
from bot.domain.outreach import (
    ScheduledInstalment,
    due_contacts,
    in_quiet_hours,
    overtaken,
    reminders_paused,
)
from bot.domain.plans import PlanStatus


@dataclass(frozen=True)
class Stage:
    kind: str
    days_after_due: int


STAGES = (Stage("reminder", 3), Stage("call_offer", 10), Stage("staff", 20))
DUE = dt.date(2026, 11, 30)


def due_on(today: dt.date, **kwargs: object) -> list[str]:
    return due_contacts(stages=STAGES, oldest_unpaid_due=DUE, today=today, plan_status=None, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (dt.date(2026, 12, 2), []),
        (dt.date(2026, 12, 3), ["reminder"]),
        (dt.date(2026, 12, 10), ["reminder", "call_offer"]),
        (dt.date(2026, 12, 25), ["reminder", "call_offer", "staff"]),
    ],
)
def test_stages_are_due_by_days_after_the_oldest_unpaid_due_date(today: dt.date, due: list[str]) -> None:
    assert due_on(today) == due


def test_nothing_is_due_without_a_due_date() -> None:
    assert due_contacts(stages=STAGES, oldest_unpaid_due=None, today=DUE, plan_status=None) == []


@pytest.mark.parametrize("status", [PlanStatus.PROPOSED, PlanStatus.REVIEW])
def test_no_reminders_while_staff_look_at_a_plan(status: PlanStatus) -> None:
    assert due_contacts(stages=STAGES, oldest_unpaid_due=DUE, today=dt.date(2026, 12, 25), plan_status=status) == []


def test_an_agreed_plan_replaces_the_stages_with_instalment_reminders() -> None:
    instalments = [ScheduledInstalment(7, dt.date(2026, 12, 30)), ScheduledInstalment(8, dt.date(2027, 1, 29))]

    def on(today: dt.date) -> list[str]:
        return due_contacts(stages=STAGES, oldest_unpaid_due=DUE, today=today, plan_status=PlanStatus.ACTIVE,
                            instalments=instalments, instalment_days_before=3)

    assert on(dt.date(2026, 12, 26)) == []
    assert on(dt.date(2026, 12, 27)) == ["instalment:7"]
    assert on(dt.date(2026, 12, 30)) == ["instalment:7"]
    assert on(dt.date(2026, 12, 31)) == []
    assert on(dt.date(2027, 1, 28)) == ["instalment:8"]


def test_only_the_latest_message_stage_is_sent_when_several_are_due() -> None:
    due = [OutreachKind.REMINDER, OutreachKind.CALL_OFFER, OutreachKind.STAFF]
    assert overtaken("reminder", due)
    assert not overtaken("call_offer", due)
    assert not overtaken("staff", due)
    assert not overtaken("reminder", [OutreachKind.REMINDER])


def test_i_have_paid_pauses_reminders_until_a_later_snapshot() -> None:
    assert reminders_paused(dt.date(2026, 12, 5), dt.date(2026, 12, 4))
    assert reminders_paused(dt.date(2026, 12, 4), dt.date(2026, 12, 4))
    assert not reminders_paused(dt.date(2026, 12, 4), dt.date(2026, 12, 5))
    assert not reminders_paused(None, dt.date(2026, 12, 4))


@pytest.mark.parametrize(
    ("clock", "quiet"),
    [(dt.time(20, 59), False), (dt.time(21), True), (dt.time(23, 59, 59), True), (dt.time(0), True),
     (dt.time(7, 59), True), (dt.time(8), False), (dt.time(12), False)],
)
def test_quiet_hours_may_span_midnight(clock: dt.time, quiet: bool) -> None:
    assert in_quiet_hours(clock, dt.time(21), dt.time(8)) is quiet


@pytest.mark.parametrize(
    ("clock", "quiet"), [(dt.time(11, 59), False), (dt.time(12), True), (dt.time(12, 59), True), (dt.time(13), False)]
)
def test_quiet_hours_within_one_day(clock: dt.time, quiet: bool) -> None:
    assert in_quiet_hours(clock, dt.time(12), dt.time(13)) is quiet
