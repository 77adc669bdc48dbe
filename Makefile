# Money Claims. The two commands a newcomer needs:
#   make run    set everything up and run the portal (embedded: SQLite, Celery without Redis)
#   make test   set everything up and run the whole test suite (PostgreSQL and Redis)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/money_claims
TEST_REDIS_URL    ?= redis://127.0.0.1:6379/15
# The suite runs in one process per CPU (pytest-xdist), a test file to a process; PYTEST_WORKERS= runs it in one.
PYTEST_WORKERS    ?= -n auto --dist loadfile
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/money_claims_bench

.PHONY: setup chromium run test test-dates lint diagrams bench bench-responses bench-defended bench-firm-dashboard sweeps clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	./scripts/run.sh

# The browser tests (tests/e2e) drive Debian's Chromium: installed here when missing.
# No stamp: the script is a no-op once /usr/bin/chromium exists. `make run` needs no browser.
chromium:
	./scripts/ensure-chromium.sh

test: setup chromium
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(PY) -m pytest $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The whole suite once at each of several instants (scripts/test-dates.sh; DATES="2027-01-04T16:00 …" for others).
test-dates: setup chromium
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) ./scripts/test-dates.sh $(DATES)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

# The state machines' pages (docs/state-machines/), drawn from the code; a test fails when they are stale.
diagrams: setup
	$(PY) manage.py state_diagrams

bench: setup
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/sweep_bench.py $(BENCH_ARGS)

# The defendant-response sweeps (bench/README.md), in a database of their own.
bench-responses: BENCH_RESPONSES_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/money_claims_bench_resp
bench-responses: setup
	DATABASE_URL=$(BENCH_RESPONSES_DATABASE_URL) $(PY) bench/response_sweeps_bench.py $(BENCH_ARGS)

# The defended-claim and claimant-silence sweeps (bench/README.md), in a database of their own.
bench-defended: BENCH_DEFENDED_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/money_claims_bench_def
bench-defended: setup
	DATABASE_URL=$(BENCH_DEFENDED_DATABASE_URL) $(PY) bench/defended_sweeps_bench.py $(BENCH_ARGS)

# The firm dashboard: 20,000 cases, every tab, sort and filter (bench/README.md), in a database of its own.
bench-firm-dashboard: BENCH_DASHBOARD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/money_claims_bench_dash
bench-firm-dashboard: setup
	DATABASE_URL=$(BENCH_DASHBOARD_DATABASE_URL) $(PY) bench/firm_dashboard_bench.py $(BENCH_ARGS)

sweeps: setup
	$(PY) manage.py run_sweeps

clean:
	rm -rf $(VENV) node_modules var
