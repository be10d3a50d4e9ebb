"""The fuzz probe of `make reliability`, small enough for every test run: a folder of 220+
hostile files through the whole job, every one accounted for."""
from __future__ import annotations

import duckdb
from dagster import DagsterInstance

from pipelines.definitions import build_definitions

try:
    from tests import hostile_corpus
except ImportError:  # tests/ run as a plain directory
    import hostile_corpus


def test_every_hostile_file_is_loaded_or_rejected(tmp_path, monkeypatch):
    folder = hostile_corpus.build(tmp_path / "artikel", n_files=220)
    entries = hostile_corpus.expected_entries(folder)
    assert len(entries) >= 229
    monkeypatch.setenv("LINIMASA_ARTICLES", str(folder))
    warehouse = tmp_path / "linimasa.duckdb"

    result = build_definitions(warehouse).resolve_job_def("linimasa_job").execute_in_process(
        instance=DagsterInstance.ephemeral(), raise_on_error=False
    )

    assert result.success, [event.message for event in result.all_events if event.is_failure]
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        loaded = {path for (paths,) in conn.execute("select source_paths from documents").fetchall() for path in paths}
        rejected = dict(conn.execute("select source_path, reason from rejected_documents").fetchall())
    assert hostile_corpus.unaccounted(entries, loaded, set(rejected)) == []
    assert not any(path.startswith(("links/passwd", "links/outside-dir/")) for path in loaded)
    assert rejected["links/passwd.md"] == rejected["links/outside-dir"] == "outside_folder"
    assert rejected["links/to-parent"] == rejected["links/a.md"] == "symlink_loop"
    reasons = set(rejected.values())
    assert {"bad_json_record", "too_large", "binary", "broken_front_matter", "empty"} <= reasons
