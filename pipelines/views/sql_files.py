"""Read `sql/*.sql`: each file is one view, named after the file, its inputs read from the SQL."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import sqlglot
from sqlglot import exp

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"
DIALECT = "duckdb"


@dataclass(frozen=True)
class SqlView:
    """One `sql/<name>.sql` file: the view `name`, built from the tables in `deps`."""

    name: str
    path: Path
    sql: str
    deps: tuple[str, ...]
    code_version: str
    description: str
    columns: dict[str, str] = field(default_factory=dict)  # column -> what it means


def sql_dependencies(sql: str) -> tuple[str, ...]:
    """Tables and views the query reads: every table reference except the query's own CTEs.

    Names that are not known tables are kept on purpose: a view reading another view
    depends on that view's asset, so adding a file is all it takes.
    """
    tree = sqlglot.parse_one(sql, read=DIALECT)
    cte_names = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    tables = {
        table.name.lower()
        for table in tree.find_all(exp.Table)
        if table.name and table.name.lower() not in cte_names
    }
    return tuple(sorted(tables))


def code_version(sql: str) -> str:
    """A short hash of the SQL text: Dagster marks the view stale when the file changes."""
    return hashlib.sha256(sql.encode("utf-8")).hexdigest()[:16]


def leading_comment(sql: str) -> str:
    """The `--` comment block the file opens with, as the asset's description."""
    lines = []
    for line in sql.splitlines():
        stripped = line.strip()
        if not stripped.startswith("--"):
            break
        lines.append(stripped[2:].strip())
    return " ".join(lines)


_COLUMN_LINE = re.compile(r"^--\s+([a-z_][a-z0-9_]*):\s+(.+)$")


def column_comments(sql: str) -> dict[str, str]:
    """The `-- columns:` block after the opening comment: one `--   name: meaning` per column.

        -- columns:
        --   timeline_position: Place of the event on the timeline, from 1.
    """
    columns: dict[str, str] = {}
    inside = False
    for line in sql.splitlines():
        stripped = line.strip()
        if stripped == "-- columns:":
            inside = True
            continue
        if inside:
            match = _COLUMN_LINE.match(stripped)
            if not match:
                break
            columns[match.group(1)] = match.group(2).strip()
    return columns


def read_view(path: Path) -> SqlView:
    sql = path.read_text(encoding="utf-8")
    return SqlView(
        name=path.stem,
        path=path,
        sql=sql,
        deps=tuple(dep for dep in sql_dependencies(sql) if dep != path.stem),
        code_version=code_version(sql),
        description=leading_comment(sql),
        columns=column_comments(sql),
    )


def read_views(folder: Path = SQL_DIR) -> list[SqlView]:
    """Every `*.sql` file in `folder`, sorted by name."""
    return [read_view(path) for path in sorted(Path(folder).glob("*.sql"))]
