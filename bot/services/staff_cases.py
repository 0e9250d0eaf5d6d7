"""What staff do with a case, whatever screen they work from (today a topic in the organisation's
Telegram staff group): claim it, close it, read the tenant's reason, confirm the instalment plan
waiting in it, and pass a reply on to the tenant; and the bookkeeping around that: putting each
case in front of staff once, and what staff may list.

Each use case is one transaction and writes its own audit event. Reading a tenant's own words and
confirming a plan are for rent administrators only; every refusal is in the audit log too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.db import repositories
from bot.db.models import AuditEvent, PaymentPlan, StaffCase
from bot.domain.cases import ACTIVE_CASE_STATUSES, CaseStatus
from bot.domain.organisation import OrganisationFacts, StaffMember
from bot.domain.plans import is_confirmable
from bot.infra.crypto import TextCipher
from bot.services import arrears, handoff, reports
from bot.services.language import language_of
from bot.services.outreach import HardToReach, hard_to_reach


class AuditAction(StrEnum):
    CLAIM = "claim"
    CLOSE = "close"
    VIEW_REASON = "view_reason"
    CONFIRM_PLAN = "confirm_plan"
    REFUSED_VIEW_REASON = "refused_view_reason"
    REFUSED_CONFIRM_PLAN = "refused_confirm_plan"
    # Accounts not on the staff list, by what they tried.
    REFUSED_BUTTON = "refused_button"
    REFUSED_MESSAGE = "refused_message"
    REFUSED_CASES = "refused_cases"
    REFUSED_HARD_TO_REACH = "refused_hardtoreach"
    REFUSED_AT_RISK = "refused_atrisk"


class Refusal(StrEnum):
    """Why a staff request did nothing."""

    NO_SUCH_CASE = "no_such_case"
    NOT_PERMITTED = "not_permitted"
    NO_REASON_WRITTEN = "no_reason_written"
    NO_PLAN_WAITING = "no_plan_waiting"
    NOT_CLAIMED = "not_claimed"


@dataclass(frozen=True)
class TenantMessage:
    """What to say to a case's tenant (message payloads), in their language."""

    chat_id: int
    language: str | None
    payloads: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class CaseChanged:
    """A claim or a close that was made."""

    case_id: int
    status: CaseStatus
    by: str
    plan_waiting: bool
    tenant: TenantMessage | None


@dataclass(frozen=True)
class CaseUnchanged:
    """The case is not in a state for that: claimed already, or closed."""

    case_id: int
    status: CaseStatus
    claimed_by_name: str | None


@dataclass(frozen=True)
class PlanConfirmed:
    plan_id: int


@dataclass(frozen=True)
class PlanNotConfirmed:
    why: str


@dataclass(frozen=True)
class Announcement:
    """A case whose announcement in the staff group has been claimed, with what its topic needs."""

    case_id: int
    organisation: str
    tenant_chat_id: int | None
    tenant_name: str
    priority: bool


@dataclass(frozen=True)
class CaseSummary:
    text: str
    plan_waiting: bool


@dataclass(frozen=True)
class ClaimedTopic:
    """Where a tenant's messages go while their case is claimed."""

    organisation: str
    topic_id: int
    tenant_name: str


