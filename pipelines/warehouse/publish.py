"""The last asset of every run: publish the working warehouse, once, all or nothing.

Analysts read `warehouse/linimasa.duckdb`; every other asset writes the working copy. This
asset depends on all of them, so Dagster starts it only when every selected asset was
built and every blocking check passed (a failed blocking check skips everything
downstream of the asset it checks). A failed or killed run therefore never reaches it, and
the public file stays the previous run's, byte for byte.

Rule for partial materialisations (a selection in the UI): a run publishes only when its
selection includes `published_warehouse`. Before copying, every blocking rule that the run
did not itself evaluate is evaluated on the working copy, so publishing a subset, or the
working copy alone, never hands analysts rows that break a blocking rule.
"""

from pathlib import Path

from dagster import AssetExecutionContext, AssetKey, DagsterEventType, Failure, MaterializeResult, MetadataValue, asset

from pipelines.warehouse.resource import WRITER_POOL, PublishError, WarehouseResource, publish

PUBLISH_ASSET = "published_warehouse"


def build_publish_asset(upstream: list):
    """The publish asset, downstream of every asset in `upstream` (assets definitions)."""
    keys = sorted({key for definition in upstream for key in definition.keys}, key=lambda key: key.to_user_string())

    @asset(
        name=PUBLISH_ASSET,
        group_name="warehouse",
        kinds={"duckdb"},
        deps=keys,
        pool=WRITER_POOL,
        description=(
            "The warehouse analysts read (warehouse/linimasa.duckdb): the working copy, copied once at the end "
            "of a run whose blocking checks all passed, and renamed into place atomically."
        ),
    )
    def published_warehouse(context: AssetExecutionContext, duckdb: WarehouseResource) -> MaterializeResult:
        evaluated = blocking_checks_evaluated(context)
        failed_here = sorted(name for name, passed in evaluated.items() if not passed)
        if failed_here:  # Dagster skips this step then; kept as a guard
            raise Failure(f"not published: blocking checks failed in this run: {', '.join(failed_here)}")
        working, public = Path(duckdb.database), Path(duckdb.published_database)
        with duckdb.get_connection() as conn:
            verified = verify_remaining_rules(conn, set(evaluated))
            conn.execute("checkpoint")
            try:
                size = publish(working, public)
            except PublishError as error:
                raise Failure(str(error)) from None
        return MaterializeResult(
            metadata={
                "path": MetadataValue.path(str(public)),
                "size_mib": round(size / 2**20, 2),
                "rules_checked_in_run": len(evaluated),
                "rules_checked_before_publish": verified,
            }
        )

    return published_warehouse


def blocking_checks_evaluated(context: AssetExecutionContext) -> dict[str, bool]:
    """Blocking check name → passed, for the checks this run has evaluated."""
    from pipelines.views.checks import ROW_CHECKS

    blocking = {(AssetKey(check.asset), check.name) for check in ROW_CHECKS if check.blocking}
    evaluated = {}
    records = context.instance.all_logs(context.run.run_id, of_type=DagsterEventType.ASSET_CHECK_EVALUATION)
    for record in records:
        evaluation = record.dagster_event.event_specific_data
        if (evaluation.asset_key, evaluation.check_name) in blocking:
            evaluated[evaluation.check_name] = evaluation.passed
    return evaluated


def verify_remaining_rules(conn, evaluated: set[str]) -> int:
    """Evaluate on the working copy the blocking rules this run did not; fail on any breach."""
    from pipelines.views.checks import ROW_CHECKS, _run_check

    remaining = [check for check in ROW_CHECKS if check.blocking and check.name not in evaluated]
    broken = [check.name for check in remaining if not _run_check(conn, check).passed]
    if broken:
        raise Failure(f"not published: the working copy breaks blocking rules: {', '.join(broken)}")
    return len(remaining)
