"""Score the date tagger on tests/gold/dates_gold.jsonl (and optionally dateparser).

Value F1: a predicted mention is a true positive when its span overlaps a gold span and
both its dates equal the gold dates. Negatives (spans that are not dates) are gold items
too: one is correct when no predicted mention overlaps it, and every predicted mention
overlapping it is a false positive. Predicted mentions overlapping no gold span at all
are false positives (the gold marks every date in its sentences).

    PYTHONPATH=. .venv/bin/python scripts/eval_dates.py [--dateparser] [--corpus] [--quiet]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.evaluation.dates import Report, dateparser_predict, linimasa_predict, load_gold, score  # noqa: E402
from pipelines.language.dates import tag_dates  # noqa: E402


def print_report(name: str, report: Report, show_errors: bool) -> None:
    print(f"== {name}")
    print(report.overall.line("overall (with negatives)"))
    print(report.positives_only.line("dated mentions only"))
    for category in sorted(report.by_category):
        print(report.by_category[category].line("  " + category))
    if show_errors and report.errors:
        print(f"-- {len(report.errors)} errors")
        for error in report.errors:
            print("  " + error)


def corpus_counts(sample: int) -> None:
    """Counts by kind on the seed article and the kumparan sentences, plus a random sample."""
    from pipelines.corpus import corpus_dir, kumparan_sentences
    from scripts.bench_dates import ANCHOR
    seed_dir = corpus_dir() / "seed"
    if not seed_dir.exists():
        print(f"corpus not found at {corpus_dir()}")
        return
    for path in sorted(seed_dir.glob("*.txt")):
        mentions = tag_dates(path.read_text(encoding="utf-8"), dt.date(2025, 4, 14))
        print(f"== {path.name}: {dict(Counter(m.kind for m in mentions))}")
        for m in mentions:
            print(f"  {m.text!r:40} {m.date_start}..{m.date_end} {m.granularity} {m.kind}")
    sentences = kumparan_sentences()
    found = [(s, m) for s in sentences for m in tag_dates(s, ANCHOR)]
    print(f"== kumparan ({len(sentences):,} sentences, anchor {ANCHOR}): "
          f"{dict(sorted(Counter(m.kind for _, m in found).items()))}")
    print("   by granularity:", dict(sorted(Counter(m.granularity for _, m in found).items())))
    for s, m in random.Random(7).sample(found, min(sample, len(found))):
        print(f"  {m.text!r:38} {m.date_start}..{m.date_end} | {s[max(0, m.start - 40):m.end + 30]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dateparser", action="store_true", help="also score dateparser.search_dates")
    parser.add_argument("--corpus", action="store_true", help="counts by kind on the shared corpus")
    parser.add_argument("--sample", type=int, default=40, help="kumparan mentions to print with --corpus")
    parser.add_argument("--quiet", action="store_true", help="do not list errors")
    args = parser.parse_args(argv)

    records = load_gold()
    print(f"gold: {len(records)} texts, {sum(len(r['mentions']) for r in records)} dated mentions, "
          f"{sum(len(r.get('negatives', [])) for r in records)} negatives")
    print_report("linimasa", score(records, linimasa_predict), not args.quiet)
    if args.dateparser:
        print_report("dateparser.search_dates (DMY)", score(records, dateparser_predict), False)
    if args.corpus:
        corpus_counts(args.sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
