"""`linimasa`: the command line. Subcommands import only what they need, so the
language commands (`dates`, `entities`) start without loading Dagster."""
from __future__ import annotations

import os
import signal
import sys

USAGE = """usage: linimasa COMMAND [ARGS]

commands:
  run [--no-progress] [--allow-empty]
                           materialise every asset (same definitions as the UI): a line per step,
                           a progress bar on a terminal, then what changed and rows per table;
                           an article folder without files fails the run and keeps the warehouse, unless --allow-empty
  dates [--anchor D] [--jsonl] [TEXT]
                           tag Indonesian date expressions (TEXT or stdin) as JSON
  entities [--jsonl] [TEXT]
                           persons, organisations and locations as JSON
  sql [--csv|--json] ["SELECT ..."]
                           query the warehouse read-only; without a query, a SQL shell
                           (multi-line statements ending in ';', .tables, .schema, .mode, history)
  export [--out DIR]       Parquet/CSV of every table and view, the cooperation network as GraphML and GEXF
  report [--out FILE]      one self-contained interactive HTML report: timeline, network, filters, evidence

environment: LINIMASA_ARTICLES (article folder), LINIMASA_WAREHOUSE (DuckDB file), DAGSTER_HOME
"""


def main(argv: list[str] | None = None) -> int:
    try:
        return dispatch(argv)
    except BrokenPipeError:
        # The reader went away (`linimasa sql --csv ... | head`): stop quietly, as `cat` does.
        # Output still buffered would fail again at exit, so it is sent nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 128 + signal.SIGPIPE


def dispatch(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "run":
        from pipelines.runner import main as run_main

        return run_main(rest)
    if command == "dates":
        from pipelines.language.dates.command import main as dates_main

        return dates_main(rest)
    if command == "entities":
        from pipelines.language.entities.command import main as entities_main

        return entities_main(rest)
    if command == "sql":
        from pipelines.analyst.command import main_sql

        return main_sql(rest)
    if command == "export":
        from pipelines.analyst.command import main_export

        return main_export(rest)
    if command == "report":
        from pipelines.analyst.command import main_report

        return main_report(rest)
    print(f"linimasa: unknown command {command!r}\n\n{USAGE}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
