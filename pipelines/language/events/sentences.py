"""Sentences for event extraction: the shared splitter, with police rank abbreviations
("Brigjen Pol. Dimas", "Kombes Pol. Yudi") rejoined to the name that follows them, so an
attribution ("kata ..., Brigjen Pol. Dimas Wicaksono, Jumat (9/5/2025)") stays whole."""
from __future__ import annotations

import re

from pipelines.language.text import Span, sentence_spans

# A rank's "Pol." suffix never ends a sentence when a capitalised name follows on the line.
_RANK_SUFFIX = re.compile(r"\bPol\.$")


def event_sentences(text: str) -> list[Span]:
    spans = sentence_spans(text)
    joined: list[Span] = []
    for span in spans:
        if joined:
            previous = joined[-1]
            gap = text[previous.end:span.start]
            if "\n" not in gap and _RANK_SUFFIX.search(text, previous.start, previous.end) \
                    and text[span.start:span.start + 1].isupper():
                joined[-1] = Span(previous.start, span.end)
                continue
        joined.append(span)
    return joined
