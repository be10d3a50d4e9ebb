"""The whole graph, materialised in process on temporary folders."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance, build_schedule_context, build_sensor_context, RunRequest, SkipReason

from pipelines.automation import article_folder_sensor, daily_refresh
from pipelines.definitions import build_definitions
from pipelines.warehouse.resource import WRITER_POOL, WarehouseResource

ARTICLES = {
    "kerja-sama.md": """---
title: Polri dan Kepolisian Thailand Sepakat Tukar Data Sindikat Penipuan
published: 2025-06-12
url: https://berita.example/polri-thailand
source: Berita Contoh
---
Jakarta - Divisi Hubungan Internasional (Divhubinter) Polri menggelar pertemuan dengan Royal Thai Police di Bangkok pada 9-10 Juni 2025.
Pertemuan tersebut menghasilkan kesepakatan untuk bertukar data sindikat penipuan daring yang merekrut WNI.
"Kami sepakat mempercepat pertukaran informasi," kata Kadiv Hubinter Polri Irjen Krishna Murti, Rabu (11/6/2025).
""",
    "penangkapan/tangkap.md": """---
title: Bareskrim Tangkap Perekrut Korban TPPO
published: 2025-07-03 14:00
---
Jakarta - Bareskrim Polri menangkap dua tersangka perekrut pekerja migran ilegal, RS (38) dan DN (27), di Bandara Soekarno-Hatta pada Selasa (1/7/2025).
Keduanya dijerat UU Nomor 21 Tahun 2007 dengan ancaman 15 tahun penjara.
""",
    "tanpa-front-matter.txt": """Warga Bekasi Dipulangkan dari Kamboja
