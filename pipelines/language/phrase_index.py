"""Phrase look-up over a text in one pass: a trie-shaped regex finds the first words of all
phrases, and each phrase index then only looks at those hits.

Every cue list (event words, speech verbs, role cues, topics ...) starts with one of a few
hundred words. A single trie-shaped regular expression over all those first words finds
their occurrences in the lowercased document; each phrase index then only looks at the
hits inside a sentence. That keeps extraction to a fraction of a millisecond per article
instead of scanning every sentence once per cue list. The date grammar builds its start-word
scan with the same `trie`.
"""
from __future__ import annotations

import bisect
import re
from typing import Generic, Iterable, TypeVar

_WORD = re.compile(r"\w+(?:-\w+)*")
V = TypeVar("V")


def trie(words: Iterable[str]) -> str:
    """A regex matching any of `words` (a space matching any run of white space), factored
    by shared prefixes so the engine rejects most positions after a character or two."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if char == " " else re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return emit(tree)


def trie_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A whole-word regex matching any of `words` (lowercase), shaped as a trie so the
    engine does not try each word in turn at every position."""
    return re.compile(r"(?<![\w-])" + trie(words) + r"(?![\w-])")


class WordHits:
    """Where the words `finder` matches occur in a text: sorted (start, end, lowercase word) hits."""

    __slots__ = ("text", "folded", "hits", "starts", "_positions")

    def __init__(self, text: str, finder: re.Pattern[str]):
        self.text = text
        folded = text.lower()
        if len(folded) != len(text):  # a few characters change length when lowercased
            folded = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        self.folded = folded
        self.hits = [(m.start(), m.end(), m.group()) for m in finder.finditer(folded)]
        self.starts = [h[0] for h in self.hits]
        self._positions: dict[int, list[int]] = {}

    def positions(self, index: "PhraseIndex") -> list[int]:
        """Indices into `hits` where one of the index's phrases may start (cached per index)."""
        key = id(index)
        found = self._positions.get(key)
        if found is None:
            first = index.first_words
            found = [i for i, hit in enumerate(self.hits) if hit[2] in first]
            self._positions[key] = found
        return found


class PhraseIndex(Generic[V]):
    """Whole-word, case-insensitive phrase look-up; longest phrase wins at a position."""

    def __init__(self, phrases: Iterable[tuple[str, V]]):
        self.by_first: dict[str, list[tuple[re.Pattern[str] | None, V, int]]] = {}
        for phrase, value in phrases:
            words = [w.lower() for w in _WORD.findall(phrase)]
            if not words:
                continue
            rest = None
            if len(words) > 1:  # the words after the first, separated by whitespace only
                rest = re.compile("".join(r"\s+" + re.escape(w) for w in words[1:]) + r"(?![\w-])")
            self.by_first.setdefault(words[0], []).append((rest, value, len(phrase)))
        for candidates in self.by_first.values():
            candidates.sort(key=lambda item: item[2], reverse=True)
        self.first_words = frozenset(self.by_first)

    def find(self, tokens: WordHits, start: int, end: int) -> list[tuple[int, int, V]]:
        """(char start, char end, value) of each phrase inside text[start:end], left to right."""
        positions = tokens.positions(self)
        if not positions:
            return []
        hits, folded = tokens.hits, tokens.folded
        first = bisect.bisect_left(positions, bisect.bisect_left(tokens.starts, start))
        found: list[tuple[int, int, V]] = []
        free_from = start
        for i in positions[first:]:
            h_start, h_end, word = hits[i]
            if h_start >= end:
                break
            if h_start < free_from:
                continue
            for rest, value, _ in self.by_first[word]:
                if rest is None:
                    stop = h_end
                else:
                    more = rest.match(folded, h_end, end)
                    if more is None:
                        continue
                    stop = more.end()
                if stop <= end:
                    found.append((h_start, stop, value))
                    free_from = stop
                    break
        return found
