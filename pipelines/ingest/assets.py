"""Ingest assets: the article folder into `documents` and `rejected_documents`."""
from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, MetadataValue, multi_asset

from pipelines import settings
from pipelines.ingest.fingerprint import folder_fingerprint
from pipelines.ingest.sync import ingest_folder
from pipelines.warehouse.metadata import table_metadata
from pipelines.warehouse.resource import WRITER_POOL, WarehouseResource
from pipelines.warehouse.schema import create_tables


@multi_asset(
    specs=[
        AssetSpec(
            "documents",
            group_name="ingest",
            kinds={"python", "duckdb"},
            description=(
                "One row per distinct article (content-addressed document_id), with its normalised body, "
                "metadata, every file it was found under, and the anchor date used for relative dates."
            ),
        ),
        AssetSpec(
            "rejected_documents",
            group_name="ingest",
            kinds={"python", "duckdb"},
            description="Every file or .jsonl line that could not be loaded, with the reason. Files seen = documents' paths + rejections.",
        ),
    ],
    pool=WRITER_POOL,
)
def ingest_articles(context: AssetExecutionContext, duckdb: WarehouseResource):
    """Read the article folder (recursively) and bring `documents` in line with it; files
    unchanged since the last run (same size and modification time) are not read."""
    folder = settings.articles_dir()
    fingerprint, files = folder_fingerprint(folder)  # before reading: a file changed meanwhile shows as a change
    with duckdb.get_connection() as conn:
        stats = ingest_folder(conn, folder, allow_empty=settings.allow_empty())
        record_fingerprint(conn, fingerprint, files, folder)
        records_seen = conn.execute("select count(*) from source_records").fetchone()[0]
        reasons = dict(conn.execute(
            "select reason, count(*) from rejected_documents group by reason order by reason"
        ).fetchall())
        sample = conn.execute(
            "select source_path, reason from rejected_documents order by source_path limit 10"
        ).fetchall()
        documents_meta = table_metadata(conn, "documents", order_by="document_id")
        rejected_meta = table_metadata(conn, "rejected_documents", order_by="source_path")
    if sample:
        context.log.warning(
            f"{sum(reasons.values())} input(s) rejected: " + "; ".join(f"{path}: {reason}" for path, reason in sample)
        )
    yield MaterializeResult(
        asset_key="documents",
        metadata={
            **documents_meta,
            "article_folder": MetadataValue.path(str(folder)),
            "files_seen": stats.files_seen,
            "files_read": stats.files_read,
            "files_unchanged": stats.files_unchanged,
            "files_removed": stats.files_removed,
            "records_seen": records_seen,
            **{f"documents_{key}": value for key, value in stats.documents.items()},
            "documents_rejected": sum(reasons.values()),
        },
    )
    yield MaterializeResult(
        asset_key="rejected_documents",
        metadata={**rejected_meta, "reasons": MetadataValue.json(reasons)},
    )


def record_fingerprint(conn, fingerprint: str, files: int, folder) -> None:
    """Note the folder state this ingest read, for the sensor (one row, replaced every run)."""
    create_tables(conn, ["ingested_folder"])
    conn.execute("begin transaction")
    conn.execute("delete from ingested_folder")
    conn.execute("insert into ingested_folder values (?, ?, ?)", [fingerprint, files, str(folder)])
    conn.execute("commit")
