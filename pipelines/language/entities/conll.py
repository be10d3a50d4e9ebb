"""Read CoNLL `token POS BIO` files as text with gold character spans.

Each sentence becomes its tokens joined by single spaces, so token offsets are exact; this is
how the NER eval and the training script see the data.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# idner-news-2k (PER/ORG/LOC), NERGrit (PERSON/PLACE/ORGANISATION) and NERP (PPL/PLC/IND) name
# the same three kinds differently; NERP's events (EVT) and food brands (FNB) have no counterpart
# here and are read as outside any name.
TYPES = {"PER": "person", "ORG": "organization", "LOC": "location",
         "PERSON": "person", "ORGANISATION": "organization", "PLACE": "location",
         "PPL": "person", "IND": "organization", "PLC": "location"}


@dataclass
class Sentence:
    text: str
    gold: list[tuple[int, int, str]]  # (start, end, type) character spans


def read_conll(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    tokens: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        for line in [*handle, "\n"]:
            parts = line.split()
            if parts:
                tokens.append((parts[0], parts[-1]))
                continue
            if tokens:
                sentences.append(_sentence(tokens))
                tokens = []
    return sentences


def _sentence(tokens: list[tuple[str, str]]) -> Sentence:
    text_parts, gold, offset = [], [], 0
    current = None
    for word, label in tokens:
        start, end = offset, offset + len(word)
        prefix, _, kind = label.partition("-")
        if kind not in TYPES:
            prefix = "O"
        if current and (prefix != "I" or TYPES.get(kind) != current[2]):
            gold.append(tuple(current))
            current = None
        if prefix == "B" or (prefix == "I" and current is None):
            current = [start, end, TYPES[kind]]
        elif prefix == "I":
            current[1] = end
        text_parts.append(word)
        offset = end + 1
    if current:
        gold.append(tuple(current))
    return Sentence(" ".join(text_parts), gold)
