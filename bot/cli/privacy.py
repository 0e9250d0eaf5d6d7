"""A tenant's data on request, erasure, and the keys that encrypt what tenants write."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.cli.common import lease_arguments, prepared
from bot.config.settings import ConfigurationError, Settings
from bot.infra.crypto import new_key
from bot.services.invitations import find_lease
from bot.services.privacy import erase, erase_conversation, tenant_data


def cmd_tenant_data(settings: Settings, args: argparse.Namespace) -> int:
    """Everything held about a lease's tenant, as JSON (a subject access request)."""
    with prepared(settings) as app, app.sessions() as session:
        data = tenant_data(session, find_lease(session, args.organisation, args.lease_number).tenant, app.cipher)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
        print(f"{args.out}: the data held about the tenant of {args.lease_number}")
    else:
        print(text)
    return 0


def cmd_erase_tenant(settings: Settings, args: argparse.Namespace) -> int:
    """Erase a lease's tenant's personal data, keeping what the law requires (see bot.services.privacy)."""
    if not args.yes:
        raise ConfigurationError("erasure cannot be undone: add --yes to erase")
    with prepared(settings) as app, app.sessions.begin() as session:
        erased = erase(session, find_lease(session, args.organisation, args.lease_number).tenant)
    events = erase_conversation(settings.tracker_store_url, str(erased.chat_id)) if erased.chat_id is not None else 0
    print(f"erased the tenant of {args.lease_number}: name and chat link, {erased.reasons_erased} reason(s), "
          f"{events} conversation event(s); kept the lease, ledger, plans, consents and audit log")
    return 0


def cmd_new_data_key(settings: Settings, args: argparse.Namespace) -> int:
    """Print a new key for TENANTBOT_DATA_KEYS (put it first; keep the old ones after it)."""
    print(new_key())
    return 0


def erase_arguments(parser: argparse.ArgumentParser) -> None:
    lease_arguments(parser)
    parser.add_argument("--yes", action="store_true", help="really erase (it cannot be undone)")


def tenant_data_arguments(parser: argparse.ArgumentParser) -> None:
    lease_arguments(parser)
    parser.add_argument("--out", help="write the JSON to this file (default: print it)")
