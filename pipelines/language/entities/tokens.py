"""Word tokens with character offsets, the unit every entity rule works on."""
from __future__ import annotations

import re
from typing import NamedTuple

# Words keep inner hyphens and apostrophes ("Soekarno-Hatta", "Mota'ain"); every other
# non-space character is its own token so offsets stay exact.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    is_capitalised: bool  # first character upper case: the cheapest sign of a name


def tokenize(text: str) -> list[Token]:
    new = tuple.__new__  # skips the namedtuple constructor's argument handling: tokenizing is hot
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        tokens.append(new(Token, (word, start, end, word[:1].isupper())))
    return tokens
