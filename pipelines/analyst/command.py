"""`linimasa sql`, `linimasa export` and `linimasa report`: argument parsing and exit codes.

The CLI dispatches `argv` (the words after the sub-command) here; each returns the exit
status. The warehouse is the published file analysts read (LINIMASA_WAREHOUSE or
`warehouse/linimasa.duckdb`), unless `--db` names another.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from pipelines import settings


def _with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--db", type=Path, default=None,
                        help="DuckDB file to read (default: LINIMASA_WAREHOUSE or warehouse/linimasa.duckdb)")
    return parser


def _db(args) -> Path:
    from pipelines.warehouse.wal import check_public_wal

    db = args.db or settings.warehouse_path()
    check_public_wal(db)
    return db


def _existing_db(args, command: str) -> Path | None:
    """The warehouse to read, or None after telling the user there is none yet."""
    db = _db(args)
    if not db.exists():
        print(f"linimasa {command}: no warehouse at {db}; run `linimasa run` first", file=sys.stderr)
        return None
    return db


def main_sql(argv: list[str] | None = None) -> int:
    parser = _with_db(argparse.ArgumentParser(
        prog="linimasa sql", description="Run SQL on the warehouse, read-only."))
    style = parser.add_mutually_exclusive_group()
    style.add_argument("--csv", action="store_const", dest="fmt", const="csv", help="print CSV")
    style.add_argument("--json", action="store_const", dest="fmt", const="json", help="print a JSON array")
    parser.add_argument("sql", nargs="?",
                        help="the query; without it, a read-only SQL shell (statements from standard input when piped)")
    args = parser.parse_args(argv)
    if args.sql is None:
        from pipelines.analyst.shell import run_shell

        db = _existing_db(args, "sql")
        return 1 if db is None else run_shell(db, args.fmt or "table")
    if not args.sql.strip():
        parser.error("no SQL given")
    from pipelines.analyst.query import run_query

    try:
        output = run_query(_db(args), args.sql, args.fmt or "table")
    except (duckdb.Error, FileNotFoundError) as error:
        print(f"linimasa sql: {error}", file=sys.stderr)
        return 1
    if output:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")  # CSV already ends its last line
    return 0


def main_export(argv: list[str] | None = None) -> int:
    parser = _with_db(argparse.ArgumentParser(
        prog="linimasa export",
        description="Write Parquet and CSV of every table and view, and the cooperation network as GraphML/GEXF."))
    parser.add_argument("--out", type=Path, default=Path("exports"), help="output folder (default: exports)")
    args = parser.parse_args(argv)
    from pipelines.analyst.export import export_all

    db = _existing_db(args, "export")
    if db is None:
        return 1
    if args.out.exists() and not args.out.is_dir():
        print(f"linimasa export: --out {args.out} is a file; give a folder (it is created if missing)", file=sys.stderr)
        return 2
    try:
        written = export_all(db, args.out)
    except OSError as error:
        print(f"linimasa export: cannot write to {args.out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} files to {args.out}")
    return 0


def main_report(argv: list[str] | None = None) -> int:
    parser = _with_db(argparse.ArgumentParser(
        prog="linimasa report",
        description="Write one self-contained, interactive HTML report (timeline, network, filters, evidence)."))
    parser.add_argument("--out", type=Path, default=Path("report.html"), help="output file (default: report.html)")
    args = parser.parse_args(argv)
    from pipelines.analyst.report import write_report

    db = _existing_db(args, "report")
    if db is None:
        return 1
    if args.out.is_dir():
        print(f"linimasa report: --out {args.out} is a folder; give a file name such as {args.out / 'report.html'}",
              file=sys.stderr)
        return 2
    try:
        print(write_report(db, args.out))
    except OSError as error:
        print(f"linimasa report: cannot write {args.out}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0
