"""Topics of an event from keywords in its sentences, else from the whole story."""
from __future__ import annotations

from typing import Iterable

from pipelines.language.events.cues import lexicon
from pipelines.language.events.tokens import Tokens


def topics_in(tokens: Tokens, spans: Iterable[tuple[int, int]]) -> list[str]:
    """Topics whose keywords occur in the given spans of text, in first-seen order."""
    index = lexicon().topics
    found: dict[str, None] = {}
    for start, end in spans:
        for _, _, topic in index.find(tokens, start, end):
            found.setdefault(topic, None)
    return list(found)


def event_topics(own: list[str], document: list[str]) -> list[str]:
    """An event's own topics; failing those, the story's; failing those, "other"."""
    return own or document or ["other"]
