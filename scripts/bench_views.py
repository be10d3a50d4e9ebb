"""How long the views, checks and analyst tools take, on a warehouse scaled up by copying.

    python scripts/bench_views.py [--db FILE] [--copies 1,10,100]

Copies the warehouse (default: the published one) to a scratch file and repeats every
document with its mentions and events under new ids, so the views see N times the
events with the same actors and places. Prints seconds per step for each scale.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipelines.analyst import export_all, run_query, write_report  # noqa: E402
from pipelines.views.assets import build_all_views, view_metadata  # noqa: E402
from pipelines.views.checks import ROW_CHECKS, _check_result  # noqa: E402
from pipelines.views.sql_files import read_views  # noqa: E402

# columns holding per-document ids, suffixed in each copy
COPIED = {
    "documents": ("document_id",),
    "date_mentions": ("mention_id", "document_id"),
    "actor_mentions": ("mention_id", "document_id"),
    "location_mentions": ("mention_id", "document_id"),
    "events": ("event_id", "document_id", "date_mention_id"),
    "event_participants": ("event_id",),
    "event_locations": ("event_id",),
    "event_topics": ("event_id",),
}


def scale(conn, copies: int) -> None:
    for table, columns in COPIED.items():
        replace = ", ".join(f"{column} || '#' || copy_no as {column}" for column in columns)
        conn.execute(
            f"insert into {table} select {table}.* replace ({replace}) "
            f"from {table}, range(1, {copies}) as copies(copy_no)"
        )


def timed(label: str, action) -> float:
    started = time.perf_counter()
    action()
    seconds = time.perf_counter() - started
    print(f"  {label:<34} {seconds:8.2f} s")
    return seconds


def bench(source: Path, copies: int, scratch: Path) -> None:
    db = scratch / f"x{copies}.duckdb"
    shutil.copyfile(source, db)
    with duckdb.connect(str(db)) as conn:
        scale(conn, copies)
        n_events = conn.execute("select count(*) from events").fetchone()[0]
        print(f"x{copies}: {n_events} events")
        timed("build all views (sql)", lambda: build_all_views(conn))
        for view in read_views():
            timed(f"metadata {view.name}", lambda view=view: view_metadata(conn, view, with_pictures=False))
        timed("pictures (timeline + network)",
              lambda: view_metadata(conn, next(v for v in read_views() if v.name == "timeline"))
              and view_metadata(conn, next(v for v in read_views() if v.name == "actor_cooperation")))
        timed("all data checks", lambda: [_check_result(conn, check) for check in ROW_CHECKS])
    timed("linimasa sql (timeline, table)", lambda: run_query(db, "select * from timeline"))
    timed("linimasa export", lambda: export_all(db, scratch / f"export-x{copies}"))
    timed("linimasa report", lambda: write_report(db, scratch / f"report-x{copies}.html"))


def main(argv: list[str] | None = None) -> int:
    from pipelines import settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--copies", default="1,10,100")
    args = parser.parse_args(argv)
    source = args.db or settings.warehouse_path()
    with tempfile.TemporaryDirectory() as scratch:
        for copies in (int(value) for value in args.copies.split(",")):
            bench(source, copies, Path(scratch))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
