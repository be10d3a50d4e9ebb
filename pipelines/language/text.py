"""Text normalisation and sentence spans shared by the date, entity and event code.

All offsets in Linimasa point into the normalised text, so normalisation happens
once, at ingest, and everything after works on that string.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def normalise(text: str) -> str:
    """Strip a BOM, turn CRLF/CR into LF and compose to Unicode NFC."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


# Tokens that end in a dot without ending a sentence in Indonesian news prose.
_ABBREVIATIONS = frozenset(
    """no nomor tgl jl jln dr drs dra ir prof h hj st sh mh se mm mba mpd spd kh kol
    bpk ibu sdr sdri yth a.n u.p s.d dll dsb dst dkk tsb vs mr mrs ms pt cv tbk
    jend brig pol kec kab kel prov rp sept okt nop nov des jan feb mar apr jun jul agu agt ags""".split()
)

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*(?=\s)|\n+")


def sentence_spans(text: str) -> list[Span]:
    """Split into sentences: at line breaks and at . ! ? followed by space,
    except after known abbreviations, single initials and numbers like 10.30."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith("\n"):
            cut = match.start()
        else:
            word_start = _word_start(text, start, match.start())
            last = text[word_start:match.start()].lower()
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
            if last.isdigit() and not text[start:word_start].strip():  # a list number: "1. Banyak WNI ..."
                continue
            following = text[match.end():match.end() + 2].lstrip()
            if following[:1].islower() or following[:1].isdigit():
                continue
            cut = match.end()
        _append_trimmed(text, start, cut, spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _word_start(text: str, floor: int, end: int) -> int:
    """Start of the word (letters, digits, inner dots) ending at `end`; scanning back is
    linear in the word, where a regex over the whole sentence would be quadratic."""
    position = end
    while position > floor and (text[position - 1].isalnum() or text[position - 1] in "._"):
        position -= 1
    return position


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
