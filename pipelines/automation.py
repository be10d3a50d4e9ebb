"""When the main job runs: every morning, and whenever the article folder changes."""

import hashlib
import os

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SkipReason,
    define_asset_job,
    schedule,
    sensor,
)

from pipelines import settings

# Runs launched by the daemon print to the terminal of `make dev`: INFO and above there, as
# Dagster's per-event DEBUG lines (every step start, output and slot claim) would flood it.
# The UI's run view records every event whatever this level.
CONSOLE_LOG_LEVEL = "INFO"

linimasa_job = define_asset_job(
    "linimasa_job",
    selection=AssetSelection.all(),
    description="Ingest the article folder, extract dates, actors, places and events, and rebuild the views.",
    config={"loggers": {"console": {"config": {"log_level": CONSOLE_LOG_LEVEL}}}},
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


def folder_fingerprint() -> tuple[str, int]:
    """A hash of every file's path, size and modification time below the article folder."""
    folder = settings.articles_dir()
    digest = hashlib.sha256()
    count = 0
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if not p.is_dir()):
            try:
                stat = path.stat()
            except OSError:  # a dangling link still counts as a file the run must see
                stat = path.lstat()
            name = os.fsencode(path.relative_to(folder).as_posix())  # names need not be valid UTF-8
            digest.update(name + f"\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
            count += 1
    return digest.hexdigest()[:20], count


@sensor(
    job=linimasa_job,
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.RUNNING,
    description="Launches the job when files are added to, changed in or removed from the article folder.",
)
def article_folder_sensor(context: SensorEvaluationContext):
    fingerprint, count = folder_fingerprint()
    if fingerprint == context.cursor:
        return SkipReason(f"no change in {count} file(s) under {settings.articles_dir()}")
    context.update_cursor(fingerprint)
    return RunRequest(run_key=f"articles-{fingerprint}", tags={"linimasa/files": str(count)})
