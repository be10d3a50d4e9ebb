"""Analyst tools: read-only SQL, exports that reload, and the self-contained report."""
from __future__ import annotations

import csv
import io
import json
import re
import shlex
import subprocess
import sys

import duckdb
import networkx as nx
import pytest

from pipelines.analyst import export_all, run_query, write_report
from pipelines.analyst.command import main_export, main_report, main_sql
from pipelines.views.assets import PICTURE_TABLE, build_all_views
from pipelines.views.lineage import LINEAGE_TABLE
from pipelines.warehouse.schema import BOOKKEEPING_TABLES, INTERNAL_TABLES, VIEW_CACHE_TABLES

try:
    from tests.hostile_article import HOSTILE_SENTENCE, HOSTILE_URL, add_hostile_article
    from tests.test_views_fixture import build_warehouse
except ImportError:  # tests/ run as a plain directory
    from hostile_article import HOSTILE_SENTENCE, HOSTILE_URL, add_hostile_article
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


def test_csv_output_ends_without_a_blank_line(warehouse, capsys):
    assert main_sql(["--db", str(warehouse), "--csv", "select event_id from events order by event_id"]) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n") and not out.endswith("\n\n")
    assert len(out.splitlines()) == 1 + 12


def test_sql_into_a_closed_pipe_stops_quietly(warehouse):
    """`linimasa sql --csv ... | head -n 2`: the reader leaves early; no traceback follows."""
    linimasa = [sys.executable, "-c", "import sys; from pipelines.cli import main; sys.exit(main(sys.argv[1:]))"]
    query = "select range as n, repeat('x', 50) as pad from range(200000)"
    command = shlex.join([*linimasa, "sql", "--db", str(warehouse), "--csv", query]) + " | head -n 2"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=120)
    assert result.stdout.splitlines() == ["n,pad", "0," + "x" * 50]
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
    assert result.returncode in (0, 141), result.returncode  # 141 = 128 + SIGPIPE, as for `yes | head`
    assert "%" not in result.stderr  # and no progress bar on the terminal either


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
        counts = {table: conn.execute(f'select count(*) from "{table}"').fetchone()[0] for table in tables
                  if table not in INTERNAL_TABLES}
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


def test_export_leaves_out_internal_tables(warehouse, tmp_path):
    assert {PICTURE_TABLE, LINEAGE_TABLE} == VIEW_CACHE_TABLES  # the caches the views really keep
    copy = tmp_path / "w.duckdb"
    copy.write_bytes(warehouse.read_bytes())
    with duckdb.connect(str(copy)) as conn:
        for table in sorted(INTERNAL_TABLES):
            conn.execute(f"create or replace table {table} as select 'internal' as note")
    written = {path.name for path in export_all(copy, tmp_path / "out")}
    assert "events.csv" in written and "timeline.parquet" in written
    for table in INTERNAL_TABLES:
        assert f"{table}.csv" not in written and f"{table}.parquet" not in written
    assert not any((tmp_path / "out" / "csv").glob("view_*"))
    assert BOOKKEEPING_TABLES <= INTERNAL_TABLES


# --- linimasa report ----------------------------------------------------------------------

def _report_data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="linimasa-data">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


def test_report_is_one_self_contained_file(warehouse, tmp_path):
    assert main_report(["--db", str(warehouse), "--out", str(tmp_path / "report.html")]) == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert len(scripts) == 4 and not any("src=" in tag for tag in scripts)   # everything inline
    assert not re.search(r"<(link|iframe|img)\b", page)
    assert not re.search(r"src=['\"]https?:", page)
    assert "default-src 'none'" in page                                     # and the page may fetch nothing
    assert "plotly.js v" in page                                            # the vendored chart library
    data = _report_data(page)
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        timeline = [row[0] for row in conn.execute("select event_id from timeline order by timeline_position").fetchall()]
        pairs = conn.execute("select count(*) from actor_cooperation").fetchone()[0]
    assert [event["id"] for event in data["events"]] == timeline
    assert len(data["edges"]) == pairs and data["missing"] == {}
    assert "Sihanoukville" in json.dumps(data) and any(node["n"] == "Cambodia National Police" for node in data["nodes"])
    # the title with markup is in the data, but never as markup in the file
    assert any(article["title"] == 'Razia <b>judi</b> & "scam"' for article in data["articles"])
    assert "<b>judi</b>" not in page


