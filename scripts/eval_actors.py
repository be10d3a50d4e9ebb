"""Score `linimasa entities --jsonl` on the project's actor gold for real news articles.

    python scripts/eval_actors.py [--split dev|heldout] [--errors]

Gold: tests/gold/actors_news/{dev,heldout}.jsonl, one article a line: `article_id`, `entities` and
`mentions` ({start, end, surface, type, key}) with types person / organization / country / group.
Texts are read from indosum/articles.jsonl in the corpus (never copied into the project).

Mention level, exact character spans, per type:
- person and organization: a predicted span counts when a gold mention has the same span and type
  (a gold armed group counts as an organization);
- country: a gold country mention is found when the tagger returns its span as a location (the NER
  convention for a country); predicted locations that are not gold countries are not scored,
  because the gold does not annotate other places.
Tune on dev only; heldout is scored once per release.
"""
from __future__ import annotations

import argparse
import io
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.corpus import corpus_dir  # noqa: E402
from pipelines.language.entities.command import run_jsonl  # noqa: E402
from scripts.eval_ner import per_type  # noqa: E402

GOLD_DIR = ROOT / "tests" / "gold" / "actors_news"
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["dev", "heldout"], default="dev")
    parser.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    errors: list | None = [] if args.errors else None
    result = score(args.split, errors)
    print(f"actor gold, {args.split} split ({'held out' if args.split == 'heldout' else 'tuning'})")
    print(f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    for kind, row in result.items():
        print(f"{kind:<14}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}{row['gold']:>7}")
    for row in errors or []:
        print("\t".join(map(str, row)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
