"""Column lineage of a SQL view, as far as sqlglot can trace it.

sqlglot needs the columns of every input to expand `select *` and resolve bare column
names, so the caller passes the live schema. Columns it cannot trace (e.g. through
`union all by name` or list functions) are left out rather than guessed.
"""
from __future__ import annotations

import logging

from sqlglot import exp, lineage as sqlglot_lineage
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import build_scope

from pipelines.views.sql_files import DIALECT

log = logging.getLogger(__name__)

Schema = dict[str, dict[str, str]]  # table -> column -> type


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
