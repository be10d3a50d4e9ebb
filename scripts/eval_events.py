"""Score event extraction against the hand-annotated gold articles.

Each `NN-slug.md` is read exactly as ingest reads it (front matter stripped, body kept,
`published` as the anchor) and run through analyse_document. System events are matched
one-to-one to gold events on event_type + date_start + date_end, and only when the system
event's trigger or summary sentence overlaps the gold evidence in the body (an event of the
right type and dates told elsewhere in the article is not the same event); pairs whose
trigger lies inside the evidence are preferred. Prints event P/R/F1, then recall of gold
participants and places on matched events, then every article's errors.

    PYTHONPATH=. .venv/bin/python scripts/eval_events.py [DIR] [--baseline]

--baseline scores a naive extractor (one event per event word, the sentence's first date)
on the same analysis, for comparison.

Only events of the types the gold annotates (GUIDELINES.md) are scored; events of the types
added later (charge, investigation, seizure, ...) are counted apart.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.evaluation.events import BARS, GOLD_DIR, STRICT_FLOOR, evaluate  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=GOLD_DIR)
    parser.add_argument("--baseline", action="store_true",
                        help="score the naive one-event-per-event-word baseline instead")
    args = parser.parse_args(argv)
    scores = evaluate(args.folder, baseline=args.baseline)
    print(f"articles {scores.articles}  gold events {scores.gold}  system events {scores.system}  "
          f"matched {scores.matched}")
    print(f"event type+dates  P {scores.precision:.3f}  R {scores.recall:.3f}  F1 {scores.f1:.3f}  "
          f"(bar {BARS['event_f1']})")
    if scores.unannotated:
        kinds = ", ".join(f"{t} {n}" for t, n in sorted(scores.unannotated.items()))
        print(f"  not scored, types the gold does not annotate: {kinds}; F1 counting them all as "
              f"spurious {scores.f1_counting_unannotated:.3f}")
    print(f"  also told at the gold evidence: F1 {scores.strict_f1:.3f} "
          f"({scores.matched_at_evidence} matched, floor {STRICT_FLOOR})")
    print(f"participant recall on matched events {scores.participant_recall:.3f} "
          f"({scores.participants_found}/{scores.participants_gold}, bar {BARS['participant_recall']})")
    print(f"place recall on matched events       {scores.place_recall:.3f} "
          f"({scores.places_found}/{scores.places_gold}, bar {BARS['place_recall']})")
    for name, errors in scores.errors.items():
        print(name)
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
