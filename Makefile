# Entry points: `make run` serves the demo, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
CHROMIUM ?= /usr/bin/chromium
# `make test` runs on SQLite, then again on PostgreSQL when DATABASE_URL points to it.
PG_URL := $(filter postgres%,$(DATABASE_URL))

.PHONY: help install run serve migrate seed test test-sqlite test-postgresql \
        browser-deps lint format messages bench check-deploy clean

help:
	@echo "make run    - set up, migrate, seed the demo and serve on $(HOST):$(PORT)"
	@echo "make test   - set up and run the whole suite (SQLite; PostgreSQL too with DATABASE_URL)"
	@echo "make bench  - requests/s, latency and queries per page; feedback at 10,000 ratings;"
	@echo "              archive search at 100,000 items"
	@echo "make lint   - ruff and djhtml"
	@echo "make messages - update and compile locale/ catalogues"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

var:
	mkdir -p var

migrate: install var
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_demo
	$(MANAGE) ensure_admin

run: seed
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	$(MANAGE) runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests, and axe-core from the npm registry.
browser-deps: node_modules/axe-core/axe.min.js tests/oidc_provider/node_modules/.installed
	@test -x $(CHROMIUM) || { \
		echo "Installing Debian's chromium for the browser tests"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium could not be installed: browser tests will be skipped"; }

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# The OpenID Connect provider the ESIA sign-in tests run (tests/oidc_provider/).
tests/oidc_provider/node_modules/.installed: tests/oidc_provider/package.json tests/oidc_provider/package-lock.json
	npm ci --prefix tests/oidc_provider --no-audit --no-fund --silent
	touch $@

test: install browser-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')
	$(MAKE) --no-print-directory test-sqlite
ifneq ($(PG_URL),)
	$(MAKE) --no-print-directory test-postgresql
endif

test-sqlite:
	@echo "== Test suite on SQLite =="
	DATABASE_URL= $(BIN)/pytest $(PYTEST_ARGS)

test-postgresql:
	@echo "== Test suite on PostgreSQL =="
	DATABASE_URL=$(PG_URL) $(BIN)/pytest --create-db $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

# Catalogues are committed compiled; updating them needs GNU gettext.
messages: install
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)
	for lang in ru tt en; do \
		$(MANAGE) makemessages --locale $$lang --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'var/*' --no-location --no-obsolete; \
	done
	$(MANAGE) compilemessages --ignore=.venv

check-deploy: install
	SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') \
	ALLOWED_HOSTS=culture.kzn.ru DJANGO_SETTINGS_MODULE=cms.settings.production \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

bench: install var
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) node_modules tests/oidc_provider/node_modules var
