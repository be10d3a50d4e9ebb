"""Outputs that a hostile value or a wrong path must not turn against the analyst."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import duckdb
import pytest

from pipelines.analyst import export_all, run_query
from pipelines.analyst.command import main_export, main_report, main_sql
from pipelines.analyst.csv_cells import safe_cell
from pipelines.warehouse.resource import publish
from pipelines.warehouse.wal import check_public_wal, wal_path

HOSTILE = ['=HYPERLINK("http://x.example","Klik")', "+62 812", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "Polri", "", "a=b"]


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as conn:
        conn.execute("create table documents (document_id varchar, title varchar, n integer, tags varchar[])")
        for number, title in enumerate(HOSTILE):
            conn.execute("insert into documents values (?, ?, ?, ?)", [f"doc_{number}", title, -number, [title]])
    return path


def expected(title: str) -> str:
    return "'" + title if title[:1] in ("=", "+", "-", "@", "\t", "\r") else title


def test_safe_cell_rule():
    assert [safe_cell(text) for text in HOSTILE] == [expected(text) for text in HOSTILE]
    assert safe_cell("'=1") == "'=1"  # already a quoted text cell


def test_export_csv_cells_cannot_run_as_formulas(warehouse, tmp_path):
    export_all(warehouse, tmp_path / "out")
    with open(tmp_path / "out" / "csv" / "documents.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["title"] for row in rows] == [expected(title) for title in HOSTILE]
    assert [row["n"] for row in rows] == [str(-number) for number in range(len(HOSTILE))]  # numbers keep their sign
    parquet = duckdb.sql(f"select title from '{tmp_path / 'out' / 'parquet' / 'documents.parquet'}'").fetchall()
    assert [title for (title,) in parquet] == HOSTILE  # Parquet is typed: values stay as they are


def test_sql_csv_cells_cannot_run_as_formulas(warehouse):
    out = run_query(warehouse, "select title, n from documents where title not like '%' || chr(13) || '%' order by document_id", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [row["title"] for row in rows] == [expected(title) for title in HOSTILE if "\r" not in title]
    # Python's csv module (3.11) leaves a bare CR unquoted, so that cell is checked as text
    assert "'\r=1" in run_query(warehouse, "select title from documents where title like chr(13) || '%'", "csv")
    assert run_query(warehouse, "select title from documents where document_id = 'doc_0'", "json").count("'") == 0


def test_out_of_the_wrong_kind_is_one_line(warehouse, tmp_path, capsys):
    a_file = tmp_path / "berkas.txt"
    a_file.write_text("x")
    assert main_export(["--db", str(warehouse), "--out", str(a_file)]) == 2
    assert main_export(["--db", str(warehouse), "--out", str(a_file / "sub")]) == 1
    assert main_report(["--db", str(warehouse), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 3 and "Traceback" not in err
    assert "is a file" in err and "is a folder" in err


def leave_foreign_wal(public):
    """A read-write session on the public file, killed before its checkpoint, then a run
    publishing a new file over it: the classic stale .wal."""
    code = (
        "import duckdb, os, sys\n"
        "c = duckdb.connect(sys.argv[1])\n"
        "c.execute(\"set checkpoint_threshold = '1GB'\")\n"
        "c.execute('create table mine as select range as x from range(1000)')\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(public)], check=False)
    assert wal_path(public).exists()


def test_foreign_wal_is_set_aside_by_readers(warehouse, tmp_path, capsys):
    public = tmp_path / "public.duckdb"
    public.write_bytes(warehouse.read_bytes())
    leave_foreign_wal(public)
    replacement = tmp_path / "next.duckdb"
    with duckdb.connect(str(replacement)) as conn:
        conn.execute("create table documents as select 'doc_new' as document_id")
    replacement.replace(public)  # as an older publish did, before it learnt to move the log
    with pytest.raises(duckdb.IOException):
        duckdb.connect(str(public), read_only=True)

    assert main_sql(["--db", str(public), "select document_id from documents"]) == 0

    captured = capsys.readouterr()
    assert "doc_new" in captured.out and "moved public.duckdb.wal aside" in captured.err
    assert not wal_path(public).exists()
    assert len(list(tmp_path.glob("public.duckdb.wal.stale-*"))) == 1


def test_publish_moves_the_old_files_wal_out_of_the_way(warehouse, tmp_path):
    public = tmp_path / "public.duckdb"
    public.write_bytes(warehouse.read_bytes())
    leave_foreign_wal(public)
    publish(warehouse, public)
    assert not wal_path(public).exists()
    with duckdb.connect(str(public), read_only=True) as conn:
        assert conn.execute("select count(*) from documents").fetchone()[0] == len(HOSTILE)
    assert check_public_wal(public) is None
