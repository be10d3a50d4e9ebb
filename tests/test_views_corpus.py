"""The whole pipeline on the real seed article (shared corpus), read through the views.

The article is copied into a temporary folder at test time, never into the project. The
language rules were not written against these assertions; they check the promises the
views make on real text: every check passes, the story's events come in date order with
places and parties, and Polri–Cambodia National Police cooperate from 7 April 2025.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.corpus import corpus_dir

CORPUS = corpus_dir()
SEED = CORPUS / "seed" / "polri-cnp-2025-04.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"shared corpus not found at {CORPUS}")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    import dagster as dg

    from pipelines.definitions import build_definitions

    folder = tmp_path_factory.mktemp("seed-run")
    articles = folder / "articles"
    articles.mkdir()
    shutil.copyfile(SEED, articles / SEED.name)
    path = folder / "linimasa.duckdb"
    saved = os.environ.get("LINIMASA_ARTICLES")
    os.environ["LINIMASA_ARTICLES"] = str(articles)
    try:
        defs = build_definitions(path)
        result = defs.resolve_job_def("linimasa_job").execute_in_process(
            instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    finally:
        if saved is None:
            os.environ.pop("LINIMASA_ARTICLES", None)
        else:
            os.environ["LINIMASA_ARTICLES"] = saved
    return path, result


def rows(path, sql):
    with duckdb.connect(str(path), read_only=True) as conn:
        cursor = conn.execute(sql)
        names = [item[0] for item in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def test_run_succeeds_and_every_check_passes(warehouse):
    _, result = warehouse
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert evaluations and all(evaluation.passed for evaluation in evaluations), [
        evaluation.check_name for evaluation in evaluations if not evaluation.passed]


def test_timeline_lists_the_story_in_date_order_with_places_and_parties(warehouse):
    path, _ = warehouse
    timeline = rows(path, "select * from timeline order by timeline_position")
    assert timeline
    assert [row["sort_date"] for row in timeline] == sorted(row["sort_date"] for row in timeline)
    meetings = [row for row in timeline if row["date_start"] is not None
                and (row["date_start"].isoformat(), row["date_end"].isoformat()) == ("2025-04-07", "2025-04-13")]
    assert meetings, "the 7–13 April 2025 meetings are on the timeline"
    assert any("Phnom Penh" in row["places"] for row in meetings)
    assert all(row["participants"] for row in meetings)


def test_polri_and_cambodian_police_cooperate_from_7_april(warehouse):
    path, _ = warehouse
    pair = rows(path, "select * from actor_cooperation where actor_a_id = 'org:cambodia-national-police' "
                      "and actor_b_id = 'org:polri'")
    assert pair and pair[0]["first_date"].isoformat() == "2025-04-07"
    countries = rows(path, "select * from country_cooperation where country_a = 'IDN' and country_b = 'KHM'")
    assert countries and countries[0]["first_date"].isoformat() == "2025-04-07"
