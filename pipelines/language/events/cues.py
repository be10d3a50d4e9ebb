"""The event cue lists from `seeds/event_*.csv` and `seeds/topics.csv`, compiled once.

Every list is a seed so analysts can extend the vocabulary without touching code; this
module only turns the rows into phrase indexes over word tokens.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from pipelines.language.phrase_index import PhraseIndex, trie_pattern
from pipelines.language.seeds import read_seed


def _key(surface: str) -> str:
    return " ".join(surface.lower().split())


@dataclass(frozen=True)
class TriggerInfo:
    event_type: str
    cameo_code: str | None
    strength: str  # strong | weak | dated | completion

    @property
    def strong(self) -> bool:
        return self.strength in ("strong", "completion")


@dataclass(frozen=True)
class RoleCue:
    role: str
    side: str
    enriches: bool
    event_types: frozenset[str] = frozenset()  # the cue holds only for these (empty: all)

    def holds_for(self, event_type: str) -> bool:
        return not self.event_types or event_type in self.event_types


@dataclass(frozen=True)
class EventLexicon:
    """The event cue lists of seeds/event_*.csv and topics.csv as phrase indexes."""

    triggers: PhraseIndex[TriggerInfo]
    refinements: dict[str, PhraseIndex[str]]        # event type -> cue -> narrower CAMEO code
    speech: PhraseIndex[tuple[str, bool]]           # -> (speaker side, refers back to last speaker)
    role_cues: PhraseIndex[RoleCue]
    enrich: PhraseIndex[str]                          # cue -> role it names
    title_roles: tuple[tuple[str, str], ...]
    role_defaults: dict[tuple[str, str], str]
    demonstrative_re: re.Pattern[str]
    coref_nouns: PhraseIndex[tuple[str, ...]]
    coref_types: dict[str, tuple[str, ...]]          # event word or noun -> types it may refer to
    modality: dict[str, str]
    plover: dict[str, str]                           # event type -> PLOVER root category ("" for none)
    link_re: re.Pattern[str]
    inheritance: dict[str, tuple[str, ...]]
    topics: PhraseIndex[str]
    dominated_by: dict[str, tuple[str, ...]]         # event type -> types that subsume it
    first_words: re.Pattern[str]                     # any cue list's first word, for Tokens

    def default_role(self, event_type: str, actor_type: str) -> str:
        for key in ((event_type, actor_type), ("*", actor_type), (event_type, "*"), ("*", "*")):
            if key in self.role_defaults:
                return self.role_defaults[key]
        return "participant"


@functools.cache
def lexicon() -> EventLexicon:
    """All event cue lists, read from the seeds on first use."""
    triggers = [
        (r["form"], TriggerInfo(r["event_type"], r["cameo_code"] or None, r["strength"]))
        for r in read_seed("event_triggers")
    ]
    refinements: dict[str, list[tuple[str, str]]] = {}
    for r in read_seed("event_cameo_refinements"):
        refinements.setdefault(r["event_type"], []).append((r["cue"], r["cameo_code"]))
    speech = []
    for r in read_seed("event_speech_verbs"):
        # "ujarnya", "katanya": the -nya form points back to the latest speaker.
        speech += [(r["form"], (r["speaker"], False)), (r["form"] + "nya", (r["speaker"], True))]
    role_cues = [(r["cue"], RoleCue(r["role"], r["side"], r["enriches"] == "1",
                                    frozenset(filter(None, (r.get("event_types") or "").split("|")))))
                 for r in read_seed("event_role_cues")]
    coref_rows = read_seed("event_coreference")
    demonstratives = [r["form"] for r in coref_rows if r["kind"] == "demonstrative"]
    coref_nouns = [(r["form"], tuple(r["refers_to"].split("|"))) for r in coref_rows if r["kind"] == "noun"]
    lexicon = EventLexicon(
        triggers=PhraseIndex(triggers),
        refinements={t: PhraseIndex(cues) for t, cues in refinements.items()},
        speech=PhraseIndex(speech),
        role_cues=PhraseIndex([(c, cue) for c, cue in role_cues if cue.side != "title"]),
        enrich=PhraseIndex([(c, cue.role) for c, cue in role_cues if cue.enriches]),
        title_roles=tuple((_key(c), cue.role) for c, cue in role_cues if cue.side == "title"),
        role_defaults={(r["event_type"], r["actor_type"]): r["role"] for r in read_seed("event_role_defaults")},
        demonstrative_re=re.compile(
            r"^\s+(?:[a-z]+\s+)?(?:" + "|".join(re.escape(d) for d in demonstratives) + r")(?![\w-])",
            re.IGNORECASE,
        ),
        coref_nouns=PhraseIndex(coref_nouns),
        coref_types={_key(form): types for form, types in coref_nouns},
        modality={_key(r["cue"]): r["modality"] for r in read_seed("event_modality_cues")},
        plover={r["event_type"]: r["plover_type"] for r in read_seed("event_plover")},
        link_re=re.compile(
            r"^\W*(?:" + "|".join(r"\s+".join(map(re.escape, r["marker"].split())) for r in read_seed("event_link_markers"))
            + r")\b",
            re.IGNORECASE,
        ),
        inheritance={r["event_type"]: tuple(r["parents"].split("|")) for r in read_seed("event_date_inheritance")},
        topics=PhraseIndex([(r["keyword"], r["topic"]) for r in read_seed("topics")]),
        dominated_by=_dominance(read_seed("event_type_precedence")),
        first_words=re.compile("(?!)"),
    )
    indexes = [lexicon.triggers, lexicon.speech, lexicon.role_cues, lexicon.enrich, lexicon.coref_nouns,
               lexicon.topics, *lexicon.refinements.values()]
    words = set().union(*(index.first_words for index in indexes))
    return dataclasses.replace(lexicon, first_words=trie_pattern(words))


@functools.cache
def event_types() -> tuple[str, ...]:
    """The event type vocabulary (events.event_type), in seed order: one row each in
    seeds/event_plover.csv, the one list the checks, the column description and the tests
    read."""
    return tuple(r["event_type"] for r in read_seed("event_plover"))


@functools.cache
def event_class(name: str) -> frozenset[str]:
    """The event types of one class of seeds/event_classes.csv ("gathering", "case")."""
    return frozenset(r["event_type"] for r in read_seed("event_classes") if r["class"] == name)


def _dominance(rows) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for row in rows:
        table[row["dominated"]] = table.get(row["dominated"], ()) + (row["dominant"],)
    return table
