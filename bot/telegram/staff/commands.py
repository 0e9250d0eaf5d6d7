"""Commands in the staff group: the open cases, the tenants the assistant cannot reach, and the
at-risk report as a CSV file. For accounts on the staff list only."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from telegram import Update
from telegram.ext import ContextTypes

from bot.domain.calendar import swedish_date
from bot.domain.money import format_money
from bot.services.reports import at_risk_csv
from bot.services.staff_cases import AuditAction, StaffCases
from bot.telegram.staff.access import StaffAccess


class StaffCommands:
    def __init__(self, access: StaffAccess, cases: StaffCases, clock: Callable[[], dt.datetime]) -> None:
        self._access = access
        self._cases = cases
        self._clock = clock

    async def list_cases(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """List the organisation's open and claimed cases, priorities first."""
        facts = await self._access.staff_only(update, AuditAction.REFUSED_CASES)
        if facts is None or update.effective_message is None:
            return
        lines = self._cases.open_cases(facts)
        await update.effective_message.reply_text("\n".join(lines) or "No open cases.")

    async def list_hard_to_reach(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """List the tenants with rent to pay whom the assistant cannot reach, and why."""
        facts = await self._access.staff_only(update, AuditAction.REFUSED_HARD_TO_REACH)
        if facts is None or update.effective_message is None:
            return
        text = "\n".join(
            f"{r.lease_number} {r.tenant}: {format_money(r.amount_ore)} on {r.snapshot_date}, {r.why}"
            for r in self._cases.hard_to_reach(facts)
        )
        await update.effective_message.reply_text(text or "Nobody is hard to reach.")

    async def send_at_risk(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Send the at-risk report: in full only for tenants who consented to sharing."""
        facts = await self._access.staff_only(update, AuditAction.REFUSED_AT_RISK)
        if facts is None or update.effective_message is None:
            return
        report = self._cases.at_risk(facts)
        if report is None:
            return
        data = io.BytesIO(at_risk_csv(report).encode("utf-8-sig"))
        await update.effective_message.reply_document(
            data, filename=f"at-risk-{facts.slug}-{swedish_date(self._clock())}.csv",
            caption=f"{len(report.shared)} tenant(s) with consent to share; {report.others} more counted only.",
        )
