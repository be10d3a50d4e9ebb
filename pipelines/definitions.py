"""The one Definitions object: the UI (`make dev`), the daemon and `linimasa run` all load it."""
from __future__ import annotations

from pathlib import Path

from dagster import Definitions

from pipelines.automation import abandoned_run_sensor, article_folder_sensor, daily_refresh, linimasa_job
from pipelines.extract.assets import date_mentions, mentions_and_events
from pipelines.ingest.assets import ingest_articles
from pipelines.views import view_assets, view_checks
from pipelines.warehouse.assets import dimensions
from pipelines.warehouse.publish import build_publish_asset
from pipelines.warehouse.resource import WarehouseResource


def build_definitions(warehouse: Path | None = None) -> Definitions:
    """All assets, checks, the job, schedule and sensor; `warehouse` overrides LINIMASA_WAREHOUSE."""
    assets = [ingest_articles, date_mentions, mentions_and_events, dimensions, *view_assets]
    return Definitions(
        assets=[*assets, build_publish_asset(assets)],
        asset_checks=view_checks,
        jobs=[linimasa_job],
        schedules=[daily_refresh],
        sensors=[article_folder_sensor, abandoned_run_sensor],
        resources={"duckdb": WarehouseResource.for_paths(warehouse)},
    )


defs = build_definitions()
