"""A checksum of every table's rows, to tell whether two runs built the same warehouse.

Rows are compared as a sorted set of their text form, so the checksum does not depend on
the physical order DuckDB stored them in, only on what they hold.
"""
from __future__ import annotations

from pathlib import Path


def table_checksums(conn) -> dict[str, str]:
    tables = [row[0] for row in conn.execute(
        "select table_name from information_schema.tables where table_schema = 'main' order by table_name"
    ).fetchall()]
    return {
        table: conn.execute(
            f"select count(*) || ':' || md5(coalesce(string_agg(t::varchar, chr(10) order by t::varchar), '')) "
            f'from "{table}" as t'
        ).fetchone()[0]
        for table in tables
    }


def warehouse_checksums(path: Path) -> dict[str, str]:
    import duckdb

    with duckdb.connect(str(path), read_only=True) as conn:
        return table_checksums(conn)


def differing(first: dict[str, str], second: dict[str, str]) -> list[str]:
    """Tables whose rows differ, or that only one of the two warehouses has."""
    return sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
