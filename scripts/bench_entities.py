"""Throughput of the actor/place layer on real news text.

    python scripts/bench_entities.py [--articles N] [--per-article 15]

Kumparan sentences (tokens joined by spaces) are grouped into articles of 15 sentences and run
through analyse_actors() and recognise_entities() on one core. Prints articles/s and sentences/s;
the budget for analyse_actors is 500 articles/s (the whole extraction needs 200).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.language.entities import analyse_actors, recognise_entities  # noqa: E402
from pipelines.language.entities.catalog import catalog  # noqa: E402
from pipelines.corpus import corpus_dir, kumparan_articles  # noqa: E402


def bench(function, articles: list[str]) -> float:
    """CPU seconds (one core; other processes on the machine do not inflate it)."""
    started = time.process_time()
    for text in articles:
        function(text)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--per-article", type=int, default=15)
    args = parser.parse_args(argv)
    if not (corpus_dir() / "kumparan").exists():
        print(f"corpus not found at {corpus_dir()}; set LINIMASA_CORPUS")
        return 1

    started = time.perf_counter()
    catalog()
    analyse_actors("Jakarta - Kapolri Jenderal Listyo Sigit Prabowo bertemu CNP di Phnom Penh.")
    print(f"catalog + model load: {time.perf_counter() - started:.2f} s (once per process)")

    articles = kumparan_articles(args.per_article, args.articles)
    chars = sum(map(len, articles)) / len(articles)
    print(f"{len(articles)} articles of {args.per_article} kumparan sentences ({chars:.0f} chars each)")
    # The first pass fills the per-word feature caches (new vocabulary); later passes show a
    # long run's steady state (best of three, since other work on the machine only slows runs).
    for name, function in (("analyse_actors", analyse_actors), ("recognise_entities", recognise_entities)):
        cold = len(articles) / bench(function, articles)
        warm = max(len(articles) / bench(function, articles) for _ in range(3))
        for run, rate in (("cold", cold), ("warm", warm)):
            print(f"{name:<20} {run}  {rate:8.0f} articles/s  {rate * args.per_article:9.0f} sentences/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
