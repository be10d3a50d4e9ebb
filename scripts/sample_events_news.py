"""The articles of the event gold on real news (tests/gold/events_news), drawn reproducibly.

    python scripts/sample_events_news.py [--seed 11]

From indosum/articles.jsonl: category "tajuk utama", 400 to 1,400 characters (so a reader can
annotate every event of the article), not already in the actor or date gold on news. An article
is a crime, police, migration or diplomacy story when its text has one of CASE_WORDS. With a
fixed seed, 24 such stories and 16 others are drawn; the first 12 + 8 are the held-out half,
the rest the dev half. Prints "split<TAB>group<TAB>article id" lines.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.corpus import corpus_dir  # noqa: E402

CASE_WORDS = re.compile(
    r"\b(?:polisi|polri|polda|polres|kpk|tersangka|ditangkap|menangkap|diamankan|ditahan|penahanan|"
    r"dakwaan|sidang|vonis|imigrasi|deportasi|dideportasi|tki|tkw|pengungsi|duta besar|dubes|"
    r"menteri luar negeri|menlu|kedutaan|bnn|densus|teroris|penculikan|diculik|penyelundupan)\b",
    re.IGNORECASE)
EARLIER_GOLD = ("actors_news", "dates_news")


def already_annotated() -> set[str]:
    ids = set()
    for folder in EARLIER_GOLD:
        for path in (ROOT / "tests" / "gold" / folder).glob("*.jsonl"):
            ids |= {json.loads(line)["article_id"] for line in path.read_text(encoding="utf-8").splitlines() if line}
    return ids


def draw(seed: int) -> list[tuple[str, str, str]]:
    path = corpus_dir() / "indosum" / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    seen = already_annotated()
    pool = [r for r in records if r["category"] == "tajuk utama" and 400 <= len(r["text"]) <= 1400
            and r["id"] not in seen]
    cases = sorted(r["id"] for r in pool if CASE_WORDS.search(r["text"]))
    others = sorted(r["id"] for r in pool if not CASE_WORDS.search(r["text"]))
    rng = random.Random(seed)
    cases, others = rng.sample(cases, 24), rng.sample(others, 16)
    rows = [("heldout", "case", i) for i in cases[:12]] + [("heldout", "general", i) for i in others[:8]]
    rows += [("dev", "case", i) for i in cases[12:]] + [("dev", "general", i) for i in others[8:]]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    for row in draw(args.seed):
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
