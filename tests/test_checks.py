"""Data checks: each rule passes on clean rows, fails on rows broken that way, and a failing
blocking check keeps the views from being built."""
from __future__ import annotations

import duckdb
import dagster as dg
import pytest
from dagster_duckdb import DuckDBResource

from pipelines.views import build_view_assets, build_view_checks
from pipelines.views.checks import ROW_CHECKS, _check_result

try:
    from tests.test_views_fixture import BREAKAGES, UPSTREAM_TABLES, build_warehouse, write_tables
except ImportError:  # tests/ run as a plain directory
    from test_views_fixture import BREAKAGES, UPSTREAM_TABLES, build_warehouse, write_tables

CHECKS = {check.name: check for check in ROW_CHECKS}

# which check each breakage must trip
EXPECTED_FAILURE = {
    "event_without_type": "events_have_type_and_precision",
    "dates_reversed": "events_dates_in_order",
    "shifted_actor_mention": "actor_mentions_slice_back",
    "shifted_date_mention": "date_mentions_slice_back",
    "shifted_location_mention": "location_mentions_slice_back",
    "summary_mismatch": "events_evidence_matches_body",
    "orphan_participant": "participants_not_orphaned",
    "participant_unknown_actor": "participants_not_orphaned",
    "orphan_location": "event_locations_not_orphaned",
    "actor_without_country": "actors_have_country_or_reason",
    "duplicate_actor": "actor_ids_unique",
    "duplicate_location": "location_ids_unique",
    "duplicate_event": "no_duplicate_events",
    "arrest_dated_by_publication": "events_date_source_traceable",
}


def results(path) -> dict[str, dg.AssetCheckResult]:
    with duckdb.connect(str(path)) as conn:
        return {name: _check_result(conn, check) for name, check in CHECKS.items()}


def test_every_breakage_has_an_expected_check():
    assert set(EXPECTED_FAILURE) == set(BREAKAGES)
    assert set(EXPECTED_FAILURE.values()) <= set(CHECKS)


def test_clean_warehouse_passes_every_check(tmp_path):
    outcome = results(build_warehouse(tmp_path / "clean.duckdb"))
    failed = {name: result.metadata.get("sample") for name, result in outcome.items() if not result.passed}
    assert not failed


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_each_breakage_fails_its_check_and_only_its_check(tmp_path, breakage):
    outcome = results(build_warehouse(tmp_path / "broken.duckdb", breakages=(breakage,)))
    failed = {name for name, result in outcome.items() if not result.passed}
    assert failed == {EXPECTED_FAILURE[breakage]}
    result = outcome[EXPECTED_FAILURE[breakage]]
    assert result.metadata["rows_offending"].value >= 1
    assert result.metadata["rows_checked"].value >= 1
    assert "|" in result.metadata["sample"].value  # a markdown table of the offending rows


