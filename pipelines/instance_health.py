"""Abandoned runs: found, marked failed with the reason, and their writer-pool slots freed.

A run killed with SIGKILL (`kill -9`, the OOM killer, a closed laptop) never records its
end: Dagster keeps it STARTED and keeps its claim on the one `duckdb_writer` slot, so every
later run on the same DAGSTER_HOME would wait for it forever. A run is abandoned when
  - its process (pid recorded in the run's tags or events, on this host) is gone, or
    the pid now belongs to a process that started after the run did; or
  - its last sign of life (heartbeat file, last event) is older than `stale_after()`,
    which is the only test for a run started on another host or without a known pid.
`linimasa run` heals before it waits and while it waits; the daemon does the same through
the `abandoned_run_sensor` in `pipelines.automation`.
"""
from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

PID_TAG = "linimasa/pid"
HOST_TAG = "linimasa/host"
# A live run touches its heartbeat file every HEARTBEAT_SECONDS; one silent for
# stale_after() seconds is hung or gone (a step that emits no event for an hour is normal,
# a heartbeat thread silent for that long is not).
HEARTBEAT_SECONDS = 10
DEFAULT_STALE_SECONDS = 15 * 60
# /proc start times are in clock ticks; allow for that rounding and for clock skew.
START_SLACK_SECONDS = 5


@dataclass(frozen=True)
class Abandoned:
    run_id: str
    reason: str


def stale_after() -> float:
    return float(os.environ.get("LINIMASA_STALE_RUN_SECONDS", DEFAULT_STALE_SECONDS))


def run_tags() -> dict[str, str]:
    """Tags that let a later process decide whether this one is still alive."""
    return {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}


def heartbeat_path(instance, run_id: str) -> Path:
    return Path(instance.root_directory) / "linimasa" / "heartbeats" / run_id


def beat(instance, run_id: str) -> None:
    path = heartbeat_path(instance, run_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{os.getpid()} {socket.gethostname()}\n")


def forget_heartbeat(instance, run_id: str) -> None:
    heartbeat_path(instance, run_id).unlink(missing_ok=True)


def process_started_at(pid: int) -> float | None:
    """Wall-clock start of `pid` from /proc, or None where /proc is not there (macOS)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = next(
            float(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines() if line.startswith("btime")
        )
    except (OSError, StopIteration, ValueError):
        return None
    fields = stat.rsplit(")", 1)[1].split()  # the command name may hold spaces and ')'
    if fields[0] == "Z":  # a zombie has exited; only its parent has not read its status yet
        return float("inf")
    return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")


def process_alive(pid: int, run_started: float | None) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, under another user
        pass
    started = process_started_at(pid)
    if started is not None and run_started is not None and started > run_started + START_SLACK_SECONDS:
        return False  # the pid was reused by a later process
    return True


def run_pid(instance, run) -> tuple[int | None, str | None]:
    """The run's process and host: from our tags, else the pid the run's first event carries
    (runs launched by the daemon), assumed on this host since the instance is a local folder."""
    tags = run.tags or {}
    if PID_TAG in tags:
        try:
            return int(tags[PID_TAG]), tags.get(HOST_TAG)
        except ValueError:
            return None, tags.get(HOST_TAG)
    from dagster._core.events import DagsterEventType

    for of_type in (DagsterEventType.RUN_START, DagsterEventType.STEP_START):
        for entry in instance.all_logs(run.run_id, of_type=of_type)[:1]:
            if entry.dagster_event and entry.dagster_event.pid:
                return entry.dagster_event.pid, None
    return None, None


def last_sign_of_life(instance, record) -> float:
    """The heartbeat when the run keeps one (cheap: one stat); else its last event."""
    heartbeat = heartbeat_path(instance, record.dagster_run.run_id)
    try:
        return heartbeat.stat().st_mtime
    except OSError:
        pass
    times = [record.update_timestamp.timestamp(), record.create_timestamp.timestamp()]
    if record.start_time:
        times.append(record.start_time)
    logs = instance.all_logs(record.dagster_run.run_id)
    if logs:
        times.append(logs[-1].timestamp)
    return max(times)


def why_abandoned(instance, record, now: float | None = None, stale_seconds: float | None = None) -> str | None:
    """The reason `record`'s run is abandoned, or None while it may still be running."""
    run = record.dagster_run
    now = time.time() if now is None else now
    stale_seconds = stale_after() if stale_seconds is None else stale_seconds
    pid, host = run_pid(instance, run)
    local = host is None or host == socket.gethostname()
    if pid == os.getpid() and local:
        return None  # this very process
    if pid is not None and local and not process_alive(pid, record.start_time or record.create_timestamp.timestamp()):
        return f"its process {pid} is gone (killed or crashed without recording the end of the run)"
    silent = now - last_sign_of_life(instance, record)
    if silent > stale_seconds:
        where = f"process {pid} on {host or 'this host'}" if pid else "no known process"
        return f"no heartbeat or event for {silent:.0f} s (limit {stale_seconds:.0f} s; {where})"
    return None


def heal(instance, log=None) -> list[Abandoned]:
    """Mark every abandoned run failed and free the pool slots of runs that are over."""
    from dagster import DagsterRunStatus, RunsFilter

    healed = []
    live = [DagsterRunStatus.STARTED, DagsterRunStatus.STARTING, DagsterRunStatus.CANCELING]
    for record in instance.get_run_records(filters=RunsFilter(statuses=live)):
        reason = why_abandoned(instance, record)
        if reason is None:
            continue
        run = record.dagster_run
        message = f"Run abandoned: {reason}. Marked failed so later runs can take its writer-pool slot."
        instance.report_run_failed(run, message)
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        forget_heartbeat(instance, run.run_id)
        healed.append(Abandoned(run.run_id, reason))
        if log:
            log(f"linimasa: run {run.run_id[:8]} marked failed: {reason}")
    release_finished_slots(instance)
    return healed


def release_finished_slots(instance) -> list[str]:
    """Free slots still claimed by runs that are over or no longer in the run history."""
    from dagster._core.storage.dagster_run import FINISHED_STATUSES

    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return []
    freed = []
    for run_id in storage.get_concurrency_run_ids():
        run = instance.get_run_by_id(run_id)
        if run is None or run.status in FINISHED_STATUSES:
            storage.free_concurrency_slots_for_run(run_id)
            freed.append(run_id)
    return freed


def pool_holders(instance, pool: str, own_run_id: str | None = None) -> list[tuple[str, str]]:
    """(run id, step) pairs holding a slot in `pool`, other than `own_run_id`'s."""
    storage = instance.event_log_storage
    if pool not in storage.get_concurrency_keys():
        return []
    info = storage.get_concurrency_info(pool)
    return [(slot.run_id, slot.step_key) for slot in info.claimed_slots if slot.run_id != own_run_id]


def describe_wait(instance, pool: str, holders: list[tuple[str, str]], waited: float) -> str:
    parts = []
    for run_id, step in holders:
        run = instance.get_run_by_id(run_id)
        pid, _ = run_pid(instance, run) if run else (None, None)
        parts.append(f"run {run_id[:8]} step {step}" + (f" (pid {pid})" if pid else ""))
    return f"linimasa: waiting {waited:.0f} s for the {pool} slot held by {', '.join(parts)}; Ctrl-C to stop"
