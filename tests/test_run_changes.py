"""The run says what it changed: documents added / changed / removed / rejected, and events
and cooperation pairs added and removed, as run metadata (the UI) and in `linimasa run`."""
from __future__ import annotations

import duckdb

from pipelines.runner import change_lines, materialized_metadata

try:
    from tests.test_pipeline import run_job, workspace  # noqa: F401  (the fixture)
except ImportError:  # tests/ run as a plain directory
    from test_pipeline import run_job, workspace  # noqa: F401


def count(warehouse, table: str) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]


def test_first_run_adds_everything_and_rejects_the_binary_file(workspace):
    _, warehouse = workspace
    metadata = materialized_metadata(run_job(warehouse))
    documents = metadata["documents"]
    assert (documents["documents_new"], documents["documents_changed"], documents["documents_removed"],
            documents["documents_rejected"]) == (3, 0, 0, 1)
    assert metadata["events"]["rows_added"] == count(warehouse, "events") > 0
    assert metadata["events"]["rows_removed"] == 0
    assert metadata["actor_cooperation"]["rows_added"] == count(warehouse, "actor_cooperation")


def test_unchanged_folder_changes_nothing(workspace):
    _, warehouse = workspace
    run_job(warehouse)
    metadata = materialized_metadata(run_job(warehouse))
    assert metadata["documents"]["documents_unchanged"] == 3
    assert metadata["documents"]["documents_new"] == metadata["documents"]["documents_changed"] == 0
    for asset in ("events", "actor_cooperation", "country_cooperation"):
        assert (metadata[asset]["rows_added"], metadata[asset]["rows_removed"]) == (0, 0), asset
    lines = change_lines(metadata)
    assert lines[0] == "documents: 0 added, 0 changed, 0 removed, 1 rejected (3 unchanged)"
    assert lines[1] == f"events: 0 added, 0 removed, {count(warehouse, 'events')} now"


def test_an_edit_shows_as_a_changed_document_and_replaced_events(workspace):
    """Same number of events before and after, yet the summary says they were replaced."""
    articles, warehouse = workspace
    run_job(warehouse)
    events_before = count(warehouse, "events")
    path = articles / "penangkapan" / "tangkap.md"
    path.write_text(path.read_text(encoding="utf-8").replace("RS (38) dan DN (27)", "RS (38), DN (27) dan AK (31)"),
                    encoding="utf-8")
    metadata = materialized_metadata(run_job(warehouse))
    assert (metadata["documents"]["documents_changed"], metadata["documents"]["documents_new"]) == (1, 0)
    events = metadata["events"]
    assert events["rows_added"] > 0 and events["rows_removed"] > 0
    assert count(warehouse, "events") == events_before - events["rows_removed"] + events["rows_added"]
    assert any(line.startswith("documents: 0 added, 1 changed") for line in change_lines(metadata))


def test_a_removed_article_takes_its_events_and_pairs_with_it(workspace):
    articles, warehouse = workspace
    run_job(warehouse)
    pairs_before = count(warehouse, "actor_cooperation")
    (articles / "kerja-sama.md").unlink()
    metadata = materialized_metadata(run_job(warehouse))
    assert metadata["documents"]["documents_removed"] == 1
    assert metadata["events"]["rows_removed"] > 0 and metadata["events"]["rows_added"] == 0
    pairs = metadata["actor_cooperation"]
    assert pairs["rows_removed"] == pairs_before - count(warehouse, "actor_cooperation") > 0
