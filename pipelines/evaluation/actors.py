"""Actor scoring: `linimasa entities --jsonl` on the project's actor gold for real news articles.

Gold: tests/gold/actors_news/{dev,heldout}.jsonl; texts are read from indosum/articles.jsonl in
the corpus. Mention level, exact character spans, per type (see scripts/eval_actors.py, the
command line, for the counting rules).
"""
from __future__ import annotations

import io
import json
from collections import Counter

from pipelines.corpus import corpus_dir
from pipelines.evaluation.ner import per_type
from pipelines.language.entities.command import run_jsonl
from pipelines.settings import PROJECT_ROOT

GOLD_DIR = PROJECT_ROOT / "tests" / "gold" / "actors_news"
TYPES = ("person", "organization", "country")
_GOLD_TYPE = {"group": "organization"}
_PREDICTED_TYPE = {"location": "country"}


def load(split: str) -> tuple[list[dict], dict[str, str]]:
    gold = [json.loads(line) for line in (GOLD_DIR / f"{split}.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    wanted = {g["article_id"] for g in gold}
    texts = {}
    with open(corpus_dir() / "indosum" / "articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    return gold, texts


def score(split: str, errors: list | None = None) -> dict[str, dict[str, float]]:
    gold, texts = load(split)
    lines = "".join(json.dumps({"id": g["article_id"], "text": texts[g["article_id"]]}) + "\n"
                    for g in gold)
    out = io.StringIO()
    run_jsonl(io.StringIO(lines), out)
    predicted = {r["id"]: r["entities"] for r in map(json.loads, out.getvalue().splitlines())}
    tp, fp, fn = Counter(), Counter(), Counter()
    for g in gold:
        truth = {(m["start"], m["end"]): _GOLD_TYPE.get(m["type"], m["type"]) for m in g["mentions"]}
        guessed = {}
        for e in predicted[g["article_id"]]:
            kind = _PREDICTED_TYPE.get(e["type"], e["type"])
            span = (e["start"], e["end"])
            if kind == "country" and truth.get(span) != "country":
                continue  # a city or region: places other than countries are not in the gold
            guessed[span] = kind
        for span, kind in guessed.items():
            if truth.get(span) == kind:
                tp[kind] += 1
            else:
                fp[kind] += 1
                if errors is not None:
                    errors.append(("fp", kind, g["article_id"], span, texts[g["article_id"]][slice(*span)],
                                   truth.get(span)))
        for span, kind in truth.items():
            if guessed.get(span) != kind:
                fn[kind] += 1
                if errors is not None:
                    errors.append(("fn", kind, g["article_id"], span,
                                   texts[g["article_id"]][slice(*span)], guessed.get(span)))
    return per_type(tp, fp, fn, TYPES)
