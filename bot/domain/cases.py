"""Staff cases: a conversation handed to a person, why, and where it stands."""

from __future__ import annotations

from enum import StrEnum


class CaseStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    CLOSED = "closed"


# A chat has at most one case in these statuses; a new request joins it.
ACTIVE_CASE_STATUSES = frozenset({CaseStatus.OPEN, CaseStatus.CLAIMED})


class CaseReason(StrEnum):
    REQUEST_HUMAN = "request_human"
    PLAN_REVIEW = "plan_review"
    PLAN_CONFIRM = "plan_confirm"
    CRISIS = "crisis"
    NOT_UNDERSTOOD = "not_understood"
    OUTREACH = "outreach"

    @property
    def description(self) -> str:
        """What staff are told the case is about."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS: dict[str, str] = {
    CaseReason.REQUEST_HUMAN: "the tenant asked for a person",
    CaseReason.PLAN_REVIEW: "an instalment plan outside the policy",
    CaseReason.PLAN_CONFIRM: "an instalment plan to confirm",
    CaseReason.CRISIS: "CRISIS: the tenant may be in danger",
    CaseReason.NOT_UNDERSTOOD: "the assistant did not understand twice in a row",
    CaseReason.OUTREACH: "rent still unpaid after the reminders",
}


def describe_reason(code: str) -> str:
    """A stored reason code as staff read it; a code no longer known is shown as it is."""
    return _DESCRIPTIONS.get(code, code)
