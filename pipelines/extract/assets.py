"""Extraction assets: thin wrappers that run the language core over changed documents,
in batches, on every core (see pipelines/extract/work.py)."""

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, asset, multi_asset

from pipelines.extract.work import batch_size, batched, run_batches, worker_count
from pipelines.extract.version import extractor_version
from pipelines.progress import extraction_progress
from pipelines.warehouse import changes
from pipelines.warehouse.metadata import table_metadata
from pipelines.warehouse.resource import WRITER_POOL, WarehouseResource
from pipelines.warehouse.schema import DOCUMENT_TABLES, create_tables
from pipelines.warehouse.store import delete_stale, fetch_documents, pending_documents, write_batch

MENTION_AND_EVENT_TABLES = (*DOCUMENT_TABLES["mentions"], *DOCUMENT_TABLES["events"])
_DESCRIPTIONS = {
    "actor_sightings": "Each actor as one document describes it (name, type, country, parent, aliases); merged into `actors`.",
    "actor_mentions": "Every mention of a person, organisation or country, resolved to an actor_id, with rank and title kept apart from the name.",
    "location_sightings": "Each place as one document describes it; merged into `locations`.",
    "location_mentions": "Every mention of a place, resolved to a location_id; the dateline is flagged, as it says where a story was filed.",
    "events": "Who did what, when: typed events (CAMEO-coded) with the date that governs them and the evidence sentence.",
    "event_participants": "Actors taking part in each event, with their role, rank and title.",
    "event_locations": "Places where each event happened.",
    "event_topics": "Crime and cooperation topics of each event.",
}


@asset(
    group_name="extract",
    kinds={"python", "duckdb"},
    deps=["documents"],
    pool=WRITER_POOL,
)
def date_mentions(context: AssetExecutionContext, duckdb: WarehouseResource) -> MaterializeResult:
    """Every date expression in every document as an interval (day to decade, or vague), with offsets into the body."""
    with duckdb.get_connection() as conn:
        stats = run_step(context, conn, "date_mentions", DOCUMENT_TABLES["date_mentions"])
        metadata = table_metadata(conn, "date_mentions", order_by="document_id, char_start")
    return MaterializeResult(metadata={**metadata, **stats})


@multi_asset(
    specs=[
        AssetSpec(
            table,
            group_name="extract",
            kinds={"python", "duckdb"},
            description=_DESCRIPTIONS[table],
            deps=["documents", "date_mentions"],
        )
        for table in MENTION_AND_EVENT_TABLES
    ],
    pool=WRITER_POOL,
)
def mentions_and_events(context: AssetExecutionContext, duckdb: WarehouseResource):
    """Actors, places and events of each changed document, in one pass since events are built on the mentions."""
    with duckdb.get_connection() as conn:
        events_before = changes.keys(conn, "events")
        stats = run_step(context, conn, "mentions_and_events", MENTION_AND_EVENT_TABLES)
        events_changed = changes.change_metadata(events_before, changes.keys(conn, "events"))
        results = [
            MaterializeResult(asset_key=table, metadata={
                **table_metadata(conn, table), **stats, **(events_changed if table == "events" else {})})
            for table in MENTION_AND_EVENT_TABLES
        ]
    yield from results


def run_step(context: AssetExecutionContext, conn, step: str, tables) -> dict[str, int]:
    """Extract pending documents batch by batch (bodies fetched per batch, each batch written
    and logged in its own transaction); a document that makes the code fail is logged and
    recorded, not fatal."""
    version = extractor_version()
    tables = tuple(tables)
    removed = delete_stale(conn, step, tables, version)
    pending = pending_documents(conn, step, version)
    size, workers = batch_size(), worker_count()
    batches = (fetch_documents(conn, keys) for keys in batched(pending, size))
    total_batches = -(-len(pending) // size)
    failed = 0
    with extraction_progress(step, len(pending)) as advance:
        for docs, rows, errors in run_batches(step, tables, batches, workers, total_batches):
            write_batch(conn, step, tables, version, docs, rows, errors)
            for document_id, error in errors.items():
                context.log.error(f"{step}: {document_id} failed: {error}")
            failed += len(errors)
            advance(len(docs))
    return {
        "documents_processed": len(pending),
        "documents_failed": failed,
        "documents_removed": removed,
        "batches": total_batches,
        "workers": workers if total_batches > 1 else 1,
        "extractor_version": version,
    }
