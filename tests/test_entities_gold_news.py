"""The actor gold on real news is consistent with the corpus texts it annotates."""
from __future__ import annotations

import json
from pathlib import Path

GOLD = Path(__file__).parent / "gold" / "actors_news"


def test_gold_offsets_slice_back_to_their_surfaces(corpus_dir):
    gold = [json.loads(line) for split in ("dev", "heldout")
            for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    wanted = {g["article_id"] for g in gold}
    texts = {}
    with open(corpus_dir / "indosum" / "articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    assert len(gold) == 40 and set(texts) == wanted
    for g in gold:
        keys = {e["key"] for e in g["entities"]}
        for m in g["mentions"]:
            assert texts[g["article_id"]][m["start"]:m["end"]] == m["surface"]
            assert m["type"] in ("person", "organization", "country", "group") and m["key"] in keys
