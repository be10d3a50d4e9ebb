# Linimasa: `make run` and `make test` are the two set-up commands (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: install run test dev bench bench-scale clean

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

# Cold run, unchanged rerun and 100 edited + 100 new at 1k and 10k shared articles (a few minutes);
# other sizes: .venv/bin/python scripts/bench_scale.py --sizes 10000,100000
bench-scale: install
	$(BIN)/python scripts/bench_scale.py

clean:
	rm -rf $(VENV) warehouse/*.duckdb warehouse/.*.publishing warehouse/.work exports reports
	find .dagster_home -mindepth 1 ! -name dagster.yaml -exec rm -rf {} +