class StaffCases:
    def __init__(
        self, session_factory: sessionmaker[Session], cipher: TextCipher, clock: Callable[[], dt.datetime]
    ) -> None:
        self._sessions = session_factory
        self._cipher = cipher
        self._clock = clock

    # --- working on a case ----------------------------------------------------------------

    def claim(self, facts: OrganisationFacts, case_id: int, member: StaffMember) -> CaseChanged | CaseUnchanged | Refusal:
        """The member takes the case: the tenant is told a person has joined."""
        with self._sessions.begin() as session:
            case = _case_of(session, facts, case_id)
            if case is None:
                return Refusal.NO_SUCH_CASE
            if case.status != CaseStatus.OPEN:
                return CaseUnchanged(case.id, CaseStatus(case.status), case.claimed_by_name)
            handoff.claim(case, member, self._clock())
            self._audit(session, AuditAction.CLAIM, member, case.id)
            joined = {"key": "handoff.claimed", "params": {"organisation": facts.name}}
            return CaseChanged(case.id, CaseStatus(case.status), member.name, waiting_plan(session, case) is not None,
                               _tenant_message(session, case, joined))

    def close(self, facts: OrganisationFacts, case_id: int, member: StaffMember) -> CaseChanged | CaseUnchanged | Refusal:
        """The member closes the case: the assistant is back, and asks whether the tenant got help."""
        with self._sessions.begin() as session:
            case = _case_of(session, facts, case_id)
            if case is None:
                return Refusal.NO_SUCH_CASE
            if case.status not in ACTIVE_CASE_STATUSES:
                return CaseUnchanged(case.id, CaseStatus(case.status), case.claimed_by_name)
            handoff.close(case, self._clock())
            self._audit(session, AuditAction.CLOSE, member, case.id)
            satisfaction = {"key": "handoff.satisfaction", "buttons": [
                {"key": "button.satisfied", "payload": f"rate:yes:{case.id}"},
                {"key": "button.not_satisfied", "payload": f"rate:no:{case.id}"},
            ]}
            return CaseChanged(case.id, CaseStatus(case.status), member.name, False,
                               _tenant_message(session, case, {"key": "handoff.closed"}, satisfaction))

    def read_reason(self, facts: OrganisationFacts, case_id: int, member: StaffMember) -> str | Refusal:
        """The tenant's own words about why the rent is late: rent administrators only, audited."""
        with self._sessions.begin() as session:
            case = self._case_for(session, facts, case_id, member, AuditAction.REFUSED_VIEW_REASON,
                                  permitted=member.role.may_read_reasons())
            if isinstance(case, Refusal):
                return case
            debt = arrears.current_debt(session, arrears.lease_of(case.tenant))
            if debt is None or debt.case.reason_text_encrypted is None:
                return Refusal.NO_REASON_WRITTEN
            self._audit(session, AuditAction.VIEW_REASON, member, case.id)
            return self._cipher.decrypt(debt.case.reason_text_encrypted)

    def confirm_plan(
        self, facts: OrganisationFacts, case_id: int, member: StaffMember
    ) -> PlanConfirmed | PlanNotConfirmed | Refusal:
        """A rent administrator agrees the plan waiting in the case; the agreed schedule waits in
        outreach for the tenant."""
        with self._sessions.begin() as session:
            case = self._case_for(session, facts, case_id, member, AuditAction.REFUSED_CONFIRM_PLAN,
                                  permitted=member.role.may_confirm_plans())
            if isinstance(case, Refusal):
                return case
            plan = waiting_plan(session, case)
            if plan is None:
                return Refusal.NO_PLAN_WAITING
            try:
                arrears.confirm_plan(session, plan, self._clock())
            except ValueError as error:
                return PlanNotConfirmed(str(error))
            self._audit(session, AuditAction.CONFIRM_PLAN, member, case.id, f"plan {plan.id}")
            return PlanConfirmed(plan.id)

    def staff_reply(self, facts: OrganisationFacts, topic_id: int, text: str) -> TenantMessage | Refusal | None:
        """A staff reply in a case's topic, for the tenant as from their housing officer; None when
        the topic is not an active case of this organisation."""
        with self._sessions() as session:
            case = session.scalars(select(StaffCase).where(
                StaffCase.topic_id == topic_id, StaffCase.status.in_(ACTIVE_CASE_STATUSES))).first()
            if case is None or not _belongs_to(case, facts):
                return None
            if case.status != CaseStatus.CLAIMED:
                return Refusal.NOT_CLAIMED
            return _tenant_message(session, case, {"key": "handoff.from_staff", "params": {"text": text}})

    def record_refusal(self, action: AuditAction, actor_id: int | None, actor_name: str | None, detail: str) -> None:
        """Someone not on the staff list tried to act."""
        with self._sessions.begin() as session:
            self._audit_event(session, action, actor_id, actor_name, None, detail)

    def _case_for(self, session: Session, facts: OrganisationFacts, case_id: int, member: StaffMember,
                  refused: AuditAction, *, permitted: bool) -> StaffCase | Refusal:
        """The case, for a member whose role permits the action; a refusal is audited."""
        case = _case_of(session, facts, case_id)
        if case is None:
            return Refusal.NO_SUCH_CASE
        if not permitted:
            self._audit(session, refused, member, case.id, member.role)
            return Refusal.NOT_PERMITTED
        return case

    def _audit(self, session: Session, action: AuditAction, member: StaffMember, case_id: int,
               detail: str | None = None) -> None:
        self._audit_event(session, action, member.telegram_user_id, member.name, case_id, detail)

    def _audit_event(self, session: Session, action: AuditAction, actor_id: int | None, actor_name: str | None,
                     case_id: int | None, detail: str | None) -> None:
        session.add(AuditEvent(at=self._clock(), actor_telegram_id=actor_id, actor_name=actor_name,
                               action=action, case_id=case_id, detail=detail))

    # --- putting cases in front of staff --------------------------------------------------

    def cases_to_announce(self) -> list[int]:
        """Active cases not yet in their staff group, priorities first."""
        with self._sessions() as session:
            return list(session.scalars(
                select(StaffCase.id).where(StaffCase.announced_at.is_(None), StaffCase.status.in_(ACTIVE_CASE_STATUSES))
                .order_by(StaffCase.priority.desc(), StaffCase.id)
            ))

    def start_announcement(self, case_id: int, organisations_with_staff: Sequence[str]) -> Announcement | None:
        """Claim the announcing of a case, so that it is announced once; None if it is not ours to
        announce (already under way, or its organisation has no staff group: then it stays on
        `tenantbot cases`)."""
        with self._sessions.begin() as session:
            case = session.get(StaffCase, case_id)
            if case is None or case.organisation is None or case.organisation.slug not in organisations_with_staff:
                return None
            claimed = session.execute(
                update(StaffCase).where(StaffCase.id == case_id, StaffCase.announced_at.is_(None))
                .values(announced_at=self._clock())
            ).rowcount
            if not claimed:
                return None
            name = case.tenant.first_name if case.tenant else "unknown"
            return Announcement(case_id, case.organisation.slug, case.chat_id, name, case.priority)

    def summary(self, case_id: int, last_messages: Sequence[str] | None) -> CaseSummary:
        with self._sessions() as session:
            case = session.get(StaffCase, case_id)
            assert case is not None
            return CaseSummary(handoff.summary(session, case, last_messages), waiting_plan(session, case) is not None)

    def announced(self, case_id: int, topic_id: int, summary_message_id: int) -> None:
        with self._sessions.begin() as session:
            session.execute(update(StaffCase).where(StaffCase.id == case_id).values(
                topic_id=topic_id, summary_message_id=summary_message_id))

    def announcement_failed(self, case_id: int) -> None:
        """The case is announced again on a later run."""
        with self._sessions.begin() as session:
            session.execute(update(StaffCase).where(StaffCase.id == case_id).values(announced_at=None))

    def claimed_topic(self, tenant_chat_id: int) -> ClaimedTopic | None:
        """Where the tenant's messages go instead of the assistant: their claimed case's topic."""
        with self._sessions() as session:
            case = handoff.active_case(session, tenant_chat_id)
            if case is None or case.status != CaseStatus.CLAIMED or case.topic_id is None or case.organisation is None:
                return None
            name = case.tenant.first_name if case.tenant else "Tenant"
            return ClaimedTopic(case.organisation.slug, case.topic_id, name)

    # --- what staff may list --------------------------------------------------------------

    def open_cases(self, facts: OrganisationFacts) -> list[str]:
        with self._sessions() as session:
            organisation = repositories.find_organisation(session, facts.slug)
            return reports.open_cases(session, organisation.id if organisation else -1)

    def hard_to_reach(self, facts: OrganisationFacts) -> list[HardToReach]:
        with self._sessions() as session:
            return hard_to_reach(session, {facts.slug: facts})

    def at_risk(self, facts: OrganisationFacts) -> reports.AtRiskReport | None:
        with self._sessions() as session:
            organisation = repositories.find_organisation(session, facts.slug)
            return reports.at_risk(session, organisation) if organisation is not None else None


def waiting_plan(session: Session, case: StaffCase) -> PaymentPlan | None:
    """The instalment plan in the case waiting for staff to confirm or decide, with a schedule."""
    debt = arrears.current_debt(session, arrears.lease_of(case.tenant))
    plan = arrears.open_plan(session, debt.case) if debt is not None else None
    return plan if plan is not None and is_confirmable(plan.status, bool(plan.instalments)) else None


def _case_of(session: Session, facts: OrganisationFacts, case_id: int) -> StaffCase | None:
    case = session.get(StaffCase, case_id)
    return case if case is not None and _belongs_to(case, facts) else None


def _belongs_to(case: StaffCase, facts: OrganisationFacts) -> bool:
    """Staff of one organisation never see or act on another's cases."""
    return case.organisation is not None and case.organisation.slug == facts.slug


def _tenant_message(session: Session, case: StaffCase, *payloads: dict[str, Any]) -> TenantMessage | None:
    if case.chat_id is None:
        return None
    return TenantMessage(case.chat_id, language_of(session, case.chat_id, case.tenant), payloads)
