"""End-to-end extraction throughput: dates + actors + events per article, on one core.

Rebuilds the kumparan POS-tagged sentences of the shared corpus as running text (never
copied into the project), groups them into articles of 15 sentences, one paragraph per
three sentences, and times analyse_document over all of them (best of several runs).
Prints articles/s and KB/s for the whole, then the time share of each stage so the hot
spots show. Target: 200 articles/s.

    PYTHONPATH=. .venv/bin/python scripts/bench_extraction.py [--repeats 3] [--limit N] [--profile] [--cpu]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.corpus import corpus_dir, kumparan_sentences  # noqa: E402
from pipelines.language.dates import tag_dates  # noqa: E402
from pipelines.language.document import analyse_document  # noqa: E402
from pipelines.language.entities import analyse_actors  # noqa: E402
from pipelines.language.events import extract_events  # noqa: E402

ANCHOR = dt.date(2019, 6, 1)   # the kumparan sentences are from about 2019
SENTENCES_PER_ARTICLE = 15
SENTENCES_PER_PARAGRAPH = 3
TARGET = 200.0
def articles(sentences: list[str]) -> list[str]:
    """Articles of 15 sentences, paragraphs of 3 separated by blank lines."""
    out = []
    for i in range(0, len(sentences), SENTENCES_PER_ARTICLE):
        group = sentences[i:i + SENTENCES_PER_ARTICLE]
        paragraphs = [" ".join(group[j:j + SENTENCES_PER_PARAGRAPH])
                      for j in range(0, len(group), SENTENCES_PER_PARAGRAPH)]
        out.append("\n\n".join(paragraphs))
    return out


CLOCK = time.perf_counter


def best_time(run, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        began = CLOCK()
        run()
        best = min(best, CLOCK() - began)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--profile", action="store_true", help="print the top functions by own time")
    parser.add_argument("--cpu", action="store_true",
                        help="time CPU seconds of this process (steady on a shared machine) instead of wall time")
    args = parser.parse_args(argv)
    global CLOCK
    CLOCK = time.process_time if args.cpu else time.perf_counter
    path = corpus_dir() / "kumparan" / "sentences-postag.txt"
    if not path.is_file():
        print(f"kumparan sentences not found at {path}")
        return 1
    texts = articles(kumparan_sentences(path))
    if args.limit:
        texts = texts[:args.limit]
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    analyse_document(texts[0], ANCHOR)  # load seeds and compile patterns outside the timing

    total = best_time(lambda: [analyse_document(t, ANCHOR) for t in texts], args.repeats)
    dates = [tag_dates(t, ANCHOR) for t in texts]
    actors = [analyse_actors(t) for t in texts]
    t_dates = best_time(lambda: [tag_dates(t, ANCHOR) for t in texts], args.repeats)
    t_actors = best_time(lambda: [analyse_actors(t) for t in texts], args.repeats)
    t_events = best_time(lambda: [extract_events(t, d, a, anchor=ANCHOR) for t, d, a in zip(texts, dates, actors)],
                         args.repeats)
    n_events = sum(len(extract_events(t, d, a, anchor=ANCHOR)) for t, d, a in zip(texts, dates, actors))

    print(f"articles {len(texts)} ({SENTENCES_PER_ARTICLE} sentences each), {kb:.0f} KB, events {n_events}")
    print(f"end to end: {len(texts) / total:.1f} articles/s, {kb / total:.1f} KB/s "
          f"(target {TARGET:.0f} articles/s: {'met' if len(texts) / total >= TARGET else 'NOT met'})")
    for name, seconds in (("tag_dates", t_dates), ("analyse_actors", t_actors), ("extract_events", t_events)):
        print(f"  {name:15s} {len(texts) / seconds:8.1f} articles/s  {1000 * seconds / len(texts):6.2f} ms/article")
    if args.profile:
        import cProfile
        import pstats
        profiler = cProfile.Profile()
        profiler.enable()
        for t in texts:
            analyse_document(t, ANCHOR)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
