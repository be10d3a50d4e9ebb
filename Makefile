# Linimasa: `make run` and `make test` are the two set-up commands (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: install run test dev bench bench-report clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -qq --upgrade pip
	$(BIN)/pip install -qq -e '.[test]'
	touch $(STAMP)

run: install
	$(BIN)/linimasa run

test: install
	$(BIN)/pytest

# The webserver and the daemon (schedules, sensors, run queue), stopped together on Ctrl-C.
dev: install
	@trap 'kill 0' EXIT INT TERM; \
	$(BIN)/dagster-daemon run -w workspace.yaml & \
	$(BIN)/dagster-webserver -w workspace.yaml -h 127.0.0.1 -p 3000

bench: install
	$(BIN)/python scripts/bench_run.py
	$(BIN)/python scripts/bench_dates.py
	$(BIN)/python scripts/bench_entities.py
	$(BIN)/python scripts/bench_extraction.py

# The interactive report with 10,000 events: first paint and charts drawn, in headless Chromium.
bench-report: install
	$(BIN)/python scripts/bench_report.py

clean:
	rm -rf $(VENV) warehouse/*.duckdb warehouse/.work exports reports
	find .dagster_home -mindepth 1 ! -name dagster.yaml -exec rm -rf {} +
