"""A consent is a yes to the text the tenant saw: a yes carrying an older version does not count."""

from __future__ import annotations

import pytest

from bot.domain.consent import CONSENT_TEXTS, Recipient, yes_counts


@pytest.mark.parametrize("recipient", list(Recipient))
def test_a_yes_counts_only_for_the_current_text(recipient: Recipient) -> None:
    current = CONSENT_TEXTS[recipient].version
    assert yes_counts(recipient, str(current))
    assert not yes_counts(recipient, str(current - 1))
    assert not yes_counts(recipient, None)
    assert not yes_counts(recipient, "")


def test_every_recipient_has_a_text() -> None:
    assert set(CONSENT_TEXTS) == set(Recipient)
