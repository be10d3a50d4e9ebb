"""Working state of one document while the entity passes run over it.

Passes claim token ranges so that a later, weaker pass (say the statistical tagger) never
re-reads words an earlier, stronger pass (rank + name, a seed alias) already explained.
"""
from __future__ import annotations

import bisect
import dataclasses

from ..text import sentence_spans
from .catalog import Catalog, WordTupleIndex, catalog, longest
from .records import Actor, ActorAnalysis, ActorMention, Location, PlaceMention
from .tokens import Token, tokenize


class DocumentState:
    def __init__(self, text: str) -> None:
        self.text = text
        self.cat: Catalog = catalog()
        self.tokens: list[Token] = tokenize(text)
        self.words: list[str] = [t.text for t in self.tokens]
        self.claimed = [False] * len(self.tokens)
        self.sentences = [(s.start, s.end) for s in sentence_spans(text)]
        self._sentence_starts = [s for s, _ in self.sentences]
        self.actors: dict[str, Actor] = {}
        self.mentions: list[ActorMention] = []
        # Character span -> token span of mentions made from tokens (for look-arounds).
        self.token_spans: dict[tuple[int, int], tuple[int, int]] = {}
        self.locations: dict[str, Location] = {}
        self.places: list[PlaceMention] = []
        # Names this document teaches ("Divhubinter" -> org:divhubinter-polri).
        self.learned: WordTupleIndex = WordTupleIndex()
        # person actor_id -> (first token index, name words, title) to resolve short references
        self.persons: dict[str, tuple[int, tuple[str, ...], str | None]] = {}
        # person actor_id -> the titles.csv heads the story names them with ("Presiden"), so a
        # bare "Presiden" finds the one person the story calls that, never the "Wakil Presiden".
        self.title_heads: dict[str, set[str]] = {}
        # The statistical tagger's spans per sentence index, filled on demand (see tagging.py).
        self.sentence_ranges: list[tuple[int, int]] | None = None
        self.model_cache: dict[int, list[tuple[int, int, str]]] = {}
        # Sector of organisations found in text (police, court, ...), beside the seed ones.
        self.sectors: dict[str, str] = {}

    # -- token helpers -------------------------------------------------------------------
    def word(self, i: int) -> str:
        """The word at token i, or "" outside the text (so look-arounds need no bounds checks)."""
        return self.words[i] if 0 <= i < len(self.words) else ""

    def free(self, i: int, j: int) -> bool:
        return not any(self.claimed[i:j])

    def claim(self, i: int, j: int) -> None:
        for k in range(i, j):
            self.claimed[k] = True

    def surface(self, i: int, j: int) -> str:
        return self.text[self.tokens[i].start:self.tokens[j - 1].end]

    def sentence_of(self, i: int) -> int:
        return bisect.bisect_right(self._sentence_starts, self.tokens[i].start) - 1

    def same_sentence(self, i: int, j: int) -> bool:
        return self.sentence_of(i) == self.sentence_of(j)

    def known_name(self, i: int) -> tuple[int, tuple[str, str]] | None:
        """Longest seed or learned actor name at token i: (end, (actor_id, resolution))."""
        seed = longest(self.cat.actor_names, self.tokens, i, self.cat.max_key, skip_commas=True)
        taught = longest(self.learned, self.tokens, i, self.cat.max_key) if self.learned else None
        if taught and (not seed or taught[0] > seed[0]):
            return taught
        return seed

    def sector_of(self, actor_id: str) -> str:
        return self.sectors.get(actor_id) or self.cat.sectors.get(actor_id, "")

    # -- recording -----------------------------------------------------------------------
    def add_actor(self, actor: Actor) -> Actor:
        """Register an actor (and its seed ancestors), merging aliases if already present."""
        existing = self.actors.get(actor.actor_id)
        if existing is None:
            self.actors[actor.actor_id] = actor
        else:
            merged = tuple(dict.fromkeys((*existing.aliases, *actor.aliases)))
            changes = {"aliases": merged}
            if existing.affiliation_id is None and actor.affiliation_id:
                changes["affiliation_id"] = actor.affiliation_id
                if existing.country_code is None and actor.country_code:
                    changes["country_code"] = actor.country_code
                    changes["no_country_reason"] = None
            self.actors[actor.actor_id] = dataclasses.replace(existing, **changes)
        parent = actor.parent_actor_id
        while parent and parent not in self.actors and parent in self.cat.actors:
            self.actors[parent] = self.cat.actors[parent]
            parent = self.cat.actors[parent].parent_actor_id
        if actor.affiliation_id and actor.affiliation_id in self.cat.actors:
            self.add_actor(self.cat.actors[actor.affiliation_id])
        return self.actors[actor.actor_id]

    def add_alias(self, actor_id: str, alias: str) -> None:
        actor = self.actors[actor_id]
        if alias != actor.name and alias not in actor.aliases:
            self.actors[actor_id] = dataclasses.replace(actor, aliases=(*actor.aliases, alias))

    def mention(self, actor_id: str, start: int, end: int, resolution: str,
                rank: str | None = None, title: str | None = None) -> None:
        """Record a mention by character offsets."""
        self.mentions.append(ActorMention(actor_id, start, end, self.text[start:end],
                                          rank, title, resolution))

    def mention_tokens(self, actor_id: str, i: int, j: int, resolution: str,
                       rank: str | None = None, title: str | None = None) -> None:
        start, end = self.tokens[i].start, self.tokens[j - 1].end
        self.token_spans[(start, end)] = (i, j)
        self.mention(actor_id, start, end, resolution, rank, title)

    def add_place(self, location: Location, i: int, j: int, is_dateline: bool = False,
                  within_actor_id: str | None = None) -> None:
        self.locations.setdefault(location.location_id, location)
        start, end = self.tokens[i].start, self.tokens[j - 1].end
        self.places.append(PlaceMention(location.location_id, start, end, self.text[start:end],
                                        is_dateline, within_actor_id))

    def result(self) -> ActorAnalysis:
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.end, m.actor_id))
        places = sorted(self.places, key=lambda p: (p.start, p.end))
        return ActorAnalysis(dict(self.actors), mentions, dict(self.locations), places)
