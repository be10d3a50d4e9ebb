"""Batched, parallel extraction gives the warehouse sequential extraction gives, and an
interrupted run resumes with the batches it had not written."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance

from pipelines import settings
from pipelines.definitions import build_definitions
from pipelines.warehouse.schema import VIEW_CACHE_TABLES as VIEW_CACHES
from pipelines.warehouse.schema import DOCUMENT_TABLES

BUNDLED = settings.PROJECT_ROOT / "seeds" / "articles"


def run(warehouse: Path, raise_on_error: bool = True):
    job = build_definitions(warehouse).resolve_job_def("linimasa_job")
    result = job.execute_in_process(instance=DagsterInstance.ephemeral(), raise_on_error=False)
    if raise_on_error:
        assert result.success, [event.message for event in result.all_events if event.is_failure]
    return result


def checksums(warehouse: Path) -> dict[str, tuple[int, str]]:
    """Row count and an order-independent digest of every table."""
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        tables = [row[0] for row in conn.execute(
            "select table_name from information_schema.tables where table_schema = 'main' order by 1").fetchall()]
        return {
            table: conn.execute(
                f'select count(*), md5(coalesce(string_agg(md5(t::varchar), \'\' order by md5(t::varchar)), \'\')) from "{table}" as t'
            ).fetchone()
            for table in tables if table not in VIEW_CACHES
        }


def test_parallel_batches_equal_one_sequential_pass(tmp_path, monkeypatch):
    monkeypatch.setenv("LINIMASA_ARTICLES", str(BUNDLED))
    monkeypatch.setenv("LINIMASA_WORKERS", "1")
    monkeypatch.setenv("LINIMASA_BATCH_SIZE", "100000")
    sequential = tmp_path / "sequential" / "linimasa.duckdb"
    run(sequential)
    monkeypatch.setenv("LINIMASA_WORKERS", "2")
    monkeypatch.setenv("LINIMASA_BATCH_SIZE", "3")
    parallel = tmp_path / "parallel" / "linimasa.duckdb"
    result = run(parallel)
    [events] = [m for m in result.asset_materializations_for_node("mentions_and_events") if m.asset_key.path == ["events"]]
    assert events.metadata["workers"].value == 2 and events.metadata["batches"].value > 2
    expected = checksums(sequential)
    assert expected["events"][0] > 0 and expected["documents"][0] > 3 * 3
    assert checksums(parallel) == expected


def test_an_interrupted_extraction_resumes_with_the_unwritten_batches(tmp_path, monkeypatch):
    monkeypatch.setenv("LINIMASA_ARTICLES", str(BUNDLED))
    monkeypatch.setenv("LINIMASA_WORKERS", "1")
    monkeypatch.setenv("LINIMASA_BATCH_SIZE", "4")
    import pipelines.extract.assets as extract_assets

    real_write = extract_assets.write_batch
    written = []

    def crash_after_two(conn, step, *args, **kwargs):
        if step == "mentions_and_events" and len(written) == 2:
            raise KeyboardInterrupt("killed")  # as a kill between two batches
        result = real_write(conn, step, *args, **kwargs)
        if step == "mentions_and_events":
            written.append(step)
        return result

    monkeypatch.setattr(extract_assets, "write_batch", crash_after_two)
    warehouse = tmp_path / "resumed" / "linimasa.duckdb"
    assert not run(warehouse, raise_on_error=False).success
    monkeypatch.setattr(extract_assets, "write_batch", real_write)
    result = run(warehouse)
    clean = tmp_path / "clean" / "linimasa.duckdb"
    run(clean)
    total = checksums(clean)["documents"][0]
    [events] = [m for m in result.asset_materializations_for_node("mentions_and_events") if m.asset_key.path == ["events"]]
    assert events.metadata["documents_processed"].value == total - 2 * 4
    assert checksums(warehouse) == checksums(clean)


@pytest.mark.skipif(not os.environ.get("LINIMASA_SCALE_TEST"), reason="set LINIMASA_SCALE_TEST=1: runs 1,000 shared articles twice")
def test_parallel_equals_sequential_on_shared_articles(tmp_path, monkeypatch, corpus_dir):
    import sys

    sys.path.insert(0, str(settings.PROJECT_ROOT / "scripts"))
    from bench_scale import write_replica

    articles = tmp_path / "articles"
    write_replica(corpus_dir / "indosum" / "articles.jsonl", articles, 1000)
    monkeypatch.setenv("LINIMASA_ARTICLES", str(articles))
    monkeypatch.setenv("LINIMASA_WORKERS", "1")
    monkeypatch.setenv("LINIMASA_BATCH_SIZE", "100000")
    run(tmp_path / "sequential" / "linimasa.duckdb")
    monkeypatch.setenv("LINIMASA_WORKERS", "2")
    monkeypatch.delenv("LINIMASA_BATCH_SIZE")
    run(tmp_path / "parallel" / "linimasa.duckdb")
    # Every table ingest and extraction write. At this size the dimension merge (`actors`)
    # and the views built on it still break some ties in an order DuckDB's threads decide,
    # so they differ between two sequential runs too; they are left to the determinism tests.
    written = {"documents", "rejected_documents", "source_files", "source_records", "extraction_log",
               *DOCUMENT_TABLES["date_mentions"], *DOCUMENT_TABLES["mentions"], *DOCUMENT_TABLES["events"]}
    parallel = checksums(tmp_path / "parallel" / "linimasa.duckdb")
    sequential = checksums(tmp_path / "sequential" / "linimasa.duckdb")
    assert sequential["events"][0] > 1000
    assert {table: parallel[table] for table in written} == {table: sequential[table] for table in written}
