"""Column lineage of a SQL view, as far as sqlglot can trace it.

sqlglot needs the columns of every input to expand `select *` and resolve bare column
names, so the caller passes the live schema. Columns it cannot trace (e.g. through
`union all by name` or list functions) are left out rather than guessed.
"""
from __future__ import annotations

import hashlib
import json
import logging

from sqlglot import exp, lineage as sqlglot_lineage
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import build_scope

from pipelines.views.sql_files import DIALECT

log = logging.getLogger(__name__)

from pipelines.warehouse.metadata import Schema

# Tracing is deterministic but slow (sqlglot copies the tree for every column), so each
# view's lineage is kept in the warehouse, keyed by its SQL and its inputs' columns, and
# traced again only when one of those changes. Analysts can query the table too.
LINEAGE_TABLE = "view_column_lineage"


def column_lineage(sql: str, output_columns: list[str], schema: Schema) -> dict[str, list[tuple[str, str]]]:
    """For each output column, the (table, column) pairs of the inputs it is computed from."""
    try:
        tree = qualify(
            sqlglot_lineage.maybe_parse(sql, dialect=DIALECT),
            schema=schema,
            dialect=DIALECT,
            validate_qualify_columns=False,
        )
        scope = build_scope(tree)
    except Exception as error:  # sqlglot gives up on some DuckDB constructs; lineage is a bonus
        log.info("no column lineage: %s", error)
        return {}
    lineage: dict[str, list[tuple[str, str]]] = {}
    for column in output_columns:
        try:
            node = sqlglot_lineage.lineage(column, tree, schema=schema, dialect=DIALECT, scope=scope, copy=False)
        except Exception as error:
            log.debug("no lineage for %s: %s", column, error)
            continue
        sources = sorted({
            (leaf.expression.this.name.lower(), leaf.name.split(".")[-1].strip("\"").lower())
            for leaf in node.walk()
            if not leaf.downstream and isinstance(leaf.expression, exp.Table) and leaf.name
        })
        if sources:
            lineage[column] = sources
    return lineage


def cached_column_lineage(
    conn, view: str, sql: str, deps: tuple[str, ...], output_columns: list[str], schema: Schema
) -> dict[str, list[tuple[str, str]]]:
    """`column_lineage`, reusing the traced result while the SQL and its inputs stay the same."""
    inputs = {table: schema.get(table) for table in sorted(deps)}
    key = hashlib.sha256(json.dumps([sql, output_columns, inputs], sort_keys=True).encode()).hexdigest()[:16]
    conn.execute(
        f"create table if not exists {LINEAGE_TABLE} "
        "(view varchar, cache_key varchar, column_name varchar, source_table varchar, source_column varchar)"
    )
    rows = conn.execute(
        f"select column_name, source_table, source_column from {LINEAGE_TABLE} "
        "where view = ? and cache_key = ? order by all",
        [view, key],
    ).fetchall()
    if rows:
        cached: dict[str, list[tuple[str, str]]] = {}
        for column, table, source in rows:
            if column is not None:  # a lone null row records "traced, nothing found"
                cached.setdefault(column, []).append((table, source))
        return cached
    traced = column_lineage(sql, output_columns, schema)
    fresh = [(view, key, column, table, source) for column, sources in traced.items() for table, source in sources]
    conn.execute(f"delete from {LINEAGE_TABLE} where view = ?", [view])
    conn.executemany(
        f"insert into {LINEAGE_TABLE} values (?, ?, ?, ?, ?)", fresh or [(view, key, None, None, None)]
    )
    return traced
