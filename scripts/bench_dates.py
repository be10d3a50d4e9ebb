"""Throughput of the date tagger against dateparser.search_dates on real news text.

Reads the kumparan POS-tagged sentences from the shared corpus (never copied into the
project), rebuilds running text, times tag_dates over all of it (best of several runs)
and dateparser on a sample in the same run, and prints KB/s, mentions/s and the ratio.

    PYTHONPATH=. .venv/bin/python scripts/bench_dates.py [--repeats 3] [--sample-kb 200]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.corpus import corpus_dir, kumparan_sentences  # noqa: E402
from pipelines.language.dates import tag_dates  # noqa: E402

ANCHOR = dt.date(2019, 12, 31)   # the kumparan sentences are from late 2019
def chunks(sentences: list[str], size: int = 20) -> list[str]:
    """Sentences grouped into article-sized chunks so per-call overhead counts realistically."""
    return [" ".join(sentences[i:i + size]) for i in range(0, len(sentences), size)]


def time_tagger(texts: list[str], repeats: int) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(repeats):
        began = time.perf_counter()
        count = sum(len(tag_dates(text, ANCHOR)) for text in texts)
        best = min(best, time.perf_counter() - began)
    return best, count


def time_dateparser(texts: list[str]) -> tuple[float, int]:
    from dateparser.search import search_dates
    settings = {"DATE_ORDER": "DMY", "RELATIVE_BASE": dt.datetime(ANCHOR.year, ANCHOR.month, ANCHOR.day)}
    search_dates("pemanasan 14 April 2025", languages=["id"], settings=settings)  # load its data first
    began = time.perf_counter()
    count = sum(len(search_dates(text, languages=["id"], settings=settings) or []) for text in texts)
    return time.perf_counter() - began, count


def sample(texts: list[str], kilobytes: int) -> list[str]:
    taken, size = [], 0
    for text in texts:
        if size >= kilobytes * 1024:
            break
        taken.append(text)
        size += len(text.encode("utf-8"))
    return taken


def kilobytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sample-kb", type=int, default=200, help="dateparser sample size")
    parser.add_argument("--no-dateparser", action="store_true")
    args = parser.parse_args(argv)

    path = corpus_dir() / "kumparan" / "sentences-postag.txt"
    if not path.exists():
        print(f"corpus not found at {path}; set LINIMASA_CORPUS", file=sys.stderr)
        return 1
    texts = chunks(kumparan_sentences(path))
    size = kilobytes(texts)
    seconds, count = time_tagger(texts, args.repeats)
    tagger_kbs = size / seconds
    print(f"kumparan text: {size:,.0f} KB in {len(texts):,} chunks")
    print(f"linimasa tag_dates: {tagger_kbs:,.0f} KB/s, {count / seconds:,.0f} mentions/s "
          f"({count:,} mentions, best of {args.repeats}: {seconds:.2f} s)")

    kinds = Counter(m.kind for text in texts for m in tag_dates(text, ANCHOR))
    print("mentions by kind on kumparan:", dict(sorted(kinds.items())))

    if not args.no_dateparser:
        subset = sample(texts, args.sample_kb)
        dp_seconds, dp_count = time_dateparser(subset)
        dp_size = kilobytes(subset)
        dp_kbs = dp_size / dp_seconds
        print(f"dateparser.search_dates: {dp_kbs:,.0f} KB/s, {dp_count / dp_seconds:,.0f} mentions/s "
              f"(on the first {dp_size:,.0f} KB: {dp_count:,} mentions in {dp_seconds:.2f} s)")
        print(f"throughput ratio: {tagger_kbs / dp_kbs:,.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
