"""The event cue lists from `seeds/event_*.csv` and `seeds/topics.csv`, compiled once.

Every list is a seed so analysts can extend the vocabulary without touching code; this
module only turns the rows into whole-word regular expressions.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipelines.language.seeds import read_seed


def word_pattern(forms: list[str] | set[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive whole-word alternation; longer forms first so phrases win."""
    ordered = sorted({f.strip().lower() for f in forms if f.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in form.split()) for form in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _key(surface: str) -> str:
    return " ".join(surface.lower().split())


@dataclass(frozen=True)
class TriggerInfo:
    event_type: str
    cameo_code: str | None
    strong: bool


@dataclass(frozen=True)
class RoleCue:
    role: str
    side: str
    enriches: bool


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[str, TriggerInfo]
    trigger_re: re.Pattern[str]
    refinements: tuple[tuple[str, re.Pattern[str], str], ...]
    speech: dict[str, str]
    speech_re: re.Pattern[str]
    role_cues: dict[str, RoleCue]
    role_re: re.Pattern[str]
    enrich_re: re.Pattern[str]
    title_roles: tuple[tuple[str, str], ...]
    role_defaults: dict[tuple[str, str], str]
    demonstrative_re: re.Pattern[str]
    coref_nouns: dict[str, tuple[str, ...]]
    coref_noun_re: re.Pattern[str]
    modality: dict[str, str]
    modality_re: re.Pattern[str]
    link_re: re.Pattern[str]
    inheritance: dict[str, tuple[str, ...]]
    topics: dict[str, str]
    topic_re: re.Pattern[str]
    dominated_by: dict[str, tuple[str, ...]]  # event type -> types that subsume it

    def trigger(self, surface: str) -> TriggerInfo:
        return self.triggers[_key(surface)]

    def default_role(self, event_type: str, actor_type: str) -> str:
        for key in ((event_type, actor_type), (event_type, "*"), ("*", actor_type), ("*", "*")):
            if key in self.role_defaults:
                return self.role_defaults[key]
        return "participant"


@functools.cache
def lexicon() -> Lexicon:
    """All event cue lists, read from the seeds on first use."""
    triggers = {
        _key(r["form"]): TriggerInfo(r["event_type"], r["cameo_code"] or None, r["strength"] != "weak")
        for r in read_seed("event_triggers")
    }
    refinements = tuple(
        (r["event_type"], word_pattern([r["cue"]]), r["cameo_code"]) for r in read_seed("event_cameo_refinements")
    )
    speech = {_key(r["form"]): r["speaker"] for r in read_seed("event_speech_verbs")}
    # "ujarnya", "katanya": the -nya form points back to the latest speaker.
    speech_forms = list(speech) + [f + "nya" for f in speech]
    role_rows = read_seed("event_role_cues")
    role_cues = {_key(r["cue"]): RoleCue(r["role"], r["side"], r["enriches"] == "1") for r in role_rows}
    coref_rows = read_seed("event_coreference")
    demonstratives = [r["form"] for r in coref_rows if r["kind"] == "demonstrative"]
    coref_nouns = {_key(r["form"]): tuple(r["refers_to"].split("|")) for r in coref_rows if r["kind"] == "noun"}
    modality = {_key(r["cue"]): r["kind"] for r in read_seed("event_modality_cues")}
    topics = {_key(r["keyword"]): r["topic"] for r in read_seed("topics")}
    return Lexicon(
        triggers=triggers,
        trigger_re=word_pattern(list(triggers)),
        refinements=refinements,
        speech=speech,
        speech_re=word_pattern(speech_forms),
        role_cues=role_cues,
        role_re=word_pattern([c for c, cue in role_cues.items() if cue.side != "title"]),
        enrich_re=word_pattern([c for c, cue in role_cues.items() if cue.enriches]),
        title_roles=tuple((c, cue.role) for c, cue in role_cues.items() if cue.side == "title"),
        role_defaults={(r["event_type"], r["actor_type"]): r["role"] for r in read_seed("event_role_defaults")},
        demonstrative_re=re.compile(
            r"^\s+(?:[a-z]+\s+)?(?:" + "|".join(re.escape(d) for d in demonstratives) + r")(?![\w-])",
            re.IGNORECASE,
        ),
        coref_nouns=coref_nouns,
        coref_noun_re=word_pattern(list(coref_nouns)),
        modality=modality,
        modality_re=word_pattern(list(modality)),
        link_re=re.compile(
            r"^\W*(?:" + "|".join(r"\s+".join(map(re.escape, r["marker"].split())) for r in read_seed("event_link_markers"))
            + r")\b",
            re.IGNORECASE,
        ),
        inheritance={r["event_type"]: tuple(r["parents"].split("|")) for r in read_seed("event_date_inheritance")},
        topics=topics,
        topic_re=word_pattern(list(topics)),
        dominated_by=_dominance(read_seed("event_type_precedence")),
    )


def _dominance(rows) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for row in rows:
        table[row["dominated"]] = table.get(row["dominated"], ()) + (row["dominant"],)
    return table