def test_report_evidence_is_the_sentence_with_its_spans(warehouse):
    from pipelines.analyst.report_data import report_data

    with duckdb.connect(str(warehouse), read_only=True) as conn:
        data = report_data(conn)
        body, start, end = conn.execute(
            "select body, events.char_start, events.char_end from events join documents using (document_id) "
            "where event_id = 'ev:meeting'").fetchone()
    meeting = next(event for event in data["events"] if event["id"] == "ev:meeting")
    sentence = data["sentences"][meeting["s"]]["t"]
    assert sentence == body[start:end]
    marked = [(sentence[a:b], kind) for a, b, kind in meeting["h"]]
    assert ("7–13 April 2025", "date") in marked and ("Phnom Penh", "place") in marked
    assert ("Cambodia National Police", "actor") in marked
    assert all(end <= start for (_, end, _), (start, _, _) in zip(meeting["h"], meeting["h"][1:]))  # in order, apart


@pytest.mark.parametrize("url, kept", [
    ("https://news.example/a", True),
    ("http://news.example/a?b=1", True),
    ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False),
    ("  javascript:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox(1)", False),
    ("//news.example/a", False),
    ("file:///etc/passwd", False),
    ("https:alert(1)", False),
    ("", False),
    (None, False),
])
def test_only_http_urls_become_links(url, kept):
    from pipelines.analyst.report_data import safe_url

    assert (safe_url(url) is not None) is kept


def test_report_escapes_hostile_text_and_urls(tmp_path):
    path = build_warehouse(tmp_path / "hostile.duckdb")
    with duckdb.connect(str(path)) as conn:
        add_hostile_article(conn)
        build_all_views(conn)
    page = write_report(path, tmp_path / "hostile.html").read_text(encoding="utf-8")
    # the only script-closing tags are the page's own four; no tag from the article survives
    assert len(re.findall(r"</script", page, re.I)) == 4
    assert "<img" not in page and "onerror=\"window" not in page and "<b>tebal</b>" not in page
    data = _report_data(page)
    manila = next(article for article in data["articles"] if article["id"] == "doc:manila")
    assert manila["url"] is None and manila["url_text"] == HOSTILE_URL     # shown as text, not a link
    hostile = next(event for event in data["events"] if event["id"] == "ev:hostile")
    assert data["sentences"][hostile["s"]]["t"] == HOSTILE_SENTENCE        # and the text itself is intact
    assert all(article["url"].startswith("https://") for article in data["articles"] if article["url"])


def test_script_json_cannot_close_its_element():
    from pipelines.analyst.report import script_json

    value = {"text": "</script><img src=x onerror=alert(1)> & \u2028 <!-- x"}
    encoded = script_json(value)
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded and "\u2028" not in encoded
    assert json.loads(encoded) == value


def test_report_on_a_warehouse_without_views_says_what_is_missing(tmp_path):
    bare = build_warehouse(tmp_path / "bare.duckdb")
    page = write_report(bare, tmp_path / "bare.html").read_text(encoding="utf-8")
    data = _report_data(page)
    assert "<h1>Linimasa report</h1>" in page
    assert {"timeline", "network"} <= set(data["missing"]) and "timeline" in data["missing"]["timeline"]
    assert data["events"] == [] and data["counts"]["events"] == 12


def test_report_actor_filter_reaches_up_to_the_body(warehouse):
    """Filtering by Polri must find an event where only Krishna Murti of Divhubinter is named."""
    from pipelines.analyst.report_data import report_data

    with duckdb.connect(str(warehouse), read_only=True) as conn:
        data = report_data(conn)
    assert data["actors"]["per:krishna-murti"]["up"] == ["org:divhubinter", "org:polri"]
    assert data["actors"]["org:polri"]["up"] == []


def test_report_carries_confidence_only_where_the_warehouse_has_it(warehouse, tmp_path):
    from pipelines.analyst.report_data import report_data

    with duckdb.connect(str(warehouse), read_only=True) as conn:
        plain = report_data(conn)
    assert plain["has_confidence"] is False and {event["c"] for event in plain["events"]} == {None}
    scored = build_warehouse(tmp_path / "scored.duckdb")
    with duckdb.connect(str(scored)) as conn:
        conn.execute("alter table events add column confidence double")
        conn.execute("update events set confidence = case when event_type = 'meeting' then 0.9 else 0.4 end")
        build_all_views(conn)
        data = report_data(conn)
    assert data["has_confidence"] is True
    assert {event["t"]: event["c"] for event in data["events"]}["meeting"] == 0.9
    assert {event["c"] for event in data["events"] if event["t"] != "meeting"} == {0.4}
