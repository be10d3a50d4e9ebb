"""Incremental, idempotent writes of per-document rows, one batch at a time.

Each extraction step records in `extraction_log` which (document, content hash,
extractor version) it has processed. A run first deletes every row of a document that
changed or disappeared, then processes the documents missing from that log in batches:
each batch's rows and log entries are written in one transaction, so a run that is
killed resumes with the first batch it had not written, and any number of runs leaves
one copy of each row.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from pipelines.warehouse.schema import EVENT_CHILD_TABLES, columns, create_tables


@dataclass(frozen=True)
class PendingDocument:
    document_id: str
    content_hash: str
    body: str
    anchor_date: object  # datetime.date | None


@dataclass(frozen=True)
class PendingKey:
    document_id: str
    content_hash: str


def pending_documents(conn, step: str, version: str) -> list[PendingKey]:
    """Documents this step has not processed in their current content and version (ids
    only: bodies are fetched batch by batch)."""
    rows = conn.execute(
        """
        select d.document_id, d.content_hash
        from documents d
        left join extraction_log l
          on l.step = ? and l.document_id = d.document_id
         and l.content_hash = d.content_hash and l.extractor_version = ?
        where l.document_id is null
        order by d.document_id
        """,
        [step, version],
    ).fetchall()
    return [PendingKey(*row) for row in rows]


def fetch_documents(conn, keys: Sequence[PendingKey]) -> list[PendingDocument]:
    """Bodies and anchors of one batch, in the batch's order."""
    ids = pd.DataFrame({"document_id": [key.document_id for key in keys]})
    conn.register("batch_ids", ids)
    try:
        rows = conn.execute(
            """
            select d.document_id, d.content_hash, d.body, d.anchor_date
            from documents d
            where d.document_id in (select document_id from batch_ids)
            order by d.document_id
            """
        ).fetchall()
    finally:
        conn.unregister("batch_ids")
    return [PendingDocument(*row) for row in rows]


def stale_document_ids(conn, step: str, version: str) -> list[str]:
    """Documents whose rows of this step must go: gone, changed, or processed by older code."""
    rows = conn.execute(
        """
        select l.document_id
        from extraction_log l
        left join documents d
          on d.document_id = l.document_id and d.content_hash = l.content_hash
        where l.step = ? and (d.document_id is null or l.extractor_version <> ?)
        """,
        [step, version],
    ).fetchall()
    return [row[0] for row in rows]


def delete_document_rows(conn, step: str, tables: Sequence[str], document_ids: Iterable[str]) -> None:
    ids = pd.DataFrame({"document_id": sorted(set(document_ids))})
    if ids.empty:
        return
    conn.register("doomed_documents", ids)
    try:
        for table in tables:
            if table in EVENT_CHILD_TABLES:
                conn.execute(
                    f"delete from {table} where event_id in "
                    "(select event_id from events where document_id in (select document_id from doomed_documents))"
                )
        for table in tables:
            if table not in EVENT_CHILD_TABLES:
                conn.execute(f"delete from {table} where document_id in (select document_id from doomed_documents)")
        conn.execute(
            "delete from extraction_log where step = ? and document_id in (select document_id from doomed_documents)",
            [step],
        )
    finally:
        conn.unregister("doomed_documents")


def insert_rows(conn, table: str, rows: Sequence[Mapping]) -> int:
    """Append dict rows by column name; columns missing from a row are null."""
    if not rows:
        return 0
    frame = pd.DataFrame.from_records(list(rows), columns=columns(table))
    conn.register("incoming_rows", frame)
    try:
        conn.execute(f"insert into {table} by name select * from incoming_rows")
    finally:
        conn.unregister("incoming_rows")
    return len(frame)


def delete_stale(conn, step: str, tables: Sequence[str], version: str) -> int:
    """Remove the rows of documents that are gone, changed, or were processed by older code."""
    create_tables(conn, [*tables, "extraction_log"])
    conn.execute("begin transaction")
    try:
        doomed = stale_document_ids(conn, step, version)
        delete_document_rows(conn, step, tables, doomed)
        conn.execute("commit")
    except Exception:
        conn.execute("rollback")
        raise
    return len(doomed)


def write_batch(
    conn,
    step: str,
    tables: Sequence[str],
    version: str,
    processed: Sequence[PendingDocument],
    rows_by_table: Mapping[str, Sequence[Mapping]],
    errors: Mapping[str, str] | None = None,
) -> dict[str, int]:
    """Replace this step's rows for one batch of `processed` documents, and log them, in one transaction."""
    conn.execute("begin transaction")
    try:
        # No delete here: a pending document has no rows of this step (`delete_stale` removed
        # those of changed documents, and a batch's rows and log entries commit together).
        inserted = {table: insert_rows(conn, table, rows_by_table.get(table, ())) for table in tables}
        insert_rows(
            conn,
            "extraction_log",
            [
                {
                    "step": step,
                    "document_id": doc.document_id,
                    "content_hash": doc.content_hash,
                    "extractor_version": version,
                    "error": (errors or {}).get(doc.document_id),
                }
                for doc in processed
            ],
        )
        conn.execute("commit")
    except Exception:
        conn.execute("rollback")
        raise
    return inserted


def table_counts(conn, tables: Iterable[str]) -> dict[str, int]:
    return {table: conn.execute(f"select count(*) from {table}").fetchone()[0] for table in tables}
