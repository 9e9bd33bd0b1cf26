# Charlottekvarteret: `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# The PostgreSQL and Redis the second test run uses. pytest-django creates test_<name>.
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/kvarter
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15

.PHONY: help setup lock image-check run serve demo-data test test-sqlite test-postgres browser lint format messages messages-check check clean bench audit

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

# uv.lock pins every dependency with its hashes; uv itself comes from requirements-uv.txt
# (hashed too), so python3 is all a fresh machine needs. `--locked` stops when pyproject.toml
# has changed since the lock: run `make lock` and commit uv.lock.
UV_VERSION := 0.13.9
UV := $(VENV)/bin/uv
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))
export UV_PYTHON_DOWNLOADS := never

$(UV): requirements-uv.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --require-hashes --no-deps -r requirements-uv.txt
	touch $@

$(VENV)/.installed: pyproject.toml uv.lock $(UV)
	$(UV) sync --quiet --locked --extra dev
	touch $@

setup: $(VENV)/.installed ## Create .venv and install exactly uv.lock (with the dev tools) and the project

lock: $(UV) ## Re-resolve uv.lock from pyproject.toml (LOCK_ARGS=--upgrade for the newest of everything)
	$(UV) lock $(LOCK_ARGS)
	{ sed -n 1,2p requirements-uv.txt; echo "uv==$(UV_VERSION)" | $(UV) pip compile - --quiet --generate-hashes --no-header; } > requirements-uv.txt.new
	mv requirements-uv.txt.new requirements-uv.txt

image-check: ## Build the images with podman and check them on this machine's PostgreSQL and Redis (root)
	scripts/image_check.sh

run: setup ## Migrate, load demo content, then serve http://127.0.0.1:8000 with the tasks worker
	@$(MANAGE) check_migration_history
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	@scripts/serve.sh "$(PY)"

demo-data: setup ## Load the demo content (idempotent)
	$(MANAGE) load_demo_content

test: setup browser ## The whole suite: SQLite (with browser tests), then PostgreSQL and Redis
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

test-sqlite: setup
	$(PY) -m pytest --cov=kvarter --cov=arrangementer --cov=kvartersite --cov=nyheder --cov=agerposten --cov=frivillig --cov-report=term:skip-covered --cov-fail-under=90

test-postgres: setup
	@$(PY) scripts/check_services.py "$(PG_TEST_URL)" "$(REDIS_TEST_URL)"
	DATABASE_URL="$(PG_TEST_URL)" REDIS_URL="$(REDIS_TEST_URL)" $(PY) -m pytest -m "not browser"

bench: setup browser ## Run the benchmarks in bench/ and print a table (needs PostgreSQL and Redis; installs nginx and wrk)
	@$(PY) scripts/check_services.py "$(PG_TEST_URL)" "$(REDIS_TEST_URL)"
	@for script in bench/[!_]*.py; do echo "== $$script"; $(PY) $$script || exit 1; done
	@$(PY) bench/_table.py

# Not in CI. Lighthouse and vnu-jar come from npm into AUDIT_NPM; without them only the Chromium
# measurements print (bench/audit/run.py).
AUDIT_NPM ?= var/audit-npm
audit: setup browser ## Front-end audit of every page type in da and ar: header, tap targets, Lighthouse, vnu
	@test -d "$(AUDIT_NPM)/node_modules/lighthouse" || npm install --no-audit --no-fund --prefix "$(AUDIT_NPM)" lighthouse vnu-jar
	AUDIT_NPM="$(abspath $(AUDIT_NPM))" $(PY) bench/audit/run.py

browser: ## Make sure Debian's chromium is there for the browser tests
	@test -x /usr/bin/chromium || scripts/install_chromium.sh

lint: setup ## ruff, the template linter, Django checks, migrations and messages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	DJANGO_SETTINGS_MODULE=kvartersite.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=kvartersite.settings.test $(MANAGE) makemigrations --check --dry-run --noinput
	$(MAKE) messages-check

format: setup ## Format Python with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: setup ## Update the .po catalogues from the source and compile them
	DJANGO_SETTINGS_MODULE=kvartersite.settings.test $(MANAGE) makemessages --all --extension=html,txt,py,mjml --no-obsolete --add-location=file --ignore=.venv --ignore=node_modules --ignore=tests --ignore=var --ignore=static_collected
	DJANGO_SETTINGS_MODULE=kvartersite.settings.test $(MANAGE) compilemessages --ignore=.venv

messages-check: setup ## Fail if the catalogues are out of date or a string is untranslated
	@scripts/check_messages.sh "$(PY)"

clean: ## Remove var/ (database, media, mail) but keep .venv
	rm -rf var
