"""Small talk is not a crisis: a tenant who says "Beautiful day, isn't it?" in any of the eight
languages is not sent the emergency numbers, and no priority case reaches staff.

A crisis path that fires on small talk floods staff with priority cases and teaches everyone to
ignore it. This protects the hard negatives in the training data (`nlu/<lang>/out_of_scope.yml`)
and the crisis rule (`rasa_components/crisis_check.py`, `IntentAdjustments`): the model trained
before them took the English message as a crisis. Real crisis messages are covered in
`test_telegram_conversation.py` and `test_late_rent.py`.
"""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.config.settings import PROJECT_ROOT
from bot.db.models import StaffCase
from bot.i18n.languages import LANGUAGES
from bot.i18n.rendering import Renderer
from tests.e2e.conftest import add_tenant
from tests.fakes.telegram_api import FakeTelegram, user

pytestmark = pytest.mark.e2e

BEAUTIFUL_DAY = {
    "sv": "Vilken vacker dag, eller hur?",
    "en": "Beautiful day, isn't it?",
    "ar": "يوم جميل، أليس كذلك؟",
    "so": "Maanta waa maalin qurux badan, sax?",
    "fa": "روز قشنگیه، نه؟",
    "ti": "ጽቡቕ መዓልቲ እዩ፣ ኣይኮነን ድዩ?",
    "uk": "Гарний день, правда ж?",
    "fi": "Kaunis päivä, eikö vain?",
}


def test_every_supported_language_is_exercised() -> None:
    assert set(BEAUTIFUL_DAY) == set(LANGUAGES)


@pytest.mark.usefixtures("bot")
@pytest.mark.parametrize("language", list(BEAUTIFUL_DAY))
async def test_small_talk_raises_no_crisis_alarm(
    language: str, telegram: FakeTelegram, sessions: sessionmaker[Session]
) -> None:
    renderer = Renderer(PROJECT_ROOT / "locales", "sv")
    chat_id = 5300 + list(BEAUTIFUL_DAY).index(language)
    add_tenant(sessions, "Sami Test", chat_id)

    await telegram.send_text(user(chat_id, "Sami", language_code=language), BEAUTIFUL_DAY[language])
    await telegram.wait_for_messages(chat_id, 1)
    await asyncio.sleep(1.0)  # anything sent after the first answer would arrive by now

    texts = [message.text for message in telegram.messages_to(chat_id)]
    assert texts, "the tenant got no answer"
    assert renderer.text(language, "crisis.emergency") not in texts
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(StaffCase).where(StaffCase.chat_id == chat_id)) == 0
