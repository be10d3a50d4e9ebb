"""Whole-process throughput: `linimasa dates --jsonl` against dateparser on real articles.

Both run as fresh processes, start-up and grammar compilation included: `linimasa dates --jsonl`
over every IndoSum article of the shared corpus, and a small script calling dateparser's
`search_dates` over a fixed sample of them (dateparser is far slower; its per-article cost is
scaled to the full count). CPU time (user + sys of the child) and peak RSS are recorded, since
wall time on a shared 2-core machine is noisy; the ratio is on CPU time per article.

    .venv/bin/python scripts/bench_dates_process.py [--articles 3000] [--dateparser-sample 200]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.corpus import corpus_dir  # noqa: E402

DATEPARSER_SCRIPT = """
import datetime as dt, json, sys
from dateparser.search import search_dates
for line in sys.stdin:
    record = json.loads(line)
    anchor = dt.datetime.fromisoformat(record["anchor"])
    found = search_dates(record["text"], languages=["id"],
                         settings={"DATE_ORDER": "DMY", "RELATIVE_BASE": anchor}) or []
    print(json.dumps({"id": record["id"], "n": len(found)}))
"""


def run(command: list[str], lines: list[str]) -> tuple[float, float, int]:
    """(wall s, CPU s, peak RSS MiB) of one child process fed `lines` on stdin."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as stdin:
        stdin.write("".join(lines))
        stdin.seek(0)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, check=False)
        wall = time.perf_counter() - began
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss // 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--dateparser-sample", type=int, default=200)
    args = parser.parse_args(argv)
    path = corpus_dir() / "indosum" / "articles.jsonl"
    if not path.exists():
        print(f"corpus not found at {path}")
        return 0
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()][:args.articles]
    lines = [json.dumps({"id": r["id"], "text": r["text"], "anchor": r["published"][:19]}) + "\n" for r in records]
    linimasa = [str(Path(sys.executable).with_name("linimasa")), "dates", "--jsonl"]
    wall, cpu, rss = run(linimasa, lines)
    print(f"linimasa dates --jsonl   {len(lines):>5} articles  wall {wall:7.2f} s  CPU {cpu:7.2f} s  "
          f"peak RSS {rss} MiB  {len(lines) / cpu:8.1f} articles/CPU-s")
    sample = random.Random(3).sample(lines, min(args.dateparser_sample, len(lines)))
    d_wall, d_cpu, d_rss = run([sys.executable, "-c", DATEPARSER_SCRIPT], sample)
    print(f"dateparser search_dates {len(sample):>5} articles  wall {d_wall:7.2f} s  CPU {d_cpu:7.2f} s  "
          f"peak RSS {d_rss} MiB  {len(sample) / d_cpu:8.1f} articles/CPU-s")
    ratio = (len(lines) / cpu) / (len(sample) / d_cpu)
    print(f"ratio (articles per CPU second, whole processes): {ratio:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
