"""`tenantbot`: run the assistant and the staff tooling."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import segno
from sqlalchemy.orm import Session, sessionmaker

from bot.services.conversation import Sender, build_chat_service
from bot.db import repositories
from bot.db.migrate import upgrade
from bot.db.models import Organisation
from bot.db.session import make_engine, make_session_factory
from bot.services.demo import TERMINAL_CHAT_ID, seed_demo
from bot.domain.invites import deep_link
from bot.services.invitations import UnknownLease, create_invite, find_lease, revoke_invites
from bot.services.ledger import COLUMNS as LEDGER_COLUMNS
from bot.services.ledger import import_ledger
from bot.config.organisations import load_all, load_organisation
from bot.infra.processes import ServiceFailed, rasa_stack
from bot.config.settings import ConfigurationError, Settings, load_settings
from bot.services.tenant_import import COLUMNS, import_csv
from bot.terminal import run_terminal_chat
from bot.infra.training import ensure_model

logger = logging.getLogger("tenantbot")


def _configure_logging(settings: Settings, to_file: bool) -> None:
    if to_file:
        log_dir = settings.var_dir / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(log_dir / "bot.log", encoding="utf-8")
    else:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)


def _prepare(settings: Settings) -> None:
    """Check the configuration and bring the database up to date."""
    load_all(settings.organisation_dir)
    upgrade(make_engine(settings.database_url))


def _sessions(settings: Settings) -> sessionmaker[Session]:
    return make_session_factory(make_engine(settings.database_url))


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    upgrade(make_engine(settings.database_url))
    print("database is up to date")
    return 0


def cmd_seed_demo(settings: Settings, args: argparse.Namespace) -> int:
    _prepare(settings)
    facts = load_organisation(settings.organisation_dir, "demo")
    with _sessions(settings).begin() as session:
        tenant = seed_demo(session, facts, settings.today())
        print(f"demo tenant: {tenant.name} ({facts.name}), behind with the last rent")
    return 0


def cmd_train(settings: Settings, args: argparse.Namespace) -> int:
    print(f"model: {ensure_model(settings)}")
    return 0


async def _terminal(settings: Settings) -> None:
    service = build_chat_service(settings, _sessions(settings))
    try:
        await run_terminal_chat(service, Sender(TERMINAL_CHAT_ID, TERMINAL_CHAT_ID, channel="terminal"))
    finally:
        await service.aclose()


def _run_telegram(settings: Settings) -> None:
    from bot.telegram.app import ALLOWED_UPDATES, TelegramBot, build_application
    from bot.telegram.outreach import outreach_for
    from bot.telegram.staff import staff_desk_for

    sessions = _sessions(settings)
    outreach = outreach_for(settings, sessions)
    bot = TelegramBot(
        build_chat_service(settings, sessions),
        sessions,
        dt.timedelta(seconds=settings.update_claim_timeout_seconds),
        clock=settings.now,
        desk=staff_desk_for(settings, sessions, outreach),
    )
    application = build_application(settings, bot, outreach)
    if settings.webhook_url:
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path="telegram",
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        application.run_polling(allowed_updates=ALLOWED_UPDATES)


def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    """Terminal chat against an already running Rasa and action server."""
    _configure_logging(settings, to_file=True)
    asyncio.run(_terminal(settings))
    return 0


def cmd_demo(settings: Settings, args: argparse.Namespace) -> int:
    telegram = bool(settings.telegram_token)
    _configure_logging(settings, to_file=not telegram)
    cmd_seed_demo(settings, args)
    print("preparing the language model (the first run trains it; later runs reuse it)...")
    model = ensure_model(settings)
    print("starting the Rasa server and the action server...")
    with rasa_stack(settings, model):
        if telegram:
            _run_telegram(settings)
        else:
            asyncio.run(_terminal(settings))
    return 0


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.telegram_token:
        print("TELEGRAM_BOT_TOKEN is not set; use `make demo` for the terminal chat.", file=sys.stderr)
        return 2
    _configure_logging(settings, to_file=False)
    _prepare(settings)
    with rasa_stack(settings, ensure_model(settings)):
        _run_telegram(settings)
    return 0


def _organisation(session: Session, slug: str) -> Organisation:
    organisation = repositories.find_organisation(session, slug)
    if organisation is None:
        raise ConfigurationError(f"organisation {slug!r} is not in the database (import its tenants first)")
    return organisation


def cmd_import_tenants(settings: Settings, args: argparse.Namespace) -> int:
    """Import tenants and leases from a CSV file; report bad rows by line number."""
    _prepare(settings)
    facts = load_organisation(settings.organisation_dir, args.organisation)
    text = _read_csv(args.csv_file)
    with _sessions(settings).begin() as session:
        organisation = repositories.find_organisation(session, facts.slug)
        if organisation is None:
            organisation = Organisation(slug=facts.slug, name=facts.name)
            session.add(organisation)
            session.flush()
        report = import_csv(session, organisation, text)
    for error in report.errors:
        print(f"{args.csv_file}: {error}", file=sys.stderr)
    print(f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}, "
          f"rejected {len(report.errors)}")
    return 1 if report.errors else 0


def cmd_import_ledger(settings: Settings, args: argparse.Namespace) -> int:
    """Import a ledger snapshot; open and close arrears cases; report bad rows by line number."""
    _prepare(settings)
    text = _read_csv(args.csv_file)
    with _sessions(settings).begin() as session:
        report = import_ledger(session, _organisation(session, args.organisation), text)
    for error in report.errors:
        print(f"{args.csv_file}: {error}", file=sys.stderr)
    print(f"snapshots added {report.snapshots_added}, unchanged {report.unchanged}, "
          f"cases opened {report.cases_opened}, cases closed {report.cases_closed}, "
          f"plans missed {report.plans_missed}, "
          f"rejected {len([e for e in report.errors if e.startswith('line')])}")
    return 1 if report.errors else 0


def _read_csv(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigurationError(f"cannot read {path}: {error}") from None


def cmd_invite(settings: Settings, args: argparse.Namespace) -> int:
    """Create an onboarding link and its QR code for a lease."""
    if not settings.telegram_bot_username:
        raise ConfigurationError("set TELEGRAM_BOT_USERNAME to the bot's @username to make links")
    _prepare(settings)
    now = dt.datetime.now(dt.UTC)
    with _sessions(settings).begin() as session:
        lease = find_lease(session, args.organisation, args.lease_number)
        token = create_invite(session, lease, now, dt.timedelta(days=args.valid_days or settings.invite_valid_days))
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
    _prepare(settings)
    with _sessions(settings).begin() as session:
        count = revoke_invites(session, find_lease(session, args.organisation, args.lease_number), dt.datetime.now(dt.UTC))
    print(f"revoked {count} open invitation(s) for {args.lease_number}")
    return 0


def cmd_outreach(settings: Settings, args: argparse.Namespace) -> int:
    """Plan the early contacts that are due and send them (outside quiet hours), once."""
    from bot.telegram.outreach import outreach_for, rate_limited_bot

    if not settings.telegram_token:
        raise ConfigurationError("set TELEGRAM_BOT_TOKEN: outreach sends Telegram messages")
    _prepare(settings)
    outreach = outreach_for(settings, _sessions(settings))

    async def run() -> None:
        async with rate_limited_bot(settings) as bot:
            planned, sent = await outreach.run(bot)
        print(f"planned {planned.planned}, skipped {planned.skipped}, for staff {planned.for_staff}; "
              f"sent {sent.sent}, failed {sent.failed}, unconfirmed {sent.unconfirmed}, waiting {sent.waiting}")

    asyncio.run(run())
    return 0


def cmd_hard_to_reach(settings: Settings, args: argparse.Namespace) -> int:
    """Tenants with rent left to pay whom the assistant cannot reach, for staff to follow up."""
    from bot.services.outreach import hard_to_reach

    _prepare(settings)
    with _sessions(settings)() as session:
        rows = hard_to_reach(session, load_all(settings.organisation_dir))
    for row in rows:
        print(f"{row.organisation}\t{row.lease_number}\t{row.tenant}\t{row.amount_ore / 100:.2f} kr "
              f"on {row.snapshot_date}\t{row.why}")
    print(f"{len(rows)} tenant(s) hard to reach")
    return 0


def cmd_follow_up(settings: Settings, args: argparse.Namespace) -> int:
    """What staff should act on about late rent; --confirm-plan ID and --passed-on ID record it."""
    from bot.services import arrears
    from bot.db.models import PaymentPlan
    from bot.services.outreach import mark_referral_passed_on, staff_follow_ups

    _prepare(settings)
    with _sessions(settings).begin() as session:
        try:
            if args.confirm_plan:
                plan = session.get(PaymentPlan, args.confirm_plan)
                if plan is None:
                    raise ValueError(f"no instalment plan {args.confirm_plan}")
                arrears.confirm_plan(session, plan, settings.now())
                print(f"plan {plan.id} confirmed")
                return 0
            if args.passed_on:
                mark_referral_passed_on(session, args.passed_on, settings.now())
                print(f"referral {args.passed_on} marked as passed on")
                return 0
        except ValueError as error:
            raise ConfigurationError(str(error)) from None
        rows = staff_follow_ups(session)
    for row in rows:
        print(f"{row.organisation}\t{row.lease_number}\t{row.tenant}\t{row.what}")
    print(f"{len(rows)} thing(s) to follow up")
    return 0


def cmd_cases(settings: Settings, args: argparse.Namespace) -> int:
    """Open and claimed staff cases, priorities first."""
    from bot.services.reports import open_cases

    _prepare(settings)
    with _sessions(settings)() as session:
        lines = open_cases(session)
    print("\n".join(lines) if lines else "no open cases")
    return 0


def cmd_at_risk(settings: Settings, args: argparse.Namespace) -> int:
    """The at-risk report for the meeting with social services, as CSV: tenants who agreed that
    we may share with social services in full, everyone else only counted."""
    from bot.services.reports import at_risk, at_risk_csv

    _prepare(settings)
    with _sessions(settings)() as session:
        report = at_risk(session, _organisation(session, args.organisation))
    text = at_risk_csv(report)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8-sig")
        print(f"{args.out}: {len(report.shared)} tenant(s) in full, {report.others} counted only")
    else:
        sys.stdout.write(text)
    return 0


def _at_risk_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--organisation", required=True, help="the organisation's slug, e.g. demo")
    parser.add_argument("--out", help="write the CSV to this file (default: print it)")


def cmd_tenant_data(settings: Settings, args: argparse.Namespace) -> int:
    """Everything held about a lease's tenant, as JSON (a subject access request)."""
    import json

    from bot.infra.crypto import cipher_for
    from bot.services.privacy import tenant_data

    _prepare(settings)
    with _sessions(settings)() as session:
        data = tenant_data(session, find_lease(session, args.organisation, args.lease_number).tenant, cipher_for(settings))
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
        print(f"{args.out}: the data held about the tenant of {args.lease_number}")
    else:
        print(text)
    return 0


