"""What a housing company's file says about it: typed, checked and frozen.

Facts are structured values (numbers, addresses, times, choices), never prose: the texts around
them come from the message catalogs, so every tenant reads them in their own language. The models
follow the file's sections, so a validation error's location is the field to fix.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from bot.domain.money import ORE_PER_KRONA
from bot.domain.plans import PlanPolicy

Text = Annotated[StrictStr, Field(min_length=1)]
Slug = Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
Email = Annotated[StrictStr, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
Phone = Annotated[StrictStr, Field(pattern=r"^\+?[0-9][0-9 \-]{4,20}$")]
Bankgiro = Annotated[StrictStr, Field(pattern=r"^[0-9]{3,4}-[0-9]{4}$")]
HttpsUrl = Annotated[StrictStr, Field(pattern=r"^https://[^\s]+$")]
PositiveWholeNumber = Annotated[StrictInt, Field(ge=1)]

CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_RANGE = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)-(mon|tue|wed|thu|fri|sat|sun)$")


# Two error types of our own, which the loader words for whoever edits the file: a value in the
# wrong form, and a check across fields of one section (its message names the fields).
def _unexpected_form() -> PydanticCustomError:
    return PydanticCustomError("unexpected_form", "has an unexpected form")


def _inconsistent(message: str) -> PydanticCustomError:
    return PydanticCustomError("inconsistent", message)


def _clock(value: object) -> object:
    """A time of day written "HH:MM" (24-hour clock)."""
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str) and CLOCK.match(value):
        return dt.time.fromisoformat(value)
    raise _unexpected_form()


def _day_range(value: object) -> object:
    """Weekdays from "mon-fri" to (0, 4); 0 is Monday, as in `date.weekday()`."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, str) and DAY_RANGE.match(value):
        first, last = value.split("-")
        return WEEKDAYS.index(first), WEEKDAYS.index(last)
    raise _unexpected_form()


Clock = Annotated[dt.time, BeforeValidator(_clock)]
DayRange = Annotated[tuple[int, int], BeforeValidator(_day_range)]


class Facts(BaseModel):
    model_config = ConfigDict(frozen=True)


class LaundryBooking(StrEnum):
    # A booking board in the laundry room.
    BOARD = "board"
    # Booked online, at the laundry's web page.
    WEB = "web"


class OutreachKind(StrEnum):
    # A friendly message.
    REMINDER = "reminder"
    # A second message offering a call.
    CALL_OFFER = "call_offer"
    # No message: the case goes to staff to follow up.
    STAFF = "staff"


class StaffRole(StrEnum):
    RENT_ADMINISTRATOR = "rent_administrator"
    HOUSING_OFFICER = "housing_officer"

    def may_read_reasons(self) -> bool:
        """Whether the role may read what tenants wrote in their own words about why the rent is late."""
        return self is StaffRole.RENT_ADMINISTRATOR

    def may_confirm_plans(self) -> bool:
        """Whether the role may agree an instalment plan; judging one means reading the reasons."""
        return self.may_read_reasons()


class Contact(Facts):
    # The tenants' contact person (kundvärd), by name.
    person: Text
    phone: Phone
    email: Email


class OfficeHours(Facts):
    days: DayRange
    opens: Clock
    closes: Clock

    @property
    def first_day(self) -> int:
        return self.days[0]

    @property
    def last_day(self) -> int:
        return self.days[1]


class Payment(Facts):
    bankgiro: Bankgiro
    autogiro: StrictBool
    # Where tenants see their rent notices and set up autogiro.
    web: HttpsUrl


class FaultReporting(Facts):
    phone: Phone
    web: HttpsUrl
    # For urgent faults outside office hours (jour).
    emergency_phone: Phone


class Laundry(Facts):
    booking: LaundryBooking
    web: HttpsUrl | None = None

    @model_validator(mode="after")
    def _web_for_web_booking(self) -> Laundry:
        if self.booking is LaundryBooking.WEB and self.web is None:
            raise _inconsistent("'web' is missing")
        return self


class QuietHours(Facts):
    # Swedish time; `end` before `start` means the quiet hours span midnight.
    start: Clock
    end: Clock


class WasteSorting(Facts):
    # The company's sorting guide.
    web: HttpsUrl


class OutreachStage(Facts):
    kind: OutreachKind
    days_after_due: PositiveWholeNumber


class OutreachPolicy(Facts):
    stages: Annotated[tuple[OutreachStage, ...], Field(min_length=1)]
    # No message is sent between these times.
    quiet_hours: QuietHours
    # After this many contacts without an answer, the tenant is on the hard-to-reach list.
    hard_to_reach_after: PositiveWholeNumber
    plan_reminder_days_before: PositiveWholeNumber

    @model_validator(mode="after")
    def _stages_in_order(self) -> OutreachPolicy:
        kinds = [stage.kind for stage in self.stages]
        if len(set(kinds)) != len(kinds):
            raise _inconsistent("stages: each kind may appear only once")
        days = [stage.days_after_due for stage in self.stages]
        if days != sorted(set(days)):
            raise _inconsistent("stages: days_after_due must rise from one stage to the next")
        return self


class InstalmentPlans(Facts):
    """What the assistant may agree on by itself; the file gives the smallest instalment in kronor."""

    max_months: PositiveWholeNumber
    min_instalment: PositiveWholeNumber
    # True: a plan within these limits is agreed at once; false: staff confirm it first.
    auto_confirm: StrictBool


class PublicService(Facts):
    phone: Phone
    web: HttpsUrl


class Municipality(Facts):
    name: Text
    # Budget and debt counselling (budget- och skuldrådgivning).
    debt_counselling: PublicService
    social_services: PublicService


class StaffMember(Facts):
    telegram_user_id: PositiveWholeNumber
    name: Text
    role: StaffRole


class Staff(Facts):
    # The staff supergroup (with topics: one per case).
    group_id: StrictInt
    members: Annotated[tuple[StaffMember, ...], Field(min_length=1)]

    @field_validator("group_id")
    @classmethod
    def _a_group(cls, group_id: int) -> int:
        if group_id >= 0:
            raise ValueError("must be a group's chat id (negative, -100…)")
        return group_id

    @model_validator(mode="after")
    def _members_once(self) -> Staff:
        if len({m.telegram_user_id for m in self.members}) != len(self.members):
            raise _inconsistent("members: each telegram_user_id may appear only once")
        return self

    def member(self, telegram_user_id: int | None) -> StaffMember | None:
        return next((m for m in self.members if m.telegram_user_id == telegram_user_id), None)


class OrganisationFacts(Facts):
    slug: Slug
    name: Text
    contact: Contact
    office_hours: OfficeHours
    payment: Payment
    faults: FaultReporting
    laundry: Laundry
    quiet_hours: QuietHours
    waste: WasteSorting
    outreach: OutreachPolicy
    instalment_plans: InstalmentPlans
    municipality: Municipality
    # None: no staff group; tenants who ask for a person are given the phone and e-mail.
    staff: Staff | None = None

    @property
    def plan_policy(self) -> PlanPolicy:
        plans = self.instalment_plans
        return PlanPolicy(plans.max_months, plans.min_instalment * ORE_PER_KRONA, plans.auto_confirm)