Jakarta - Seorang warga Bekasi yang menjadi korban penipuan kerja di Kamboja dipulangkan pada Jumat (20/6/2025) melalui Bandara Soekarno-Hatta.
""",
}
USER_TABLES = (
    "documents", "rejected_documents", "date_mentions", "actors", "actor_aliases", "actor_mentions",
    "locations", "location_mentions", "events", "event_participants", "event_locations", "event_topics",
)


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    for name, text in ARTICLES.items():
        (articles / name).parent.mkdir(parents=True, exist_ok=True)
        (articles / name).write_text(text, encoding="utf-8")
    (articles / "rusak.md").write_bytes(b"\x00\x01binary")
    monkeypatch.setenv("LINIMASA_ARTICLES", str(articles))
    warehouse = tmp_path / "warehouse" / "linimasa.duckdb"
    return articles, warehouse


def run_job(warehouse: Path):
    job = build_definitions(warehouse).resolve_job_def("linimasa_job")
    result = job.execute_in_process(instance=DagsterInstance.ephemeral(), raise_on_error=False)
    assert result.success, [event.message for event in result.all_events if event.is_failure]
    return result


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        return {table: sorted(conn.execute(f"select * from {table}").fetchall(), key=repr) for table in USER_TABLES}


def materialization_metadata(result, key: str) -> dict:
    [event] = [m for m in result.asset_materializations_for_node(_node_for(result, key)) if m.asset_key.to_user_string() == key]
    return {name: value.value for name, value in event.metadata.items()}


def _node_for(result, key: str) -> str:
    return {"documents": "ingest_articles", "date_mentions": "date_mentions", "events": "mentions_and_events"}[key]


def test_whole_graph_materialises_and_accounts_for_every_file(workspace):
    articles, warehouse = workspace
    result = run_job(warehouse)
    tables = snapshot(warehouse)
    assert len(tables["documents"]) == 3
    assert [row[:2] for row in tables["rejected_documents"]] == [("rusak.md", "binary")]
    docs_meta = materialization_metadata(result, "documents")
    assert docs_meta["files_seen"] == 4 == docs_meta["records_seen"]
    for table in ("date_mentions", "actor_mentions", "location_mentions", "events", "event_participants"):
        assert tables[table], f"{table} is empty"
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        # offsets of every mention slice back to its surface in documents.body
        bad = conn.execute(
            """
            select m.surface, substr(d.body, m.char_start + 1, m.char_end - m.char_start)
            from (select document_id, char_start, char_end, surface from date_mentions
                  union all select document_id, char_start, char_end, surface from actor_mentions
                  union all select document_id, char_start, char_end, surface from location_mentions) m
            join documents d using (document_id)
            where substr(d.body, m.char_start + 1, m.char_end - m.char_start) <> m.surface
            """
        ).fetchall()
        assert bad == []
        anchors = dict(conn.execute("select source_path, anchor_origin from documents").fetchall())
        assert anchors["tanpa-front-matter.txt"] in {"dateline", "latest_date"}
        assert anchors["kerja-sama.md"] == "published"


def test_second_run_is_identical_and_reprocesses_nothing(workspace):
    _, warehouse = workspace
    run_job(warehouse)
    first = snapshot(warehouse)
    result = run_job(warehouse)
    assert snapshot(warehouse) == first
    assert materialization_metadata(result, "date_mentions")["documents_processed"] == 0
    assert materialization_metadata(result, "events")["documents_processed"] == 0


def test_edited_article_replaces_its_rows_everywhere(workspace):
    articles, warehouse = workspace
    run_job(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        old_id = conn.execute("select document_id from documents where source_path = 'penangkapan/tangkap.md'").fetchone()[0]
    path = articles / "penangkapan" / "tangkap.md"
    path.write_text(path.read_text(encoding="utf-8").replace("RS (38) dan DN (27)", "RS (38), DN (27) dan AK (31)"), encoding="utf-8")
    result = run_job(warehouse)
    assert materialization_metadata(result, "events")["documents_processed"] == 1
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        new_id = conn.execute("select document_id from documents where source_path = 'penangkapan/tangkap.md'").fetchone()[0]
        assert new_id != old_id
        for table in ("documents", "date_mentions", "actor_mentions", "location_mentions", "events"):
            assert conn.execute(f"select count(*) from {table} where document_id = ?", [old_id]).fetchone()[0] == 0, table
            assert conn.execute(f"select count(*) from {table} where document_id = ?", [new_id]).fetchone()[0] > 0, table
        orphans = conn.execute(
            "select count(*) from event_participants where event_id not in (select event_id from events)"
        ).fetchone()[0]
        assert orphans == 0
        assert conn.execute("select count(*) from actor_mentions where surface = 'AK'").fetchone()[0] == 1


def test_duplicate_content_under_two_names_is_one_document(workspace):
    articles, warehouse = workspace
    shutil.copy(articles / "kerja-sama.md", articles / "salinan-kerja-sama.md")
    run_job(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        rows = conn.execute("select source_paths from documents where len(source_paths) > 1").fetchall()
    assert rows == [(["kerja-sama.md", "salinan-kerja-sama.md"],)]


def test_removed_article_leaves_no_rows(workspace):
    articles, warehouse = workspace
    run_job(warehouse)
    (articles / "tanpa-front-matter.txt").unlink()
    run_job(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        assert conn.execute("select count(*) from documents").fetchone()[0] == 2
        known = "(select document_id from documents)"
        for table in ("date_mentions", "actor_mentions", "events"):
            assert conn.execute(f"select count(*) from {table} where document_id not in {known}").fetchone()[0] == 0


def test_open_read_only_session_does_not_block_a_run(workspace):
    articles, warehouse = workspace
    run_job(warehouse)
    analyst = duckdb.connect(str(warehouse), read_only=True)
    try:
        before = analyst.execute("select count(*) from documents").fetchone()[0]
        (articles / "baru.md").write_text(ARTICLES["kerja-sama.md"].replace("Bangkok", "Chiang Mai"), encoding="utf-8")
        run_job(warehouse)
        # the open session keeps its snapshot; a new one sees the new run
        assert analyst.execute("select count(*) from documents").fetchone()[0] == before
    finally:
        analyst.close()
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        assert conn.execute("select count(*) from documents").fetchone()[0] == before + 1


def test_every_warehouse_asset_shares_the_writer_pool():
    defs = build_definitions()
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        if "duckdb" in node.assets_def.required_resource_keys:
            assert node.assets_def.op.pool == WRITER_POOL, key


def test_schedule_requests_a_daily_run():
    context = build_schedule_context(scheduled_execution_time=__import__("datetime").datetime(2025, 4, 14, 6, 0))
    request = daily_refresh(context)
    assert isinstance(request, RunRequest)
    assert request.run_key == "daily-2025-04-14"


def test_sensor_fires_on_new_or_changed_files_only(workspace):
    articles, warehouse = workspace
    resources = {"duckdb": WarehouseResource.for_paths(warehouse)}
    first = article_folder_sensor(build_sensor_context(cursor=None, resources=resources))
    assert isinstance(first, RunRequest)
    context = build_sensor_context(cursor=first.run_key.removeprefix("articles-"), resources=resources)
    assert isinstance(article_folder_sensor(context), SkipReason)
    (articles / "kabar-baru.md").write_text("Judul\nIsi berita baru.", encoding="utf-8")
    again = article_folder_sensor(build_sensor_context(cursor=context.cursor, resources=resources))
    assert isinstance(again, RunRequest)
    assert again.run_key != first.run_key