def cmd_erase_tenant(settings: Settings, args: argparse.Namespace) -> int:
    """Erase a lease's tenant's personal data, keeping what the law requires (see bot.services.privacy)."""
    from bot.services.privacy import erase, erase_conversation

    if not args.yes:
        raise ConfigurationError("erasure cannot be undone: add --yes to erase")
    _prepare(settings)
    with _sessions(settings).begin() as session:
        erased = erase(session, find_lease(session, args.organisation, args.lease_number).tenant)
    events = erase_conversation(settings.tracker_store_url, str(erased.chat_id)) if erased.chat_id is not None else 0
    print(f"erased the tenant of {args.lease_number}: name and chat link, {erased.reasons_erased} reason(s), "
          f"{events} conversation event(s); kept the lease, ledger, plans, consents and audit log")
    return 0


def _erase_arguments(parser: argparse.ArgumentParser) -> None:
    _lease_arguments(parser)
    parser.add_argument("--yes", action="store_true", help="really erase (it cannot be undone)")


def _tenant_data_arguments(parser: argparse.ArgumentParser) -> None:
    _lease_arguments(parser)
    parser.add_argument("--out", help="write the JSON to this file (default: print it)")


def cmd_new_data_key(settings: Settings, args: argparse.Namespace) -> int:
    """Print a new key for TENANTBOT_DATA_KEYS (put it first; keep the old ones after it)."""
    from bot.infra.crypto import new_key

    print(new_key())
    return 0


