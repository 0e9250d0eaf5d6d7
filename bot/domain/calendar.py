"""Swedish time, bank days and the rent due date (förfallodag).

Jordabalken 12 kap. 20 §: unless agreed otherwise, rent is paid in advance, at the latest on the
last weekday (vardag) before each calendar month begins. Weekends, public holidays and the eves
that banks treat as holidays (midsummer, Christmas and New Year's Eve) are not weekdays here.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo

# Rent falls due, offices open and quiet hours hold by the clock in Sweden, whatever the server's.
SWEDEN = ZoneInfo("Europe/Stockholm")


def in_sweden(moment: dt.datetime) -> dt.datetime:
    """The same moment on a Swedish clock (an aware `moment`)."""
    return moment.astimezone(SWEDEN)


def swedish_date(moment: dt.datetime) -> dt.date:
    return in_sweden(moment).date()


def swedish_time(moment: dt.datetime) -> dt.time:
    return in_sweden(moment).time()


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    day = (h + leap - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


@cache
def non_banking_days(year: int) -> frozenset[dt.date]:
    """Swedish public holidays and the eves banks close on, for one year."""
    easter = easter_sunday(year)
    # Midsummer Eve: the Friday between 19 and 25 June.
    midsummer_eve = next(dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).weekday() == 4)
    # All Saints' Day: the Saturday between 31 October and 6 November (a weekend day anyway).
    return frozenset(
        {
            dt.date(year, 1, 1),
            dt.date(year, 1, 6),
            easter - dt.timedelta(days=2),  # Good Friday
            easter + dt.timedelta(days=1),  # Easter Monday
            dt.date(year, 5, 1),
            easter + dt.timedelta(days=39),  # Ascension Day
            dt.date(year, 6, 6),
            midsummer_eve,
            dt.date(year, 12, 24),
            dt.date(year, 12, 25),
            dt.date(year, 12, 26),
            dt.date(year, 12, 31),
        }
    )


def is_banking_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in non_banking_days(day.year)


def next_month(day: dt.date, months: int = 1) -> dt.date:
    """The first day of the month `months` after the one `day` is in (before it, when negative)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def rent_due_date(month: dt.date) -> dt.date:
    """The day the rent for `month` (any day in it) must be paid: the last banking day before."""
    day = month.replace(day=1) - dt.timedelta(days=1)
    while not is_banking_day(day):
        day -= dt.timedelta(days=1)
    return day


def next_rent_month(today: dt.date) -> dt.date:
    """The first month whose rent is not yet due on `today` (the one to pay next)."""
    month = next_month(today)
    if rent_due_date(month) < today:
        month = next_month(month)
    return month


def rent_month_of(due: dt.date) -> dt.date:
    """Rent is paid in advance: what falls due in one month is the next month's rent."""
    return next_month(due)


def lease_end_after_notice(notice_given: dt.date) -> dt.date:
    """The last day of a lease when the tenant gives notice on `notice_given` (JB 12:4).

    An open-ended lease ends at the turn of the month that comes first after three months:
    notice on 15 May ends the lease on 31 August.
    """
    return next_month(notice_given, 4) - dt.timedelta(days=1)
