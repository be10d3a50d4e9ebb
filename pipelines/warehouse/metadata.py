"""Asset metadata for the UI: row count, column schema and a markdown preview."""
from __future__ import annotations

from dagster import MetadataValue, TableColumn, TableSchema

PREVIEW_ROWS = 10
PREVIEW_CELL_CHARS = 60


def table_metadata(conn, table: str, order_by: str | None = None) -> dict:
    described = conn.execute(f"describe {table}").fetchall()
    schema = TableSchema(columns=[TableColumn(name=row[0], type=row[1]) for row in described])
    row_count = conn.execute(f"select count(*) from {table}").fetchone()[0]
    order = f" order by {order_by}" if order_by else ""
    cursor = conn.execute(f"select * from {table}{order} limit {PREVIEW_ROWS}")
    header = [column[0] for column in cursor.description]
    return {
        "dagster/row_count": MetadataValue.int(row_count),
        "dagster/column_schema": schema,
        "preview": MetadataValue.md(markdown_table(header, cursor.fetchall())),
    }


def markdown_table(header: list[str], rows: list[tuple]) -> str:
    def cell(value) -> str:
        text = "" if value is None else str(value)
        text = text.replace("\n", " ").replace("|", "\\|")
        return text if len(text) <= PREVIEW_CELL_CHARS else text[: PREVIEW_CELL_CHARS - 1] + "…"

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)
