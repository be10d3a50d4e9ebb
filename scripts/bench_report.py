"""How fast the interactive report is written and drawn with many events.

    python scripts/bench_report.py [--db FILE] [--events 10000] [--loads 3]

Scales a warehouse (default: the small test warehouse of tests/test_views_fixture.py) by
copying every document with its mentions and events under new ids (scripts/bench_views.py)
until it holds at least `--events` events, spreads the copies' dates over two and a half
years, rebuilds the views, writes the report, and opens it `--loads` times, each in a fresh
headless Chromium (scripts/render_report.py). Prints, per load, the browser's first paint
and first contentful paint and the moment the page announced its charts drawn
(`linimasa-ready`), all from navigation start; then the medians. For scale, each fresh
browser first opens a one-line page: its first paint is the floor this machine gives any
page at that moment (a cold browser, two cores shared with whatever else runs).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "scripts"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench_views import scale  # noqa: E402
from render_report import TIMELINE_POINTS, Page, ensure_chromium  # noqa: E402

from pipelines.analyst.report import write_report  # noqa: E402
from pipelines.views.assets import build_all_views  # noqa: E402


def scaled_warehouse(source: Path | None, events: int, scratch: Path) -> Path:
    db = scratch / "bench.duckdb"
    if source is None:
        from tests.test_views_fixture import build_warehouse

        build_warehouse(db)
    else:
        shutil.copy(source, db)
    with duckdb.connect(str(db)) as conn:
        have = conn.execute("select count(*) from events").fetchone()[0]
        copies = max(1, -(-events // max(1, have)))
        if copies > 1:
            scale(conn, copies)
            # copies spread over ~30 months, so the timeline is not a few towers of dots
            conn.execute("""
                update events set
                    date_start = date_start - to_days(cast(hash(document_id) % 900 as integer)),
                    date_end = date_end - to_days(cast(hash(document_id) % 900 as integer))
                where document_id like '%#%'""")
        build_all_views(conn)
    return db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="warehouse to scale (default: the test warehouse)")
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--loads", type=int, default=3)
    args = parser.parse_args(argv)
    chromium = ensure_chromium()
    if chromium is None:
        print("chromium is not installed and could not be installed with apt-get", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        db = scaled_warehouse(args.db, args.events, Path(scratch))
        with duckdb.connect(str(db), read_only=True) as conn:
            n_events = conn.execute("select count(*) from timeline").fetchone()[0]
        started = time.perf_counter()
        report = write_report(db, Path(scratch) / "report.html")
        written = time.perf_counter() - started
        print(f"{n_events} events; report written in {written:.2f} s, {report.stat().st_size / 1e6:.1f} MB")
        floor = Path(scratch) / "floor.html"
        floor.write_text("<!doctype html><title>floor</title><p>Linimasa</p>", encoding="utf-8")
        paints, readies, floors = [], [], []
        for load in range(1, args.loads + 1):
            with Page(chromium) as page:
                page.send("Page.navigate", {"url": floor.as_uri()})
                page.wait_for("performance.getEntriesByName('first-contentful-paint').length > 0")
                floors.append(page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime") / 1000)
                page.open(report)
                marks = page.evaluate(
                    "Object.fromEntries(performance.getEntries().filter(e => e.entryType === 'paint'"
                    " || e.name === 'linimasa-ready').map(e => [e.name, e.startTime / 1000]))")
                shown = page.evaluate(TIMELINE_POINTS)
            paints.append(marks["first-contentful-paint"])
            readies.append(marks["linimasa-ready"])
            print(f"load {load}: one-line page's first paint {floors[-1]:.2f} s; report: first paint {marks['first-paint']:.2f} s, first contentful paint "
                  f"{marks['first-contentful-paint']:.2f} s, charts drawn (ready) {marks['linimasa-ready']:.2f} s, "
                  f"{shown} timeline points")
        print(f"median: first contentful paint {statistics.median(paints):.2f} s, "
              f"ready {statistics.median(readies):.2f} s (one-line page: {statistics.median(floors):.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
