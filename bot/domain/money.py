"""Money is whole öre everywhere; it becomes text only here, through Babel's locale data."""

from __future__ import annotations

import re
from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency

ORE_PER_KRONA = 100
# The locale of texts for staff (summaries, lists): Swedish amounts, "8 450 kr".
STAFF_LOCALE = "sv"
CODE_BESIDE_DIGIT = re.compile(r"(?<=[A-Z])(?=\d)|(?<=\d)(?=[A-Z])")


def format_money(amount_ore: int, locale: Locale | str) -> str:
    """Whole kronor without decimals ("2 400 kr"); öre shown only when there are any."""
    locale = Locale.parse(locale)
    amount = Decimal(amount_ore) / ORE_PER_KRONA
    if amount == amount.to_integral_value():
        whole_kronor = locale.currency_formats["standard"].pattern.replace(".00", "")
        text = format_currency(amount, "SEK", format=whole_kronor, locale=locale, currency_digits=False)
    else:
        text = format_currency(amount, "SEK", locale=locale)
    # CLDR's currency spacing, which Babel leaves out: "SEK 2,400", not "SEK2,400".
    return CODE_BESIDE_DIGIT.sub("\xa0", text)


def whole_kronor_ore(amount_ore: int) -> int:
    """The amount with its öre dropped, still in öre."""
    return amount_ore // ORE_PER_KRONA * ORE_PER_KRONA


def ore_to_decimal_text(amount_ore: int) -> str:
    """Kronor with two decimals and a point ("1234.50"), for files other programs read."""
    return f"{Decimal(amount_ore) / ORE_PER_KRONA:.2f}"
