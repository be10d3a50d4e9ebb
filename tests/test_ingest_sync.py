"""Incremental ingest: unchanged files are not read, and only touched documents change."""
from __future__ import annotations

import json
import os

import duckdb
import pytest

from pipelines.ingest import sync
from pipelines.ingest.sync import ingest_folder

BERITA = "---\ntitle: {title}\npublished: 2025-06-12\n---\nJakarta - {body}\n"


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "satu.md").write_text(BERITA.format(title="Satu", body="Polri menangkap dua perekrut di Medan."), encoding="utf-8")
    (articles / "dua.md").write_text(BERITA.format(title="Dua", body="Imigrasi mendeportasi tiga WNA di Batam."), encoding="utf-8")
    (articles / "rusak.md").write_bytes(b"\x00\x01binary")
    lines = [{"id": f"k{i}", "title": f"Kabar {i}", "text": f"Berita ke-{i} tentang penipuan daring di Kamboja."} for i in range(3)]
    (articles / "kumpulan.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n{rusak\n", encoding="utf-8")
    return articles


@pytest.fixture
def conn(tmp_path):
    connection = duckdb.connect(str(tmp_path / "work.duckdb"))
    yield connection
    connection.close()


@pytest.fixture
def reads(monkeypatch):
    """The files ingest opens, in order."""
    opened = []
    real = sync.read_file

    def counting(path, display_path=None):
        opened.append(display_path)
        return real(path, display_path)

    monkeypatch.setattr(sync, "read_file", counting)
    return opened


def table(conn, sql):
    return sorted(conn.execute(sql).fetchall())


def test_second_ingest_reads_no_file_and_changes_nothing(folder, conn, reads):
    first = ingest_folder(conn, folder)
    assert first.documents["new"] == 5 and first.files_read == 4
    documents = table(conn, "select * from documents")
    rejected = table(conn, "select * from rejected_documents")
    reads.clear()
    again = ingest_folder(conn, folder)
    assert reads == []
    assert again.files_unchanged == 4 and again.documents == {"new": 0, "changed": 0, "moved": 0, "removed": 0, "unchanged": 5}
    assert table(conn, "select * from documents") == documents
    assert table(conn, "select * from rejected_documents") == rejected  # kept though their files were not read
    assert [row[0] for row in rejected] == ["kumpulan.jsonl:4", "rusak.md"]


def test_one_edited_file_is_the_only_one_read(folder, conn, reads):
    ingest_folder(conn, folder)
    reads.clear()
    path = folder / "dua.md"
    path.write_text(BERITA.format(title="Dua", body="Imigrasi mendeportasi empat WNA di Batam."), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different mtime even on a coarse clock
    stats = ingest_folder(conn, folder)
    assert reads == ["dua.md"]
    # counted by file: the edit is one changed document, not one added and one removed
    assert (stats.documents["new"], stats.documents["changed"], stats.documents["removed"]) == (0, 1, 0)
    bodies = [row[0] for row in table(conn, "select body from documents where source_path = 'dua.md'")]
    assert bodies == ["Jakarta - Imigrasi mendeportasi empat WNA di Batam."]
    assert conn.execute("select count(*) from documents").fetchone()[0] == 5


def test_a_copy_under_a_new_name_updates_paths_in_place(folder, conn):
    ingest_folder(conn, folder)
    (folder / "arsip").mkdir()
    (folder / "arsip" / "satu-lagi.md").write_bytes((folder / "satu.md").read_bytes())
    stats = ingest_folder(conn, folder)
    assert stats.documents["moved"] == 1 and stats.documents["new"] == 0
    assert table(conn, "select source_path, source_paths from documents where len(source_paths) > 1") == [
        ("arsip/satu-lagi.md", ["arsip/satu-lagi.md", "satu.md"])
    ]
    (folder / "arsip" / "satu-lagi.md").unlink()
    stats = ingest_folder(conn, folder)
    assert stats.documents["moved"] == 1 and stats.files_removed == 1
    assert table(conn, "select source_path, source_paths from documents where title = 'Satu'") == [("satu.md", ["satu.md"])]


def test_removed_files_take_their_documents_and_rejections(folder, conn):
    ingest_folder(conn, folder)
    (folder / "kumpulan.jsonl").unlink()
    (folder / "rusak.md").unlink()
    stats = ingest_folder(conn, folder)
    assert stats.documents["removed"] == 3
    assert table(conn, "select source_path from documents") == [("dua.md",), ("satu.md",)]
    assert table(conn, "select * from rejected_documents") == []


def test_documents_loaded_before_records_were_kept_are_reconciled(folder, conn):
    """A warehouse from an older version has documents but no source_records."""
    ingest_folder(conn, folder)
    conn.execute("delete from source_records")
    conn.execute("delete from source_files")
    (folder / "satu.md").unlink()
    stats = ingest_folder(conn, folder)
    assert stats.documents["removed"] == 1 and stats.documents["new"] == 0
    assert conn.execute("select count(*) from documents").fetchone()[0] == 4


def test_the_same_as_reading_everything_at_once(folder, conn):
    """Chunked staging gives the rows the in-memory reader gives."""
    from pipelines.ingest.documents import document_rows
    from pipelines.ingest.reader import scan_folder

    sync_chunk = sync.CHUNK_RECORDS
    try:
        sync.CHUNK_RECORDS = 2
        ingest_folder(conn, folder)
    finally:
        sync.CHUNK_RECORDS = sync_chunk
    expected = document_rows(scan_folder(folder))
    rows = conn.execute("select * from documents order by document_id").fetchall()
    names = [column[0] for column in conn.description]
    got = [dict(zip(names, row)) for row in rows]
    assert [row["document_id"] for row in got] == [row["document_id"] for row in expected]
    for mine, theirs in zip(got, expected):
        for key in ("title", "body", "source_path", "source_paths", "content_hash", "anchor_date", "anchor_origin", "char_count", "external_id"):
            assert mine[key] == theirs[key], key
