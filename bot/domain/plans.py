"""Instalment plans (avbetalningsplaner) for rent arrears, within the organisation's policy.

Amounts are whole öre. Every instalment is a whole number of kronor except the last, which
absorbs what is left (so the plan always adds up to the debt exactly). Each instalment is due on
the same day as the month's rent, which the tenant must still pay on time as well.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.calendar import next_month, rent_due_date
from bot.domain.money import ORE_PER_KRONA, whole_kronor_ore

# No schedule is drawn up beyond ten years; a longer proposal goes to staff as it is.
MAX_SCHEDULE_MONTHS = 120
# A payment made on an instalment's due date may take this long to show in the ledger.
PAYMENT_GRACE_DAYS = 3


class PlanStatus(StrEnum):
    # Within the policy, waiting for staff to confirm.
    PROPOSED = "proposed"
    # Outside the policy (or without a schedule): staff decide.
    REVIEW = "review"
    ACTIVE = "active"
    # An instalment did not arrive; the tenant is contacted again.
    MISSED = "missed"
    # A newer plan for the same debt took its place.
    REPLACED = "replaced"
    # The debt is paid.
    DONE = "done"


WAITING_FOR_STAFF = frozenset({PlanStatus.PROPOSED, PlanStatus.REVIEW})
# Plans still alive: waiting for staff, or agreed. Only these are replaced or done.
OPEN_PLAN_STATUSES = WAITING_FOR_STAFF | {PlanStatus.ACTIVE}
# A missed plan stays missed: staff agree what comes next with the tenant, as a new plan.
_NEXT = {
    PlanStatus.PROPOSED: {PlanStatus.ACTIVE, PlanStatus.REPLACED, PlanStatus.DONE},
    PlanStatus.REVIEW: {PlanStatus.ACTIVE, PlanStatus.REPLACED, PlanStatus.DONE},
    PlanStatus.ACTIVE: {PlanStatus.MISSED, PlanStatus.REPLACED, PlanStatus.DONE},
}


@dataclass(frozen=True)
class PlanPolicy:
    max_months: int
    min_instalment_ore: int
    # Whether a plan within the policy is confirmed at once, or proposed for staff to confirm.
    auto_confirm: bool = False

    def __post_init__(self) -> None:
        if self.max_months < 1 or self.min_instalment_ore < ORE_PER_KRONA:
            raise ValueError("a plan policy needs at least one month and an instalment of at least 1 kr")


@dataclass(frozen=True)
class Instalment:
    due: dt.date
    amount_ore: int


@dataclass(frozen=True)
class Plan:
    instalments: tuple[Instalment, ...]

    @property
    def months(self) -> int:
        return len(self.instalments)

    @property
    def total_ore(self) -> int:
        return sum(i.amount_ore for i in self.instalments)

    @property
    def monthly_ore(self) -> int:
        return self.instalments[0].amount_ore


def _schedule(amounts: list[int], first_month: dt.date) -> Plan:
    return Plan(tuple(Instalment(rent_due_date(next_month(first_month, n)), amount) for n, amount in enumerate(amounts)))


def split_evenly(debt_ore: int, months: int) -> list[int]:
    """Whole kronor each month; the last instalment takes the rest (never less than the others)."""
    base = whole_kronor_ore(debt_ore // months)
    return [base] * (months - 1) + [debt_ore - base * (months - 1)]


def split_by_amount(debt_ore: int, monthly_ore: int) -> list[int]:
    """`monthly_ore` (whole kronor) each month until the debt is paid; the last takes the rest."""
    months_needed(debt_ore, monthly_ore)  # checks the amount
    monthly_ore = whole_kronor_ore(monthly_ore)
    full, rest = divmod(debt_ore, monthly_ore)
    return [monthly_ore] * full + ([rest] if rest else [])


def plan_options(debt_ore: int, policy: PlanPolicy, first_month: dt.date, count: int = 3) -> list[Plan]:
    """Up to `count` plans within the policy, from the shortest to the longest."""
    if debt_ore <= 0:
        return []
    feasible = [
        months
        for months in range(2, policy.max_months + 1)
        if split_evenly(debt_ore, months)[0] >= policy.min_instalment_ore
    ]
    if not feasible:
        # Too small to split: one payment is the only plan there is.
        return [_schedule([debt_ore], first_month)] if policy.max_months >= 1 else []
    if len(feasible) > count:
        step = (len(feasible) - 1) / (count - 1)
        feasible = sorted({feasible[round(i * step)] for i in range(count)})
    return [_schedule(split_evenly(debt_ore, months), first_month) for months in feasible]


def plan_for_months(debt_ore: int, months: int, first_month: dt.date) -> Plan:
    """The debt in `months` even instalments, as a tenant asked for it in their own words."""
    return _schedule(split_evenly(debt_ore, months), first_month)


def months_needed(debt_ore: int, monthly_ore: int) -> int:
    """How many months it takes to pay the debt with `monthly_ore` (whole kronor) a month."""
    monthly_ore = whole_kronor_ore(monthly_ore)
    if monthly_ore <= 0:
        raise ValueError("a monthly amount must be at least 1 kr")
    return -(-debt_ore // monthly_ore)


def plan_for_amount(debt_ore: int, monthly_ore: int, first_month: dt.date) -> Plan:
    """The plan a tenant proposes by naming what they can pay each month."""
    if months_needed(debt_ore, monthly_ore) > MAX_SCHEDULE_MONTHS:
        raise ValueError(f"paying {monthly_ore} öre a month would take more than {MAX_SCHEDULE_MONTHS} months")
    return _schedule(split_by_amount(debt_ore, monthly_ore), first_month)


def is_within_policy(plan: Plan, policy: PlanPolicy) -> bool:
    """At most `max_months`, and every instalment but a smaller last one at least the minimum."""
    amounts = [i.amount_ore for i in plan.instalments]
    return len(amounts) <= policy.max_months and all(a >= policy.min_instalment_ore for a in amounts[:-1])


def status_when_agreed(plan: Plan, policy: PlanPolicy) -> PlanStatus:
    """Within the policy a plan is agreed at once where the policy allows that, else proposed for
    staff to confirm; outside the policy it goes to staff as the tenant's proposal."""
    if not is_within_policy(plan, policy):
        return PlanStatus.REVIEW
    return PlanStatus.ACTIVE if policy.auto_confirm else PlanStatus.PROPOSED


