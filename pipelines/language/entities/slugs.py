"""Readable identifiers that stay the same across documents and runs."""
from __future__ import annotations

import functools
import re
import unicodedata


@functools.lru_cache(maxsize=100_000)
def slugify(name: str) -> str:
    """'Polres Metro Bekasi' -> 'polres-metro-bekasi' (accents folded, punctuation dropped)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "unnamed"
