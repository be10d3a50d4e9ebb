"""Score the date tagger on gold mentions of real news articles (and dateparser beside it).

The gold (`tests/gold/dates_news/{dev,heldout}.jsonl`) marks every temporal expression of
40 real IndoSum articles with offsets into the article text; the texts themselves are read
from the shared corpus, so this needs `../shared/corpus/indosum/articles.jsonl`.

Detection counts a gold mention found when a prediction overlaps it; value also needs the
same interval (date_start and date_end; both empty for durations and sets). Predictions
overlapping no gold mention, or overlapping a negative, are false positives. `dev` is
tuned on; `heldout` is scored once per release and never tuned on.

    .venv/bin/python scripts/eval_dates_news.py [--split dev|heldout] [--dateparser] [--errors]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.evaluation.dates import dateparser_predict, linimasa_predict  # noqa: E402
from pipelines.evaluation.dates_news import GOLD, anchor_of, articles, score  # noqa: E402


def event_date_sources(count: int) -> None:
    """How the events of `count` corpus articles (a fixed sample) got their dates: the share
    dated by the publication day is what narrative time should keep small."""
    import random
    from collections import Counter
    from pipelines.language.document import analyse_document
    texts = list(articles().values())
    sample = random.Random(5).sample(texts, min(count, len(texts)))
    sources: Counter = Counter()
    for record in sample:
        for event in analyse_document(record["text"], anchor_of(record["published"])).events:
            sources[getattr(event, "date_source", None) or ("undated" if event.date_start is None else "?")] += 1
    total = sum(sources.values())
    print(f"== event dates, {len(sample)} articles, {total} events")
    for source, n in sources.most_common():
        print(f"  {source:<16} {n:>6}  {n / total:6.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--dateparser", action="store_true", help="score dateparser.search_dates beside it")
    parser.add_argument("--errors", action="store_true", help="list every miss and false positive")
    parser.add_argument("--events", type=int, default=0, metavar="N",
                        help="also count how the events of N sampled articles got their dates")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in (GOLD / f"{args.split}.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    texts = articles()
    print(f"{args.split}: {len(records)} articles, {sum(len(r['mentions']) for r in records)} gold mentions")
    systems = [("linimasa", linimasa_predict)] + ([("dateparser", dateparser_predict)] if args.dateparser else [])
    for name, predict in systems:
        errors: list[str] = []
        scores = score(records, texts, predict, errors)
        print(f"== {name}")
        for measure in ("detection", "value"):
            for key in ["all"] + sorted(k for k in scores[measure] if k not in ("all", "spurious")):
                print(scores[measure][key].line(f"{measure} {key}"))
        if args.errors and name == "linimasa":
            print(f"-- {len(errors)} errors")
            for error in errors:
                print("  " + error)
    if args.events:
        event_date_sources(args.events)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
