# The README's two commands are `make demo` and `make test`; each sets up what it needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
RASA_VENV := .venv-rasa
UV_VERSION := 0.13.8
BIN := $(VENV)/bin
UV := $(BIN)/uv
export UV_LINK_MODE ?= copy

PO_FILES := $(wildcard locales/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: demo run test setup train nlu-eval messages lock clean

## Run the assistant: a terminal chat, or the Telegram bot when TELEGRAM_BOT_TOKEN is set.
demo: setup
	$(BIN)/tenantbot demo

run: setup
	$(BIN)/tenantbot run

## Run the whole test suite (trains the Rasa model first if its data changed).
test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

setup: $(VENV)/.installed $(RASA_VENV)/.installed $(MO_FILES)

train: setup
	$(BIN)/tenantbot train

$(VENV)/.installed: requirements/app.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "The application needs Python 3.11 or newer as '$(PYTHON)' (set PYTHON=...)." >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(UV) || $(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(UV) pip sync --quiet --python $(BIN)/python requirements/app.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

$(RASA_VENV)/.installed: requirements/rasa.lock $(VENV)/.installed
	@python310=$$(scripts/find-python3.10) || exit 1; \
	  test -x $(RASA_VENV)/bin/python || $(UV) venv --quiet --python "$$python310" $(RASA_VENV)
	$(UV) pip sync --quiet --python $(RASA_VENV)/bin/python requirements/rasa.lock
	@touch $@

locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -D messages -i $< -o $@

## Evaluate the NLU on held-out examples per language; writes bench/nlu_report.md.
nlu-eval: setup
	RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1 $(RASA_VENV)/bin/python bench/nlu_eval.py $(NLU_EVAL_ARGS)
	$(BIN)/python bench/extraction_eval.py

## Re-extract the English msgids and merge them into every catalog.
messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-default-keywords --no-location \
	  --add-comments=Translators: --project=tenantbot --version=0.1 --msgid-bugs-address=- \
	  -o locales/messages.pot bot
	$(BIN)/pybabel update -D messages -i locales/messages.pot -d locales --no-fuzzy-matching --ignore-obsolete

## Lock files: regenerate after editing the dependencies in pyproject.toml or requirements/*.in.
lock: $(VENV)/.installed
	$(UV) pip compile --quiet --generate-hashes --python-version 3.11 --extra test \
	  pyproject.toml requirements/app.in -o requirements/app.lock
	$(UV) pip compile --quiet --generate-hashes --python-version 3.10 requirements/rasa.in -o requirements/rasa.lock

clean:
	rm -rf $(VENV) $(RASA_VENV) models results var/*.db
