"""The cue words of a document for event extraction: the hits of every event cue list's first
word (seeds/event_*.csv), found in one pass (see `pipelines.language.phrase_index`)."""
from __future__ import annotations

import re

from pipelines.language.events.cues import lexicon
from pipelines.language.phrase_index import WordHits


class Tokens(WordHits):
    """Where the event cue words of a text occur; `finder` replaces the cue lists' first
    words for a look-up of its own ("acara", "peringatan": statement occasions)."""

    __slots__ = ()

    def __init__(self, text: str, finder: re.Pattern[str] | None = None):
        super().__init__(text, finder if finder is not None else lexicon().first_words)
