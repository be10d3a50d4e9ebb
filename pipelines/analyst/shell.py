"""`linimasa sql` without a query: a read-only SQL shell on the warehouse.

A statement may run over several lines and ends at `;` (or at the end of piped input).
Dot commands, at the start of a statement:

    .tables            tables and views analysts query
    .schema [NAME]     columns, types and what each column means
    .mode table|csv|json
    .help   .quit

On a terminal, lines are edited with the standard library's readline (arrow keys, Ctrl-R)
and kept in a history file across sessions; piped input is read the same way without
prompts, so scripts and tests drive the shell through standard input.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

import duckdb

from pipelines.analyst.query import FORMATS, format_csv, format_json, format_table, open_read_only
from pipelines.warehouse.schema import INTERNAL_TABLES

FORMATTERS = {"table": format_table, "csv": format_csv, "json": format_json}
PROMPT, CONTINUATION = "linimasa> ", "     ...> "
HELP = """.tables            tables and views analysts query
.schema [NAME]     columns, types and descriptions (of NAME, or of every table)
.mode table|csv|json
.help              this text
.quit              leave (Ctrl-D too)
SQL statements may span lines and end with ';'. The warehouse is opened read-only."""


def history_path() -> Path:
    return Path(os.environ.get("LINIMASA_SQL_HISTORY", Path.home() / ".linimasa_sql_history"))


class Shell:
    """Reads lines, runs statements and dot commands on one read-only connection."""

    def __init__(self, conn, mode: str = "table", out: TextIO | None = None, err: TextIO | None = None):
        self.conn, self.mode, self.out, self.err = conn, mode, out or sys.stdout, err or sys.stderr
        self.buffer: list[str] = []
        self.failures = 0

    @property
    def pending(self) -> bool:
        return bool(self.buffer)

    def feed(self, line: str) -> bool:
        """Take one input line; False once the user asked to leave."""
        stripped = line.strip()
        if not self.buffer and stripped.startswith("."):
            return self.command(stripped)
        if stripped or self.buffer:
            self.buffer.append(line.rstrip("\n"))
        if stripped.endswith(";"):
            self.flush()
        return True

    def flush(self) -> None:
        """Run whatever statement text is buffered (at `;`, or at the end of the input)."""
        sql, self.buffer = "\n".join(self.buffer), []
        if not sql.strip():
            return
        try:
            for statement in self.conn.extract_statements(sql):
                cursor = self.conn.execute(statement)
                if cursor.description is not None:
                    columns = [item[0] for item in cursor.description]
                    self.write(FORMATTERS[self.mode](columns, cursor.fetchall()))
        except duckdb.Error as error:
            self.failures += 1
            print(f"error: {error}", file=self.err)

    def write(self, text: str) -> None:
        self.out.write(text if text.endswith("\n") else text + "\n")

    # -- dot commands ---------------------------------------------------------------------
    def command(self, line: str) -> bool:
        name, _, argument = line.partition(" ")
        argument = argument.strip().rstrip(";").strip()
        if name in {".quit", ".exit", ".q"}:
            return False
        if name == ".help":
            self.write(HELP)
        elif name == ".tables":
            self.write("\n".join(self.tables()))
        elif name == ".schema":
            self.schema(argument or None)
        elif name == ".mode":
            if argument in FORMATS:
                self.mode = argument
            else:
                self.fail(f".mode takes one of {', '.join(FORMATS)}; now {self.mode}")
        else:
            self.fail(f"unknown command {name}; .help lists them")
        return True

    def fail(self, message: str) -> None:
        self.failures += 1
        print(f"error: {message}", file=self.err)

    def tables(self) -> list[str]:
        rows = self.conn.execute(
            "select table_name from information_schema.tables where table_schema = 'main' order by table_name"
        ).fetchall()
        return [name for (name,) in rows if name not in INTERNAL_TABLES]

    def schema(self, name: str | None) -> None:
        names = [name] if name else self.tables()
        known = {table for (table,) in self.conn.execute(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
        for table in names:
            if table not in known:
                self.fail(f"no table or view named {table!r}; .tables lists them")
                continue
            rows = self.conn.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'main' and table_name = ? order by ordinal_position", [table]
            ).fetchall()
            meaning = column_descriptions(table)
            self.write(table)
            self.write(format_table(["column", "type", "description"],
                                    [(column, data_type, meaning.get(column, "")) for column, data_type in rows],
                                    max_width=120).rsplit("\n", 1)[0])  # without the row count


def column_descriptions(table: str) -> dict[str, str]:
    """What each column means: the schema module for tables, the SQL file for views."""
    from pipelines.warehouse.schema import COLUMN_DESCRIPTIONS

    if table in COLUMN_DESCRIPTIONS:
        return COLUMN_DESCRIPTIONS[table]
    from pipelines.views.sql_files import SQL_DIR, read_view

    path = SQL_DIR / f"{table}.sql"
    return read_view(path).columns if path.exists() else {}


def run_shell(db_path: Path | str, mode: str = "table", stdin: TextIO | None = None,
              out: TextIO | None = None, err: TextIO | None = None) -> int:
    """The shell on the warehouse at `db_path`; interactive on a terminal, batch on piped input.
    Returns 1 when a piped statement failed, as a script needs to know."""
    stdin, out, err = stdin or sys.stdin, out or sys.stdout, err or sys.stderr
    interactive = stdin.isatty() and out.isatty()
    with open_read_only(db_path) as conn:
        shell = Shell(conn, mode, out, err)
        if interactive:
            return _interactive(shell, db_path)
        for line in stdin:
            if not shell.feed(line):
                break
        else:
            shell.flush()  # a last statement without `;`
        return 1 if shell.failures else 0


def _interactive(shell: Shell, db_path: Path | str) -> int:
    import readline

    history = history_path()
    try:
        readline.read_history_file(history)
    except OSError:
        pass
    readline.set_history_length(2000)
    print(f"linimasa sql on {db_path} (read-only). End statements with ';'. .help for commands, Ctrl-D to leave.")
    try:
        while True:
            try:
                line = input(CONTINUATION if shell.pending else PROMPT)
            except KeyboardInterrupt:  # Ctrl-C drops the statement being typed, as in psql
                shell.buffer = []
                print()
                continue
            except EOFError:
                print()
                break
            if not shell.feed(line):
                break
    finally:
        try:
            history.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(history)
        except OSError:
            pass
    return 0
