"""A person takes over, through the fake Bot API's staff supergroup with topics: the tenant asks
for a person, the case gets a topic with a summary, staff claim it and reply, the tenant answers,
staff close it, and the assistant is back with one question. Only staff on the list can act;
what anyone writes stays inert. And consents, given and taken back in the chat, decide what the
at-risk report shows."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.infra.crypto import cipher_for
from bot.db.models import ArrearsCase, AuditEvent, Lease, StaffCase, Tenant
from bot.db.repositories import find_organisation
from bot.i18n.rendering import Renderer
from bot.config.settings import Settings
from tests.e2e.conftest import eventually, import_ledger_day
from tests.fakes.telegram_api import FakeTelegram, SentMessage, user

pytestmark = pytest.mark.e2e

STAFF_GROUP = -1001000000001
KARIN = user(7001, "Karin")  # rent administrator
PER = user(7002, "Per")  # housing officer
STRANGER = user(9999, "Mallory")
INERT = 'Tack <b>fint</b> &amp; =HYPERLINK("http://evil.example")'
# Six paragraphs of 800 characters: longer than one Telegram message.
LONG_TEXT = "\n\n".join(["ord " * 199 + "slut"] * 6)


def tenant_owing(sessions: sessionmaker[Session], stack: Settings, number: str, name: str, user_id: int,
                 reason_text: str | None = None) -> None:
    with sessions.begin() as session:
        organisation = find_organisation(session, "demo")
        assert organisation is not None
        tenant = Tenant(organisation=organisation, name=name, telegram_user_id=user_id, preferred_language="sv")
        session.add(Lease(organisation=organisation, tenant=tenant, lease_number=number, address="Björkvägen 3",
                          monthly_rent_ore=800_000, move_in_date=dt.date(2025, 1, 1)))
        session.flush()
        import_ledger_day(session, organisation, f"{number};2 400;2026-11-30;2026-12-04\n")
        if reason_text is not None:
            case = session.scalars(select(ArrearsCase).join(Lease).where(Lease.lease_number == number)).one()
            case.reason_code = "illness"
            case.reason_text_encrypted = cipher_for(stack).encrypt(reason_text)


def in_topic(telegram: FakeTelegram, topic: int) -> list[SentMessage]:
    return [m for m in telegram.sent if m.chat_id == STAFF_GROUP and m.thread_id == topic]


def audit(sessions: sessionmaker[Session]) -> list[tuple[int | None, str]]:
    with sessions() as session:
        return [(e.actor_telegram_id, e.action) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


@pytest.mark.usefixtures("bot")
async def test_staff_claim_reply_and_close_a_case_and_the_assistant_comes_back(
    telegram: FakeTelegram, sessions: sessionmaker[Session], stack: Settings
) -> None:
    tenant_owing(sessions, stack, "HO-01", "Sara Berg", 6401, reason_text="Jag har varit sjuk sedan oktober")
    sara = user(6401, "Sara", language_code="sv")
    await telegram.send_text(sara, "jag vill prata med en människa")
    [asked] = await telegram.wait_for_messages(6401, 1)
    assert asked.text.startswith("Jag har bett en person på Exempelbostäder AB att komma in i den här chatten.")

    # The case has its own topic in the staff group, with a summary and buttons.
    await eventually(lambda: any(name.endswith("· Sara") for _, _, name in telegram.topics))
    [topic] = [t for _, t, name in telegram.topics if name.endswith("· Sara")]
    await eventually(lambda: len(in_topic(telegram, topic)) == 1)
    [summary] = in_topic(telegram, topic)
    assert summary.parse_mode is None
    lines = summary.text.splitlines()
    assert lines[0].endswith(": the tenant asked for a person")
    assert "Tenant: Sara Berg, lease HO-01, Björkvägen 3" in lines
    assert "Balance: 2\xa0400\xa0kr on 2026-12-04 (oldest unpaid due 2026-11-30)" in lines
    assert lines[-2:] == ["Last messages from the tenant:", "- jag vill prata med en människa"]
    assert "sjuk sedan oktober" not in summary.text
    buttons = dict(summary.buttons)
    assert set(buttons) == {"Claim", "Close", "Show reason"}

    # Someone not on the staff list cannot act.
    await telegram.press(STRANGER, summary, buttons["Claim"])
    await eventually(lambda: any(text.startswith("Only accounts on this") for _, text, _ in telegram.callback_answers))
    await telegram.send_group_text(STRANGER, STAFF_GROUP, "Hej Sara, det är jag", topic)
    # A housing officer may not read the reason; a rent administrator may, and it is logged.
    await telegram.press(PER, summary, buttons["Show reason"])
    await eventually(lambda: any(text.startswith("Only rent administrators") for _, text, _ in telegram.callback_answers))
    await telegram.press(KARIN, summary, buttons["Show reason"])
    await eventually(lambda: ("Jag har varit sjuk sedan oktober", True) in [(t, a) for _, t, a in telegram.callback_answers])
    with sessions() as session:
        case = session.scalars(select(StaffCase).where(StaffCase.chat_id == 6401)).one()
        assert (case.status, case.claimed_by) == ("open", None)
        case_id = case.id
    assert audit(sessions)[-4:] == [(9999, "refused_button"), (9999, "refused_message"),
                                    (7002, "refused_view_reason"), (7001, "view_reason")]

    # Karin claims it; Sara is told a person has joined.
    await telegram.press(KARIN, summary, buttons["Claim"])
    *_, joined = await telegram.wait_for_messages(6401, 2)
    assert joined.text == "En person från Exempelbostäder AB har kommit in i chatten. Du kan skriva till hen här."
    assert summary.text.endswith("\n\nClaimed by Karin Holm.")

    # Karin's reply reaches Sara as from her housing officer, markup and all as plain text.
    await telegram.send_group_text(KARIN, STAFF_GROUP, f"Hej Sara! {INERT}", topic)
    *_, relayed = await telegram.wait_for_messages(6401, 3)
    assert relayed.text == f"Din kundvärd:\nHej Sara! {INERT}"
    assert relayed.parse_mode is None
    # A reply longer than Telegram takes in one message (4 096 characters) arrives in pieces,
    # cut between paragraphs; without that Telegram refused it and Sara got nothing.
    await telegram.send_group_text(KARIN, STAFF_GROUP, LONG_TEXT, topic)
    *_, first, second = await telegram.wait_for_messages(6401, 5)
    assert first.text.startswith("Din kundvärd:\n") and max(len(first.text), len(second.text)) <= 4096
    assert f"{first.text}\n\n{second.text}" == f"Din kundvärd:\n{LONG_TEXT}"

    # Sara answers: it goes to the topic, inert, and the assistant does not answer on top.
    await telegram.send_text(sara, INERT)
    await eventually(lambda: in_topic(telegram, topic)[-1].text == f"Sara: {INERT}")
    assert in_topic(telegram, topic)[-1].parse_mode is None
    assert len(telegram.messages_to(6401)) == 5
    # So does a long message from Sara, with her name in front.
    await telegram.send_text(sara, LONG_TEXT[:4094])
    await eventually(lambda: in_topic(telegram, topic)[-1].text.endswith(LONG_TEXT[:4094][-20:]))
    assert in_topic(telegram, topic)[-2].text.startswith("Sara: ")

    # A photo of the fault is copied into the topic.
    photo = await telegram.push({"message": {
        "message_id": 4242, "date": 0, "chat": {"id": 6401, "type": "private"}, "from": sara,
        "photo": [{"file_id": "p", "file_unique_id": "q", "width": 1, "height": 1}]}})
    await eventually(lambda: (STAFF_GROUP, 6401, 4242, topic) in telegram.copies)
    assert photo["update_id"] and len(telegram.messages_to(6401)) == 5

    # Karin closes; the assistant is back and asks one question; the topic is closed.
    await telegram.press(KARIN, summary, buttons["Close"])
    *_, closed, question = await telegram.wait_for_messages(6401, 7)
    assert closed.text == "Samtalet med din kundvärd är avslutat. Jag finns här igen när du behöver mig."
    assert question.text == "Fick du den hjälp du behövde i dag?"
    await eventually(lambda: topic in telegram.closed_topics)
    await telegram.press(sara, question, dict(question.buttons)["Ja, tack"])
    *_, thanks = await telegram.wait_for_messages(6401, 8)
    assert thanks.text == "Tack för att du berättar."
    with sessions() as session:
        case = session.get(StaffCase, case_id)
        assert case is not None and (case.status, case.satisfied, case.claimed_by_name) == ("closed", True, "Karin Holm")
    await telegram.send_text(sara, "hej")
    *_, greeting = await telegram.wait_for_messages(6401, 9)
    assert greeting.text.startswith("Hej Sara!")


@pytest.mark.usefixtures("bot")
async def test_consent_given_and_taken_back_in_the_chat_decides_the_at_risk_report(
    telegram: FakeTelegram, sessions: sessionmaker[Session], stack: Settings
) -> None:
    tenant_owing(sessions, stack, "HO-02", "Nadia Karimi", 6402)
    nadia = user(6402, "Nadia", language_code="sv")
    await telegram.send_text(nadia, "/consent")
    [overview] = await telegram.wait_for_messages(6402, 1)
    assert overview.text.endswith("• socialtjänsten: nej\n• budget- och skuldrådgivningen: nej\n• Kronofogden: nej\n• inkassobolag: nej")
    await telegram.press(nadia, overview, dict(overview.buttons)["Godkänn: socialtjänsten"])
    *_, question = await telegram.wait_for_messages(6402, 2)
    assert question.text.startswith("Får vi dela uppgifter om din hyra och din situation med socialtjänsten")
    await telegram.press(nadia, question, dict(question.buttons)["Ja, skicka vidare"])
    *_, given = await telegram.wait_for_messages(6402, 3)
    assert given.text.startswith("Tack. Jag har antecknat ditt samtycke.")

    # Staff ask for the at-risk report in the staff group: Nadia is in it in full.
    await telegram.send_group_text(KARIN, STAFF_GROUP, "/atrisk")
    await eventually(lambda: len(telegram.documents) == 1)
    assert "Nadia Karimi;HO-02" in telegram.documents[0][2].decode("utf-8-sig")

    # She takes it back in her own words: one press.
    await telegram.send_text(nadia, "jag vill inte att ni delar mina uppgifter längre")
    *_, take_back = await telegram.wait_for_messages(6402, 4)
    assert take_back.buttons == [("Ta tillbaka: socialtjänsten", "consent:withdraw:social_services")]
    await telegram.press(nadia, take_back, "consent:withdraw:social_services")
    *_, withdrawn = await telegram.wait_for_messages(6402, 5)
    assert withdrawn.text == "Klart: vi delar inte längre några uppgifter med socialtjänsten."

    await telegram.send_group_text(KARIN, STAFF_GROUP, "/atrisk")
    await eventually(lambda: len(telegram.documents) == 2)
    report = telegram.documents[1][2].decode("utf-8-sig")
    assert "Nadia" not in report and "HO-02" not in report
    # Someone not on the staff list gets nothing.
    await telegram.send_group_text(STRANGER, STAFF_GROUP, "/atrisk")
    await eventually(lambda: any(m.chat_id == STAFF_GROUP and m.text.startswith("Only accounts") for m in telegram.sent))
    assert len(telegram.documents) == 2


@pytest.mark.usefixtures("bot")
async def test_not_understood_twice_in_a_row_asks_a_person_in(
    telegram: FakeTelegram, sessions: sessionmaker[Session], stack: Settings, renderer: Renderer
) -> None:
    tenant_owing(sessions, stack, "HO-03", "Leo Lind", 6403)
    leo = user(6403, "Leo", language_code="sv")
    await telegram.send_text(leo, "blir det sol på lördag")
    [first] = await telegram.wait_for_messages(6403, 1)
    assert first.text == renderer.text("sv", "fallback")
    await telegram.send_text(leo, "vem vann derbyt igår")
    *_, second, asked = await telegram.wait_for_messages(6403, 3)
    assert second.text == first.text
    assert asked.text.startswith("Jag har bett en person på Exempelbostäder AB att komma in i den här chatten.")
    await eventually(lambda: any(name.endswith("· Leo") for _, _, name in telegram.topics))
    with sessions() as session:
        case = session.scalars(select(StaffCase).where(StaffCase.chat_id == 6403)).one()
        assert case.reason == "not_understood"
