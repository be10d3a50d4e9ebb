"""Ingest assets: the article folder into `documents` and `rejected_documents`."""
from collections import Counter

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, MetadataValue, multi_asset

from pipelines import settings
from pipelines.ingest.documents import document_rows, rejection_rows
from pipelines.ingest.fingerprint import folder_fingerprint
from pipelines.ingest.reader import scan_folder
from pipelines.warehouse.metadata import table_metadata
from pipelines.warehouse.resource import WRITER_POOL, WarehouseResource
from pipelines.warehouse.schema import create_tables
from pipelines.warehouse.store import insert_rows


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
    """Read the article folder (recursively) and bring `documents` in line with it."""
    folder = settings.articles_dir()
    fingerprint, files = folder_fingerprint(folder)  # before reading: a file changed meanwhile shows as a change
    scan = scan_folder(folder, allow_empty=settings.allow_empty())
    rows = document_rows(scan)
    rejected = rejection_rows(scan)
    with duckdb.get_connection() as conn:
        create_tables(conn, ["documents", "rejected_documents"])
        changes = sync_documents(conn, rows)
        conn.execute("begin transaction")
        conn.execute("delete from rejected_documents")
        insert_rows(conn, "rejected_documents", rejected)
        record_fingerprint(conn, fingerprint, files, folder)
        conn.execute("commit")
        documents_meta = table_metadata(conn, "documents", order_by="document_id")
        rejected_meta = table_metadata(conn, "rejected_documents", order_by="source_path")
    if rejected:
        context.log.warning(f"{len(rejected)} input(s) rejected: " + "; ".join(f"{r['source_path']}: {r['reason']}" for r in rejected[:10]))
    records_seen = sum(len(row["source_paths"]) for row in rows) + len(rejected)
    yield MaterializeResult(
        asset_key="documents",
        metadata={
            **documents_meta,
            "article_folder": MetadataValue.path(str(folder)),
            "files_seen": scan.files_seen,
            "records_seen": records_seen,
            **{f"documents_{key}": value for key, value in changes.items()},
            "documents_rejected": len(rejected),
        },
    )
    yield MaterializeResult(
        asset_key="rejected_documents",
        metadata={**rejected_meta, "reasons": MetadataValue.json(dict(Counter(row["reason"] for row in rejected)))},
    )


def record_fingerprint(conn, fingerprint: str, files: int, folder) -> None:
    """Note the folder state this ingest read, for the sensor (one row, replaced every run)."""
    create_tables(conn, ["ingested_folder"])
    conn.execute("delete from ingested_folder")
    conn.execute("insert into ingested_folder values (?, ?, ?)", [fingerprint, files, str(folder)])


def sync_documents(conn, rows: list[dict]) -> dict[str, int]:
    """Insert new and changed documents, delete vanished ones, leave unchanged ones alone."""
    existing = {
        document_id: (content_hash, list(paths))
        for document_id, content_hash, paths in conn.execute(
            "select document_id, content_hash, source_paths from documents"
        ).fetchall()
    }
    incoming = {row["document_id"]: row for row in rows}
    changed = [
        row for row in rows
        if existing.get(row["document_id"]) != (row["content_hash"], row["source_paths"])
    ]
    vanished = [document_id for document_id in existing if document_id not in incoming]
    conn.execute("begin transaction")
    for document_id in [*vanished, *(row["document_id"] for row in changed)]:
        conn.execute("delete from documents where document_id = ?", [document_id])
    insert_rows(conn, "documents", changed)
    conn.execute("commit")
    # document_id hashes the text, so an edited file arrives under a new id while its old id
    # vanishes: counted by file, that is one document changed, not one added and one removed.
    old_id_by_path = {path: document_id for document_id in vanished for path in existing[document_id][1]}
    arrived = [row for row in changed if row["document_id"] not in existing]
    edited = [row for row in arrived if any(path in old_id_by_path for path in row["source_paths"])]
    replaced = {old_id_by_path[path] for row in edited for path in row["source_paths"] if path in old_id_by_path}
    return {
        "new": len(arrived) - len(edited),
        "changed": len(changed) - len(arrived) + len(edited),
        "removed": len(vanished) - len(replaced),
        "unchanged": len(rows) - len(changed),
    }

