"""Texts longer than Telegram takes in one message (4 096 characters) are cut where a reader
would: between paragraphs, else lines, else words; nothing is lost."""

import pytest

from bot.telegram.markup import TEXT_LIMIT, pieces


def test_a_short_text_is_one_piece() -> None:
    assert pieces("Hej!\n\nVälkommen.") == ["Hej!\n\nVälkommen."]
    assert pieces("x" * TEXT_LIMIT) == ["x" * TEXT_LIMIT]


@pytest.mark.parametrize(("text", "expected"), [
    ("aaaa\n\nbbbb\ncccc", ["aaaa", "bbbb\ncccc"]),   # between paragraphs first
    ("aaaa bbbb\ncccc", ["aaaa bbbb", "cccc"]),       # then between lines
    ("aaaa bbbb cccc", ["aaaa bbbb", "cccc"]),        # then between words
    ("abcdefghijkl", ["abcdefghij", "kl"]),           # else where the limit falls
])
def test_a_long_text_is_cut_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert pieces(text, limit=10) == expected


def test_nothing_is_lost_and_no_piece_is_too_long() -> None:
    text = "\n\n".join(f"Stycke {n}: " + "ord " * 300 for n in range(20))
    found = pieces(text)
    assert all(len(piece) <= TEXT_LIMIT for piece in found) and len(found) > 1
    assert " ".join(found).split() == text.split()
