"""Train the shipped CRF NER model from the training splits of the gold sets (never a test split).

    python scripts/train_ner.py [--no-nergrit] [--nerp off|lower|truecase] [--nerp-fraction F]
                                [--domain-features [nergrit] [nerp]] [--with-dev] [--out PATH]

The defaults are the shipped mix, chosen on idner dev, NERGrit valid and the actor gold's dev half
(README, quality section): idner train + NERGrit train + NERP train lower-cased, NERGrit and NERP
with their own feature copies, L-BFGS with c1 0.1, c2 0.05.

Gold sets: idner-news-2k train (always), NERGrit train (cased, mostly encyclopaedic) and NERP train
(lower-cased news). NERP is used lower-cased as it is, or "truecase"d: each name the gold marks and
each sentence's first word capitalised, as news writes them; --nerp-fraction keeps a seeded share of
its sentences so it does not outweigh the cased sets. Choose the mix on the dev/valid splits
(scripts/eval_ner.py --corpus idner --split dev, --corpus nergrit) and on the actor gold's dev half.
The gazetteer lists (gazetteer.py) are rebuilt from the pinned data packages first.

Sentences are re-tokenised with the project's own tokenizer, so the model sees exactly the
tokens it will see at run time; gold labels are projected from character spans.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


import pycrfsuite  # noqa: E402

from pipelines.corpus import corpus_dir  # noqa: E402
from pipelines.language.entities.conll import read_conll  # noqa: E402
from pipelines.language.entities.features import (  # noqa: E402
    COMMON_WORDS_PATH, PERSON_NAMES_PATH, clear_caches, common_words, person_names,
    sentence_features)
from pipelines.language.entities.gazetteer import build_lists  # noqa: E402
from pipelines.language.entities.crf import MODEL_PATH  # noqa: E402
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


def with_domain(features: list[list[str]], domain: str) -> list[list[str]]:
    """Each feature twice: shared, and as this corpus's own copy. The shared weights must fit
    idner-news-2k (which gets no copy, and whose conventions the tagger keeps at run time), while
    the copies absorb where NERGrit or NERP annotate differently (a country as a place everywhere,
    encyclopaedic titles). Run time sees the shared features only, so tagging costs the same."""
    return [[*feats, *(f"{domain}:{f}" for f in feats)] for feats in features]


def truecase(sentence):
    """NERP writes news in lower case; capitalise what cased news capitalises: the first word and
    every word of a name (gold span), so the tagger does not learn that names have no capitals."""
    chars = list(sentence.text)
    starts = {0} | {start for start, _, _ in sentence.gold}
    for start, end, _ in sentence.gold:
        starts.update(k + 1 for k in range(start, end) if chars[k] == " ")
    for k in starts:
        if k < len(chars):
            chars[k] = chars[k].upper()
    return type(sentence)("".join(chars), sentence.gold)


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
    clear_caches()
    return len(common)


# Frames that put a person's name next to them in news text.
_BEFORE = {"kata", "ujar", "tutur", "ucap", "jelas", "tegas", "ungkap", "menurut", "Menurut",
           "Pak", "Bu", "Bapak", "Ibu", "Presiden", "Menteri"}
_AFTER = {"mengatakan", "menyatakan", "menjelaskan", "menegaskan", "menuturkan", "mengungkapkan",
          "menambahkan", "menyebut", "menilai", "berharap", "mengaku"}


def build_person_names(path: Path, min_count: int = 2) -> int:
    """Name words harvested from the POS-tagged corpus by quoting frames ("kata X", "X mengatakan",
    rank + X): a word list, no sentences. Words that are common, or name places and bodies, are left out."""
    from pipelines.language.entities.catalog import catalog
    cat = catalog()
    common = common_words()
    blocked = cat.institution_words
    counts: Counter = Counter()
    for sentence in _tagged_sentences(path):
        n = len(sentence)
        for i, (word, tag) in enumerate(sentence):
            if tag != "NNP" or (i and sentence[i - 1][1] == "NNP"):
                continue
            j = i
            while j < n and sentence[j][1] == "NNP" and j - i < 4:
                j += 1
            before = sentence[i - 1][0] if i else ""
            after = sentence[j][0] if j < n else ""
            if before in _BEFORE or after in _AFTER or (before,) in cat.ranks:
                for w, _ in sentence[i:j]:
                    if w.isalpha() and w[:1].isupper() and not w.isupper() \
                            and w.lower() not in common and w not in blocked:
                        counts[w] += 1
    names = sorted(w for w, c in counts.items() if c >= min_count)
    PERSON_NAMES_PATH.write_text("\n".join(names) + "\n", encoding="utf-8")
    clear_caches()
    return len(names)


def _tagged_sentences(path: Path):
    sentence = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[0]:
                sentence.append((parts[0], parts[1]))
            elif sentence:
                yield sentence
                sentence = []
    if sentence:
        yield sentence


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--with-dev", action="store_true", help="also train on idner dev.txt")
    parser.add_argument("--nergrit", action=argparse.BooleanOptionalAction, default=True,
                        help="also train on NERGrit train.txt")
    parser.add_argument("--nerp", choices=["off", "lower", "truecase"], default="lower",
                        help="also train on NERP train.txt, lower-cased or truecased")
    parser.add_argument("--nerp-fraction", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--domain-features", nargs="*", choices=["nergrit", "nerp"],
                        default=["nergrit", "nerp"],
                        help="give these corpora's sentences their own copy of every feature")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--algorithm", default="lbfgs", choices=["lbfgs", "l2sgd", "ap", "pa", "arow"])
    args = parser.parse_args(argv)

    kumparan = corpus_dir() / "kumparan" / "sentences-postag.txt"
    if kumparan.exists():
        print(f"common words: {build_common_words(kumparan)} -> {COMMON_WORDS_PATH}")
        print(f"person name words: {build_person_names(kumparan)} -> {PERSON_NAMES_PATH}")
    print(f"gazetteer lists: {build_lists(common_words(), person_names())}")
    clear_caches()
    corpus = corpus_dir()
    data = corpus / "idner-news-2k"
    sets = [(data / "train.txt", None)] + ([(data / "dev.txt", None)] if args.with_dev else [])
    if args.nergrit:
        sets.append((corpus / "nergrit" / "train.txt", None))
    if args.nerp != "off":
        sets.append((corpus / "nerp" / "train.txt", args.nerp))
    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=False)
    count = 0
    rng = random.Random(args.seed)
    for path, casing in sets:
        sentences = read_conll(path)
        if casing:
            sentences = [s for s in sentences if rng.random() < args.nerp_fraction]
        for sentence in sentences:
            if casing == "truecase":
                sentence = truecase(sentence)
            words, labels = labelled_tokens(sentence)
            features = sentence_features(words)
            if path.parent.name in args.domain_features:
                features = with_domain(features, path.parent.name)
            trainer.append(features, labels)
            count += 1
        print(f"  {path.parent.name}/{path.name}: {len(sentences)} sentences"
              + (f" ({casing})" if casing else ""))
    files = [path for path, _ in sets]
    params = {"max_iterations": args.iterations, "feature.possible_transitions": True}
    if args.algorithm == "lbfgs":
        params.update({"c1": args.c1, "c2": args.c2})
    trainer.set_params(params)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    print(f"trained on {count} sentences from {', '.join(p.name for p in files)} -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
