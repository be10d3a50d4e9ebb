"""Score `linimasa entities --jsonl` on a CoNLL NER file (exact character spans).

    python scripts/eval_ner.py [FILE.txt]              (default: idner-news-2k/test.txt in the corpus)
    python scripts/eval_ner.py --corpus idner|nergrit|nerp [--split test|dev|valid]

idner-news-2k is scored on its test split, NERGrit and NERP on their valid splits (the ones
training never sees). NERGrit PERSON/PLACE/ORGANISATION and NERP PPL/PLC/IND are read as
person/location/organization; NERP events and food brands are ignored. NERP is lower-cased news.

Each sentence is rebuilt as its tokens joined by single spaces, sent through the same JSON-lines
path as the CLI, and scored per type (PER/ORG/LOC -> person/organization/location) and overall.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.corpus import corpus_dir  # noqa: E402
from pipelines.evaluation.ner import CORPORA, score  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", type=Path, help="a CoNLL file (overrides --corpus)")
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="idner")
    parser.add_argument("--split", help="split name (default: test for idner, valid otherwise)")
    args = parser.parse_args(argv)
    folder, split = CORPORA[args.corpus]
    path = args.file or corpus_dir() / folder / f"{args.split or split}.txt"
    started = time.perf_counter()
    result = score(path)
    elapsed = time.perf_counter() - started
    print(f"{path}  ({elapsed:.1f} s)")
    print(f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    for kind, row in result.items():
        print(f"{kind:<14}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}{row['gold']:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
