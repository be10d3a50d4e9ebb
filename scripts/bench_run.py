"""Wall time of `linimasa run`: a first run on a fresh warehouse, then a run with nothing changed.

Runs the real command in a subprocess (imports included, as a user would see it) on the
bundled articles, and on a larger batch built from the shared kumparan sentences when
that corpus is present. Prints seconds and the first/second ratio.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINIMASA = Path(sys.executable).with_name("linimasa")
sys.path.insert(0, str(ROOT))
from pipelines.corpus import corpus_dir, kumparan_articles  # noqa: E402
BATCH_ARTICLES = 500
SENTENCES_PER_ARTICLE = 15


def timed_run(articles: Path, workdir: Path) -> float:
    env = {
        **os.environ,
        "LINIMASA_ARTICLES": str(articles),
        "LINIMASA_WAREHOUSE": str(workdir / "linimasa.duckdb"),
        "DAGSTER_HOME": str(workdir / "dagster_home"),
    }
    (workdir / "dagster_home").mkdir(exist_ok=True)
    (workdir / "dagster_home" / "dagster.yaml").write_text((ROOT / ".dagster_home" / "dagster.yaml").read_text())
    started = time.perf_counter()
    subprocess.run([str(LINIMASA), "run"], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def kumparan_batch(folder: Path) -> int:
    articles = kumparan_articles(SENTENCES_PER_ARTICLE, BATCH_ARTICLES)
    with (folder / "kumparan.jsonl").open("w", encoding="utf-8") as out:
        for index, text in enumerate(articles):
            out.write(json.dumps({"id": f"k{index}", "title": text[:80], "text": text, "published": "2019-06-01"}) + "\n")
    return len(articles)


def bench(label: str, articles: Path) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        first = timed_run(articles, Path(workdir))
        second = timed_run(articles, Path(workdir))
    print(f"{label:<28} first run {first:6.1f} s   unchanged re-run {second:6.1f} s   ratio {first / second:4.1f}x")


def main() -> None:
    print("== linimasa run (subprocess, wall time; bars: first < 30 s, unchanged < 10 s)")
    bench(f"bundled articles ({sum(1 for p in (ROOT / 'seeds' / 'articles').rglob('*') if p.is_file())} files)", ROOT / "seeds" / "articles")
    if (corpus_dir() / "kumparan").is_dir():
        with tempfile.TemporaryDirectory() as folder:
            count = kumparan_batch(Path(folder))
            bench(f"kumparan batch ({count} articles)", Path(folder))
    else:
        print(f"kumparan corpus not found at {corpus_dir()}; batch figure skipped")


if __name__ == "__main__":
    main()
