"""Every column of every table and view says what it means, from one place each: the schema
module for tables, the `-- columns:` block of the SQL file for views."""
from __future__ import annotations

import duckdb
import pytest

from pipelines.views.assets import build_all_views, view_metadata
from pipelines.views.sql_files import column_comments, leading_comment, read_views
from pipelines.warehouse.metadata import table_metadata
from pipelines.warehouse.schema import COLUMN_DESCRIPTIONS, TABLES, columns, create_tables

try:
    from tests.test_views_fixture import build_warehouse
except ImportError:  # tests/ run as a plain directory
    from test_views_fixture import build_warehouse

VIEWS = {view.name: view for view in read_views()}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    path = tmp_path_factory.mktemp("descriptions") / "w.duckdb"
    conn = duckdb.connect(str(build_warehouse(path)))
    build_all_views(conn)
    create_tables(conn)  # the tables the fixture leaves out (sightings, logs), empty
    yield conn
    conn.close()


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_column_is_described(table):
    described = COLUMN_DESCRIPTIONS.get(table, {})
    missing = [column for column in columns(table) if not described.get(column, "").strip()]
    assert not missing, f"{table}: describe {missing} in COLUMN_DESCRIPTIONS (pipelines/warehouse/schema.py)"
    assert set(described) <= set(columns(table)), f"{table}: described but not in the table: {set(described) - set(columns(table))}"


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_view_column_is_described(warehouse, view):
    built = [row[0] for row in warehouse.execute(f'describe "{view}"').fetchall()]
    described = VIEWS[view].columns
    missing = [column for column in built if not described.get(column, "").strip()]
    assert not missing, f"sql/{view}.sql: add '--   column: meaning' lines for {missing} to its '-- columns:' block"
    assert set(described) <= set(built), f"sql/{view}.sql describes columns it does not have: {set(described) - set(built)}"


def test_the_ui_gets_the_descriptions(warehouse):
    schema = table_metadata(warehouse, "events")["dagster/column_schema"]
    assert all(column.description for column in schema.columns)
    assert {column.name: column.description for column in schema.columns}["summary"] == \
        COLUMN_DESCRIPTIONS["events"]["summary"]
    timeline = view_metadata(warehouse, VIEWS["timeline"], with_pictures=False)["dagster/column_schema"]
    assert [column.name for column in timeline.columns if not column.description] == []


def test_the_columns_block_is_not_part_of_the_view_description():
    sql = ("-- Pairs of parties.\n-- Counted once.\n\n-- columns:\n--   actor_a_id: The smaller id.\n"
           "--   n_events: Direct contacts (not forums).\n\nwith pairs as (select 1)\nselect * from pairs\n")
    assert leading_comment(sql) == "Pairs of parties. Counted once."
    assert column_comments(sql) == {"actor_a_id": "The smaller id.", "n_events": "Direct contacts (not forums)."}
    assert column_comments("-- no block here\nselect 1 as x\n") == {}
