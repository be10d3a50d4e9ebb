"""Topics of an event from keywords in its sentences, else from the whole story."""
from __future__ import annotations

from typing import Iterable

from pipelines.language.events.cues import lexicon


def topics_in(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """Topics whose keywords occur in the given spans of text, in first-seen order."""
    lex = lexicon()
    found: dict[str, None] = {}
    for start, end in spans:
        for match in lex.topic_re.finditer(text, start, end):
            found.setdefault(lex.topics[" ".join(match.group().lower().split())], None)
    return list(found)


def event_topics(own: list[str], document: list[str]) -> list[str]:
    """An event's own topics; failing those, the story's; failing those, "other"."""
    return own or document or ["other"]
