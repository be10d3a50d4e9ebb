"""Date scoring on tests/gold/dates_gold.jsonl, for the date tagger and for dateparser.

Value F1: a predicted mention is a true positive when its span overlaps a gold span and
both its dates equal the gold dates. Negatives (spans that are not dates) are gold items
too: one is correct when no predicted mention overlaps it, and every predicted mention
overlapping it is a false positive. Predicted mentions overlapping no gold span at all
are false positives (the gold marks every date in its sentences).


The command line is scripts/eval_dates.py.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.language.dates import tag_dates
from pipelines.settings import PROJECT_ROOT

GOLD = PROJECT_ROOT / "tests" / "gold" / "dates_gold.jsonl"


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
