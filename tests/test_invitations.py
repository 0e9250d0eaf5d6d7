"""Onboarding invitations: single use, expiring, revocable, stored only as a hash."""

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db.models import Invite, Lease, Organisation, Tenant
from bot.domain.invites import START_PARAMETER, new_token, token_hash
from bot.services.invitations import FAILED_START_LIMIT, BindOutcome, create_invite, redeem, revoke_invites

NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def test_tokens_fit_telegrams_start_parameter_and_carry_enough_randomness() -> None:
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(START_PARAMETER.match(token) and len(token) == 32 for token in tokens)  # 192 bits


@pytest.fixture
def leases(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as session:
        organisation = Organisation(slug="demo", name="Exempelbostäder AB")
        for number, name in (("L-1", "Ada Berg"), ("L-2", "Bo Ek")):
            session.add(Lease(organisation=organisation, tenant=Tenant(organisation=organisation, name=name),
                              lease_number=number, address=f"Gatan {number}", monthly_rent_ore=700_000,
                              move_in_date=dt.date(2026, 12, 1)))
    return session_factory


def invite(factory: sessionmaker[Session], lease_number: str, now: dt.datetime = NOW, days: int = 30) -> str:
    with factory.begin() as session:
        lease = session.scalars(select(Lease).where(Lease.lease_number == lease_number)).one()
        return create_invite(session, lease, now, days * DAY)


def use(factory: sessionmaker[Session], token: str, chat_id: int, now: dt.datetime = NOW) -> BindOutcome:
    with factory.begin() as session:
        return redeem(session, token, chat_id, chat_id, now).outcome


def test_only_the_hash_of_a_token_is_stored(leases: sessionmaker[Session]) -> None:
    token = invite(leases, "L-1")
    with leases() as session:
        stored = session.scalars(select(Invite)).one()
    assert stored.token_hash == token_hash(token) and token not in stored.token_hash


def test_a_link_binds_the_chat_once(leases: sessionmaker[Session]) -> None:
    token = invite(leases, "L-1")
    assert use(leases, token, 100) is BindOutcome.BOUND
    assert use(leases, token, 100) is BindOutcome.ALREADY_BOUND
    assert use(leases, token, 200) is BindOutcome.USED
    with leases() as session:
        tenant = session.scalars(select(Tenant).where(Tenant.name == "Ada Berg")).one()
        assert tenant.telegram_user_id == 100


def test_expired_revoked_and_unknown_links_are_refused(leases: sessionmaker[Session]) -> None:
    assert use(leases, invite(leases, "L-1", days=1), 100, NOW + 2 * DAY) is BindOutcome.EXPIRED
    revoked = invite(leases, "L-1")
    with leases.begin() as session:
        lease = session.scalars(select(Lease).where(Lease.lease_number == "L-1")).one()
        assert revoke_invites(session, lease, NOW + 2 * DAY) == 1  # the expired one is not counted
    assert use(leases, revoked, 100) is BindOutcome.REVOKED
    assert use(leases, new_token(), 100) is BindOutcome.UNKNOWN
    assert use(leases, "not a token!", 100) is BindOutcome.UNKNOWN


def test_a_second_chat_cannot_take_a_bound_lease(leases: sessionmaker[Session]) -> None:
    assert use(leases, invite(leases, "L-1"), 100) is BindOutcome.BOUND
    assert use(leases, invite(leases, "L-1"), 200) is BindOutcome.LEASE_TAKEN


def test_a_bound_chat_cannot_take_over_another_lease(leases: sessionmaker[Session]) -> None:
    assert use(leases, invite(leases, "L-1"), 100) is BindOutcome.BOUND
    assert use(leases, invite(leases, "L-2"), 100) is BindOutcome.CHAT_TAKEN


def test_repeated_bad_links_from_one_chat_are_slowed_down(leases: sessionmaker[Session]) -> None:
    good = invite(leases, "L-2")
    for _ in range(FAILED_START_LIMIT):
        assert use(leases, new_token(), 300) is BindOutcome.UNKNOWN
    assert use(leases, good, 300) is BindOutcome.RATE_LIMITED
    assert use(leases, good, 301) is BindOutcome.BOUND  # another chat is not affected
    assert use(leases, new_token(), 300, NOW + dt.timedelta(hours=2)) is BindOutcome.UNKNOWN
