# studio·bib CMS. `make` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
# Tests always start on SQLite; PostgreSQL runs too when DATABASE_URL is set.
PYTEST_ARGS ?=
# The SQLite pass runs in random order; the seed is printed, and adding --random-order-seed=N to
# RANDOM_ORDER replays it (RANDOM_ORDER= runs in file order). The PostgreSQL pass keeps file order.
RANDOM_ORDER ?= --random-order-bucket=module

.PHONY: help install serve test test-sqlite test-pg test-browser browsers lint format messages check-messages check bench bench-render bench-live bench-tools bench-import bench-startup loadtest backup restore fuzz

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[test]"
	touch $@

# Linting and fuzzing tools are extras of their own: `make test` does not install them.
$(VENV)/.lint-installed: $(VENV)/.installed
	$(PIP) install --quiet -e ".[lint]"
	touch $@

$(VENV)/.fuzz-installed: $(VENV)/.installed
	$(PIP) install --quiet -e ".[fuzz]"
	touch $@

# The panorama viewer comes from npm, pinned by package-lock.json, copied into vendor/ (git-ignored).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

vendor/.installed: node_modules/.installed cms/vendor.py $(VENV)/.installed
	$(PY) -m cms.vendor
	touch $@

install: $(VENV)/.installed vendor/.installed ## Create .venv/, install the pinned packages and the npm viewer library

serve: install ## Run the site with demo content on SQLite at http://127.0.0.1:8000/
	$(MANAGE) migrate --no-input
	$(MANAGE) setup_site --demo
	$(MANAGE) update_index
	$(MANAGE) runserver 127.0.0.1:8000

browsers: ## Install Debian's Chromium for the browser tests (once per machine)
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install browsers check-messages ## Run every test: SQLite, then PostgreSQL when DATABASE_URL is set
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$DATABASE_URL" ]; then $(MAKE) --no-print-directory test-pg; \
	elif [ "$$REQUIRE_SERVICES" = 1 ]; then echo "DATABASE_URL not set, and REQUIRE_SERVICES=1 requires PostgreSQL."; exit 2; \
	else echo "DATABASE_URL not set: PostgreSQL run skipped."; fi

test-sqlite: install ## Run the tests on SQLite only
	env -u DATABASE_URL $(VENV)/bin/pytest $(RANDOM_ORDER) $(PYTEST_ARGS)

test-pg: install ## Run the tests on the PostgreSQL of DATABASE_URL
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL=postgres://…"; exit 2; }
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-browser: install browsers ## Run only the real-browser journeys
	$(VENV)/bin/pytest -m browser $(PYTEST_ARGS)

lint: $(VENV)/.lint-installed ## Lint with ruff
	$(VENV)/bin/ruff check .

format: $(VENV)/.lint-installed ## Format with ruff
	$(VENV)/bin/ruff format .

messages: install ## Extract the interface strings into locale/ and compile them
	$(MANAGE) makemessages --locale fr --locale en --ignore ".venv/*" --ignore "tests/*" --ignore "static/*" --ignore "bench/*" --no-obsolete
	$(PY) -m cms.check_messages --fill-source
	$(MANAGE) compilemessages --ignore ".venv/*"

check-messages: install ## Fail on untranslated or fuzzy strings, or stale compiled catalogues
	$(PY) -m cms.check_messages

bench-tools: ## Install wrk and nginx from Debian for the benchmark (once per machine)
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null; }

bench: install bench-tools ## Load-test 1,000 and 10,000 pages, then a page with three live parts (PostgreSQL, Redis, gunicorn); writes bench/results/
	$(PY) bench/run.py --fresh $(BENCH_ARGS)
	$(MAKE) --no-print-directory bench-render BENCH_RENDER_ARGS="--skip-prepare $(BENCH_RENDER_ARGS)"
	$(MAKE) --no-print-directory bench-live

bench-render: install ## CPU and queries of uncached pages and API answers, as ratios to a stock Wagtail site; writes bench/results/render_cost.*
	$(PY) bench/render_cost.py $(BENCH_RENDER_ARGS)

bench-live: install ## Time to first byte of a page with three live parts, services fast, cold and slow; writes bench/results/live_parts.*
	$(PY) bench/live_parts.py

check: install ## Django checks and missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

bench-import: install ## Benchmark the Docusaurus import (SQLite, and PostgreSQL when DATABASE_URL is set)
	$(PY) bench/import_docusaurus.py $(CORPUS)

bench-startup: install ## CPU and wall time of manage.py check/help, the importer's --help and the WSGI import (median of 5); writes bench/results/startup.*
	$(PY) bench/startup.py $(BENCH_STARTUP_ARGS)

loadtest: install ## Readers and editors at once for LOAD_SECONDS (60) under gunicorn + PostgreSQL; writes bench/results/load.*
	$(PY) -m bench.load_test $(LOAD_ARGS)

backup: install ## Database + media into one checked archive (BACKUP=folder or file.tar.gz, default backups/)
	$(MANAGE) backup --output $(or $(BACKUP),backups)

restore: install ## Restore BACKUP=archive.tar.gz into an empty database and media folder
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=path/to/studiobib-….tar.gz"; exit 2; }
	$(MANAGE) restore $(BACKUP)

fuzz: $(VENV)/.fuzz-installed ## Bounded fuzzing: property tests (hypothesis `fuzz` profile) and atheris targets; writes bench/results/fuzz.md
	$(PY) bench/fuzz/run.py $(FUZZ_ARGS)
