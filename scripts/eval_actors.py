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

Identity (`--identity`), from the full actor analysis (references and short names included):
- a gold mention is found when an actor mention overlaps it; the gold entity's actor is the id
  most of its found mentions resolve to, and an id goes to one gold entity only (the one with
  more mentions on it);
- resolved: found mentions whose id is their entity's actor (surname-only, nickname, acronym and
  long form all count against one id);
- across documents: gold entities named in two or more documents (same key) that get one id;
- affiliation: gold persons and units with an affiliation whose actor acts for (affiliation_id)
  or rolls up to (parent_actor_id, climbing) the affiliation's actor; a foreign official whose
  gold affiliation is a country counts when their body carries that country;
- country: gold entities with a country whose actor carries that country_code.
Tune on dev only; heldout is scored once per release.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.evaluation.actors import score, score_identity  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["dev", "heldout"], default="dev")
    parser.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--identity", action="store_true",
                        help="score identity, affiliation and country instead of spans")
    args = parser.parse_args(argv)
    errors: list | None = [] if args.errors else None
    if args.identity:
        print(f"actor identity, {args.split} split ({'held out' if args.split == 'heldout' else 'tuning'})")
        for name, (right, of) in score_identity(args.split, errors).items():
            print(f"{name:<52}{right:>5}/{of:<5}{right / of if of else 0:>7.3f}")
        for row in errors or []:
            print("\t".join(map(str, row)))
        return 0
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
