"""The shape of the code: layers import only downwards, modules and functions stay small.

These checks read the source with `ast`, so they fail as soon as someone adds an upward import
or lets a module grow past the limits, long before the tangle shows anywhere else.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config.settings import PROJECT_ROOT

BOT = PROJECT_ROOT / "bot"
# The domain is pure: no database, no chat platform, no network, no other layer of ours.
FORBIDDEN_IN_DOMAIN = ("sqlalchemy", "telegram", "rasa_sdk", "httpx", "aiohttp", "requests",
                       "bot.db", "bot.services", "bot.config", "bot.infra", "bot.telegram", "bot.actions",
                       "bot.cli", "bot.app", "bot.terminal")
# Use cases never reach up into an adapter or the composition root.
FORBIDDEN_IN_SERVICES = ("telegram", "rasa_sdk", "bot.telegram", "bot.actions", "bot.cli", "bot.app",
                         "bot.terminal")
MAX_MODULE_LINES = 350
MAX_FUNCTION_LINES = 50
MAX_CHAT_SERVICE_LINES = 150
# A list of texts and the schema's history are long by nature.
EXEMPT_FROM_SIZE = ("bot/i18n/messages.py", "bot/db/migrations/")


def modules(folder: Path) -> Iterator[Path]:
    yield from sorted(folder.rglob("*.py"))


def relative(path: Path) -> str:
    return path.relative_to(PROJECT_ROOT).as_posix() if path.is_relative_to(PROJECT_ROOT) else path.as_posix()


def imported_modules(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def violations(folder: Path, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{relative(path)}:{line} imports {name}"
        for path in modules(folder)
        for line, name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
    ]


def test_the_domain_imports_no_database_platform_network_or_outer_layer() -> None:
    assert violations(BOT / "domain", FORBIDDEN_IN_DOMAIN) == []


def test_use_cases_import_no_adapter() -> None:
    assert violations(BOT / "services", FORBIDDEN_IN_SERVICES) == []


def test_the_import_check_finds_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "rule.py"
    module.write_text("from sqlalchemy.orm import Session\nimport bot.db.models\nfrom bot import calendar\n")
    found = [name for _line, name in imported_modules(module)]
    assert "sqlalchemy.orm" in found and "bot.db.models" in found
    assert violations(tmp_path, FORBIDDEN_IN_DOMAIN) != []


def sized_modules() -> list[Path]:
    return [path for path in modules(BOT) if not relative(path).startswith(EXEMPT_FROM_SIZE)]


@pytest.mark.parametrize("path", sized_modules(), ids=relative)
def test_modules_stay_short(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{relative(path)} has {lines} lines"


def long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{relative(path)}:{node.lineno} {node.name} has {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]


def test_no_function_is_longer_than_fifty_lines() -> None:
    assert [found for path in sized_modules() for found in long_functions(path)] == []


def test_the_chat_service_is_a_small_router() -> None:
    from bot.services.chat import service

    source = Path(service.__file__)
    [chat_service] = [node for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
                      if isinstance(node, ast.ClassDef) and node.name == "ChatService"]
    assert chat_service.end_lineno is not None
    assert chat_service.end_lineno - chat_service.lineno + 1 < MAX_CHAT_SERVICE_LINES
