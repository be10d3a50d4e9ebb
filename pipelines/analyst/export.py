"""Export the warehouse for other tools: Parquet and CSV of every table and view analysts
query (not the internal ones: sightings, the extraction log, the views' caches of pictures
and lineage), and the cooperation networks as GraphML and GEXF (Gephi)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import networkx as nx

from pipelines.analyst.csv_cells import safe_cell_sql
from pipelines.analyst.network import actor_graph, country_graph
from pipelines.warehouse.schema import INTERNAL_TABLES

NETWORKS = {"actor_cooperation": actor_graph, "country_cooperation": country_graph}


def _tables(conn) -> list[tuple[str, list[tuple[str, str]]]]:
    """(name, [(column, type)]) of every table and view in the main schema analysts query."""
    rows = conn.execute(
        "select table_name, column_name, data_type from information_schema.columns "
        "where table_schema = 'main' order by table_name, ordinal_position"
    ).fetchall()
    tables: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        if table in INTERNAL_TABLES:
            continue
        tables.setdefault(table, []).append((column, data_type))
    return sorted(tables.items())


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _path_literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _csv_select(table: str, columns: list[tuple[str, str]]) -> str:
    """Lists and structs become JSON text in CSV, so a value with a comma stays one value;
    text that a spreadsheet would run as a formula gets a leading `'` (see csv_cells)."""
    nested = ("[]", "STRUCT", "MAP")
    parts = [
        f"to_json({_quoted(name)}) as {_quoted(name)}" if any(mark in data_type.upper() for mark in nested)
        else f"{safe_cell_sql(_quoted(name))} as {_quoted(name)}" if data_type.upper() == "VARCHAR"
        else _quoted(name)
        for name, data_type in columns
    ]
    return f"select {', '.join(parts)} from {_quoted(table)}"


def export_all(db_path: Path | str, out_dir: Path | str) -> list[Path]:
    """Write `parquet/<name>.parquet`, `csv/<name>.csv` for every analyst table and view, and
    `network/<view>.graphml|.gexf` for the cooperation views; returns the files written."""
    out = Path(out_dir)
    for folder in ("parquet", "csv", "network"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with duckdb.connect(str(db_path), read_only=True) as conn:
        tables = _tables(conn)
        for table, columns in tables:
            parquet = out / "parquet" / f"{table}.parquet"
            conn.execute(f"copy (select * from {_quoted(table)}) to {_path_literal(parquet)} (format parquet)")
            csv = out / "csv" / f"{table}.csv"
            conn.execute(f"copy ({_csv_select(table, columns)}) to {_path_literal(csv)} (format csv, header)")
            written += [parquet, csv]
        present = {table for table, _ in tables}
        for view, build_graph in NETWORKS.items():
            if view not in present:
                continue
            graph = build_graph(conn)
            graphml = out / "network" / f"{view}.graphml"
            gexf = out / "network" / f"{view}.gexf"
            nx.write_graphml(graph, graphml)
            nx.write_gexf(graph, gexf)
            written += [graphml, gexf]
    return written
