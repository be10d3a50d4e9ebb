# Linimasa: `make run` and `make test` are the two set-up commands (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: install run test dev bench bench-ui bench-report bench-scale reliability clean

install: $(STAMP)

# A line per phase, and pip's own lines and bars, so a first install (about a minute) shows
# what it is doing.
$(STAMP): pyproject.toml
	@echo "== 1/3 virtual environment in $(VENV)"
	$(PYTHON) -m venv $(VENV)
	@echo "== 2/3 upgrading pip"
	$(BIN)/pip install --upgrade pip
	@echo "== 3/3 linimasa and its pinned dependencies (pyproject.toml)"
	$(BIN)/pip install -e '.[test]'
	@touch $(STAMP)
	@echo "== installed: $(BIN)/linimasa"

run: install
	$(BIN)/linimasa run

test: install
	$(BIN)/pytest

# The webserver and the daemon (schedules, sensors, run queue) under one supervisor that
# shares one code server between them and stops them both on Ctrl-C.
# (The command that supersedes `dagster dev` comes in a package this project does not use.)
dev: install
	@echo "Dagster UI and daemon on http://127.0.0.1:3000; Ctrl-C stops both"
	@PYTHONWARNINGS='ignore:Function `dev_command` is superseded' $(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

bench: install
	$(BIN)/python scripts/bench_run.py
	$(BIN)/python scripts/bench_dates.py
	$(BIN)/python scripts/bench_dates_process.py
	$(BIN)/python scripts/bench_entities.py
	$(BIN)/python scripts/bench_extraction.py

# A run as the UI, schedule and sensor launch it, against `linimasa run`, on the same change.
bench-ui: install
	$(BIN)/python scripts/bench_ui_run.py

# Crash, fuzz and determinism probes (see README "Reliability"): KILLS=10 INDOSUM=1000 for the full figures.
KILLS ?= 3
INDOSUM ?= 0
reliability: install
	$(BIN)/python scripts/reliability.py --kills $(KILLS) --indosum $(INDOSUM)

# The interactive report with 10,000 events: first paint and charts drawn, in headless Chromium.
bench-report: install
	$(BIN)/python scripts/bench_report.py

# Cold run, unchanged rerun and 100 edited + 100 new at 1k and 10k shared articles (a few minutes);
# other sizes: .venv/bin/python scripts/bench_scale.py --sizes 10000,100000
bench-scale: install
	$(BIN)/python scripts/bench_scale.py

clean:
	rm -rf $(VENV) warehouse/*.duckdb warehouse/.*.publishing warehouse/.work exports reports
	find .dagster_home -mindepth 1 ! -name dagster.yaml -exec rm -rf {} +
