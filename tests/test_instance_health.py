"""Abandoned runs: a killed run must not keep the writer slot, and a waiting run must stop on request."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dagster import DagsterInstance, DagsterRun, DagsterRunStatus

from pipelines import instance_health
from pipelines.warehouse.resource import WRITER_POOL

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A DAGSTER_HOME with the project's instance settings (one writer slot), and a warehouse in tmp."""
    dagster_home = tmp_path / "dagster_home"
    dagster_home.mkdir()
    shutil.copy(PROJECT / ".dagster_home" / "dagster.yaml", dagster_home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(dagster_home))
    monkeypatch.setenv("LINIMASA_WAREHOUSE", str(tmp_path / "warehouse" / "linimasa.duckdb"))
    monkeypatch.setenv("LINIMASA_ARTICLES", str(PROJECT / "seeds" / "articles"))
    return dagster_home


def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def add_started_run(instance, tags: dict[str, str]) -> DagsterRun:
    run = instance.add_run(DagsterRun(job_name="linimasa_job", status=DagsterRunStatus.STARTED, tags=tags))
    instance.event_log_storage.initialize_concurrency_limit_to_default(WRITER_POOL)
    instance.event_log_storage.claim_concurrency_slot(WRITER_POOL, run.run_id, "ingest_articles")
    return run


def claimed(instance) -> list[str]:
    return [run_id for run_id, _ in instance_health.pool_holders(instance, WRITER_POOL)]


def test_run_whose_process_is_gone_is_failed_and_frees_its_slot(home):
    instance = DagsterInstance.get()
    run = add_started_run(instance, {instance_health.PID_TAG: str(dead_pid())})
    assert claimed(instance) == [run.run_id]

    healed = instance_health.heal(instance)

    assert [item.run_id for item in healed] == [run.run_id]
    assert "is gone" in healed[0].reason
    assert instance.get_run_by_id(run.run_id).status == DagsterRunStatus.FAILURE
    assert claimed(instance) == []


def test_run_whose_process_lives_is_left_alone(home):
    instance = DagsterInstance.get()
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        run = add_started_run(instance, {instance_health.PID_TAG: str(sleeper.pid)})
        assert instance_health.heal(instance) == []
        assert instance.get_run_by_id(run.run_id).status == DagsterRunStatus.STARTED
        assert claimed(instance) == [run.run_id]
    finally:
        sleeper.kill()
        sleeper.wait()


def test_run_on_another_host_is_failed_only_once_silent_too_long(home, monkeypatch):
    instance = DagsterInstance.get()
    run = add_started_run(instance, {instance_health.PID_TAG: "1", instance_health.HOST_TAG: "another-host"})
    assert instance_health.heal(instance) == []  # pid 1 elsewhere says nothing; it spoke just now

    monkeypatch.setenv("LINIMASA_STALE_RUN_SECONDS", "1")
    time.sleep(2.5)
    healed = instance_health.heal(instance)

    assert [item.run_id for item in healed] == [run.run_id]
    assert "no heartbeat" in healed[0].reason
    assert instance.get_run_by_id(run.run_id).status == DagsterRunStatus.FAILURE


def linimasa_run(**kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipelines.cli", "run"], cwd=PROJECT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, **kwargs,
    )


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def test_kill_9_mid_run_then_a_new_run_finishes(home):
    instance = DagsterInstance.get()
    first = linimasa_run()
    try:
        # Mid-run: the run exists and one of its steps holds the writer slot.
        holder = wait_for(lambda: claimed(instance), 180, "the first run to hold the writer slot")[0]
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    killed = instance.get_run_by_id(holder)
    assert killed.status == DagsterRunStatus.STARTED  # what Dagster alone leaves behind

    second = linimasa_run()
    try:
        out, err = second.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        second.kill()
        out, err = second.communicate()
        pytest.fail(f"the run after kill -9 did not finish:\n{err[-2000:]}")
    assert second.returncode == 0, err[-2000:]
    assert "marked failed" in err
    assert instance.get_run_by_id(holder).status == DagsterRunStatus.FAILURE
    failure = instance.all_logs(holder)[-1]
    assert "abandoned" in failure.message
    latest = instance.get_runs(limit=1)[0]
    assert latest.run_id != holder and latest.status == DagsterRunStatus.SUCCESS
    assert claimed(instance) == []


def test_waiting_run_says_what_it_waits_for_and_stops_on_sigterm(home):
    instance = DagsterInstance.get()
    sleeper = subprocess.Popen(["sleep", "120"])
    try:
        holder = add_started_run(instance, {instance_health.PID_TAG: str(sleeper.pid)})
        waiting = linimasa_run()
        lines = []
        wait_for(lambda: lines.append(waiting.stderr.readline()) or "waiting" in lines[-1], 120, "the wait message")
        assert holder.run_id[:8] in lines[-1] and f"pid {sleeper.pid}" in lines[-1]
        waiting.send_signal(signal.SIGTERM)
        _, err = waiting.communicate(timeout=30)
        assert waiting.returncode == 130
        assert "stopped while waiting" in err
        assert instance.get_run_by_id(holder.run_id).status == DagsterRunStatus.STARTED  # a live run is not touched
    finally:
        sleeper.kill()
        sleeper.wait()


def test_daemon_sensor_heals_the_instance_it_runs_on(home):
    from dagster import SkipReason, build_sensor_context

    from pipelines.automation import abandoned_run_sensor

    instance = DagsterInstance.get()
    run = add_started_run(instance, {instance_health.PID_TAG: str(dead_pid())})
    result = abandoned_run_sensor(build_sensor_context(instance=instance))
    assert isinstance(result, SkipReason) and run.run_id[:8] in result.skip_message
    assert instance.get_run_by_id(run.run_id).status == DagsterRunStatus.FAILURE
    assert claimed(instance) == []
