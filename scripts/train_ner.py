"""Train the shipped CRF NER model from the idner-news-2k training split (never the test split).

    python scripts/train_ner.py [--with-dev] [--out PATH] [--c1 0.05] [--c2 0.05]

Sentences are re-tokenised with the project's own tokenizer, so the model sees exactly the
tokens it will see at run time; gold labels are projected from character spans.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


import pycrfsuite  # noqa: E402

from pipelines.language.entities.conll import corpus_dir, read_conll  # noqa: E402
from pipelines.language.entities.features import (  # noqa: E402
    COMMON_WORDS_PATH, _shared, common_words, sentence_features, word_features)
from pipelines.language.entities.model import MODEL_PATH  # noqa: E402
from pipelines.language.entities.tokens import tokenize  # noqa: E402

LABELS = {"person": "PER", "organization": "ORG", "location": "LOC"}


def labelled_tokens(sentence) -> tuple[list[str], list[str]]:
    tokens = tokenize(sentence.text)
    labels = ["O"] * len(tokens)
    for start, end, kind in sentence.gold:
        inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
        for n, i in enumerate(inside):
            labels[i] = ("B-" if n == 0 else "I-") + LABELS[kind]
    return [t.text for t in tokens], labels


def build_common_words(path: Path, min_count: int = 2) -> int:
    """Words the POS-tagged news corpus mostly writes in lower case (a word list, no sentences)."""
    lower, total = Counter(), Counter()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word = line.split("\t", 1)[0].strip()
            if not word.isalpha():
                continue
            total[word.lower()] += 1
            if word.islower():
                lower[word] += 1
    common = sorted(w for w, n in lower.items() if n >= min_count and n / total[w] >= 0.5)
    COMMON_WORDS_PATH.parent.mkdir(parents=True, exist_ok=True)
    COMMON_WORDS_PATH.write_text("\n".join(common) + "\n", encoding="utf-8")
    word_features.cache_clear()
    _shared.cache_clear()
    common_words.cache_clear()
    return len(common)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--with-dev", action="store_true", help="also train on dev.txt")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=200)
    args = parser.parse_args(argv)

    kumparan = corpus_dir() / "kumparan" / "sentences-postag.txt"
    if kumparan.exists():
        print(f"common words: {build_common_words(kumparan)} -> {COMMON_WORDS_PATH}")
    data = corpus_dir() / "idner-news-2k"
    files = [data / "train.txt"] + ([data / "dev.txt"] if args.with_dev else [])
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for path in files:
        for sentence in read_conll(path):
            words, labels = labelled_tokens(sentence)
            trainer.append(sentence_features(words), labels)
            count += 1
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    print(f"trained on {count} sentences from {', '.join(p.name for p in files)} -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
