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
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.language.dates import tag_dates  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "dates_gold.jsonl"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        return (f"{label:<22} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
                f"   (tp {self.tp}, fp {self.fp}, fn {self.fn})")


@dataclass
class Report:
    overall: Score = field(default_factory=Score)
    positives_only: Score = field(default_factory=Score)
    by_category: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    text: str
    date_start: str | None
    date_end: str | None


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def locate(text: str, spans: list[str]) -> list[tuple[int, int]]:
    """Offsets of each span, searching forward so repeated surfaces land in order."""
    located, cursor = [], 0
    for span in spans:
        start = text.find(span, cursor)
        if start < 0:
            start = text.find(span)
        located.append((start, start + len(span)))
        cursor = start + len(span)
    return located


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(records: list[dict], predict) -> Report:
    """`predict(text, anchor)` returns a list of Predicted."""
    report = Report()
    for record in records:
        text = record["text"]
        anchor = dt.date.fromisoformat(record["anchor"]) if record.get("anchor") else None
        predicted = predict(text, anchor)
        used: set[int] = set()
        gold = record["mentions"]
        for mention, span in zip(gold, locate(text, [m["text"] for m in gold])):
            category = mention.get("kind", "?")
            hit = next((i for i, p in enumerate(predicted) if i not in used and overlaps(span, (p.start, p.end))
                        and p.date_start == mention["date_start"] and p.date_end == mention["date_end"]), None)
            if hit is None:
                _count(report, category, fn=1, positive=True)
                near = [p for p in predicted if overlaps(span, (p.start, p.end))]
                got = "; ".join(f"{p.text!r} {p.date_start}..{p.date_end}" for p in near) or "nothing"
                report.errors.append(f"[{record['id']}] FN {category}: {mention['text']!r} want "
                                     f"{mention['date_start']}..{mention['date_end']}, got {got}")
            else:
                used.add(hit)
                _count(report, category, tp=1, positive=True)
        for negative, span in zip(record.get("negatives", []), locate(text, record.get("negatives", []))):
            hits = [i for i, p in enumerate(predicted) if overlaps(span, (p.start, p.end))]
            if hits:
                used.update(hits)
                _count(report, "negative", fn=1)
                report.overall.fp += len(hits)
                report.by_category["negative"].fp += len(hits)
                report.positives_only.fp += len(hits)
                report.errors.append(f"[{record['id']}] FP negative {negative!r}: tagged "
                                     + "; ".join(repr(predicted[i].text) for i in hits))
            else:
                _count(report, "negative", tp=1)
        for i, p in enumerate(predicted):
            if i in used:
                continue
            report.overall.fp += 1
            report.positives_only.fp += 1
            report.by_category["spurious"].fp += 1
            report.errors.append(f"[{record['id']}] FP {p.text!r} {p.date_start}..{p.date_end} in {text!r}")
    return report


def _count(report: Report, category: str, tp: int = 0, fn: int = 0, positive: bool = False) -> None:
    for target in (report.overall, report.by_category[category]) + ((report.positives_only,) if positive else ()):
        target.tp += tp
        target.fn += fn


def linimasa_predict(text: str, anchor: dt.date | None) -> list[Predicted]:
    return [Predicted(m.start, m.end, m.text, _iso(m.date_start), _iso(m.date_end)) for m in tag_dates(text, anchor)]


def dateparser_predict(text: str, anchor: dt.date | None) -> list[Predicted]:
    from dateparser.search import search_dates
    settings = {"DATE_ORDER": "DMY"}
    if anchor:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    found = search_dates(text, languages=["id"], settings=settings) or []
    predicted, cursor = [], 0
    for surface, value in found:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        day = value.date().isoformat()
        predicted.append(Predicted(start, start + len(surface), surface, day, day))
    return predicted


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


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
