"""Analyst tools: read-only SQL, exports that reload, and the self-contained report."""
from __future__ import annotations

import csv
import io
import json
import re

import duckdb
import networkx as nx
import pytest

from pipelines.analyst import export_all, run_query, write_report
from pipelines.analyst.command import main_export, main_report, main_sql
from pipelines.views.assets import build_all_views

try:
    from tests.test_views_fixture import build_warehouse
except ImportError:  # tests/ run as a plain directory
    from test_views_fixture import build_warehouse


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    path = tmp_path_factory.mktemp("analyst") / "w.duckdb"
    with duckdb.connect(str(build_warehouse(path))) as conn:
        # a title with markup, to see the report escape it
        conn.execute("update documents set title = 'Razia <b>judi</b> & \"scam\"' where document_id = 'doc:manila'")
        build_all_views(conn)
    return path


# --- linimasa sql -------------------------------------------------------------------------

def test_table_output_is_aligned(warehouse):
    out = run_query(warehouse, "select actor_a, n_events, first_date from actor_cooperation order by n_events desc")
    lines = out.splitlines()
    header, rule, *body, footer = lines
    widths = [len(dashes) for dashes in rule.split("  ")]
    # 8 pairs: ASEANAPOL is the framework of the 2024 conference and KBRI sat on Polri's side
    assert header.startswith("actor_a") and footer == "(8 rows)"
    second_column = widths[0] + 2
    # numbers are right-aligned: each n_events ends where the column ends
    for line in body:
        assert line[second_column:second_column + widths[1]].strip().isdigit()
        assert line[second_column + widths[1] - 1] != " "
    assert "Cambodia National Police" in body[0]


def test_csv_and_json_carry_the_same_rows(warehouse):
    sql = "select event_id, date_start, places from timeline order by timeline_position"
    records = list(csv.DictReader(io.StringIO(run_query(warehouse, sql, "csv"))))
    parsed = json.loads(run_query(warehouse, sql, "json"))
    assert [row["event_id"] for row in records] == [row["event_id"] for row in parsed]
    meeting = next(row for row in parsed if row["event_id"] == "ev:meeting")
    assert meeting["date_start"] == "2025-04-07"
    assert meeting["places"] == ["Phnom Penh", "Poipet", "Bavet", "Sihanoukville"]
    csv_meeting = next(row for row in records if row["event_id"] == "ev:meeting")
    assert json.loads(csv_meeting["places"]) == meeting["places"]  # a list stays one CSV cell


@pytest.mark.parametrize("sql", [
    "drop table events",
    "delete from events",
    "create table scratch as select 1",
    "copy events to '/tmp/linimasa-should-not-exist.csv'",
    "attach '/tmp/linimasa-other.duckdb' as other",
])
def test_sql_cannot_change_or_leak_anything(warehouse, sql):
    with pytest.raises(duckdb.Error):
        run_query(warehouse, sql)
    assert json.loads(run_query(warehouse, "select count(*) as n from events", "json")) == [{"n": 12}]


def test_query_rejects_unknown_format_and_missing_warehouse(warehouse, tmp_path):
    with pytest.raises(ValueError):
        run_query(warehouse, "select 1", "xml")
    with pytest.raises(FileNotFoundError):
        run_query(tmp_path / "nothing.duckdb", "select 1")
    assert not (tmp_path / "nothing.duckdb").exists()  # looking did not create it


def test_sql_command_exit_codes(warehouse, capsys):
    assert main_sql(["--db", str(warehouse), "--csv", "select country_a, country_b from country_cooperation"]) == 0
    assert "IDN,KHM" in capsys.readouterr().out
    assert main_sql(["--db", str(warehouse), "select * from no_such_table"]) == 1
    assert "no_such_table" in capsys.readouterr().err


# --- linimasa export ----------------------------------------------------------------------

def test_export_reloads_in_duckdb_and_networkx(warehouse, tmp_path):
    assert main_export(["--db", str(warehouse), "--out", str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        tables = [row[0] for row in conn.execute(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall()]
        counts = {table: conn.execute(f'select count(*) from "{table}"').fetchone()[0] for table in tables}
    assert {"events", "timeline", "actor_cooperation", "country_cooperation", "monthly_topics"} <= set(tables)
    with duckdb.connect() as reader:
        for table, count in counts.items():
            assert reader.execute(f"select count(*) from read_parquet('{out}/parquet/{table}.parquet')").fetchone()[0] == count
            assert reader.execute(f"select count(*) from read_csv('{out}/csv/{table}.csv')").fetchone()[0] == count
        timeline_places = reader.execute(
            f"select places from read_parquet('{out}/parquet/timeline.parquet') where event_id = 'ev:meeting'").fetchone()[0]
    assert timeline_places == ["Phnom Penh", "Poipet", "Bavet", "Sihanoukville"]  # lists survive Parquet
    graph = nx.read_graphml(out / "network" / "actor_cooperation.graphml")
    edge = graph.edges["org:cambodia-national-police", "org:polri"]
    assert edge["n_events"] == edge["weight"] == 3 and edge["first_date"] == "2025-04-07"
    assert edge["n_forum_events"] == 1 and edge["first_forum_date"] == "2024-09-10"
    forum_only = graph.edges["org:cambodia-national-police", "org:royal-thai-police"]
    assert forum_only["n_events"] == forum_only["weight"] == 0 and forum_only["n_forum_events"] == 1
    assert graph.nodes["org:polri"]["country"] == "IDN"
    gexf = nx.read_gexf(out / "network" / "actor_cooperation.gexf")
    assert gexf.number_of_edges() == graph.number_of_edges() == 8
    countries = nx.read_graphml(out / "network" / "country_cooperation.graphml")
    assert countries.number_of_edges() == 10
    assert countries.edges["IDN", "KHM"]["n_events"] == 3 and countries.edges["IDN", "KHM"]["n_forum_events"] == 1


# --- linimasa report ----------------------------------------------------------------------

def test_report_is_one_self_contained_file(warehouse, tmp_path):
    assert main_report(["--db", str(warehouse), "--out", str(tmp_path / "report.html")]) == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    images = re.findall(r"<img [^>]*src='([^']*)'", page)
    assert len(images) == 2 and all(src.startswith("data:image/png;base64,") for src in images)
    assert not re.search(r"<(script|link|iframe)\b", page)          # nothing else to fetch
    assert not re.search(r"src=['\"]https?:", page) and "url(" not in page
    assert "Sihanoukville" in page and "Cambodia National Police" in page
    assert "<b>judi</b>" not in page and "Razia &lt;b&gt;judi&lt;/b&gt; &amp;" in page


def test_report_on_a_warehouse_without_views_says_what_is_missing(tmp_path):
    bare = build_warehouse(tmp_path / "bare.duckdb")
    page = write_report(bare, tmp_path / "bare.html").read_text(encoding="utf-8")
    assert "Not available" in page and "<h1>Linimasa report</h1>" in page