def moved(status: str, to: PlanStatus) -> PlanStatus:
    """The plan's next status; a step the lifecycle does not have is refused."""
    if to not in _NEXT.get(PlanStatus(status), set()):
        raise ValueError(f"a plan that is {status} cannot become {to}")
    return to


def is_confirmable(status: str, has_schedule: bool) -> bool:
    """Staff confirm a plan waiting for them, only one with a schedule to send the tenant."""
    return status in WAITING_FOR_STAFF and has_schedule


def confirmed_status(status: str, has_schedule: bool) -> PlanStatus:
    """The status of a plan staff confirm; refused for one they cannot."""
    if not is_confirmable(status, has_schedule):
        raise ValueError(f"a plan that is {status}, not waiting for confirmation with a schedule, cannot be confirmed")
    return moved(status, PlanStatus.ACTIVE)


def expected_remaining_ore(debt_ore: int, instalments: Sequence[Instalment], day: dt.date) -> int:
    """What should be left of the plan's debt on `day`, had every instalment due by then come in."""
    cutoff = day - dt.timedelta(days=PAYMENT_GRACE_DAYS)
    return debt_ore - sum(i.amount_ore for i in instalments if i.due < cutoff)


def first_missed_instalment(
    debt_ore: int, instalments: Sequence[Instalment], owed_ore: int, day: dt.date
) -> Instalment | None:
    """The earliest instalment unpaid when `owed_ore` is still owed on `day`, if that is more than
    the plan allows."""
    if owed_ore <= expected_remaining_ore(debt_ore, instalments, day):
        return None
    cutoff = day - dt.timedelta(days=PAYMENT_GRACE_DAYS)
    paid_so_far = debt_ore - owed_ore
    running = 0
    for instalment in instalments:
        running += instalment.amount_ore
        if instalment.due < cutoff and running > paid_so_far:
            return instalment
    return None


_NUMBER = re.compile(r"\d[\d\s.,]*")
_KRONOR = re.compile(r"(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d{1,2})?")


def parse_kronor(text: str) -> int | None:
    """The one amount of whole kronor in what a tenant wrote ("1 500 kr", "1.500", "800,50",
    "٨٠٠"), or None when there is no single clear amount. Öre are dropped."""
    numbers = [match.group().rstrip(" .,\u00a0\u202f") for match in _NUMBER.finditer(text)]
    if len(numbers) != 1:
        return None
    compact = re.sub(r"\s", "", numbers[0])
    match = _KRONOR.fullmatch(compact)
    return int(re.sub(r"[.,]", "", match.group(1))) if match else None