def _follow_up_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--confirm-plan", type=int, metavar="ID", help="confirm the instalment plan with this id")
    parser.add_argument("--passed-on", type=int, metavar="ID", help="record that this referral was passed on")


def _lease_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--organisation", required=True, help="the organisation's slug, e.g. demo")
    parser.add_argument("lease_number")


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--organisation", required=True, help="the organisation's slug, e.g. demo")
    parser.add_argument("csv_file", help="columns: " + ", ".join(COLUMNS))


def _ledger_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--organisation", required=True, help="the organisation's slug, e.g. demo")
    parser.add_argument("csv_file", help="columns: " + ", ".join(LEDGER_COLUMNS))


def _invite_arguments(parser: argparse.ArgumentParser) -> None:
    _lease_arguments(parser)
    parser.add_argument("--valid-days", type=int, default=0, help="days until the link expires (default: INVITE_VALID_DAYS or 30)")
    parser.add_argument("--out-dir", default="var/invites", help="where the QR code PNG is written")


COMMANDS = {
    "demo": (cmd_demo, "seed the demo, start Rasa and chat in the terminal (or Telegram with a token)"),
    "run": (cmd_run, "run the Telegram bot with Rasa and the action server"),
    "chat": (cmd_chat, "chat in the terminal with an already running Rasa"),
    "train": (cmd_train, "train the Rasa model if its data changed"),
    "migrate": (cmd_migrate, "bring the database schema up to date"),
    "seed-demo": (cmd_seed_demo, "create the demo organisation and tenant"),
    "import-tenants": (cmd_import_tenants, "import tenants and leases from a CSV file"),
    "import-ledger": (cmd_import_ledger, "import a ledger snapshot of what each lease owes"),
    "invite": (cmd_invite, "create an onboarding link and QR code for a lease"),
    "revoke-invite": (cmd_revoke_invite, "revoke the open onboarding links of a lease"),
    "outreach": (cmd_outreach, "send the early contacts about late rent that are due"),
    "hard-to-reach": (cmd_hard_to_reach, "list tenants with rent left to pay whom the assistant cannot reach"),
    "follow-up": (cmd_follow_up, "list what staff should act on about late rent (plans, referrals, unpaid rent)"),
    "cases": (cmd_cases, "list the open staff cases"),
    "at-risk": (cmd_at_risk, "the at-risk report for the meeting with social services (CSV)"),
    "tenant-data": (cmd_tenant_data, "everything held about a lease's tenant, as JSON"),
    "erase-tenant": (cmd_erase_tenant, "erase a lease's tenant's personal data (keeps what the law requires)"),
    "new-data-key": (cmd_new_data_key, "print a new encryption key for TENANTBOT_DATA_KEYS"),
}
ARGUMENTS = {"tenant-data": _tenant_data_arguments, "erase-tenant": _erase_arguments, "at-risk": _at_risk_arguments, "follow-up": _follow_up_arguments, "import-tenants": _import_arguments, "import-ledger": _ledger_arguments, "invite": _invite_arguments, "revoke-invite": _lease_arguments}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tenantbot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    for name, (_function, help_text) in COMMANDS.items():
        command = commands.add_parser(name, help=help_text, description=help_text)
        if name in ARGUMENTS:
            ARGUMENTS[name](command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
        return COMMANDS[args.command][0](settings, args)
    except (ConfigurationError, ServiceFailed, UnknownLease) as error:
        print(f"tenantbot: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