def test_date_precision_outside_the_vocabulary_fails(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb")
    with duckdb.connect(str(path)) as conn:
        conn.execute("update events set date_precision = 'fortnight' where event_id = 'ev:visit'")
        conn.execute("update events set date_start = null where event_id = 'ev:raid'")
        result = _check_result(conn, CHECKS["events_have_type_and_precision"])
    assert not result.passed and result.metadata["rows_offending"].value == 2


def test_offsets_count_characters_not_bytes(tmp_path):
    """The en dash in '7–13 April 2025' is one character but three UTF-8 bytes; a byte-based
    slice would shift every later mention and fail the clean fixture, a char-based one passes."""
    path = build_warehouse(tmp_path / "w.duckdb")
    with duckdb.connect(str(path)) as conn:
        body = conn.execute("select body from documents where document_id = 'doc:polri-cnp'").fetchone()[0]
        assert len(body.encode()) > len(body)
        assert _check_result(conn, CHECKS["actor_mentions_slice_back"]).passed


# --- in Dagster: a failing blocking check stops the views ------------------------------------

def upstream_assets(breakages: tuple[str, ...]) -> dg.AssetsDefinition:
    """Stand-ins for the Python assets that write the upstream tables."""

    @dg.multi_asset(specs=[dg.AssetSpec(name) for name in UPSTREAM_TABLES], name="fixture_tables")
    def fixture_tables(duckdb: DuckDBResource):
        with duckdb.get_connection() as conn:
            write_tables(conn, breakages)
        for name in UPSTREAM_TABLES:
            yield dg.MaterializeResult(asset_key=name)

    return fixture_tables


def run_everything(tmp_path, breakages=()):
    return dg.materialize(
        [upstream_assets(breakages), *build_view_assets(), *build_view_checks()],
        resources={"duckdb": DuckDBResource(database=str(tmp_path / "run.duckdb"))},
        raise_on_error=False,
    )


def materialised(result) -> set[str]:
    return {event.asset_key.path[-1] for event in result.get_asset_materialization_events()}


def check_outcomes(result) -> dict[str, bool]:
    return {
        event.event_specific_data.asset_check_evaluation.check_name:
            event.event_specific_data.asset_check_evaluation.passed
        for event in result.get_asset_check_evaluations_events()
    } if hasattr(result, "get_asset_check_evaluations_events") else {
        evaluation.check_name: evaluation.passed for evaluation in result.get_asset_check_evaluations()
    }


def test_clean_run_builds_every_view_with_its_metadata(tmp_path):
    result = run_everything(tmp_path)
    assert result.success
    views = {asset.key.path[-1] for asset in build_view_assets()}
    assert views <= materialised(result)
    assert all(check_outcomes(result).values()) and len(check_outcomes(result)) == len(ROW_CHECKS)
    timeline = result.asset_materializations_for_node("timeline")[0].metadata
    assert timeline["dagster/row_count"].value == 12
    assert "data:image/png;base64," in timeline["timeline_chart"].value
    assert {column.name for column in timeline["dagster/column_schema"].schema.columns} >= {
        "event_id", "date_start", "date_end", "places", "participants", "url"}
    cooperation = result.asset_materializations_for_node("actor_cooperation")[0].metadata
    assert "data:image/png;base64," in cooperation["cooperation_network"].value
    lineage = cooperation["dagster/column_lineage"].column_lineage.deps_by_column
    assert dg.TableColumnDep(asset_key=dg.AssetKey("cooperation_participants"), column_name="actor_id") in \
        lineage["actor_a_id"]


def test_failing_blocking_check_keeps_views_from_materialising(tmp_path):
    result = run_everything(tmp_path, breakages=("event_without_type",))
    outcomes = check_outcomes(result)
    assert outcomes["events_have_type_and_precision"] is False
    built = materialised(result)
    assert "events" in built                      # the upstream table was written ...
    assert not built & {"timeline", "actor_cooperation", "country_cooperation", "monthly_topics"}
    with duckdb.connect(str(tmp_path / "run.duckdb"), read_only=True) as conn:
        tables = {row[0] for row in conn.execute("select table_name from information_schema.tables").fetchall()}
    assert "timeline" not in tables               # ... and the view never built from it


def test_failing_warning_check_does_not_block(tmp_path):
    result = run_everything(tmp_path, breakages=("actor_without_country",))
    assert check_outcomes(result)["actors_have_country_or_reason"] is False
    assert {"timeline", "actor_cooperation", "country_cooperation"} <= materialised(result)


def test_checks_and_views_fit_the_project_job_without_cycles():
    """Blocking checks add edges to the job graph; a check reading a table downstream of
    the one it guards would close a loop the whole job then refuses to build."""
    from pipelines.definitions import defs

    job = defs.resolve_implicit_global_asset_job_def()
    node_names = {node.name for node in job.graph.nodes}
    assert "timeline" in node_names and "actor_cooperation" in node_names


def test_event_types_follow_the_vocabulary_and_the_trigger_seeds(tmp_path):
    from pipelines.language.events.cues import event_types
    from pipelines.language.seeds import read_seed
    from pipelines.views.checks import known_event_types

    assert set(event_types()) <= set(known_event_types())
    assert {"attack", "kidnapping", "seizure", "charge"} <= set(known_event_types())
    assert {row["event_type"] for row in read_seed("event_triggers")} - {"none"} <= set(known_event_types())
    path = build_warehouse(tmp_path / "w.duckdb")
    with duckdb.connect(str(path)) as conn:
        conn.execute("update events set event_type = 'picnic' where event_id = 'ev:visit'")
        result = _check_result(conn, CHECKS["events_have_type_and_precision"])
    assert not result.passed and "picnic" in result.metadata["sample"].value


def test_modality_outside_the_vocabulary_fails(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb")
    with duckdb.connect(str(path)) as conn:
        conn.execute("update events set modality = 'rumoured' where event_id = 'ev:visit'")
        result = _check_result(conn, CHECKS["events_have_type_and_precision"])
    assert not result.passed and result.metadata["rows_offending"].value == 1
