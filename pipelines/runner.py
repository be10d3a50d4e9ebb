"""`linimasa run`: the main job, in process, against the project's Dagster instance."""
from __future__ import annotations

import os
import signal
import sys
import threading
import time

from pipelines import instance_health, settings
from pipelines.warehouse.schema import BOOKKEEPING_TABLES, TABLES, VIEW_CACHE_TABLES

WAIT_REPORT_SECONDS = 10
HEAL_EVERY_SECONDS = 5


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="linimasa run",
        description="Materialise every asset (configure with LINIMASA_ARTICLES / LINIMASA_WAREHOUSE).")
    parser.add_argument("--no-progress", action="store_true",
                        help="no progress bar (it is left out anyway when the output is not a terminal)")
    parser.add_argument("--allow-empty", action="store_true",
                        help="let an article folder without files empty the warehouse (otherwise the run fails)")
    args = parser.parse_args(argv)
    if args.allow_empty:
        os.environ["LINIMASA_ALLOW_EMPTY"] = "1"
    os.environ.setdefault("DAGSTER_HOME", str(settings.PROJECT_ROOT / ".dagster_home"))
    from pipelines.warehouse.wal import check_public_wal

    check_public_wal(settings.warehouse_path())
    started = time.perf_counter()
    result = run_job(bars=not args.no_progress and sys.stdout.isatty() and sys.stderr.isatty())
    elapsed = time.perf_counter() - started
    print_changes(materialized_metadata(result))
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


def run_job(bars: bool = False):
    """The main job in this process: a line per step as it starts and ends, and, with `bars`,
    a progress bar over the documents each extraction step works through."""
    from contextlib import nullcontext

    from dagster import DagsterInstance
    from dagster._core.utils import make_new_run_id

    from pipelines.definitions import defs
    from pipelines.progress import show_bars, step_lines_logger

    instance = DagsterInstance.get()
    wait_for_writer_slot(instance)
    run_id = make_new_run_id()
    job = defs.resolve_job_def("linimasa_job")
    job = job.with_logger_defs({**job.loggers, "step_lines": step_lines_logger()})
    # Dagster's own per-event lines belong in the UI's run history, not in the terminal.
    config = {"loggers": {"console": {"config": {"log_level": "WARNING"}}, "step_lines": {}}}
    with RunWatch(instance, run_id), (show_bars() if bars else nullcontext()):
        return job.execute_in_process(run_config=config, instance=instance, raise_on_error=False,
                                      run_id=run_id, tags=instance_health.run_tags())


def wait_for_writer_slot(instance, interval: float = WAIT_REPORT_SECONDS) -> None:
    """Before starting: clear abandoned runs, then wait (saying for what) while a live run
    writes. Plain Python here, so Ctrl-C and SIGTERM stop the wait at once."""
    from pipelines.warehouse.resource import WRITER_POOL

    started = time.monotonic()
    last_report = last_heal = None
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        while True:
            if last_heal is None or time.monotonic() - last_heal >= HEAL_EVERY_SECONDS:
                instance_health.heal(instance, log=_say)
                last_heal = time.monotonic()
            holders = instance_health.pool_holders(instance, WRITER_POOL)
            if not holders:
                return
            now = time.monotonic()
            if last_report is None or now - last_report >= interval:
                _say(instance_health.describe_wait(instance, WRITER_POOL, holders, now - started))
                last_report = now
            time.sleep(1)
    except KeyboardInterrupt:
        _say("linimasa: stopped while waiting for the writer slot; nothing was run")
        raise SystemExit(130) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


class RunWatch:
    """A thread beside the run: touches its heartbeat, and while a step waits for the writer
    slot (another run took it between our check and our start), heals, says what it waits
    for every 10 s, and ends the run on SIGINT/SIGTERM, which Dagster only records while
    no step is executing."""

    def __init__(self, instance, run_id: str, interval: float = WAIT_REPORT_SECONDS):
        self.instance, self.run_id, self.interval = instance, run_id, interval
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, name="linimasa-run-watch", daemon=True)

    def __enter__(self):
        instance_health.beat(self.instance, self.run_id)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=5)
        instance_health.forget_heartbeat(self.instance, self.run_id)
        return False

    def _watch(self) -> None:
        from dagster._utils.interrupts import check_captured_interrupt

        from pipelines.warehouse.resource import WRITER_POOL

        last_beat = last_report = time.monotonic()
        waiting_since = None
        while not self.stop.wait(1):
            now = time.monotonic()
            if now - last_beat >= instance_health.HEARTBEAT_SECONDS:
                instance_health.beat(self.instance, self.run_id)
                last_beat = now
            if not self._blocked(WRITER_POOL):
                waiting_since = None
                continue
            waiting_since = waiting_since or now
            if check_captured_interrupt():
                self._abandon_wait()
            if now - last_report >= self.interval:
                instance_health.heal(self.instance, log=_say)
                holders = instance_health.pool_holders(self.instance, WRITER_POOL, self.run_id)
                if holders:  # none: the slot is free and Dagster hands it over on its next poll
                    _say(instance_health.describe_wait(self.instance, WRITER_POOL, holders, now - waiting_since))
                    last_report = now

    def _blocked(self, pool: str) -> bool:
        storage = self.instance.event_log_storage
        if pool not in storage.get_concurrency_keys():
            return False
        pending = storage.get_concurrency_info(pool).pending_steps
        return any(step.run_id == self.run_id and step.assigned_timestamp is None for step in pending)

    def _abandon_wait(self) -> None:
        run = self.instance.get_run_by_id(self.run_id)
        if run is not None:
            self.instance.report_run_canceled(run, "Stopped by SIGINT/SIGTERM while waiting for the writer slot.")
        self.instance.event_log_storage.free_concurrency_slots_for_run(self.run_id)
        instance_health.forget_heartbeat(self.instance, self.run_id)
        _say("linimasa: stopped while waiting for the writer slot; the run is recorded as canceled")
        sys.stderr.flush()
        os._exit(130)  # no step is executing, so there is nothing to roll back


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


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
