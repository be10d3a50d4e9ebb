"""The sensor asks the warehouse what it already ingested: an unchanged folder after
`linimasa run`, or a change the command line already loaded, launches no run."""
from __future__ import annotations

from dagster import RunRequest, SkipReason, build_sensor_context

from pipelines.automation import article_folder_sensor
from pipelines.ingest.fingerprint import folder_fingerprint, ingested_fingerprint
from pipelines.warehouse.resource import WarehouseResource

try:
    from tests.test_pipeline import run_job, workspace  # noqa: F401  (the fixture)
except ImportError:  # tests/ run as a plain directory
    from test_pipeline import run_job, workspace  # noqa: F401


def evaluate(warehouse, cursor=None):
    context = build_sensor_context(cursor=cursor, resources={"duckdb": WarehouseResource.for_paths(warehouse)})
    return article_folder_sensor(context), context.cursor


def test_no_warehouse_yet_launches_a_run(workspace):
    _, warehouse = workspace
    result, cursor = evaluate(warehouse)
    assert isinstance(result, RunRequest) and cursor == folder_fingerprint()[0]


def test_unchanged_folder_after_a_command_line_run_launches_nothing(workspace):
    """`make run`, then the first `make dev` (no cursor yet): nothing to do."""
    _, warehouse = workspace
    run_job(warehouse)
    assert ingested_fingerprint(warehouse) == folder_fingerprint()[0]
    result, _ = evaluate(warehouse, cursor=None)
    assert isinstance(result, SkipReason) and "already holds the 4 file(s)" in result.skip_message


def test_a_change_the_command_line_loaded_launches_nothing(workspace):
    articles, warehouse = workspace
    run_job(warehouse)
    _, cursor = evaluate(warehouse, cursor="state-before-make-dev")
    (articles / "kabar-baru.md").write_text("Polri Tangkap Dua Perekrut\nJakarta - Polri menangkap dua perekrut.",
                                           encoding="utf-8")
    run_job(warehouse)  # `linimasa run` got there first
    result, _ = evaluate(warehouse, cursor=cursor)
    assert isinstance(result, SkipReason)


def test_a_new_file_launches_one_run_until_it_is_loaded(workspace):
    articles, warehouse = workspace
    run_job(warehouse)
    (articles / "kabar-baru.md").write_text("Judul\nIsi berita baru.", encoding="utf-8")
    first, cursor = evaluate(warehouse)
    assert isinstance(first, RunRequest)
    again, _ = evaluate(warehouse, cursor=cursor)  # the run is queued but has not ingested yet
    assert isinstance(again, SkipReason) and "already requested" in again.skip_message
    (articles / "kabar-baru.md").unlink()  # and back to what the warehouse holds
    back, _ = evaluate(warehouse, cursor=cursor)
    assert isinstance(back, SkipReason) and "already holds" in back.skip_message


def test_launched_runs_execute_in_one_process():
    """The writer pool runs steps one at a time anyway; a process per step only cost start-ups."""
    from pipelines.definitions import defs

    assert defs.resolve_job_def("linimasa_job").executor_def.name == "in_process"
