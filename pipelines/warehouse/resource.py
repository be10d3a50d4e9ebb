"""The DuckDB resource: writers work on a private file; a run publishes it once, at its end.

DuckDB lets one process write a file, or many processes read it, never both. Analysts
keep read-only sessions open for hours, so writers never touch the file analysts open:
they work on `warehouse/.work/linimasa.duckdb`. The last step of a run (the
`published_warehouse` asset, see `pipelines/warehouse/publish.py`) copies that file to a
staging file beside the public one, flushes it to disk and renames it over the public one.
The rename is atomic, so analysts see the previous run's warehouse or the new one, never a
mix; an open session keeps reading the snapshot it opened.
"""
from __future__ import annotations

import errno
import os
import re
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

# Copying a 1 GiB warehouse through a 1 MiB buffer keeps the copy's memory flat.
COPY_BUFFER_BYTES = 1024 * 1024


class PublishError(Exception):
    """The working copy could not be published; the public file is the previous one."""


class WarehouseResource(DuckDBResource):
    """dagster-duckdb's resource on the working file; analysts read `published_database`."""

    published_database: str = Field(description="The file analysts read; a snapshot of `database`.")

    @classmethod
    def for_paths(cls, published: Path | None = None) -> "WarehouseResource":
        published = Path(published or settings.warehouse_path())
        working = settings.working_path(published)
        working.parent.mkdir(parents=True, exist_ok=True)
        return cls(
            database=str(working),
            published_database=str(published),
            # DuckDB's default is 80% of RAM for its buffers; the warehouse's joins and
            # staging fit in far less, and spill to disk beyond it.
            connection_config={"memory_limit": settings.duckdb_memory_limit()},
        )

    @contextmanager
    def get_connection(self):
        with super().get_connection() as conn:
            yield conn
            # The write-ahead log folded into the file: the file alone is the whole warehouse,
            # which is what the publish step copies.
            conn.execute("checkpoint")


def staging_path(published: Path) -> Path:
    return published.with_name(f".{published.name}.{os.getpid()}.publishing")


def _staging_pattern(published: Path) -> re.Pattern:
    # `.linimasa.duckdb.4242.publishing`, and `.linimasa.duckdb.4242.tmp` from older versions
    return re.compile(rf"^\.{re.escape(published.name)}\.(\d+)\.(publishing|tmp)$")


def remove_stale_staging(published: Path) -> list[Path]:
    """Delete staging files left by a publish that was killed or ran out of disk, so their
    space is free again; a file of a publisher that is still alive is left alone."""
    removed = []
    if not published.parent.is_dir():
        return removed
    pattern = _staging_pattern(published)
    for path in published.parent.iterdir():
        match = pattern.match(path.name)
        if not match:
            continue
        pid = int(match.group(1))
        if pid != os.getpid() and _alive(pid):
            continue
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def copy_file(source: Path, target: Path) -> None:
    """Copy and flush to disk, so the rename never installs a file the kernel has not written."""
    with open(source, "rb") as reader, open(target, "wb") as writer:
        shutil.copyfileobj(reader, writer, COPY_BUFFER_BYTES)
        writer.flush()
        os.fsync(writer.fileno())


def publish(working: Path, published: Path) -> int:
    """Copy the working file beside the public one, then rename it into place; returns bytes.

    On any failure (a full disk above all) the staging file is removed and the public file
    is left exactly as it was."""
    if not working.exists():
        raise PublishError(f"no working warehouse at {working} to publish")
    published.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(published)
    staging = staging_path(published)
    size = working.stat().st_size
    try:
        copy_file(working, staging)
        # a log left beside the old file by a read-write session would not match the new one
        set_aside(published, "it belonged to the warehouse file this run replaced")
        os.replace(staging, published)
        _fsync_folder(published.parent)
    except OSError as error:
        staging.unlink(missing_ok=True)
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise PublishError(
                f"not enough disk space in {published.parent} to publish the warehouse "
                f"({size / 2**20:.0f} MiB needed); {published} is unchanged. "
                "Free some space and run again: the working copy is kept, so the next run only publishes."
            ) from None
        raise PublishError(f"could not publish the warehouse to {published} ({error}); it is unchanged") from None
    return size


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
