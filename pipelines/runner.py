"""`linimasa run`: the main job, in process, against the project's Dagster instance."""
from __future__ import annotations

import os
import sys
import time

from pipelines import settings
from pipelines.views.assets import PICTURE_TABLE
from pipelines.views.lineage import LINEAGE_TABLE
from pipelines.warehouse.schema import BOOKKEEPING_TABLES, TABLES

VIEW_CACHES = {LINEAGE_TABLE, PICTURE_TABLE}


def main(argv: list[str]) -> int:
    if argv:
        print("usage: linimasa run   (configure with LINIMASA_ARTICLES / LINIMASA_WAREHOUSE)", file=sys.stderr)
        return 2
    os.environ.setdefault("DAGSTER_HOME", str(settings.PROJECT_ROOT / ".dagster_home"))
    started = time.perf_counter()
    result = run_job()
    elapsed = time.perf_counter() - started
    print_summary(elapsed)
    if not result.success:
        failed = [event.step_key or "" for event in result.all_events if event.is_step_failure]
        print(f"linimasa run failed in: {', '.join(failed) or 'run setup'} (details in the Dagster UI run history)", file=sys.stderr)
        for line in publish_failure(result):
            print(f"  {line}", file=sys.stderr)
    return 0 if result.success else 1


def publish_failure(result) -> list[str]:
    """Why publishing failed (a full disk, a broken blocking rule), one line, as the user must act on it."""
    from pipelines.warehouse.publish import PUBLISH_ASSET

    lines = []
    for event in result.all_events:
        if event.is_step_failure and event.step_key == PUBLISH_ASSET:
            message = event.step_failure_data.error.message.strip().splitlines()[-1]
            lines.append(message.split("Failure: ", 1)[-1])
    return lines


def run_job():
    from dagster import DagsterInstance

    from pipelines.definitions import defs

    instance = DagsterInstance.get()
    release_abandoned_slots(instance)
    # Step-by-step debug lines belong in the UI's run history, not in a terminal summary.
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    return defs.resolve_job_def("linimasa_job").execute_in_process(
        run_config=quiet, instance=instance, raise_on_error=False
    )


def release_abandoned_slots(instance) -> None:
    """Free writer-pool slots still held by runs that are over (a killed process leaves
    its claim behind), so one crash cannot make every later run wait forever."""
    from dagster import DagsterRunStatus

    from pipelines.warehouse.resource import WRITER_POOL

    storage = instance.event_log_storage
    if WRITER_POOL not in storage.get_concurrency_keys():
        return
    live = {DagsterRunStatus.STARTED, DagsterRunStatus.STARTING, DagsterRunStatus.QUEUED, DagsterRunStatus.NOT_STARTED}
    for run_id in storage.get_concurrency_info(WRITER_POOL).active_run_ids:
        run = instance.get_run_by_id(run_id)
        if run is None or run.status not in live:
            storage.free_concurrency_slots_for_run(run_id)


def analyst_tables() -> list[str]:
    """The warehouse tables in schema order, without the bookkeeping ones."""
    return [table for table in TABLES if table not in BOOKKEEPING_TABLES]


def print_summary(elapsed: float) -> None:
    import duckdb

    path = settings.warehouse_path()
    if not path.exists():
        print(f"\nno warehouse at {path} after {elapsed:.1f} s", file=sys.stderr)
        return
    print(f"\nwarehouse {path} ({elapsed:.1f} s)")
    with duckdb.connect(str(path), read_only=True) as conn:
        present = {row[0] for row in conn.execute("select table_name from information_schema.tables").fetchall()}
        tables = [t for t in analyst_tables() if t in present] + sorted(present - set(TABLES) - VIEW_CACHES)
        width = max(len(t) for t in tables)
        for table in tables:
            count = conn.execute(f'select count(*) from "{table}"').fetchone()[0]
            print(f"  {table:<{width}}  {count:>8}")
