"""Extraction assets: thin wrappers that run the language core over changed documents."""

from collections.abc import Callable

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, asset, multi_asset

from pipelines.extract.rows import actor_rows, date_mention_rows, event_rows
from pipelines.extract.version import extractor_version
from pipelines.progress import extraction_progress
from pipelines.warehouse import changes
from pipelines.warehouse.metadata import table_metadata
from pipelines.warehouse.resource import WRITER_POOL, WarehouseResource
from pipelines.warehouse.schema import DOCUMENT_TABLES, create_tables
from pipelines.warehouse.store import PendingDocument, pending_documents, write_step

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
    from pipelines.language.dates import tag_dates

    def extract(doc: PendingDocument) -> dict[str, list[dict]]:
        return {"date_mentions": date_mention_rows(doc.document_id, tag_dates(doc.body, doc.anchor_date))}

    with duckdb.get_connection() as conn:
        stats = run_step(context, conn, "date_mentions", DOCUMENT_TABLES["date_mentions"], extract)
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
    from pipelines.language.document import analyse_document

    def extract(doc: PendingDocument) -> dict[str, list[dict]]:
        analysis = analyse_document(doc.body, doc.anchor_date)
        return {**actor_rows(doc.document_id, analysis.actors), **event_rows(doc.document_id, analysis.events)}

    with duckdb.get_connection() as conn:
        events_before = changes.keys(conn, "events")
        stats = run_step(context, conn, "mentions_and_events", MENTION_AND_EVENT_TABLES, extract)
        events_changed = changes.change_metadata(events_before, changes.keys(conn, "events"))
        results = [
            MaterializeResult(asset_key=table, metadata={
                **table_metadata(conn, table), **stats, **(events_changed if table == "events" else {})})
            for table in MENTION_AND_EVENT_TABLES
        ]
    yield from results


def run_step(
    context: AssetExecutionContext,
    conn,
    step: str,
    tables,
    extract: Callable[[PendingDocument], dict[str, list[dict]]],
) -> dict[str, int]:
    """Extract pending documents; a document that makes the code fail is logged and recorded, not fatal."""
    version = extractor_version()
    create_tables(conn, ["extraction_log"])
    pending = pending_documents(conn, step, version)
    rows: dict[str, list[dict]] = {table: [] for table in tables}
    errors: dict[str, str] = {}
    with extraction_progress(step, len(pending)) as advance:
        for doc in pending:
            try:
                for table, table_rows in extract(doc).items():
                    rows[table].extend(table_rows)
            except Exception as error:  # one bad document must not stop the batch
                errors[doc.document_id] = f"{type(error).__name__}: {error}"
                context.log.error(f"{step}: {doc.document_id} failed: {errors[doc.document_id]}")
            advance(1)
    write_step(conn, step, tables, version, pending, rows, errors)
    return {"documents_processed": len(pending), "documents_failed": len(errors), "extractor_version": version}

