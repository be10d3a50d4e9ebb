"""Word tokens with character offsets, the unit every entity rule works on."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Words keep inner hyphens and apostrophes ("Soekarno-Hatta", "Mota'ain"); every other
# non-space character is its own token so offsets stay exact.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
