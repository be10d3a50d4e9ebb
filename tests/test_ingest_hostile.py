"""Hostile input: parser failures, huge lines, NULs and symbolic links are rejections with a
reason, never a crashed batch; every file is accounted for."""
from __future__ import annotations

import io
import json
import os

import pytest
from dagster import DagsterInstance

from pipelines.ingest import reader
from pipelines.ingest.documents import document_rows
from pipelines.ingest.reader import ArticleFolderEmpty, scan_folder
from pipelines.language.jsonl import bounded_lines

STORY = "Jakarta - Polisi memulangkan 12 WNI korban penipuan kerja dari Kamboja pada Senin (14/4/2025)."


def record(text=STORY, **extra) -> str:
    return json.dumps({"text": text, **extra})


def accounted(scan) -> set[str]:
    """Every path the scan answered for: loaded documents' paths and rejections."""
    paths = {path for row in document_rows(scan) for path in row["source_paths"]}
    return paths | {rejection.source_path for rejection in scan.rejections}


def reasons(scan) -> dict[str, str]:
    return {rejection.source_path: rejection.reason for rejection in scan.rejections}


def test_deeply_nested_json_line_rejects_that_line_only(tmp_path):
    deep = "[" * 5000 + "]" * 5000
    lines = [record(id="a"), deep, '{"text": ' + "[" * 1500 + "]" * 1500 + "}", record(STORY + " Kedua.", id="b")]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n")

    scan = scan_folder(tmp_path)

    assert sorted(article.source_path for article in scan.articles) == ["batch.jsonl:1", "batch.jsonl:4"]
    assert reasons(scan) == {"batch.jsonl:2": "bad_json_record", "batch.jsonl:3": "bad_json_record"}
    assert all("nested too deeply" in rejection.detail for rejection in scan.rejections)


def test_huge_line_is_skipped_without_reading_it_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_ARTICLE_BYTES", 4096)
    lines = [record(id="a"), record("x" * 50_000), record(STORY + " Lagi.", id="c")]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))

    scan = scan_folder(tmp_path)

    assert sorted(article.source_path for article in scan.articles) == ["batch.jsonl:1", "batch.jsonl:3"]
    assert reasons(scan) == {"batch.jsonl:2": "too_large"}


def test_bounded_lines_never_returns_more_than_the_limit():
    stream = io.StringIO("pendek\n" + "y" * 100 + "\nakhir")
    assert list(bounded_lines(stream, limit=10)) == [(1, "pendek\n"), (2, None), (3, "akhir")]
    raw = io.BytesIO(b"a\n" + b"z" * 25 + b"\n")
    assert list(bounded_lines(raw, limit=10)) == [(1, b"a\n"), (2, None)]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("---\ntitle: " + "[" * 3000 + "\n---\n" + STORY, "broken_front_matter"),
        ("---\ntitle: [tidak ditutup\n---\n" + STORY, "broken_front_matter"),
        ("---\n- daftar\n- bukan peta\n---\n" + STORY, "broken_front_matter"),
        ("---\nwaktu: 2025-02-31\n---\n" + STORY, "broken_front_matter"),
        ("---\ntitle: *tidak_ada\n---\n" + STORY, "broken_front_matter"),
    ],
)
def test_front_matter_errors_are_rejections(tmp_path, content, reason):
    (tmp_path / "berita.md").write_text(content)
    scan = scan_folder(tmp_path)
    assert scan.articles == [] and reasons(scan) == {"berita.md": reason}


def test_nul_anywhere_is_binary(tmp_path):
    (tmp_path / "akhir.md").write_bytes((STORY + "\n").encode() * 100 + b"\x00 sisa")  # past the first 8 KB
    (tmp_path / "escape.jsonl").write_text(record("Berita\x00 dengan NUL") + "\n" + record(id="ok"))
    scan = scan_folder(tmp_path)
    assert reasons(scan) == {"akhir.md": "binary", "escape.jsonl:1": "binary"}
    assert [article.source_path for article in scan.articles] == ["escape.jsonl:2"]


