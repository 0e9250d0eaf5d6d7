"""Money is whole öre; text only through Babel, and decimals for files without floats."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.money import format_money, ore_to_decimal_text, whole_kronor_ore


@pytest.mark.parametrize(
    ("amount_ore", "text"),
    [
        (240_000, "2\xa0400\xa0kr"),
        (240_050, "2\xa0400,50\xa0kr"),
        (5, "0,05\xa0kr"),
        (1_234_567_800, "12\xa0345\xa0678\xa0kr"),
    ],
)
def test_amounts_are_written_as_on_the_rent_notice(amount_ore: int, text: str) -> None:
    """Whole kronor without decimals, öre only when there are any, digits grouped by spaces."""
    assert format_money(amount_ore) == text


@pytest.mark.parametrize(
    ("amount_ore", "text"), [(0, "0.00"), (5, "0.05"), (123_450, "1234.50"), (-100, "-1.00"), (10**17 + 1, "1000000000000000.01")]
)
def test_decimal_text_for_files(amount_ore: int, text: str) -> None:
    assert ore_to_decimal_text(amount_ore) == text


@given(st.integers(min_value=0, max_value=10**15))
def test_decimal_text_reads_back_to_the_same_ore(amount_ore: int) -> None:
    kronor, ore = ore_to_decimal_text(amount_ore).split(".")
    assert int(kronor) * 100 + int(ore) == amount_ore


@pytest.mark.parametrize(("amount_ore", "whole"), [(0, 0), (99, 0), (100, 100), (123_456, 123_400)])
def test_whole_kronor_drop_the_ore(amount_ore: int, whole: int) -> None:
    assert whole_kronor_ore(amount_ore) == whole
