"""`tenantbot`: run the assistant and the staff tooling."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bot.cli import privacy, running, staff
from bot.cli.common import lease_arguments
from bot.config.settings import ConfigurationError, Settings, load_settings
from bot.infra.processes import ServiceFailed
from bot.services.invitations import UnknownLease

Command = Callable[[Settings, argparse.Namespace], int]

COMMANDS: dict[str, tuple[Command, str]] = {
    "demo": (running.cmd_demo, "seed the demo, start Rasa and chat in the terminal (or Telegram with a token)"),
    "run": (running.cmd_run, "run the Telegram bot with Rasa and the action server"),
    "chat": (running.cmd_chat, "chat in the terminal with an already running Rasa"),
    "train": (running.cmd_train, "train the Rasa model if its data changed"),
    "migrate": (running.cmd_migrate, "bring the database schema up to date"),
    "seed-demo": (running.cmd_seed_demo, "create the demo organisation and tenant"),
    "import-tenants": (staff.cmd_import_tenants, "import tenants and leases from a CSV file"),
    "import-ledger": (staff.cmd_import_ledger, "import a ledger snapshot of what each lease owes"),
    "invite": (staff.cmd_invite, "create an onboarding link and QR code for a lease"),
    "revoke-invite": (staff.cmd_revoke_invite, "revoke the open onboarding links of a lease"),
    "outreach": (staff.cmd_outreach, "send the early contacts about late rent that are due"),
    "hard-to-reach": (staff.cmd_hard_to_reach, "list tenants with rent left to pay whom the assistant cannot reach"),
    "follow-up": (staff.cmd_follow_up,
                  "list what staff should act on about late rent (plans, referrals, unpaid rent)"),
    "cases": (staff.cmd_cases, "list the open staff cases"),
    "at-risk": (staff.cmd_at_risk, "the at-risk report for the meeting with social services (CSV)"),
    "tenant-data": (privacy.cmd_tenant_data, "everything held about a lease's tenant, as JSON"),
    "erase-tenant": (privacy.cmd_erase_tenant, "erase a lease's tenant's personal data (keeps what the law requires)"),
    "new-data-key": (privacy.cmd_new_data_key, "print a new encryption key for TENANTBOT_DATA_KEYS"),
}
ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "tenant-data": privacy.tenant_data_arguments,
    "erase-tenant": privacy.erase_arguments,
    "at-risk": staff.at_risk_arguments,
    "follow-up": staff.follow_up_arguments,
    "import-tenants": staff.import_arguments,
    "import-ledger": staff.ledger_arguments,
    "invite": staff.invite_arguments,
    "revoke-invite": lease_arguments,
}


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
