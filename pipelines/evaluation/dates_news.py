"""Date scoring on gold mentions of real news articles, for the date tagger and dateparser.

The gold (`tests/gold/dates_news/{dev,heldout}.jsonl`) marks every temporal expression of
40 real IndoSum articles with offsets into the article text; the texts themselves are read
from the shared corpus, so this needs `../shared/corpus/indosum/articles.jsonl`.

Detection counts a gold mention found when a prediction overlaps it; value also needs the
same interval (date_start and date_end; both empty for durations and sets). Predictions
overlapping no gold mention, or overlapping a negative, are false positives. `dev` is
tuned on; `heldout` is scored once per release and never tuned on.


The command line is scripts/eval_dates_news.py.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from zoneinfo import ZoneInfo

from pipelines.corpus import corpus_dir
from pipelines.evaluation.dates import Score, overlaps
from pipelines.settings import PROJECT_ROOT

GOLD = PROJECT_ROOT / "tests" / "gold" / "dates_news"
JAKARTA = ZoneInfo("Asia/Jakarta")


def articles() -> dict[str, dict]:
    path = corpus_dir() / "indosum" / "articles.jsonl"
    with path.open(encoding="utf-8") as lines:
        return {record["id"]: record for record in map(json.loads, lines)}


def anchor_of(published: str) -> dt.date:
    return dt.datetime.fromisoformat(published).astimezone(JAKARTA).date()


def score(records: list[dict], texts: dict[str, dict], predict, errors: list[str]) -> dict[str, dict[str, Score]]:
    """{"detection"|"value": {kind or "all": Score}}."""
    scores: dict[str, dict[str, Score]] = {"detection": defaultdict(Score), "value": defaultdict(Score)}
    for record in records:
        text = texts[record["article_id"]]["text"]
        predicted = predict(text, anchor_of(record["published"]))
        claimed: set[int] = set()
        for mention in record["mentions"]:
            span = (mention["start"], mention["end"])
            near = [i for i, p in enumerate(predicted) if overlaps(span, (p.start, p.end))]
            right = [i for i in near if predicted[i].date_start == mention["date_start"]
                     and predicted[i].date_end == mention["date_end"]]
            claimed.update(near)
            for measure, hit in (("detection", bool(near)), ("value", bool(right))):
                for key in ("all", mention["kind"]):
                    if hit:
                        scores[measure][key].tp += 1
                    else:
                        scores[measure][key].fn += 1
            if not right:
                got = "; ".join(f"{predicted[i].text!r} {predicted[i].date_start}..{predicted[i].date_end}"
                                for i in near) or "nothing"
                errors.append(f"[{record['article_id'][:40]}] {mention['kind']} {mention['surface']!r} want "
                              f"{mention['date_start']}..{mention['date_end']}, got {got}")
        for i, p in enumerate(predicted):
            if i in claimed:
                continue
            for measure in ("detection", "value"):
                scores[measure]["all"].fp += 1
                scores[measure]["spurious"].fp += 1
            errors.append(f"[{record['article_id'][:40]}] FP {p.text!r} {p.date_start}..{p.date_end}")
    return scores
