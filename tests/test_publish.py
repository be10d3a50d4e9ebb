"""Publishing: once per run, after the blocking checks, and never a half-built file."""
from __future__ import annotations

import errno
import shutil

import duckdb
import pytest
from dagster import AssetKey, DagsterInstance

from pipelines.definitions import build_definitions
from pipelines.warehouse import resource
from pipelines.warehouse.publish import PUBLISH_ASSET
try:
    from tests.test_pipeline import ARTICLES, run_job, workspace  # noqa: F401  (fixture)
except ImportError:  # tests/ run as a plain directory
    from test_pipeline import ARTICLES, run_job, workspace  # noqa: F401

NEW_ARTICLE = ARTICLES["kerja-sama.md"].replace("Bangkok", "Chiang Mai")


def run_quietly(warehouse, selection=None):
    job = build_definitions(warehouse).resolve_job_def("linimasa_job")
    return job.execute_in_process(
        instance=DagsterInstance.ephemeral(), raise_on_error=False,
        asset_selection=[AssetKey(name) for name in selection] if selection else None,
    )


def failure_messages(result) -> str:
    """What a user reads about the failed steps (the Failure's description included)."""
    return " | ".join(
        event.step_failure_data.error.message if event.is_step_failure else (event.message or "")
        for event in result.all_events if event.is_failure
    )


def document_count(path) -> int:
    with duckdb.connect(str(path), read_only=True) as conn:
        return conn.execute("select count(*) from documents").fetchone()[0]


def test_a_run_copies_the_warehouse_once(workspace, monkeypatch):
    _, warehouse = workspace
    copies = []
    real_copy = resource.copy_file
    monkeypatch.setattr(resource, "copy_file", lambda source, target: (copies.append(target), real_copy(source, target)))
    run_job(warehouse)
    assert len(copies) == 1
    assert copies[0].parent == warehouse.parent  # staged beside the public file, then renamed
    assert document_count(warehouse) == 3
    assert not [p for p in warehouse.parent.iterdir() if p.name.endswith(".publishing")]


def test_a_run_failing_after_ingest_leaves_the_public_file_byte_identical(workspace, monkeypatch):
    articles, warehouse = workspace
    run_job(warehouse)
    before = warehouse.read_bytes()
    (articles / "baru.md").write_text(NEW_ARTICLE, encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("dimension merge broke")

    monkeypatch.setattr("pipelines.warehouse.assets.rebuild_dimensions", broken)
    result = run_quietly(warehouse)
    assert not result.success
    assert warehouse.read_bytes() == before
    # the working copy did take the new article: only publishing was held back
    peek = warehouse.parent.parent / "peek.duckdb"  # a copy: this process still caches the working file
    shutil.copyfile(resource.settings.working_path(warehouse), peek)
    assert document_count(peek) == 4


def test_a_failed_blocking_check_leaves_the_public_file_byte_identical(workspace, monkeypatch):
    articles, warehouse = workspace
    run_job(warehouse)
    before = warehouse.read_bytes()
    (articles / "baru.md").write_text(NEW_ARTICLE, encoding="utf-8")
    import pipelines.extract.work as extract_assets

    real_event_rows = extract_assets.event_rows

    def untyped_events(document_id, events):
        rows = real_event_rows(document_id, events)
        for row in rows["events"]:
            row["event_type"] = "tidak_dikenal"  # no such type: breaks events_have_type_and_precision
        return rows

    monkeypatch.setattr(extract_assets, "event_rows", untyped_events)
    result = run_quietly(warehouse)
    checks = {evaluation.check_name: evaluation.passed for evaluation in result.get_asset_check_evaluations()}
    assert checks["events_have_type_and_precision"] is False
    published = [e for e in result.get_asset_materialization_events() if e.asset_key == AssetKey(PUBLISH_ASSET)]
    assert published == []
    assert warehouse.read_bytes() == before
    # publishing the working copy alone re-checks the blocking rules and refuses
    alone = run_quietly(warehouse, selection=[PUBLISH_ASSET])
    assert not alone.success
    assert "events_have_type_and_precision" in failure_messages(alone)
    assert warehouse.read_bytes() == before


def test_a_full_disk_while_publishing_keeps_the_public_file_and_the_next_run_recovers(workspace, monkeypatch):
    articles, warehouse = workspace
    run_job(warehouse)
    before = warehouse.read_bytes()
    (articles / "baru.md").write_text(NEW_ARTICLE, encoding="utf-8")
    stale = warehouse.with_name(f".{warehouse.name}.999999999.publishing")  # from a killed run
    stale.write_bytes(b"half a warehouse")

    def disk_full(source, target):
        target.write_bytes(source.read_bytes()[:4096])
        raise OSError(errno.ENOSPC, "No space left on device")

    real_copy = resource.copy_file
    monkeypatch.setattr(resource, "copy_file", disk_full)
    result = run_quietly(warehouse)
    assert not result.success
    from pipelines.runner import publish_failure

    [line] = publish_failure(result)  # what `linimasa run` prints
    assert line.startswith("not enough disk space in ") and f"{warehouse} is unchanged" in line
    assert warehouse.read_bytes() == before
    leftovers = [p.name for p in warehouse.parent.iterdir() if p.is_file() and p.name.startswith(".")]
    assert leftovers == []  # neither the stale staging file nor the half copy stays

    monkeypatch.setattr(resource, "copy_file", real_copy)  # space freed
    run_job(warehouse)
    assert document_count(warehouse) == 4


def test_publishing_alone_checks_every_blocking_rule_first(workspace):
    _, warehouse = workspace
    run_job(warehouse)
    warehouse.unlink()
    result = run_quietly(warehouse, selection=[PUBLISH_ASSET])
    assert result.success, failure_messages(result)
    [event] = result.get_asset_materialization_events()
    metadata = event.event_specific_data.materialization.metadata
    from pipelines.views.checks import ROW_CHECKS

    assert metadata["rules_checked_before_publish"].value == sum(check.blocking for check in ROW_CHECKS)
    assert document_count(warehouse) == 3
