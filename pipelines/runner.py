"""`linimasa run`: the main job, in process, against the project's Dagster instance."""
from __future__ import annotations

import os
import sys
import time

from pipelines import settings
from pipelines.warehouse.schema import BOOKKEEPING_TABLES, TABLES, VIEW_CACHE_TABLES


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="linimasa run",
        description="Materialise every asset (configure with LINIMASA_ARTICLES / LINIMASA_WAREHOUSE).")
    parser.add_argument("--no-progress", action="store_true",
                        help="no progress bar (it is left out anyway when the output is not a terminal)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DAGSTER_HOME", str(settings.PROJECT_ROOT / ".dagster_home"))
    started = time.perf_counter()
    result = run_job(bars=not args.no_progress and sys.stdout.isatty() and sys.stderr.isatty())
    elapsed = time.perf_counter() - started
    print_changes(materialized_metadata(result))
    print_summary(elapsed)
    if not result.success:
        failed = [event.step_key or "" for event in result.all_events if event.is_step_failure]
        print(f"linimasa run failed in: {', '.join(failed) or 'run setup'} (details in the Dagster UI run history)", file=sys.stderr)
    return 0 if result.success else 1


def run_job(bars: bool = False):
    """The main job in this process: a line per step as it starts and ends, and, with `bars`,
    a progress bar over the documents each extraction step works through."""
    from contextlib import nullcontext

    from dagster import DagsterInstance

    from pipelines.definitions import defs
    from pipelines.progress import show_bars, step_lines_logger

    instance = DagsterInstance.get()
    release_abandoned_slots(instance)
    job = defs.resolve_job_def("linimasa_job")
    job = job.with_logger_defs({**job.loggers, "step_lines": step_lines_logger()})
    # Dagster's own per-event lines belong in the UI's run history, not in the terminal.
    config = {"loggers": {"console": {"config": {"log_level": "WARNING"}}, "step_lines": {}}}
    with show_bars() if bars else nullcontext():
        return job.execute_in_process(run_config=config, instance=instance, raise_on_error=False)


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
        tables = [t for t in analyst_tables() if t in present] + sorted(present - set(TABLES) - VIEW_CACHE_TABLES)
        width = max(len(t) for t in tables)
        for table in tables:
            count = conn.execute(f'select count(*) from "{table}"').fetchone()[0]
            print(f"  {table:<{width}}  {count:>8}")


def materialized_metadata(result) -> dict[str, dict]:
    """asset -> its materialisation's metadata as plain values, for every asset this run wrote."""
    metadata: dict[str, dict] = {}
    for event in result.all_events:
        if event.event_type_value == "ASSET_MATERIALIZATION":
            materialization = event.event_specific_data.materialization
            metadata[materialization.asset_key.to_user_string()] = {
                key: value.value for key, value in materialization.metadata.items()}
    return metadata


def change_lines(metadata: dict[str, dict]) -> list[str]:
    """What the run changed, from the metadata the assets attach (the same the UI shows)."""
    lines = []
    documents = metadata.get("documents", {})
    if "documents_new" in documents:
        lines.append(
            f"documents: {documents['documents_new']} added, {documents['documents_changed']} changed, "
            f"{documents['documents_removed']} removed, {documents.get('documents_rejected', 0)} rejected "
            f"({documents['documents_unchanged']} unchanged)")
    for label, asset in (("events", "events"), ("cooperation pairs", "actor_cooperation"),
                         ("country pairs", "country_cooperation")):
        values = metadata.get(asset, {})
        if "rows_added" in values:
            lines.append(f"{label}: {values['rows_added']} added, {values['rows_removed']} removed, "
                         f"{values.get('dagster/row_count', '?')} now")
    return lines


def print_changes(metadata: dict[str, dict]) -> None:
    lines = change_lines(metadata)
    if lines:
        print("\nwhat changed")
        for line in lines:
            print(f"  {line}")
