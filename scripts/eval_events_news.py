"""Score event extraction on hand-annotated real news (tests/gold/events_news).

The gold marks every event of 40 real IndoSum articles: type, modality, the trigger's offsets,
dates, participants with roles and places (see tests/gold/events_news/README.md); the texts are
read from the shared corpus. Each article is analysed as the pipeline does (publication day in
Jakarta as the anchor).

- type+trigger (loose): a system event matches a gold event of the same type when its trigger
  overlaps the gold trigger or its evidence sentence holds it; a statement (one per speaker and
  date, told in several attributions) also when it has the gold speaker.
- strict: a loose match that also has both dates, every gold participant with the same role and
  every gold place. A participant or place is found when the system attached an actor (place)
  one of whose names is the gold name, or one of whose mentions overlaps the gold mention. Roles
  the extractor gives outside DESIGN's vocabulary are read as their DESIGN role (ROLE_READING).
- Matching is one to one, strict pairs first. Per-type recall is given for both readings, the
  non-statement events on their own, and how often a matched event's modality agrees.

`dev` is tuned on; `heldout` is scored once per release and never tuned on.

    .venv/bin/python scripts/eval_events_news.py [--split dev|heldout] [--errors] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.evaluation.events_news import evaluate, summary  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--errors", action="store_true", help="list misses, spurious events and strict failures")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    tally = evaluate(args.split)
    result = summary(tally)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"{args.split}: gold events {result['gold_events']}  system events {result['system_events']}")
        for key in ("strict_all", "strict_non_statement", "type_trigger_all", "type_trigger_non_statement"):
            v = result[key]
            print(f"  {key:28} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}")
        print(f"  modality agreement on matched events {result['modality_agreement']}; "
              f"cooperating parties not in the gold {result['extra_cooperating_parties']}")
        print("  per-type recall (type+trigger / strict / gold):")
        for t, v in result["per_type_recall"].items():
            print(f"    {t:14} {v['type_trigger']:3} / {v['strict']:3} / {v['gold']:3}")
    if args.errors:
        print("\n".join(tally.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
