"""The DuckDB resource: writers work on a private file and publish a snapshot.

DuckDB lets one process write a file, or many processes read it, never both. Analysts
keep read-only sessions open for hours, so writers never touch the file analysts open:
they work on `warehouse/.work/linimasa.duckdb`, and after each write the file is copied
beside the public one and renamed over it. The rename is atomic; an open session keeps
reading the snapshot it opened, and the next session sees the new one.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from dagster_duckdb import DuckDBResource
from pydantic import Field

from pipelines import settings
from pipelines.warehouse.wal import set_aside

# Every asset and check that opens the warehouse claims a slot in this pool; the instance
# (.dagster_home/dagster.yaml) gives it one slot, so scheduled, sensor and UI runs queue
# for the working file instead of failing on DuckDB's single-writer lock.
WRITER_POOL = "duckdb_writer"


class WarehouseResource(DuckDBResource):
    """dagster-duckdb's resource on the working file, publishing after every connection."""

    published_database: str = Field(description="The file analysts read; a snapshot of `database`.")

    @classmethod
    def for_paths(cls, published: Path | None = None) -> "WarehouseResource":
        published = Path(published or settings.warehouse_path())
        working = settings.working_path(published)
        working.parent.mkdir(parents=True, exist_ok=True)
        return cls(database=str(working), published_database=str(published))

    @contextmanager
    def get_connection(self):
        with super().get_connection() as conn:
            yield conn
            conn.execute("checkpoint")
        publish(Path(self.database), Path(self.published_database))


def publish(working: Path, published: Path) -> None:
    """Copy the working file next to the public one, then atomically rename it into place."""
    if not working.exists():
        return
    published.parent.mkdir(parents=True, exist_ok=True)
    staging = published.with_name(f".{published.name}.{os.getpid()}.tmp")
    shutil.copyfile(working, staging)
    # a log left beside the old file by a read-write session would not match the new one
    set_aside(published, "it belonged to the warehouse file this run replaced")
    os.replace(staging, published)
