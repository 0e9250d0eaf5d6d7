"""One way to find a tenant's language: the rule, and the service that applies it to the
chat and the tenant as stored."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.db.models import Chat, Organisation, Tenant
from bot.domain.language import tenant_language
from bot.services.language import choose_language, keep_language, language_of


@pytest.mark.parametrize(
    ("chosen", "preferred", "client", "expected"),
    [
        ("ar", "sv", "en", "ar"),  # what the chat chose comes first
        (None, "so", "en-US", "so"),  # then what the tenant prefers
        (None, None, "en-US", "en"),  # then their Telegram client's language
        (None, "de", "uk", "uk"),  # a preference we cannot answer in is passed over
        ("de", None, "fi", "fi"),
        (None, None, "de", None),  # nothing we speak: the tenant is asked
        (None, None, None, None),
    ],
)
def test_the_chat_then_the_tenant_then_the_client(
    chosen: str | None, preferred: str | None, client: str | None, expected: str | None
) -> None:
    assert tenant_language(chosen, preferred, client) == expected


def _tenant(session: Session, language: str | None) -> Tenant:
    tenant = Tenant(organisation=Organisation(slug="demo", name="Exempelbostäder AB"), name="Sara Berg",
                    telegram_user_id=42, preferred_language=language)
    session.add(tenant)
    session.flush()
    return tenant


def test_reading_the_language_writes_nothing(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as session:
        tenant = _tenant(session, "fa")
        assert language_of(session, 42, tenant, "en") == "fa"
        assert language_of(session, None, None, "en") == "en"
        assert session.get(Chat, 42) is None


def test_the_language_first_answered_in_stays_with_the_chat(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as session:
        assert keep_language(session, 42, None, "en-GB") == "en"
    with session_factory.begin() as session:
        # The tenant binds the chat later: the conversation goes on in English.
        tenant = _tenant(session, "sv")
        assert language_of(session, 42, tenant) == "en"


def test_a_chosen_language_is_the_chat_s_and_the_tenant_s(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as session:
        tenant = _tenant(session, "sv")
        assert not choose_language(session, 42, tenant, "de")
        assert choose_language(session, 42, tenant, "ti")
    with session_factory() as session:
        chat, tenant = session.get(Chat, 42), session.get(Tenant, tenant.id)
        assert chat is not None and tenant is not None
        assert (chat.language, tenant.preferred_language) == ("ti", "ti")