def test_symbolic_links_followed_inside_rejected_outside_and_loops_stopped(tmp_path):
    outside = tmp_path / "rahasia"
    outside.mkdir()
    (outside / "passwd.md").write_text("root:x:0:0:root:/root:/bin/bash\n")
    folder = tmp_path / "artikel"
    (folder / "asli").mkdir(parents=True)
    (folder / "asli" / "satu.md").write_text(STORY)
    (folder / "tautan").symlink_to(folder / "asli")  # a linked folder of articles: read
    (folder / "salinan.md").symlink_to(folder / "asli" / "satu.md")  # a linked file inside: read
    (folder / "passwd.md").symlink_to(outside / "passwd.md")  # pointing outside: rejected
    (folder / "luar").symlink_to(outside)
    (folder / "asli" / "putar").symlink_to(folder)  # back to an ancestor: a loop
    (folder / "a.md").symlink_to(folder / "b.md")
    (folder / "b.md").symlink_to(folder / "a.md")

    scan = scan_folder(folder)

    [row] = document_rows(scan)
    assert row["source_paths"] == ["asli/satu.md", "salinan.md", "tautan/satu.md"]
    assert reasons(scan) == {
        "passwd.md": "outside_folder", "luar": "outside_folder", "asli/putar": "symlink_loop",
        "a.md": "symlink_loop", "b.md": "symlink_loop", "tautan/putar": "symlink_loop",  # the loop, seen via the link
    }
    assert scan.files_seen == len(accounted(scan)) == 9


def test_empty_folder_is_refused_unless_allowed(tmp_path):
    with pytest.raises(ArticleFolderEmpty, match="--allow-empty"):
        scan_folder(tmp_path, allow_empty=False)
    assert scan_folder(tmp_path, allow_empty=True).files_seen == 0


def test_empty_folder_keeps_the_warehouse_unless_allow_empty(tmp_path, monkeypatch):
    import duckdb

    from pipelines.definitions import build_definitions

    folder = tmp_path / "artikel"
    folder.mkdir()
    (folder / "satu.md").write_text(STORY)
    monkeypatch.setenv("LINIMASA_ARTICLES", str(folder))
    warehouse = tmp_path / "linimasa.duckdb"
    job = build_definitions(warehouse).resolve_job_def("linimasa_job")

    def ingest() -> bool:
        # the whole job: analysts' file changes only through its last step, once every rule holds
        result = job.execute_in_process(instance=DagsterInstance.ephemeral(), raise_on_error=False)
        return result.success

    def documents() -> int:
        with duckdb.connect(str(warehouse), read_only=True) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]

    assert ingest() and documents() == 1
    os.remove(folder / "satu.md")  # the share is unmounted: the folder is there, empty
    assert not ingest()
    assert documents() == 1
    monkeypatch.setenv("LINIMASA_ALLOW_EMPTY", "1")
    assert ingest() and documents() == 0


@pytest.mark.parametrize("command", ["dates", "entities"])
def test_jsonl_commands_answer_every_record(command, monkeypatch):
    from pipelines.language import jsonl

    monkeypatch.setattr(jsonl, "MAX_LINE_CHARS", 10_000)
    lines = [record(id=1), "[" * 5000, record("x" * 50_000, id=2), "bukan json", record(id=3)]
    stdin, stdout = io.StringIO("\n".join(lines) + "\n"), io.StringIO()
    if command == "dates":
        from pipelines.language.dates.command import main

        code = main(["--jsonl", "--anchor", "2025-04-16"], stdin=stdin, stdout=stdout)
    else:
        from pipelines.language.entities.command import run_jsonl

        code = run_jsonl(stdin, stdout)
    out = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert code == 1
    assert [row.get("id") for row in out] == [1, None, None, None, 3]
    assert [row.get("line") for row in out if "error" in row] == [2, 3, 4]
    assert "nested too deeply" in out[1]["error"] and "longer than" in out[2]["error"]


def test_jsonl_with_cr_line_endings_is_read_record_by_record(tmp_path):
    (tmp_path / "mac.jsonl").write_bytes("\r".join([record(id="a"), "rusak", record(STORY + " Dua.", id="b")]).encode())
    scan = scan_folder(tmp_path)
    assert sorted(article.source_path for article in scan.articles) == ["mac.jsonl:1", "mac.jsonl:3"]
    assert reasons(scan) == {"mac.jsonl:2": "bad_json_record"}
