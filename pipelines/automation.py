"""When the main job runs: every morning, and whenever the article folder changes."""

from pathlib import Path

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SkipReason,
    define_asset_job,
    in_process_executor,
    schedule,
    sensor,
)

from pipelines import settings
from pipelines.ingest.fingerprint import folder_fingerprint, ingested_fingerprint
from pipelines.warehouse.resource import WarehouseResource

# Runs launched by the daemon print to the terminal of `make dev`: INFO and above there, as
# Dagster's per-event DEBUG lines (every step start, output and slot claim) would flood it.
# The UI's run view records every event whatever this level.
CONSOLE_LOG_LEVEL = "INFO"

linimasa_job = define_asset_job(
    "linimasa_job",
    selection=AssetSelection.all(),
    description="Ingest the article folder, extract dates, actors, places and events, and rebuild the views.",
    config={"loggers": {"console": {"config": {"log_level": CONSOLE_LOG_LEVEL}}}},
    # Every step opens the warehouse and the writer pool has one slot, so steps run one at a
    # time whatever the executor; a process per step (the default) only added the start-up
    # of each (~8 s, 15 steps). In one process, runs from the UI, schedule and sensor take
    # as long as `linimasa run`. Parallel work belongs inside an asset (extraction batches).
    executor_def=in_process_executor,
)


@schedule(
    job=linimasa_job,
    cron_schedule="0 6 * * *",
    execution_timezone="Asia/Jakarta",
    default_status=DefaultScheduleStatus.RUNNING,
    description="The full job every morning at 06:00 Jakarta time, after the overnight news.",
)
def daily_refresh(context):
    return RunRequest(run_key=f"daily-{context.scheduled_execution_time:%Y-%m-%d}")


@sensor(
    job=linimasa_job,
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.RUNNING,
    description="Launches the job when files are added to, changed in or removed from the article folder.",
)
def article_folder_sensor(context: SensorEvaluationContext, duckdb: WarehouseResource):
    fingerprint, count = folder_fingerprint()
    folder = settings.articles_dir()
    # The warehouse's own record of what it ingested: a change `linimasa run` already
    # loaded, or an unchanged folder at the first `make dev`, launches nothing.
    if fingerprint == ingested_fingerprint(Path(duckdb.published_database)):
        return SkipReason(f"the warehouse already holds the {count} file(s) under {folder}")
    if fingerprint == context.cursor:
        return SkipReason(f"a run for this state of {folder} was already requested")
    context.update_cursor(fingerprint)
    return RunRequest(run_key=f"articles-{fingerprint}", tags={"linimasa/files": str(count)})


@sensor(
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.RUNNING,
    description=(
        "Marks runs whose process is gone (killed with kill -9, crashed) as failed and frees their "
        "duckdb_writer slot, so scheduled and sensor runs never wait for a dead run."
    ),
)
def abandoned_run_sensor(context: SensorEvaluationContext):
    from pipelines import instance_health

    healed = instance_health.heal(context.instance, log=context.log.warning)
    if not healed:
        return SkipReason("no abandoned run")
    return SkipReason("marked failed: " + "; ".join(f"{item.run_id[:8]} ({item.reason})" for item in healed))
