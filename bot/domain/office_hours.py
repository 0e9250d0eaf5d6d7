"""When the office answers: the weekdays and hours it is open, closed on Swedish bank holidays."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.domain.calendar import is_banking_day


@dataclass(frozen=True)
class OpeningHours:
    first_day: int  # 0 = Monday
    last_day: int
    opens: dt.time
    closes: dt.time

    def is_open_day(self, day: dt.date) -> bool:
        return self.first_day <= day.weekday() <= self.last_day and is_banking_day(day)


def next_opening(now: dt.datetime, hours: OpeningHours) -> dt.datetime | None:
    """None while the office is open; else when it next opens. `now` is in Swedish time, and so
    is the answer."""
    clock = now.time().replace(tzinfo=None)
    if hours.is_open_day(now.date()) and hours.opens <= clock < hours.closes:
        return None
    day = now.date() if clock < hours.opens else now.date() + dt.timedelta(days=1)
    while not hours.is_open_day(day):
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, hours.opens, tzinfo=now.tzinfo)
