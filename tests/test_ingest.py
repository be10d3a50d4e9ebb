"""Ingest: every file is either loaded or rejected with a reason, never lost."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from pipelines.ingest.documents import document_rows, rejection_rows
from pipelines.ingest.reader import parse_article, scan_folder
from pipelines.settings import MAX_ARTICLE_BYTES

GOOD = """---
title: Polisi Tangkap Dua Operator Judi Daring
published: 2025-05-20
url: https://berita.example/judi
source: Berita Contoh
---
Jakarta - Penyidik menangkap dua operator situs judi daring di Tangerang pada Senin (19/5/2025).
"""


def write(folder, name, content):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.md", "", "empty"),
        ("spaces.txt", "   \n\n  ", "empty"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("undecodable.txt", "Berita ".encode() + b"\x81\x8d\x8f\x90\x9d" * 3 + b" tentang TPPO", "undecodable"),
        ("unclosed.md", "---\ntitle: Tanpa penutup\nIsi berita tanpa garis penutup.\n", "broken_front_matter"),
        ("badyaml.md", "---\ntitle: [tidak ditutup\n---\nIsi berita.\n", "broken_front_matter"),
        ("list.md", "---\n- satu\n- dua\n---\nIsi berita.\n", "broken_front_matter"),
        ("impossible.md", "---\ntitle: Tanggal mustahil\npublished: 2025-02-31\n---\nIsi berita.\n", "broken_front_matter"),
        ("badpublished.md", "---\ntitle: Tanggal rusak\npublished: besok sore\n---\nIsi berita.\n", "invalid_published_date"),
        ("nobody.md", "---\ntitle: Hanya judul\n---\n\n\n", "empty_body"),
        ("notes.pdf", b"%PDF-1.4 not an article", "unsupported_format"),
        ("nested.md", "---\ntitle: " + "[" * 5000 + "\n---\nIsi berita.\n", "broken_front_matter"),
        ("titlelist.md", "---\ntitle: [satu, dua]\n---\nIsi berita.\n", "broken_front_matter"),
        ("year9999.md", "---\npublished: 9999-12-31T23:00:00-12:00\n---\nIsi berita.\n", "invalid_published_date"),
        ("year1.md", "---\npublished: 0001-01-01\n---\nIsi berita.\n", "invalid_published_date"),
    ],
)
def test_bad_input_is_rejected_with_its_reason(tmp_path, name, content, reason):
    write(tmp_path, "good.md", GOOD)
    write(tmp_path, name, content)
    scan = scan_folder(tmp_path)
    assert [r.reason for r in scan.rejections] == [reason]
    assert scan.rejections[0].source_path == name
    assert scan.rejections[0].detail
    assert [a.source_path for a in scan.articles] == ["good.md"]


def test_oversized_file_is_rejected_without_reading_it(tmp_path):
    write(tmp_path, "huge.txt", "Judul\n" + "kata " * (MAX_ARTICLE_BYTES // 5 + 10))
    scan = scan_folder(tmp_path)
    assert [r.reason for r in scan.rejections] == ["too_large"]


def test_files_seen_equal_documents_paths_plus_rejections(tmp_path):
    write(tmp_path, "a.md", GOOD)
    write(tmp_path, "sub/dir/copy.md", GOOD)  # same story, second name
    write(tmp_path, "b.txt", "Judul Lain\nIsi berita lain tentang deportasi WNI dari Malaysia.")
    write(tmp_path, "c.md", b"\x00\x01\x02")
    records = [
        {"id": "x1", "title": "Satu", "text": "Berita pertama tentang penipuan daring.", "published": "2025-03-01"},
        "not json",
        {"title": "Tanpa teks"},
        {"text": "Berita kedua tentang perdagangan orang.", "published": "2025-03-02T08:00:00+07:00"},
    ]
    write(tmp_path, "batch.jsonl", "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records))
    scan = scan_folder(tmp_path)
    rows = document_rows(scan)
    rejected = rejection_rows(scan)
    assert scan.files_seen == 5
    assert len(rows) == 4  # a.md and copy.md are one document; two good jsonl lines
    # four plain files and four .jsonl lines, each either loaded or rejected
    assert sum(len(row["source_paths"]) for row in rows) + len(rejected) == 4 + 4
    assert {r["source_path"]: r["reason"] for r in rejected} == {
        "batch.jsonl:2": "bad_json_record",
        "batch.jsonl:3": "bad_json_record",
        "c.md": "binary",
    }
    duplicate = next(row for row in rows if len(row["source_paths"]) == 2)
    assert duplicate["source_paths"] == ["a.md", "sub/dir/copy.md"]
    assert duplicate["source_path"] == "a.md"


def test_body_is_normalised_once_bom_crlf_nfc(tmp_path):
    decomposed = "Pe\u0301rtemuan"  # e + combining acute
    write(tmp_path, "crlf.md", ("\ufeff---\r\ntitle: T\r\n---\r\nBaris satu " + decomposed + "\r\nBaris dua\r\n").encode("utf-8"))
    article = scan_folder(tmp_path).articles[0]
    assert article.body == "Baris satu P\u00e9rtemuan\nBaris dua"


def test_cp1252_fallback_keeps_the_text(tmp_path):
    write(tmp_path, "old.txt", "Judul Lama\nKasus penipuan \u201conline\u201d di Batam".encode("cp1252"))
    article = scan_folder(tmp_path).articles[0]
    assert "\u201conline\u201d" in article.body


def test_plain_text_keeps_its_first_line_in_the_body():
    article = parse_article("Jakarta: Polri bertemu CNP.\nKalimat kedua.", "seed.txt")
    assert article.title == "Jakarta: Polri bertemu CNP."
    assert article.body.startswith("Jakarta: Polri bertemu CNP.")


def test_published_without_zone_is_jakarta_time():
    article = parse_article("---\ntitle: T\npublished: 2025-04-14 23:30\n---\nIsi.", "t.md")
    assert article.published_at.utcoffset() == dt.timedelta(hours=7)
    row = document_rows(type("Scan", (), {"articles": [article], "rejections": []})())[0]
    assert row["anchor_date"] == dt.date(2025, 4, 14)
    assert row["anchor_origin"] == "published"


def test_metadata_change_changes_content_hash_but_not_document_id():
    one = parse_article("---\npublished: 2025-04-14\n---\nIsi sama.", "a.md")
    two = parse_article("---\npublished: 2025-04-15\n---\nIsi sama.", "a.md")
    assert one.document_id == two.document_id
    assert one.content_hash != two.content_hash


def test_lone_surrogate_in_a_jsonl_record_rejects_that_line_only(tmp_path):
    lines = ['{"text": "Berita \\ud800 rusak"}', '{"text": "Berita utuh tentang deportasi."}', '{"text": "Baik", "title": "\\udfff"}']
    write(tmp_path, "batch.jsonl", "\n".join(lines))
    scan = scan_folder(tmp_path)
    assert [(r.source_path, r.reason) for r in scan.rejections] == [("batch.jsonl:1", "undecodable"), ("batch.jsonl:3", "undecodable")]
    assert [a.source_path for a in scan.articles] == ["batch.jsonl:2"]


def test_file_name_that_is_not_utf8_is_rejected_not_fatal(tmp_path):
    import os

    write(tmp_path, "good.md", GOOD)
    with open(os.path.join(os.fsencode(tmp_path), b"\xff\xfeberita.md"), "wb") as handle:
        handle.write(b"Judul\nIsi berita.")
    scan = scan_folder(tmp_path)
    assert [r.reason for r in scan.rejections] == ["bad_file_name"]
    assert scan.rejections[0].source_path.encode("utf-8")  # storable as text
    assert scan.files_seen == 2


def test_dangling_link_and_pipe_are_rejected_and_counted(tmp_path):
    import os

    write(tmp_path, "good.md", GOOD)
    (tmp_path / "hilang.md").symlink_to(tmp_path / "tidak-ada.md")
    os.mkfifo(tmp_path / "pipa.md")
    scan = scan_folder(tmp_path)
    assert scan.files_seen == 3
    assert {r.source_path: r.reason for r in scan.rejections} == {"hilang.md": "unreadable", "pipa.md": "unreadable"}


def test_missing_article_folder_is_an_error_not_an_empty_batch(tmp_path):
    from pipelines.ingest.reader import ArticleFolderMissing

    with pytest.raises(ArticleFolderMissing):
        scan_folder(tmp_path / "tidak-ada")


def test_long_metadata_is_capped():
    article = parse_article("---\ntitle: " + "Judul " * 200 + "\nurl: https://berita.example/" + "a" * 5000 + "\n---\nIsi.", "t.md")
    assert len(article.title) <= 300 and len(article.url) <= 2000
