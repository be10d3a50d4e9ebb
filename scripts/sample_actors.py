"""A fixed random sample of actors from real news, for judging by reading.

    python scripts/sample_actors.py [--seed 10] [--articles 300] [--n 60] [--out FILE.tsv]

Draws `--articles` articles from indosum/articles.jsonl with a fixed seed, runs them through the
same JSON-lines path as `linimasa entities --jsonl`, and draws `--n` distinct (name, type) pairs
with the same seed. Each row carries a little context so a reader can judge: right type? clean name?
The procedure is the same before and after a change; only the tagger's output differs.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.corpus import corpus_dir  # noqa: E402
from pipelines.language.entities.command import run_jsonl  # noqa: E402


def sample(seed: int, articles: int, n: int) -> list[dict]:
    path = corpus_dir() / "indosum" / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rng = random.Random(seed)
    chosen = rng.sample(records, min(articles, len(records)))
    lines = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in chosen)
    out = io.StringIO()
    run_jsonl(io.StringIO(lines), out)
    texts = {r["id"]: r["text"] for r in chosen}
    first: dict[tuple[str, str], dict] = {}
    for line in out.getvalue().splitlines():
        record = json.loads(line)
        text = texts[record["id"]]
        for e in record["entities"]:
            key = (e["text"], e["type"])
            if key not in first:
                context = text[max(0, e["start"] - 60):e["end"] + 60].replace("\n", " ")
                first[key] = {"name": e["text"], "type": e["type"], "article": record["id"],
                              "context": context}
    pool = [first[k] for k in sorted(first)]
    return random.Random(seed).sample(pool, min(n, len(pool)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    rows = sample(args.seed, args.articles, args.n)
    sink = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for row in rows:
        sink.write("\t".join((row["name"], row["type"], row["article"], row["context"])) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
