"""NER scoring: `linimasa entities --jsonl` on a CoNLL file, exact character spans per type.

Each sentence is rebuilt as its tokens joined by single spaces, sent through the same JSON-lines
path as the CLI, and scored per type (PER/ORG/LOC -> person/organization/location) and overall.
The command line is scripts/eval_ner.py.
"""
from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

from pipelines.language.entities.command import run_jsonl
from pipelines.language.entities.conll import read_conll

TYPES = ("person", "organization", "location")


def score(path: Path) -> dict[str, dict[str, float]]:
    sentences = read_conll(path)
    lines = "".join(json.dumps({"id": n, "text": s.text}) + "\n" for n, s in enumerate(sentences))
    out = io.StringIO()
    run_jsonl(io.StringIO(lines), out)
    tp, fp, fn = Counter(), Counter(), Counter()
    for line in out.getvalue().splitlines():
        record = json.loads(line)
        gold = set(sentences[record["id"]].gold)
        predicted = {(e["start"], e["end"], e["type"]) for e in record["entities"]}
        for kind, counter in ((gold & predicted, tp), (predicted - gold, fp), (gold - predicted, fn)):
            for span in kind:
                counter[span[2]] += 1
    return per_type(tp, fp, fn, TYPES)


def per_type(tp: Counter, fp: Counter, fn: Counter, types) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and gold count per type and overall, from per-type counts."""
    result = {}
    for kind in (*types, "overall"):
        t = sum(tp.values()) if kind == "overall" else tp[kind]
        p = sum(fp.values()) if kind == "overall" else fp[kind]
        n = sum(fn.values()) if kind == "overall" else fn[kind]
        precision = t / (t + p) if t + p else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[kind] = {"precision": precision, "recall": recall, "f1": f1, "gold": t + n}
    return result


CORPORA = {"idner": ("idner-news-2k", "test"), "nergrit": ("nergrit", "valid"),
           "nerp": ("nerp", "valid")}
