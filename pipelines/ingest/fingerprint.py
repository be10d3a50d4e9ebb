"""One hash for the state of the article folder: every file's path, size and modification time.

Ingest records the hash it read the folder at (table `ingested_folder`); the sensor hashes
the folder again and launches a run only when the two differ. So a folder already loaded,
by `linimasa run` or by an earlier sensor run, launches nothing.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pipelines import settings


def folder_fingerprint(folder: Path | None = None) -> tuple[str, int]:
    """(hash, number of files) of every file below `folder` (default: the article folder)."""
    folder = Path(folder or settings.articles_dir())
    digest = hashlib.sha256()
    count = 0
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if not p.is_dir()):
            try:
                stat = path.stat()
            except OSError:  # a dangling link still counts as a file the run must see
                stat = path.lstat()
            name = os.fsencode(path.relative_to(folder).as_posix())  # names need not be valid UTF-8
            digest.update(name + f"\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
            count += 1
    return digest.hexdigest()[:20], count


def ingested_fingerprint(warehouse: Path) -> str | None:
    """The folder hash the published warehouse was last ingested at; None before any ingest."""
    import duckdb

    if not Path(warehouse).exists():
        return None
    try:
        with duckdb.connect(str(warehouse), read_only=True) as conn:
            row = conn.execute("select fingerprint from ingested_folder").fetchone()
    except duckdb.Error:  # a warehouse from before this record, or mid-replacement: ask for a run
        return None
    return row[0] if row else None
