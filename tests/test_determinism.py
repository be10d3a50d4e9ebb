"""Two clean runs on the same articles build the same warehouse, table for table.

Each run is a separate `linimasa run` process with its own PYTHONHASHSEED, so an order
that leans on set or dict iteration of strings shows up as well as an unbroken SQL tie.
LINIMASA_DETERMINISM_ARTICLES=<folder> adds a probe on a larger folder (e.g. a .jsonl of
1,000 shared IndoSum articles; `make reliability` builds one).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.warehouse.checksums import differing, warehouse_checksums

PROJECT = Path(__file__).resolve().parents[1]


def clean_run(tmp_path: Path, articles: Path, name: str, hash_seed: int) -> dict[str, str]:
    home = tmp_path / name / "dagster_home"
    home.mkdir(parents=True)
    shutil.copy(PROJECT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    warehouse = tmp_path / name / "linimasa.duckdb"
    env = {
        **os.environ, "DAGSTER_HOME": str(home), "LINIMASA_WAREHOUSE": str(warehouse),
        "LINIMASA_ARTICLES": str(articles), "PYTHONHASHSEED": str(hash_seed),
    }
    done = subprocess.run([sys.executable, "-m", "pipelines.cli", "run"], cwd=PROJECT, env=env,
                          capture_output=True, text=True, timeout=3600)
    assert done.returncode == 0, done.stderr[-3000:]
    return warehouse_checksums(warehouse)


def assert_same_warehouse(tmp_path: Path, articles: Path) -> None:
    first = clean_run(tmp_path, articles, "first", 1)
    second = clean_run(tmp_path, articles, "second", 2)
    assert "actors" in first and "timeline" in first
    assert differing(first, second) == []


def test_two_clean_runs_on_the_bundled_articles_are_identical(tmp_path):
    assert_same_warehouse(tmp_path, PROJECT / "seeds" / "articles")


@pytest.mark.skipif(not os.environ.get("LINIMASA_DETERMINISM_ARTICLES"), reason="opt-in: LINIMASA_DETERMINISM_ARTICLES")
def test_two_clean_runs_on_a_large_folder_are_identical(tmp_path):
    assert_same_warehouse(tmp_path, Path(os.environ["LINIMASA_DETERMINISM_ARTICLES"]))


def test_checksums_see_a_changed_row(tmp_path):
    import duckdb

    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as conn:
        conn.execute("create table actors as select 'org_polri' as actor_id, 'Polri' as name")
    before = warehouse_checksums(path)
    with duckdb.connect(str(path)) as conn:
        conn.execute("update actors set name = 'POLRI'")
    assert differing(before, warehouse_checksums(path)) == ["actors"]
