"""Typed SQLAlchemy models of the application database."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every one stored here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class Organisation(Base):
    """A housing company (allmännyttigt bostadsbolag); its facts live in its config file."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    tenants: Mapped[list[Tenant]] = relationship(back_populates="organisation")


class Tenant(Base):
    __tablename__ = "tenant"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    preferred_language: Mapped[str | None] = mapped_column(String(8))
    # Set when the tenant's Telegram account is bound to this record.
    telegram_user_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    # When the tenant last wrote or pressed a button (for the hard-to-reach list).
    last_heard_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    organisation: Mapped[Organisation] = relationship(back_populates="tenants")
    leases: Mapped[list[Lease]] = relationship(back_populates="tenant")

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else self.name


class Lease(Base):
    """A rental contract (hyresavtal) for one flat."""

    __tablename__ = "lease"
    __table_args__ = (UniqueConstraint("organisation_id", "lease_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    lease_number: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(300))
    # Money is kept in whole öre, never as a float.
    monthly_rent_ore: Mapped[int] = mapped_column(BigInteger)
    move_in_date: Mapped[dt.date] = mapped_column(Date)

    organisation: Mapped[Organisation] = relationship()
    tenant: Mapped[Tenant] = relationship(back_populates="leases")


class Chat(Base):
    """A Telegram chat the assistant talks in, bound to a tenant or not (yet)."""

    __tablename__ = "chat"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    language: Mapped[str | None] = mapped_column(String(8))
    # Set when the assistant has asked for something the tenant writes in their own words (a
    # `bot.domain.awaiting.Awaiting`); the rules for the next message are in that module.
    awaiting: Mapped[str | None] = mapped_column(String(32))
    awaiting_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Messages in a row the assistant did not understand; at two, a person is asked in.
    not_understood: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )


class ProcessedUpdate(Base):
    """Each Telegram update id, claimed before it is handled, so it is handled once."""

    __tablename__ = "processed_update"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    claimed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Invite(Base):
    """An onboarding link for one lease; only the token's hash is kept."""

    __tablename__ = "invite"

    id: Mapped[int] = mapped_column(primary_key=True)
    lease_id: Mapped[int] = mapped_column(ForeignKey("lease.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    used_by_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    lease: Mapped[Lease] = relationship()


class FailedStart(Base):
    """A /start with a token that did not work, kept to slow down guessing from one chat."""

    __tablename__ = "failed_start"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    attempted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Onboarding(Base):
    """How far a tenant has come in the walkthrough of the tenancy rules."""

    __tablename__ = "onboarding"

    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), primary_key=True)
    step: Mapped[int] = mapped_column(default=0)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # The tenant's answer to "was this clear?"; None until they answer.
    found_clear: Mapped[bool | None] = mapped_column()


class LedgerSnapshot(Base):
    """What a lease owed on a day, from the housing company's ledger export."""

    __tablename__ = "ledger_snapshot"
    __table_args__ = (UniqueConstraint("lease_id", "snapshot_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lease_id: Mapped[int] = mapped_column(ForeignKey("lease.id"), index=True)
    snapshot_date: Mapped[dt.date] = mapped_column(Date)
    amount_overdue_ore: Mapped[int] = mapped_column(BigInteger)
    oldest_unpaid_due: Mapped[dt.date | None] = mapped_column(Date)


class ArrearsCase(Base):
    """A period in which a lease is behind with the rent; closed when a snapshot shows it paid."""

    __tablename__ = "arrears_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    lease_id: Mapped[int] = mapped_column(ForeignKey("lease.id"), index=True)
    opened_on: Mapped[dt.date] = mapped_column(Date)
    oldest_unpaid_due: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    # Why the rent is late, if the tenant chose to say: a `bot.domain.reasons.LateRentReason`, and
    # optional free text, encrypted (bot.infra.crypto), never stored in clear.
    reason_code: Mapped[str | None] = mapped_column(String(32))
    reason_text_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    reason_given_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # The day the tenant said they had paid; reminders wait for a snapshot after it.
    reported_paid_on: Mapped[dt.date | None] = mapped_column(Date)

    lease: Mapped[Lease] = relationship()


class PaymentPlan(Base):
    """An instalment plan (avbetalningsplan) for a case's debt."""

    __tablename__ = "payment_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arrears_case.id"), index=True)
    # A `bot.domain.plans.PlanStatus`; the lifecycle is there.
    status: Mapped[str] = mapped_column(String(16))
    debt_ore: Mapped[int] = mapped_column(BigInteger)
    monthly_ore: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    missed_on: Mapped[dt.date | None] = mapped_column(Date)

    case: Mapped[ArrearsCase] = relationship()
    instalments: Mapped[list[PlanInstalment]] = relationship(
        back_populates="plan", order_by="PlanInstalment.due", cascade="all, delete-orphan"
    )


class PlanInstalment(Base):
    __tablename__ = "plan_instalment"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("payment_plan.id"), index=True)
    due: Mapped[dt.date] = mapped_column(Date)
    amount_ore: Mapped[int] = mapped_column(BigInteger)

    plan: Mapped[PaymentPlan] = relationship(back_populates="instalments")


