"""Money is whole öre everywhere; it becomes text only here, through Babel's locale data.

Amounts are written as Swedish rent notices (hyresavier) write them, "7 950 kr", in every
language and for staff alike: a tenant compares what the assistant says with the notice and the
bank, and "SEK 7,950" or "7 950 SEK" in another language's habit would look like another sum.
"""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency

ORE_PER_KRONA = 100
# Whose conventions amounts follow: the rent notice's.
RENT_NOTICE_LOCALE = "sv"


def format_money(amount_ore: int) -> str:
    """Whole kronor without decimals ("2 400 kr"); öre shown only when there are any ("2 400,50 kr")."""
    locale = Locale.parse(RENT_NOTICE_LOCALE)
    amount = Decimal(amount_ore) / ORE_PER_KRONA
    if amount != amount.to_integral_value():
        return format_currency(amount, "SEK", locale=locale)
    whole_kronor = locale.currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(amount, "SEK", format=whole_kronor, locale=locale, currency_digits=False)


def whole_kronor_ore(amount_ore: int) -> int:
    """The amount with its öre dropped, still in öre."""
    return amount_ore // ORE_PER_KRONA * ORE_PER_KRONA


def ore_to_decimal_text(amount_ore: int) -> str:
    """Kronor with two decimals and a point ("1234.50"), for files other programs read."""
    return f"{Decimal(amount_ore) / ORE_PER_KRONA:.2f}"
