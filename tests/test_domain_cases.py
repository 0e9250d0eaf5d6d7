"""Staff cases: reasons as staff read them, and the late-rent reasons offered to tenants."""

from __future__ import annotations

from bot.domain.cases import CaseReason, describe_reason
from bot.domain.reasons import OFFERED_REASONS, LateRentReason


def test_every_case_reason_has_a_description_for_staff() -> None:
    assert all(reason.description for reason in CaseReason)
    assert describe_reason("crisis") == "CRISIS: the tenant may be in danger"


def test_a_reason_no_longer_known_is_shown_as_stored() -> None:
    assert describe_reason("retired_reason") == "retired_reason"


def test_declining_is_not_offered_among_the_reasons() -> None:
    assert LateRentReason.DECLINED not in OFFERED_REASONS
    assert set(OFFERED_REASONS) | {LateRentReason.DECLINED} == set(LateRentReason)
