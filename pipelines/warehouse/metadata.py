"""What the Dagster UI shows for a table: row count, column schema and a markdown preview."""
from __future__ import annotations

import dagster as dg

PREVIEW_ROWS = 10
PREVIEW_CELL_CHARS = 80

Schema = dict[str, dict[str, str]]  # table -> column -> type


def table_metadata(conn, name: str, order_by: str | None = None) -> dict:
    """The standard metadata every warehouse asset attaches to its materialisation."""
    from pipelines.warehouse.schema import COLUMN_DESCRIPTIONS

    return {
        "dagster/row_count": dg.MetadataValue.int(row_count(conn, name)),
        "dagster/column_schema": table_schema(conn, name, COLUMN_DESCRIPTIONS.get(name)),
        "preview": dg.MetadataValue.md(preview_markdown(conn, name, order_by=order_by)),
    }


def live_schema(conn) -> Schema:
    """Columns and types of every table and view in the warehouse's main schema."""
    schema: Schema = {}
    rows = conn.execute(
        "select table_name, column_name, data_type from information_schema.columns "
        "where table_schema = 'main' order by table_name, ordinal_position"
    ).fetchall()
    for table, column, data_type in rows:
        schema.setdefault(table.lower(), {})[column.lower()] = data_type
    return schema


def table_schema(conn, name: str, descriptions: dict[str, str] | None = None) -> dg.TableSchema:
    """Columns and types as DuckDB has them, each with what it means (shown in the UI)."""
    rows = conn.execute(f'describe "{name}"').fetchall()
    descriptions = descriptions or {}
    return dg.TableSchema(columns=[dg.TableColumn(name=row[0], type=row[1], description=descriptions.get(row[0]))
                                   for row in rows])


def cell_text(value, limit: int = PREVIEW_CELL_CHARS) -> str:
    """A cell as short, single-line markdown-safe text; lists read as comma-separated."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(cell_text(item, limit) for item in value)
    text = " ".join(str(value).split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def markdown_table(columns: list[str], rows: list[tuple]) -> str:
    head = "| " + " | ".join(columns) + " |"
    rule = "| " + " | ".join("---" for _ in columns) + " |"
    body = ["| " + " | ".join(cell_text(value) for value in row) + " |" for row in rows]
    return "\n".join([head, rule, *body])


def preview_markdown(conn, name: str, limit: int = PREVIEW_ROWS, order_by: str | None = None) -> str:
    order = f" order by {order_by}" if order_by else ""
    cursor = conn.execute(f'select * from "{name}"{order} limit {int(limit)}')
    columns = [item[0] for item in cursor.description]
    return markdown_table(columns, cursor.fetchall())


def row_count(conn, name: str) -> int:
    return conn.execute(f'select count(*) from "{name}"').fetchone()[0]
