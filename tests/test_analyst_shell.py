"""`linimasa sql` without a query: the read-only shell, driven through standard input
(and once through a pseudo-terminal, to see the prompt and the history file)."""
from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
import sys
import time

import duckdb
import pytest

from pipelines.analyst.command import main_sql
from pipelines.analyst.shell import run_shell
from pipelines.views.assets import build_all_views
from pipelines.warehouse.schema import INTERNAL_TABLES

try:
    from tests.test_views_fixture import build_warehouse
except ImportError:  # tests/ run as a plain directory
    from test_views_fixture import build_warehouse


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    path = tmp_path_factory.mktemp("shell") / "w.duckdb"
    with duckdb.connect(str(build_warehouse(path))) as conn:
        build_all_views(conn)
        conn.execute("create table extraction_log as select 'internal' as note")
    return path


def shell(warehouse, text: str, mode: str = "table") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_shell(warehouse, mode, io.StringIO(text), out, err)
    return code, out.getvalue(), err.getvalue()


def test_statements_span_lines_and_end_at_semicolons(warehouse):
    code, out, err = shell(warehouse, "select count(*) as n\nfrom events\n;\nselect 'a' as x; select 'b' as y;\n", "csv")
    assert (code, err) == (0, "")
    assert out == "n\n12\nx\na\ny\nb\n"


def test_a_last_statement_needs_no_semicolon(warehouse):
    """`echo "select ..." | linimasa sql` keeps working as before the shell."""
    code, out, _ = shell(warehouse, "select event_type from events where event_id = 'ev:meeting'", "csv")
    assert code == 0 and out == "event_type\nmeeting\n"


def test_tables_lists_what_analysts_query(warehouse):
    code, out, _ = shell(warehouse, ".tables\n")
    names = out.split()
    assert code == 0 and {"events", "documents", "timeline", "actor_cooperation"} <= set(names)
    assert not set(names) & INTERNAL_TABLES
    assert names == sorted(names)


def test_schema_shows_columns_and_types(warehouse):
    code, out, _ = shell(warehouse, ".schema events\n")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "events"
    rows = {line.split()[0]: line.split()[1] for line in lines[3:]}
    assert rows["event_id"] == "VARCHAR" and rows["date_start"] == "DATE"
    assert "evidence sentence" in out  # each column says what it means
    code, _, err = shell(warehouse, ".schema no_such_table\n")
    assert code == 1 and "no_such_table" in err


def test_mode_switches_the_output(warehouse):
    sql = "select event_id, places from timeline where event_id = 'ev:meeting';\n"
    code, out, _ = shell(warehouse, sql + ".mode json\n" + sql + ".mode csv\n" + sql + ".mode xml\n")
    table, rest = out.split("(1 row)\n")
    assert table.splitlines()[0].split() == ["event_id", "places"]
    json_text, csv_text = rest.split("\n]\n", 1)
    assert json.loads(json_text + "]") == [{"event_id": "ev:meeting",
                                             "places": ["Phnom Penh", "Poipet", "Bavet", "Sihanoukville"]}]
    assert csv_text.startswith("event_id,places\nev:meeting,")
    assert code == 1  # `.mode xml` was refused


def test_errors_are_reported_and_the_batch_goes_on(warehouse):
    code, out, err = shell(warehouse, "select * from nowhere;\ndrop table events;\nselect 7 as n;\n", "csv")
    assert out == "n\n7\n"
    assert "nowhere" in err and err.count("error:") == 2
    assert code == 1
    assert shell(warehouse, "select count(*) as n from events;", "csv")[1] == "n\n12\n"  # nothing was dropped


def test_quit_stops_reading(warehouse):
    code, out, _ = shell(warehouse, "select 1 as one;\n.quit\nselect 2 as two;\n", "csv")
    assert code == 0 and out == "one\n1\n"


def test_command_line_flags_choose_the_mode(warehouse, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("select 3 as n;\n"))
    assert main_sql(["--db", str(warehouse), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 3}]


def test_missing_warehouse_is_said_before_the_shell_starts(tmp_path, capsys):
    assert main_sql(["--db", str(tmp_path / "none.duckdb")]) == 1
    assert "no warehouse" in capsys.readouterr().err


def test_on_a_terminal_it_prompts_and_keeps_history(warehouse, tmp_path):
    history = tmp_path / "history"
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pipelines.cli import main; sys.exit(main(sys.argv[1:]))",
         "sql", "--db", str(warehouse)],
        stdin=secondary, stdout=secondary, stderr=secondary, close_fds=True,
        env={**os.environ, "LINIMASA_SQL_HISTORY": str(history), "TERM": "dumb"},
    )
    os.close(secondary)
    seen = b""

    def read_until(marker: bytes, timeout: float = 60) -> None:
        nonlocal seen
        deadline = time.monotonic() + timeout
        while marker not in seen and time.monotonic() < deadline:
            if select.select([primary], [], [], 1)[0]:
                try:
                    seen += os.read(primary, 4096)
                except OSError:
                    break

    try:
        read_until(b"linimasa> ")
        os.write(primary, b"select 40 + 2\n")
        read_until(b"...> ")
        os.write(primary, b"as answer;\n")
        read_until(b"(1 row)")
        os.write(primary, b".quit\n")
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(primary)
    text = seen.decode(errors="replace")
    assert "read-only" in text and "answer" in text and "42" in text
    assert "select 40 + 2" in history.read_text() and ".quit" in history.read_text()
