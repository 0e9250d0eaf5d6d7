from bot.i18n.rendering import Button, Renderer, Reply


def test_a_key_renders_in_the_tenants_language(renderer: Renderer) -> None:
    params = {"name": "Amina", "organisation": "Exempelbostäder AB"}
    assert renderer.text("sv", "greet.named", params) == (
        "Hej Amina! Jag är chattassistent hos Exempelbostäder AB. Vad kan jag hjälpa dig med?"
    )
    assert renderer.text("en", "greet.named", params).startswith("Hello Amina!")


def test_an_unsupported_language_falls_back_to_the_default(renderer: Renderer) -> None:
    assert renderer.text("xx", "goodbye") == renderer.text("sv", "goodbye")
    assert renderer.text(None, "goodbye") == "Hej då! Skriv till mig när du behöver."


def test_buttons_are_rendered_with_their_payloads(renderer: Renderer) -> None:
    reply = renderer.reply(
        "en",
        {"key": "fallback", "buttons": [{"key": "button.talk_to_person", "payload": "/request_human"}]},
    )
    assert reply == Reply(renderer.text("en", "fallback"), (Button("Talk to a person", "/request_human"),))


def test_amounts_are_written_as_on_the_rent_notice_and_dates_follow_the_locale(renderer: Renderer) -> None:
    assert renderer.format_value("sv", {"amount_ore": 240000}) == "2\xa0400\xa0kr"
    assert renderer.format_value("sv", {"amount_ore": 240050}) == "2\xa0400,50\xa0kr"
    for language in ("en", "so", "ti", "uk", "fi"):
        assert renderer.format_value(language, {"amount_ore": 240000}) == "2\xa0400\xa0kr"
    assert renderer.format_value("ar", {"amount_ore": 795000}) == "\u20687\xa0950\xa0kr\u2069"
    assert renderer.format_value("sv", {"date": "2026-03-31"}) == "31 mars 2026"
    assert renderer.format_value("en", {"date": "2026-03-31"}) == "March 31, 2026"


def test_right_to_left_languages_isolate_amounts_and_names(renderer: Renderer) -> None:
    amount = renderer.format_value("ar", {"amount_ore": 240000})
    assert amount.startswith("\u2068") and amount.endswith("\u2069")
    text = renderer.text("fa", "staff.contact", {"organisation": "Exempelbostäder AB", "phone": "010-123 45 67", "email": "a@b.se"})
    assert "\u2068010-123 45 67\u2069" in text
    assert "\u2068" not in renderer.text("sv", "staff.contact", {"organisation": "X", "phone": "1", "email": "e"})
