"""Bylines, datelines, photo credits and web addresses (seeds/entity_junk_patterns.csv), and the
words that never open or close a name (seeds/entity_edge_words.csv).

"Jakarta, CNN Indonesia - - Partai Golkar ..." holds a dateline and an outlet, not an actor;
"AFP PHOTO / Adek Berry" is a photo credit; "Sedangkan Donald Trump" is a conjunction and a name.
"""
from __future__ import annotations

import functools
import re

from ..seeds import read_seed

Span = tuple[int, int]


@functools.cache
def _outlets() -> tuple[str, ...]:
    return tuple(sorted((row["name"] for row in read_seed("entity_outlets")), key=len, reverse=True))


@functools.cache
def _outlet_word() -> re.Pattern:
    # Searched in the lower-cased text: much cheaper than a case-insensitive scan.
    return re.compile(r"\b(?:" + "|".join(re.escape(n.lower()) for n in _outlets()) + r")\b")


@functools.cache
def _patterns() -> tuple[tuple[str, tuple[str, ...], re.Pattern], ...]:
    outlets = _outlets()
    alternatives = "|".join(re.escape(name) for name in outlets)
    patterns = []
    for row in read_seed("entity_junk_patterns"):
        triggers = tuple(t for t in row["trigger"].split("|") if t)
        patterns.append((row["kind"], triggers,
                         re.compile(row["pattern"].replace("{outlet}", alternatives), re.IGNORECASE)))
    return tuple(patterns)


@functools.cache
def edge_words() -> dict[str, str]:
    return {row["word"]: row["position"] for row in read_seed("entity_edge_words")}


@functools.cache
def event_heads() -> frozenset[str]:
    return frozenset(row["word"] for row in read_seed("entity_event_heads"))


def is_event(surface: str) -> bool:
    """"Liga Champions", "GP Italia", "Asian Games 2018": an event's name (seeds/entity_event_heads.csv)."""
    heads = event_heads()
    words = surface.split()
    return any(" ".join(words[:n]) in heads for n in (1, 2, 3))


def junk_ranges(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every byline, dateline outlet, photo credit and web address."""
    found = []
    lower = text.lower()
    outlet = None
    for kind, triggers, pattern in _patterns():
        if triggers == ("{outlet}",):
            if outlet is None:  # one scan for any outlet name, shared by the outlet patterns
                outlet = bool(_outlet_word().search(lower))
            if not outlet:
                continue
        elif not any(t in lower for t in triggers):
            continue
        found.extend((m.start(), m.end(), kind) for m in pattern.finditer(text) if m.end() > m.start())
    return sorted(found)


def outside_junk(span: Span, ranges: list[tuple[int, int, str]]) -> Span | None:
    """The part of a name span left after cutting junk from its edges; None if junk sits inside
    it or covers it ("CNN Indonesia - - Partai Golkar" -> "Partai Golkar"; "AFP PHOTO" -> None)."""
    start, end = span
    for a, b, _ in ranges:
        if b <= start or a >= end:
            continue
        if a <= start and b >= end:
            return None
        if a <= start:
            start = b
        elif b >= end:
            end = a
        else:
            return None
    return (start, end) if start < end else None


def claim_junk(state) -> None:
    """Take the tokens of bylines, outlet datelines and credits out of every later pass, so no
    actor is founded on "CNN Indonesia - -" or "AFP PHOTO"."""
    ranges = junk_ranges(state.text)
    if not ranges:
        return
    for k, token in enumerate(state.tokens):
        if any(a < token.end and token.start < b for a, b, _ in ranges):
            state.claimed[k] = True


_WORD = re.compile(r"\S+")


def tidy(text: str, span: Span, kind: str) -> Span | None:
    """Strip what never belongs to a name from a span's edges: conjunctions and openers
    ("Sedangkan Donald" -> "Donald"), unbalanced or enclosing brackets ("(Jokowi)" -> "Jokowi",
    "PPP)" -> "PPP"), stray punctuation, and a lone capital an organisation took from the next
    person's name ("Kementerian Agama M" -> "Kementerian Agama")."""
    start, end = span
    edges = edge_words()
    for _ in range(6):
        before = (start, end)
        surface = text[start:end]
        while surface and surface[0] in " ,;:-–—/\"'“”‘’" or surface[:1] == "(" and ")" not in surface:
            start, surface = start + 1, surface[1:]
        while surface and surface[-1] in " ,;:-–—/\"'“”‘’" or surface[-1:] == ")" and "(" not in surface \
                or surface[-1:] == "(":
            end, surface = end - 1, surface[:-1]
        if surface.startswith("(") and surface.endswith(")") and surface.count("(") == 1:
            start, end = start + 1, end - 1
        words = list(_WORD.finditer(text, start, end))
        if len(words) > 1 and words[0].group() in edges:
            start = words[1].start()
        elif len(words) > 1 and edges.get(words[-1].group()) == "any":
            end = words[-2].end()
        elif kind == "organization" and len(words) > 2 and re.fullmatch(r"[A-Z]\.?", words[-1].group()):
            end = words[-2].end()
        if (start, end) == before:
            break
    if start >= end or text[start:end] in edges:
        return None
    return start, end
