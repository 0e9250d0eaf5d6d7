"""Why the rent is late, as the tenant chose to say it (a button), stored as a code."""

from __future__ import annotations

from enum import StrEnum


class LateRentReason(StrEnum):
    JOB_LOSS = "job_loss"
    ILLNESS = "illness"
    BENEFITS_DELAYED = "benefits_delayed"
    FAMILY_CHANGE = "family_change"
    UNEXPECTED_COST = "unexpected_cost"
    FORGOT = "forgot"
    OTHER = "other"
    # The tenant would rather not say; what they wrote before is forgotten.
    DECLINED = "declined"


# The reasons offered as buttons, in this order; declining has its own button after them.
OFFERED_REASONS = tuple(reason for reason in LateRentReason if reason is not LateRentReason.DECLINED)
