"""Where Linimasa reads and writes, overridable through the environment (see README)."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]

# Articles larger than this are rejected: a news story is a few KB, and a multi-megabyte
# "article" is nearly always a dump or a mistake that would dominate a run.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
# A .jsonl file is a batch of articles, so it may be larger; each line still obeys the limit above.
MAX_JSONL_BYTES = 64 * 1024 * 1024


def articles_dir() -> Path:
    return Path(os.environ.get("LINIMASA_ARTICLES", PROJECT_ROOT / "seeds" / "articles")).resolve()


def warehouse_path() -> Path:
    return Path(os.environ.get("LINIMASA_WAREHOUSE", PROJECT_ROOT / "warehouse" / "linimasa.duckdb")).resolve()


def working_path(published: Path | None = None) -> Path:
    """The file writers work on; readers see `warehouse_path()`, a published copy of it."""
    published = published or warehouse_path()
    return published.parent / ".work" / published.name


def allow_empty() -> bool:
    """`linimasa run --allow-empty` (or LINIMASA_ALLOW_EMPTY=1): an article folder with no
    file empties the warehouse instead of failing the run and keeping it."""
    return os.environ.get("LINIMASA_ALLOW_EMPTY", "") not in ("", "0")


def duckdb_memory_limit() -> str:
    """DuckDB's buffer memory for the pipeline (LINIMASA_DUCKDB_MEMORY, default 1GB)."""
    return os.environ.get("LINIMASA_DUCKDB_MEMORY", "1GB")
