"""What a tenant asking for an instalment plan in their own words has already said: a monthly
amount ("can I pay 1000 a month?") or a number of months ("kan jag dela upp det på tre
månader?"), so they are answered with that plan instead of being shown the options again.

Digits in any script are read by `parse_kronor`; numbers written as words are understood in
Swedish and English. A number of at least `SMALLEST_AMOUNT` is kronor a month; a smaller one
is a number of months, but only next to a word for month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.plans import parse_kronor

# Below this, a number is not a monthly amount anyone would offer against a rent debt.
SMALLEST_AMOUNT = 100
MOST_MONTHS = 36
UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "en": 1, "ett": 1, "två": 2, "tva": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "atta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12,
}
SCALES = {"hundred": 100, "hundra": 100, "thousand": 1000, "tusen": 1000}
# "femhundra", "tvåtusen": Swedish writes the unit and the scale as one word.
_COMPOUND = re.compile(r"^(" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")?(hundra|tusen)$")
# Word stems for "month" in the eight languages.
_MONTH = re.compile(r"mån|manad|month|mths?\b|mnths?\b|kuukau|\bkk\b|misyat|міс|شهر|شهور|اشهر|ماه|shhor|shuhur|ashhor|\bmah\b|\bmahe\b|bil\b|bilood|ወርሒ|ኣዋርሕ|አዋርሕ|werhi|awarh|месяц", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# Arabic written in Latin letters uses digits for letters ("a2dar adfa3"): not numbers.
_DIGIT_AS_LETTER = re.compile(r"(?<=[a-z])\d+", re.IGNORECASE)


@dataclass(frozen=True)
class PlanWish:
    months: int | None = None
    monthly_kronor: int | None = None


def _number_in_words(text: str) -> int | None:
    """The one number written as words ("tre", "a thousand", "femhundra"), if there is one."""
    found, pending = [], None
    for word in _WORD.findall(text.casefold()):
        compound = _COMPOUND.match(word)
        if compound:
            found.append(UNITS.get(compound.group(1) or "", 1) * SCALES[compound.group(2)])
            pending = None
        elif word in SCALES:
            found.append((pending or 1) * SCALES[word])
            pending = None
        elif word in UNITS:
            if pending is not None:
                found.append(pending)
            pending = UNITS[word]
        elif pending is not None:
            found.append(pending)
            pending = None
    if pending is not None:
        found.append(pending)
    return found[0] if len(found) == 1 else None


def plan_wish(text: str) -> PlanWish | None:
    """The months or the monthly amount in the message, or None when it names neither clearly."""
    text = _DIGIT_AS_LETTER.sub("", text)
    number = parse_kronor(text)
    if number is None:
        number = _number_in_words(text)
    if number is None or number <= 0:
        return None
    if number >= SMALLEST_AMOUNT:
        return PlanWish(monthly_kronor=number)
    if number <= MOST_MONTHS and _MONTH.search(text):
        return PlanWish(months=number)
    return None
