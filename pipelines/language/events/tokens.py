"""Word tokens of a document and a phrase index over them.

Every cue list (event words, speech verbs, role cues, topics ...) is looked up through
the document's words: a set intersection tells which cue words occur at all, and only
their positions are examined. That is far cheaper than running a large alternation
regex over each sentence, and keeps extraction fast on long documents.
"""
from __future__ import annotations

import bisect
import operator
import re
from typing import Generic, Iterable, TypeVar

_WORD = re.compile(r"\w+(?:-\w+)*")
V = TypeVar("V")


class Tokens:
    """The words of a text: offsets and lowercase forms, in order."""

    __slots__ = ("text", "starts", "ends", "lower", "vocabulary", "_positions")

    def __init__(self, text: str):
        self.text = text
        folded = text.lower()
        if len(folded) != len(text):  # a few characters change length when lowercased
            matches = list(_WORD.finditer(text))
            self.lower = [m.group().lower() for m in matches]
            self.starts = [m.start() for m in matches]
            self.ends = [m.end() for m in matches]
        else:
            self.lower = _WORD.findall(folded)
            self.starts = [m.start() for m in _WORD.finditer(folded)]
            self.ends = list(map(operator.add, self.starts, map(len, self.lower)))
        self.vocabulary = set(self.lower)
        self._positions: dict[int, list[int]] = {}

    def index_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices of the tokens lying inside text[start:end]."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_right(self.ends, end)

    def adjacent(self, i: int) -> bool:
        """Whether token i and i+1 are separated by whitespace only."""
        gap = self.text[self.ends[i]:self.starts[i + 1]]
        return not gap or gap.isspace()

    def positions(self, index: "PhraseIndex") -> list[int]:
        """Token indices where one of the index's phrases may start (cached per index)."""
        key = id(index)
        found = self._positions.get(key)
        if found is None:
            present = index.first_words & self.vocabulary
            found = [i for i, word in enumerate(self.lower) if word in present] if present else []
            self._positions[key] = found
        return found


class PhraseIndex(Generic[V]):
    """Whole-word, case-insensitive phrase look-up; longest phrase wins at a position."""

    def __init__(self, phrases: Iterable[tuple[str, V]]):
        self.by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for phrase, value in phrases:
            words = tuple(w.lower() for w in _WORD.findall(phrase))
            if words:
                self.by_first.setdefault(words[0], []).append((words, value))
        for candidates in self.by_first.values():
            candidates.sort(key=lambda item: len(item[0]), reverse=True)
        self.first_words = frozenset(self.by_first)

    def find(self, tokens: Tokens, start: int, end: int) -> list[tuple[int, int, V]]:
        """(char start, char end, value) of each phrase inside text[start:end], left to right."""
        positions = tokens.positions(self)
        if not positions:
            return []
        lo, hi = tokens.index_range(start, end)
        first = bisect.bisect_left(positions, lo)
        found: list[tuple[int, int, V]] = []
        lower, free_from = tokens.lower, lo
        for i in positions[first:]:
            if i >= hi:
                break
            if i < free_from:
                continue
            for words, value in self.by_first[lower[i]]:
                n = len(words)
                if n == 1 or (i + n <= hi and all(
                        lower[i + k] == words[k] and tokens.adjacent(i + k - 1) for k in range(1, n))):
                    found.append((tokens.starts[i], tokens.ends[i + n - 1], value))
                    free_from = i + n
                    break
        return found
