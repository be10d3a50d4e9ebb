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
    return [Token(word, m.start(), m.end(), word[:1].isupper())
            for m in _TOKEN.finditer(text) for word in (m.group(),)]
