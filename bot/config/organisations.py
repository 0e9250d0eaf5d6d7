"""Organisation facts from `config/organisations/<slug>.yml`, validated on load.

The file is checked against the models in `bot.domain.organisation`; every error names the file
and the field path, e.g. `demo.yml: outreach: stages[1]: 'days_after_due' must be ...`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from bot.config.settings import ConfigurationError
from bot.domain.organisation import OrganisationFacts


class _FileLoader(yaml.SafeLoader):
    """Safe YAML, except that an unquoted time stays the text written: YAML 1.1 reads 21:00 as
    the number 1260 (base 60), which would otherwise pass for a number of seconds or fail."""


def _int_or_clock(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    text = loader.construct_scalar(node)
    return text if ":" in text else loader.construct_yaml_int(node)


_FileLoader.add_constructor("tag:yaml.org,2002:int", _int_or_clock)

_NOT_A_MAPPING = {"model_type", "model_attributes_type", "dict_type"}
_NOT_A_LIST = {"list_type", "tuple_type", "too_short"}
_NOT_TEXT = {"string_type"}
_BAD_FORM = {"string_pattern_mismatch", "unexpected_form"}
_NOT_A_WHOLE_NUMBER = {"int_type", "int_parsing", "int_from_float", "greater_than_equal"}
_NOT_A_FLAG = {"bool_type", "bool_parsing"}


def _location(where: str, loc: tuple[int | str, ...]) -> str:
    """`('outreach', 'stages', 1)` as `where: outreach: stages[1]`."""
    parts = [where]
    for step in loc:
        if isinstance(step, int):
            parts[-1] += f"[{step}]"
        else:
            parts.append(step)
    return ": ".join(parts)


def _problem(error: ErrorDetails) -> str:
    """What is wrong with one field, in the words of the organisation file."""
    kind, value, context = error["type"], error["input"], error.get("ctx", {})
    if kind == "missing" or value is None or value == "":
        return "is missing"
    if kind in _NOT_A_LIST:
        return "must be a list with at least one entry"
    if kind in _NOT_TEXT:
        return f"must be text, got {value!r}"
    if kind in _BAD_FORM:
        return f"has an unexpected form: {value!r}"
    if kind in _NOT_A_WHOLE_NUMBER:
        at_least = f" of at least {context['ge']}" if "ge" in context else ""
        return f"must be a whole number{at_least}, got {value!r}"
    if kind in _NOT_A_FLAG:
        return f"must be true or false, got {value!r}"
    if kind == "enum":
        choices = re.findall(r"'([^']*)'", context["expected"])
        return f"must be one of {', '.join(choices)}, got {value!r}"
    if kind == "value_error":
        return str(context["error"])
    return f"{error['msg']}, got {value!r}"


def _message(error: ErrorDetails, where: str) -> str:
    loc = error["loc"]
    if error["type"] in _NOT_A_MAPPING and error["input"] not in (None, ""):
        return f"{_location(where, loc)}: expected a mapping of fields"
    if error["type"] == "inconsistent":
        return f"{_location(where, loc)}: {error['msg']}"
    *section, field = loc
    return f"{_location(where, tuple(section))}: '{field}' {_problem(error)}"


def parse_organisation(data: Any, where: str) -> OrganisationFacts:
    """Validate one file's contents; `where` names the file in the error messages."""
    if not isinstance(data, dict):
        raise ConfigurationError(f"{where}: expected a mapping of fields")
    try:
        return OrganisationFacts.model_validate(data)
    except ValidationError as error:
        raise ConfigurationError("\n".join(_message(e, where) for e in error.errors())) from None


def load_organisation(directory: Path, slug: str) -> OrganisationFacts:
    path = directory / f"{slug}.yml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_FileLoader)
    except FileNotFoundError:
        raise ConfigurationError(f"no configuration file for organisation {slug!r}: {path}") from None
    except yaml.YAMLError as error:
        raise ConfigurationError(f"{path}: not valid YAML: {error}") from None
    facts = parse_organisation(data, str(path))
    if facts.slug != slug:
        raise ConfigurationError(f"{path}: slug {facts.slug!r} does not match the file name")
    return facts


def load_all(directory: Path) -> dict[str, OrganisationFacts]:
    """Load and check every organisation file; used at start-up so errors show early."""
    return {path.stem: load_organisation(directory, path.stem) for path in sorted(directory.glob("*.yml"))}
