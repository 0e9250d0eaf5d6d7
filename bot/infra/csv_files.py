"""Reading the housing company's CSV exports: one row per lease, bad rows reported by line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Protocol, TypeVar

LEASE_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}$")


class LeaseRecord(Protocol):
    @property
    def lease_number(self) -> str: ...


Row = TypeVar("Row", bound=LeaseRecord)


def kronor(text: str, column: str, allow_zero: bool = False) -> int:
    """Kronor as written in Swedish exports ("8 450", "8450,50", "8450 kr"), to whole öre."""
    cleaned = text.replace("\xa0", "").replace(" ", "").replace(",", ".").removesuffix("kr")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{column} {text!r} is not an amount in kronor") from None
    too_small = amount < 0 if allow_zero else amount <= 0
    if too_small or amount != amount.quantize(Decimal("0.01")):
        sign = "zero or more" if allow_zero else "positive"
        raise ValueError(f"{column} {text!r} must be {sign}, with at most two decimals")
    return int(amount * 100)


def date(text: str, column: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{column} {text!r} is not a date like 2026-09-01") from None


def lease_number(text: str) -> str:
    if not LEASE_NUMBER.match(text):
        raise ValueError(f"lease_number {text!r} has unexpected characters")
    return text


def read_rows(
    text: str, required: tuple[str, ...], parse_row: Callable[[int, dict[str, str]], Row]
) -> tuple[list[Row], list[str]]:
    """The good rows, and one message per bad row (with its line number)."""
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip() for name in reader.fieldnames or []]
    absent = [name for name in required if name not in header]
    if absent:
        return [], [f"line 1: the header lacks the column(s) {', '.join(absent)}"]
    reader.fieldnames = header
    rows: list[Row] = []
    errors: list[str] = []
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num
        values = {key: (value or "").strip() for key, value in row.items() if isinstance(key, str) and isinstance(value, str)}
        if not any(values.values()):
            continue
        missing = [key for key in required if not values.get(key)]
        try:
            if missing:
                raise ValueError(f"missing {', '.join(missing)}")
            parsed = parse_row(line, values)
        except ValueError as error:
            errors.append(f"line {line}: {error}")
            continue
        if parsed.lease_number in seen:
            errors.append(f"line {line}: lease_number {parsed.lease_number!r} appears twice in the file")
            continue
        seen.add(parsed.lease_number)
        rows.append(parsed)
    return rows, errors
