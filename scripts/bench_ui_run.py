"""A run as the UI, schedule and sensor launch it, against `linimasa run`, on the same change.

    python scripts/bench_ui_run.py [--articles DIR] [--rounds N]

Works in a temporary folder (its own articles copy, warehouse and Dagster instance): one
full load first, then, for each round, one article is edited and the change is loaded
once by `dagster job execute` (a fresh process running the job with the executor its
definition chooses, as the daemon's run worker does) and once, after another edit of the
same size, by `linimasa run`. Prints both wall times and their ratio (goal: <= 1.2).
Time spent in the daemon's queue before a run starts is not included.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command[:3])} failed:\n{result.stderr[-3000:]}")
    return seconds


def edit(articles: Path, round_no: int, who: str) -> None:
    """Append one sentence to one article: a changed document, re-extracted by the run."""
    target = sorted(p for p in articles.rglob("*.md"))[round_no % 3]
    with target.open("a", encoding="utf-8") as handle:
        handle.write(f"\nPolri kembali menggelar rapat koordinasi ke-{round_no} ({who}) di Jakarta pada Senin (5/5/2025).\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "seeds" / "articles")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="linimasa-bench-ui-") as tmp:
        tmp = Path(tmp)
        shutil.copytree(args.articles, tmp / "articles")
        (tmp / "home").mkdir()
        shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", tmp / "home" / "dagster.yaml")
        env = {**os.environ, "DAGSTER_HOME": str(tmp / "home"), "LINIMASA_ARTICLES": str(tmp / "articles"),
               "LINIMASA_WAREHOUSE": str(tmp / "warehouse" / "linimasa.duckdb")}
        cli = [str(BIN / "linimasa"), "run", "--no-progress"]
        ui = [str(BIN / "dagster"), "job", "execute", "-m", "pipelines.definitions", "-j", "linimasa_job"]
        print(f"full load: {timed(cli, env):.1f} s (linimasa run)")
        ui_times, cli_times = [], []
        for round_no in range(args.rounds):
            edit(tmp / "articles", round_no, "ui")
            ui_times.append(timed(ui, env))
            edit(tmp / "articles", round_no, "cli")
            cli_times.append(timed(cli, env))
            print(f"round {round_no + 1}: job run {ui_times[-1]:.1f} s, linimasa run {cli_times[-1]:.1f} s")
        ui_median, cli_median = statistics.median(ui_times), statistics.median(cli_times)
        print(f"median: job run {ui_median:.1f} s, linimasa run {cli_median:.1f} s, "
              f"ratio {ui_median / cli_median:.2f} (goal <= 1.2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
