"""Bring `documents` and `rejected_documents` in line with the article folder, reading
only the files that changed and holding at most one chunk of records in memory.

A file whose size and modification time match `source_files` is not opened. The records
of the files that changed are staged in chunks in a temporary table; then one transaction
replaces those files' records and rebuilds, set-based, only the documents they touch: a
new document is inserted, a vanished one deleted, one whose content changed replaced, and
one that only moved (the same text now also under `arsip/berita.md`) gets its paths
updated in place, so extraction does not run for it again.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipelines.ingest.documents import record_row
from pipelines.ingest.reader import Article, ArticleFolderEmpty, Rejection, folder_files, read_file
from pipelines.warehouse.schema import columns, create_tables

# Records staged per insert: a few MB of article text at a time.
CHUNK_RECORDS = 2000

STAGED_COLUMNS = [*columns("source_records"), "body", "char_count"]
REJECTION_COLUMNS = ["file_path", "source_path", "reason", "detail", "size_bytes"]


@dataclass
class IngestStats:
    files_seen: int = 0
    files_read: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    documents: dict[str, int] = field(default_factory=dict)


def ingest_folder(conn, folder: Path, allow_empty: bool = True) -> IngestStats:
    """Read the changed files of `folder` and apply them to the warehouse in one transaction.

    A folder without a single file is refused unless `allow_empty` (an unmounted share looks
    like that, and would empty the warehouse)."""
    create_tables(conn, ["documents", "rejected_documents", "source_files", "source_records"])
    known = {
        path: (size, mtime)
        for path, size, mtime in conn.execute("select file_path, size_bytes, mtime_ns from source_files").fetchall()
    }
    conn.execute(f"create or replace temp table staged_records as select *, ''::varchar as body, 0 as char_count from source_records limit 0")
    conn.execute("create or replace temp table staged_rejections (file_path varchar, source_path varchar, reason varchar, detail varchar, size_bytes bigint)")
    conn.execute("create or replace temp table scanned_files (file_path varchar, size_bytes bigint, mtime_ns bigint, was_read boolean)")
    stats = IngestStats()
    records: list[dict] = []
    rejections: list[dict] = []
    files: list[tuple] = []
    for found in folder_files(folder):
        stats.files_seen += 1
        if isinstance(found, Rejection):
            # a link out of the folder or in a circle: judged again every run, never stored as a file
            rejections.append({"file_path": found.source_path, "source_path": found.source_path,
                               "reason": found.reason, "detail": found.detail, "size_bytes": found.size_bytes})
            files.append((found.source_path, None, None, True))
            continue
        path, relative = found
        file_path = os.fsencode(relative).decode("utf-8", "backslashreplace")
        stamp = _stamp(path)
        unchanged = stamp is not None and known.get(file_path) == stamp
        files.append((file_path, *(stamp or (None, None)), not unchanged))
        if unchanged:
            stats.files_unchanged += 1
        else:
            stats.files_read += 1
            for item in read_file(path, relative):
                if isinstance(item, Article):
                    records.append(record_row(file_path, item))
                else:
                    rejections.append({"file_path": file_path, "source_path": item.source_path, "reason": item.reason,
                                       "detail": item.detail, "size_bytes": item.size_bytes})
        if len(records) + len(rejections) + len(files) >= CHUNK_RECORDS:
            _stage(conn, records, rejections, files)
    _stage(conn, records, rejections, files)
    if stats.files_seen == 0 and not allow_empty:
        for table in ("staged_records", "staged_rejections", "scanned_files"):
            conn.execute(f"drop table if exists {table}")
        raise ArticleFolderEmpty(
            f"article folder {folder} is empty (an unmounted share?); the warehouse is kept as it was. "
            "Run `linimasa run --allow-empty` to empty it on purpose."
        )
    conn.execute("begin transaction")
    try:
        stats.files_removed = conn.execute(
            "select count(*) from source_files where file_path not in (select file_path from scanned_files)"
        ).fetchone()[0]
        stats.documents = _apply(conn)
        conn.execute("commit")
    except Exception:
        conn.execute("rollback")
        raise
    finally:
        for table in ("staged_records", "staged_rejections", "scanned_files"):
            conn.execute(f"drop table if exists {table}")
    return stats


def _stamp(path: Path) -> tuple[int, int] | None:
    """(size, mtime) of a regular file; None (always read) for anything else."""
    try:
        stat = path.stat()
    except OSError:
        return None
    if not path.is_file():
        return None
    return stat.st_size, stat.st_mtime_ns


def _stage(conn, records: list[dict], rejections: list[dict], files: list[tuple]) -> None:
    for table, rows, names in (
        ("staged_records", records, STAGED_COLUMNS),
        ("staged_rejections", rejections, REJECTION_COLUMNS),
        ("scanned_files", files, ["file_path", "size_bytes", "mtime_ns", "was_read"]),
    ):
        if not rows:
            continue
        frame = pd.DataFrame.from_records(rows, columns=names)
        conn.register("incoming_chunk", frame)
        try:
            conn.execute(f"insert into {table} by name select * from incoming_chunk")
        finally:
            conn.unregister("incoming_chunk")
        rows.clear()


def _apply(conn) -> dict[str, int]:
    """The staged files replace their old records; the documents they touch are rebuilt."""
    conn.execute(
        """
        create or replace temp table touched_files as
        select file_path from scanned_files where was_read
        union
        select file_path from source_files where file_path not in (select file_path from scanned_files)
        """
    )
    conn.execute(
        """
        create or replace temp table touched_documents as
        select document_id from source_records
        where document_id is not null and file_path in (select file_path from touched_files)
        union
        select document_id from staged_records
        """
    )
    conn.execute("delete from source_records where file_path in (select file_path from touched_files)")
    record_columns = ", ".join(columns("source_records"))
    conn.execute(f"insert into source_records ({record_columns}) select {record_columns} from staged_records")
    conn.execute(
        "insert into source_records (file_path, source_path) select file_path, source_path from staged_rejections"
    )
    conn.execute("delete from source_files")
    conn.execute("insert into source_files select file_path, size_bytes, mtime_ns from scanned_files")
    # Documents without any record: gone from the folder (or loaded before records were kept).
    conn.execute(
        """
        insert into touched_documents
        select document_id from documents
        where document_id not in (select document_id from source_records where document_id is not null)
          and document_id not in (select document_id from touched_documents)
        """
    )
    conn.execute(
        """
        create or replace temp table rebuilt_documents as
        with copies as (
            select * from source_records
            where document_id in (select document_id from touched_documents)
        ),
        paths as (
            select document_id, list(source_path order by source_path) as source_paths
            from copies group by document_id
        ),
        firsts as (
            select * from copies
            qualify row_number() over (partition by document_id order by source_path) = 1
        ),
        bodies as (
            select document_id, any_value(body) as body, any_value(char_count) as char_count
            from staged_records group by document_id
            union all
            select document_id, body, char_count from documents
            where document_id in (select document_id from touched_documents)
              and document_id not in (select document_id from staged_records)
        )
        select f.document_id, f.title, f.url, f.source, f.published_at, f.language, b.body,
               f.source_path, p.source_paths, f.content_hash, f.external_id, f.anchor_date,
               f.anchor_origin, b.char_count
        from firsts as f
        join paths as p using (document_id)
        join bodies as b using (document_id)
        """
    )
    counts = conn.execute(
        """
        with compared as (
            select n.document_id, d.document_id is null as is_new,
                   d.content_hash is distinct from n.content_hash as content_changed,
                   d.source_paths is distinct from n.source_paths as moved
            from rebuilt_documents as n
            left join documents as d using (document_id)
        )
        select
            count(*) filter (where is_new),
            count(*) filter (where not is_new and content_changed),
            count(*) filter (where not is_new and not content_changed and moved),
            (select count(*) from touched_documents
             where document_id not in (select document_id from rebuilt_documents))
        from compared
        """
    ).fetchone()
    new, changed, moved, removed = counts
    # document_id hashes the text, so an edited file arrives under a new id while its old id
    # vanishes: counted by file, that is one document changed, not one added and one removed.
    edited, replaced = conn.execute(
        """
        with gone as (
            select unnest(d.source_paths) as path, d.document_id from documents as d
            where d.document_id in (select document_id from touched_documents)
              and d.document_id not in (select document_id from rebuilt_documents)
        ),
        arrived as (
            select unnest(n.source_paths) as path, n.document_id from rebuilt_documents as n
            where n.document_id not in (select document_id from documents)
        )
        select count(distinct arrived.document_id), count(distinct gone.document_id)
        from arrived join gone using (path)
        """
    ).fetchone()
    new, changed, removed = new - edited, changed + edited, removed - replaced
    conn.execute(
        """
        delete from documents
        where document_id in (select document_id from touched_documents)
          and document_id not in (
              select n.document_id from rebuilt_documents as n
              join documents as d on d.document_id = n.document_id and d.content_hash = n.content_hash
          )
        """
    )
    conn.execute(
        """
        update documents as d
        set source_path = n.source_path, source_paths = n.source_paths
        from rebuilt_documents as n
        where d.document_id = n.document_id and d.source_paths is distinct from n.source_paths
        """
    )
    conn.execute(
        """
        insert into documents by name
        select * from rebuilt_documents where document_id not in (select document_id from documents)
        """
    )
    conn.execute(
        """
        delete from rejected_documents
        where source_path not in (select source_path from source_records where document_id is null)
           or source_path in (select source_path from staged_rejections)
        """
    )
    conn.execute(
        "insert into rejected_documents by name select source_path, reason, detail, size_bytes from staged_rejections"
    )
    conn.execute("drop table if exists touched_files")
    conn.execute("drop table if exists touched_documents")
    conn.execute("drop table if exists rebuilt_documents")
    total = conn.execute("select count(*) from documents").fetchone()[0]
    return {"new": new, "changed": changed, "moved": moved, "removed": removed,
            "unchanged": total - new - changed - moved}
