"""Ad hoc SQL on the warehouse, read-only, printed as an aligned table, CSV or JSON."""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
from pathlib import Path

import duckdb

from pipelines.analyst.csv_cells import safe_cell

FORMATS = ("table", "csv", "json")
TABLE_CELL_CHARS = 60


def open_read_only(db_path: Path | str) -> duckdb.DuckDBPyConnection:
    """A connection that can neither change the warehouse nor read or write other files
    (no COPY TO, ATTACH or read_csv): analysts' queries cannot damage anything."""
    path = Path(db_path)
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}; run `linimasa run` first")
    conn = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    conn.execute("set enable_progress_bar = false")  # it would draw over `linimasa sql ... | head`
    return conn


def _plain(value):
    """A JSON-friendly value: dates ISO, decimals as numbers, lists and structs kept."""
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(item) for item in value)
    value = _plain(value)
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)


def format_table(columns: list[str], rows: list[tuple], max_width: int = TABLE_CELL_CHARS) -> str:
    """Columns padded to their widest cell (capped, long cells end in '…'); numbers right-aligned."""
    def clip(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[clip(_cell(value)) for value in row] for row in rows]
    numeric = [all(isinstance(row[i], (int, float, decimal.Decimal)) and not isinstance(row[i], bool)
                   for row in rows if row[i] is not None) and any(row[i] is not None for row in rows)
               for i in range(len(columns))]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(value.rjust(widths[i]) if numeric[i] else value.ljust(widths[i])
                         for i, value in enumerate(values)).rstrip()

    out = [line(columns), "  ".join("-" * width for width in widths)]
    out.extend(line(row) for row in cells)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def format_csv(columns: list[str], rows: list[tuple]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([
            json.dumps(_plain(value), ensure_ascii=False) if isinstance(value, (list, tuple, dict))
            else "" if value is None else safe_cell(value) if isinstance(value, str) else _plain(value)
            for value in row
        ])
    return buffer.getvalue()


def format_json(columns: list[str], rows: list[tuple]) -> str:
    records = [{name: _plain(value) for name, value in zip(columns, row)} for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=2)


def run_query(db_path: Path | str, sql: str, fmt: str = "table") -> str:
    """Run `sql` on the warehouse opened read-only and render the result as `fmt`."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    with open_read_only(db_path) as conn:
        cursor = conn.execute(sql)
        if cursor.description is None:
            return ""
        columns = [item[0] for item in cursor.description]
        rows = cursor.fetchall()
    return {"table": format_table, "csv": format_csv, "json": format_json}[fmt](columns, rows)
