# MigDev: `make run` serves a local site on http://127.0.0.1:8000; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test test-postgres check bench messages install install-test install-bench install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

# A stamp, so that `make test` and `make test-postgres` run side by side (as .ci/run does) without two pips at once.
install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install-bench: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,dev]'
	touch $(VENV)/.installed-test

setup: install
	$(BIN)/migdev setup

run: setup
	$(BIN)/migdev serve --host $(HOST) --port $(PORT)

test: install-test
	$(BIN)/pytest -q

# The same suite on PostgreSQL (a server at 127.0.0.1:5432, user postgres, trust auth), less the tests that never
# touch its database: the browser tests drive a site served from its own SQLite database (migdev/tests/browser.py)
# and the engines take plain data (migdev/engines), so `make test` covers them and running them again here would
# only repeat it.
test-postgres: install-test
	MIGDEV_DATABASE_URL=$${MIGDEV_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/migdev} \
		$(BIN)/pytest -q -m "not browser" --ignore=migdev/engines

check: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy migdev
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=migdev.config.settings.base $(BIN)/python -m django makemigrations --check --dry-run
	$(BIN)/python scripts/check_deploy.py

# Every figure is printed beside a baseline measured in the same run; docs/benchmarks.md records them.
bench: install-bench
	MIGDEV_VAR_DIR=$$(mktemp -d) $(BIN)/migdev bench
	$(BIN)/migdev bench_matching --csv --workers 20000 --vacancies 2000 --optimality --speed-baseline --json
	$(BIN)/migdev bench_matching --csv --workers 1000 --vacancies 100 --quality --text --seed 0 --json
	$(BIN)/migdev bench_matching --csv --only-text --text-quality --job-titles --seed 0 --json
	$(BIN)/migdev bench_matching --csv --workers 1000000 --vacancies 100000 --json
	$(BIN)/migdev bench_matching --csv --workers 1000000 --vacancies 100000 --origin-cap 600 --scheme-cap 15000 --json
	$(BIN)/migdev bench_remittances --quotes 250000 --json
	MIGDEV_VAR_DIR=$$(mktemp -d) sh -c '$(BIN)/migdev setup --no-embeddings >/dev/null && $(BIN)/migdev bench_corridors --json'
	@if [ -f "$$MIGDEV_REAL_TITLES" ]; then $(BIN)/migdev bench_matching --only-text --seed 0 --real-titles "$$MIGDEV_REAL_TITLES" --real-titles-sample 1000 --json; else echo "real titles: skipped (set MIGDEV_REAL_TITLES to the JobBERT titles.csv)"; fi
	$(BIN)/migdev bench_law_search --sections 20000 --json
	$(BIN)/migdev bench_suggestions --latency --json
	@# The load benchmark serves a fresh site with the demo data (needs wrk: apt-get install wrk).
	MIGDEV_VAR_DIR=$$(mktemp -d) sh -c '$(BIN)/migdev setup --no-embeddings >/dev/null && $(BIN)/migdev bench_load'

# Refresh the gettext catalogs after changing user-facing strings (needs GNU gettext).
messages: install
	cd migdev && ../$(BIN)/django-admin makemessages -l fr -l es --no-location --ignore='static/vendor/*' --ignore='tests/*' \
		--settings=migdev.config.settings.base --pythonpath=..
	$(BIN)/python scripts/compile_messages.py

clean:
	rm -rf $(VENV) var
