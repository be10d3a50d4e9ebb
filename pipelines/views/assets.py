"""The SQL-asset factory: each `sql/<name>.sql` becomes the Dagster asset `<name>`.

A view is stored as a DuckDB table (`create or replace table <name> as <sql>`), not a
DuckDB view, for two reasons:
- the blocking checks mean something: when a check on `events` fails, the run stops and
  analysts keep reading the last good snapshot, where a live view would already show the
  bad rows;
- read-only analyst sessions, exports and the report read plain tables, fast, without
  re-running the joins each time.
The cost, staleness after upstream changes, is what Dagster tracks: the asset goes stale
when its inputs or its SQL (`code_version`) change.
"""

import hashlib
from pathlib import Path

import dagster as dg
from dagster import AssetExecutionContext
from dagster_duckdb import DuckDBResource

from pipelines.views.lineage import cached_column_lineage
from pipelines.views.sql_files import SQL_DIR, SqlView, read_views
from pipelines.warehouse import changes
from pipelines.warehouse import metadata as table_metadata
from pipelines.warehouse.resource import WRITER_POOL

GROUP = "views"

# Pictures attached to views in the UI: metadata key, alt text, drawing function in
# pipelines.analyst.pictures. Drawn at a lower resolution than the report's, as they are
# stored with every materialisation.
PICTURES = {
    "timeline": ("timeline_chart", "timeline", "timeline_png"),
    "actor_cooperation": ("cooperation_network", "cooperation network", "network_png"),
}
PICTURE_DPI = 80
# Drawing loads matplotlib and takes about a second, so a picture is kept in the warehouse
# with the fingerprint of the rows it was drawn from, and drawn again only when they change.
PICTURE_TABLE = "view_pictures"


def view_pictures(conn, view: str) -> dict[str, dg.MetadataValue]:
    """The pictures of `view` as markdown images, redrawn only when the view's rows or the drawing code change."""
    if view not in PICTURES:
        return {}
    key_name, alt, drawer = PICTURES[view]
    drawing_code = hashlib.sha256((Path(__file__).resolve().parents[1] / "analyst" / "pictures.py").read_bytes())
    # A hash aggregate: serialising and sorting the whole view would cost memory in proportion to it.
    rows = conn.execute(
        f"select count(*) || ':' || coalesce(sum(hash(t::varchar)::hugeint), 0) from \"{view}\" as t"
    ).fetchone()[0]
    fingerprint = f"{rows}:{drawing_code.hexdigest()[:16]}:{PICTURE_DPI}"
    conn.execute(f"create table if not exists {PICTURE_TABLE} (view varchar, fingerprint varchar, markdown varchar)")
    cached = conn.execute(
        f"select markdown from {PICTURE_TABLE} where view = ? and fingerprint = ?", [view, fingerprint]
    ).fetchone()
    if cached:
        markdown = cached[0]
    else:
        from pipelines.analyst import pictures

        markdown = pictures.markdown_image(alt, getattr(pictures, drawer)(conn, PICTURE_DPI))
        conn.execute(f"delete from {PICTURE_TABLE} where view = ?", [view])
        conn.execute(f"insert into {PICTURE_TABLE} values (?, ?, ?)", [view, fingerprint, markdown])
    return {key_name: dg.MetadataValue.md(markdown)}


def view_metadata(conn, view: SqlView, with_pictures: bool = True) -> dict[str, object]:
    """Row count, schema, preview, lineage (where traceable) and pictures of a built view."""
    schema = table_metadata.table_schema(conn, view.name, view.columns)
    metadata: dict[str, object] = {
        "dagster/row_count": table_metadata.row_count(conn, view.name),
        "dagster/column_schema": schema,
        "preview": dg.MetadataValue.md(table_metadata.preview_markdown(conn, view.name)),
        "sql_file": dg.MetadataValue.path(str(view.path)),
        "reads": dg.MetadataValue.json(list(view.deps)),
    }
    live = table_metadata.live_schema(conn)
    traced = cached_column_lineage(
        conn, view.name, view.sql, view.deps, [column.name for column in schema.columns], live
    )
    if traced:
        metadata["dagster/column_lineage"] = dg.TableColumnLineage(
            deps_by_column={
                column: [dg.TableColumnDep(asset_key=dg.AssetKey(table), column_name=source)
                         for table, source in sources]
                for column, sources in traced.items()
            }
        )
    if with_pictures:
        metadata.update(view_pictures(conn, view.name))
    return metadata


def build_view(conn, view: SqlView) -> None:
    conn.execute(f'create or replace table "{view.name}" as\n{view.sql}')


# The actor dimension step rewrites these tables' actor_id (the merge across stories), so a view
# reading them waits for it even when it reads no dimension itself.
_MERGED_BY_DIMENSIONS = frozenset({"actor_mentions", "event_participants"})


def asset_deps(view: SqlView) -> list[dg.AssetKey]:
    deps = list(view.deps)
    if _MERGED_BY_DIMENSIONS & set(deps) and "actors" not in deps:
        deps.append("actors")
    return [dg.AssetKey(dep) for dep in deps]


def view_asset(view: SqlView) -> dg.AssetsDefinition:
    """The asset that (re)builds one SQL file's table and describes it for the UI."""

    @dg.asset(
        name=view.name,
        group_name=GROUP,
        deps=asset_deps(view),
        code_version=view.code_version,
        description=view.description or f"sql/{view.path.name}",
        kinds={"duckdb", "sql"},
        pool=WRITER_POOL,
        metadata={"sql": dg.MetadataValue.md(f"```sql\n{view.sql}\n```")},
    )
    def _build(context: AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
        with duckdb.get_connection() as conn:
            before = changes.keys(conn, view.name) if view.name in changes.KEYS else None
            build_view(conn, view)
            metadata = view_metadata(conn, view)
            if before is not None:  # pairs that appeared or went away in this run
                metadata.update(changes.change_metadata(before, changes.keys(conn, view.name)))
        context.log.info("built %s: %s rows", view.name, metadata["dagster/row_count"])
        return dg.MaterializeResult(metadata=metadata)

    return _build


def build_view_assets(folder: Path = SQL_DIR) -> list[dg.AssetsDefinition]:
    return [view_asset(view) for view in read_views(folder)]


def build_all_views(conn, folder: Path = SQL_DIR) -> list[str]:
    """Build every view in dependency order outside Dagster (scripts, tests); returns the order."""
    from graphlib import TopologicalSorter

    views = {view.name: view for view in read_views(folder)}
    order = TopologicalSorter(
        {name: [dep for dep in view.deps if dep in views] for name, view in views.items()}
    ).static_order()
    built = []
    for name in order:
        build_view(conn, views[name])
        built.append(name)
    return built
