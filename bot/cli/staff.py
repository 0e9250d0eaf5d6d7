"""Staff tooling: importing tenants and the ledger, onboarding links, outreach, and the lists
staff act on."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
from pathlib import Path

import segno

from bot.app import App
from bot.cli.common import lease_arguments, organisation, organisation_argument, prepared, read_csv
from bot.config.settings import ConfigurationError, Settings
from bot.db import repositories
from bot.db.models import Organisation, PaymentPlan
from bot.domain.invites import deep_link
from bot.domain.money import format_money
from bot.services import arrears
from bot.services.invitations import create_invite, find_lease, revoke_invites
from bot.services.ledger import COLUMNS as LEDGER_COLUMNS
from bot.services.ledger import import_ledger
from bot.services.outreach import hard_to_reach, mark_referral_passed_on, staff_follow_ups
from bot.services.reports import at_risk, at_risk_csv, open_cases
from bot.services.tenant_import import COLUMNS, import_csv
from bot.telegram.outreach import rate_limited_bot


def cmd_import_tenants(settings: Settings, args: argparse.Namespace) -> int:
    """Import tenants and leases from a CSV file; report bad rows by line number."""
    with prepared(settings) as app:
        facts = app.organisation(args.organisation)
        text = read_csv(args.csv_file)
        with app.sessions.begin() as session:
            found = repositories.find_organisation(session, facts.slug)
            if found is None:
                found = Organisation(slug=facts.slug, name=facts.name)
                session.add(found)
                session.flush()
            report = import_csv(session, found, text)
    for error in report.errors:
        print(f"{args.csv_file}: {error}", file=sys.stderr)
    print(f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}, "
          f"rejected {len(report.errors)}")
    return 1 if report.errors else 0


def cmd_import_ledger(settings: Settings, args: argparse.Namespace) -> int:
    """Import a ledger snapshot; open and close arrears cases; report bad rows by line number."""
    with prepared(settings) as app:
        text = read_csv(args.csv_file)
        with app.sessions.begin() as session:
            report = import_ledger(session, organisation(session, args.organisation), text)
    for error in report.errors:
        print(f"{args.csv_file}: {error}", file=sys.stderr)
    print(f"snapshots added {report.snapshots_added}, unchanged {report.unchanged}, "
          f"cases opened {report.cases_opened}, cases closed {report.cases_closed}, "
          f"plans missed {report.plans_missed}, "
          f"rejected {len([e for e in report.errors if e.startswith('line')])}")
    return 1 if report.errors else 0


def cmd_invite(settings: Settings, args: argparse.Namespace) -> int:
    """Create an onboarding link and its QR code for a lease."""
    if not settings.telegram_bot_username:
        raise ConfigurationError("set TELEGRAM_BOT_USERNAME to the bot's @username to make links")
    with prepared(settings) as app, app.sessions.begin() as session:
        lease = find_lease(session, args.organisation, args.lease_number)
        valid = dt.timedelta(days=args.valid_days or settings.invite_valid_days)
        token = create_invite(session, lease, dt.datetime.now(dt.UTC), valid)
    link = deep_link(settings.telegram_bot_username, token)
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    qr_file = out_dir / f"invite-{args.organisation}-{args.lease_number}.png"
    segno.make(link, error="m").save(qr_file, scale=8, border=4)
    print(link)
    print(f"QR code: {qr_file}")
    return 0


def cmd_revoke_invite(settings: Settings, args: argparse.Namespace) -> int:
    """Revoke the open onboarding links of a lease."""
    with prepared(settings) as app, app.sessions.begin() as session:
        lease = find_lease(session, args.organisation, args.lease_number)
        count = revoke_invites(session, lease, dt.datetime.now(dt.UTC))
    print(f"revoked {count} open invitation(s) for {args.lease_number}")
    return 0


async def _send_outreach(app: App) -> None:
    outreach = app.outreach_sender()
    async with rate_limited_bot(app.settings) as bot:
        planned, sent = await outreach.run(bot)
    print(f"planned {planned.planned}, skipped {planned.skipped}, for staff {planned.for_staff}; "
          f"sent {sent.sent}, failed {sent.failed}, unconfirmed {sent.unconfirmed}, waiting {sent.waiting}")


def cmd_outreach(settings: Settings, args: argparse.Namespace) -> int:
    """Plan the early contacts that are due and send them (outside quiet hours), once."""
    if not settings.telegram_token:
        raise ConfigurationError("set TELEGRAM_BOT_TOKEN: outreach sends Telegram messages")
    with prepared(settings) as app:
        asyncio.run(_send_outreach(app))
    return 0


def cmd_hard_to_reach(settings: Settings, args: argparse.Namespace) -> int:
    """Tenants with rent left to pay whom the assistant cannot reach, for staff to follow up."""
    with prepared(settings) as app, app.sessions() as session:
        rows = hard_to_reach(session, app.organisations)
    for row in rows:
        print(f"{row.organisation}\t{row.lease_number}\t{row.tenant}\t{format_money(row.amount_ore)} "
              f"on {row.snapshot_date}\t{row.why}")
    print(f"{len(rows)} tenant(s) hard to reach")
    return 0


def _record_follow_up(app: App, args: argparse.Namespace) -> str:
    """Confirm a plan or mark a referral passed on, as the arguments ask."""
    with app.sessions.begin() as session:
        try:
            if args.confirm_plan:
                plan = session.get(PaymentPlan, args.confirm_plan)
                if plan is None:
                    raise ValueError(f"no instalment plan {args.confirm_plan}")
                arrears.confirm_plan(session, plan, app.now())
                return f"plan {plan.id} confirmed"
            mark_referral_passed_on(session, args.passed_on, app.now())
            return f"referral {args.passed_on} marked as passed on"
        except ValueError as error:
            raise ConfigurationError(str(error)) from None


def cmd_follow_up(settings: Settings, args: argparse.Namespace) -> int:
    """What staff should act on about late rent; --confirm-plan ID and --passed-on ID record it."""
    with prepared(settings) as app:
        if args.confirm_plan or args.passed_on:
            print(_record_follow_up(app, args))
            return 0
        with app.sessions() as session:
            rows = staff_follow_ups(session)
    for row in rows:
        print(f"{row.organisation}\t{row.lease_number}\t{row.tenant}\t{row.what}")
    print(f"{len(rows)} thing(s) to follow up")
    return 0


def cmd_cases(settings: Settings, args: argparse.Namespace) -> int:
    """Open and claimed staff cases, priorities first."""
    with prepared(settings) as app, app.sessions() as session:
        lines = open_cases(session)
    print("\n".join(lines) if lines else "no open cases")
    return 0


def cmd_at_risk(settings: Settings, args: argparse.Namespace) -> int:
    """The at-risk report for the meeting with social services, as CSV: tenants who agreed that
    we may share with social services in full, everyone else only counted."""
    with prepared(settings) as app, app.sessions() as session:
        report = at_risk(session, organisation(session, args.organisation))
    text = at_risk_csv(report)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8-sig")
        print(f"{args.out}: {len(report.shared)} tenant(s) in full, {report.others} counted only")
    else:
        sys.stdout.write(text)
    return 0


def at_risk_arguments(parser: argparse.ArgumentParser) -> None:
    organisation_argument(parser)
    parser.add_argument("--out", help="write the CSV to this file (default: print it)")


def follow_up_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--confirm-plan", type=int, metavar="ID", help="confirm the instalment plan with this id")
    parser.add_argument("--passed-on", type=int, metavar="ID", help="record that this referral was passed on")


def import_arguments(parser: argparse.ArgumentParser) -> None:
    organisation_argument(parser)
    parser.add_argument("csv_file", help="columns: " + ", ".join(COLUMNS))


def ledger_arguments(parser: argparse.ArgumentParser) -> None:
    organisation_argument(parser)
    parser.add_argument("csv_file", help="columns: " + ", ".join(LEDGER_COLUMNS))


def invite_arguments(parser: argparse.ArgumentParser) -> None:
    lease_arguments(parser)
    parser.add_argument("--valid-days", type=int, default=0,
                        help="days until the link expires (default: INVITE_VALID_DAYS or 30)")
    parser.add_argument("--out-dir", default="var/invites", help="where the QR code PNG is written")