class OutreachMessage(Base):
    """One contact the assistant makes by itself: planned, then sent at most once.

    `key` names what it is about (see `bot.domain.outreach`: a stage, "instalment:<id>",
    "missed:<plan id>", "confirmed:<plan id>"); one per case and key, so each stage reaches a
    debt at most once.
    Sending claims the row first (status "sending") and records the result after; a row left
    in "sending" by a crash is never sent again, only reported as unconfirmed.
    """

    __tablename__ = "outreach_message"
    __table_args__ = (UniqueConstraint("case_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arrears_case.id"), index=True)
    key: Mapped[str] = mapped_column(String(48))
    # A `bot.domain.outreach.OutreachStatus`: failed when Telegram refused (the tenant blocked
    # the bot, say); skipped when overtaken by a later stage, or there is nothing to send to.
    status: Mapped[str] = mapped_column(String(16), index=True)
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    detail: Mapped[str | None] = mapped_column(String(200))

    case: Mapped[ArrearsCase] = relationship()


class Consent(Base):
    """A tenant's consent (samtycke) to share information with one recipient, as they saw it."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    # A `bot.domain.consent.Recipient`.
    recipient: Mapped[str] = mapped_column(String(32))
    purpose: Mapped[str] = mapped_column(String(64))
    # The message key, its version, and the text the tenant was shown, in their language.
    text_key: Mapped[str] = mapped_column(String(64))
    text_version: Mapped[int] = mapped_column(default=1)
    text_shown: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    given_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Referral(Base):
    """A request, made with consent, for staff to pass on to an outside service."""

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    consent_id: Mapped[int] = mapped_column(ForeignKey("consent.id"))
    recipient: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    passed_on_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    tenant: Mapped[Tenant] = relationship()
    consent: Mapped[Consent] = relationship()


class StaffCase(Base):
    """A conversation that needs a person: one topic in the staff group, claimed and closed there."""

    __tablename__ = "staff_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    tenant_id: Mapped[int | None] = mapped_column(ForeignKey("tenant.id"), index=True)
    # The tenant's chat; None when the tenant has no linked chat (staff reach them otherwise).
    chat_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    # A `bot.domain.cases.CaseReason`.
    reason: Mapped[str] = mapped_column(String(32))
    priority: Mapped[bool] = mapped_column(default=False)
    # A `bot.domain.cases.CaseStatus`.
    status: Mapped[str] = mapped_column(String(16), index=True)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # Set when the bot starts announcing the case in the staff group; the topic once it exists.
    announced_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    topic_id: Mapped[int | None] = mapped_column(BigInteger)
    summary_message_id: Mapped[int | None] = mapped_column(BigInteger)
    claimed_by: Mapped[int | None] = mapped_column(BigInteger)
    claimed_by_name: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # The tenant's answer to "did you get the help you needed?"
    satisfied: Mapped[bool | None] = mapped_column()

    tenant: Mapped[Tenant | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class AuditEvent(Base):
    """What staff did, and what they were refused: every reading of a tenant's reason text,
    claims, closings, and attempts by accounts not on the staff list."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    actor_telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    actor_name: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("staff_case.id"))
    detail: Mapped[str | None] = mapped_column(String(200))
