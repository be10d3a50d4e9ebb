"""A `.wal` beside the public warehouse file: explained, and set aside when it is foreign.

The pipeline only ever replaces `warehouse/linimasa.duckdb` by an atomic rename, and never
writes a log beside it. A `linimasa.duckdb.wal` there comes from someone who opened the
public file read-write (against the README's advice) and whose session ended without a
checkpoint. Once the next run renames a new file into place, that log belongs to a file
that is gone, and DuckDB refuses to open the new one ("WAL does not match database
file") for every reader and every later run. Such a log holds nothing the warehouse
needs, so it is renamed to `linimasa.duckdb.wal.stale-<UTC time>` and kept for whoever
wants their session's changes back.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + ".wal")


def set_aside(database: Path, why: str) -> Path | None:
    """Rename the log beside `database` out of DuckDB's way; returns its new path."""
    wal = wal_path(database)
    if not wal.exists():
        return None
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    aside = wal.with_name(f"{wal.name}.stale-{stamp}")
    os.replace(wal, aside)
    print(f"linimasa: moved {wal.name} aside to {aside.name}: {why}", file=sys.stderr)
    return aside


def check_public_wal(database: Path) -> Path | None:
    """Before reading or replacing the public file: a log that does not belong to it is set
    aside (returned); a log of a read-write session still open is explained, and left."""
    import duckdb

    database = Path(database)
    if not wal_path(database).exists() or not database.exists():
        return None
    try:
        duckdb.connect(str(database), read_only=True).close()
    except duckdb.IOException as error:
        message = str(error)
        if "lock" in message.lower():
            print(
                f"linimasa: {database} is open read-write in another process (it left "
                f"{wal_path(database).name}); close that session: the pipeline replaces this file "
                "and only read-only sessions are safe on it",
                file=sys.stderr,
            )
            return None
        if "WAL" in message or "wal" in message:
            return set_aside(database, "it does not belong to the current warehouse file "
                                       "(left by a read-write session on a file since replaced)")
        raise
    return None
