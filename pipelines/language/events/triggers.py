"""Event words in a sentence: their type and CAMEO code, whether they refer back to an
event already reported, and whether negation or a plan keeps them from being a fact."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.language.events.cues import _key, lexicon
from pipelines.language.events.tokens import Tokens

# Clause boundaries for the modality look-back: a cue across a comma or "yang" governs
# another predicate ("... yang belum ditemukan, polisi menangkap ...").
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\b(?:yang|namun|tetapi|sedangkan|sementara)\b", re.IGNORECASE)
_WORDS = re.compile(r"[\w-]+")
_RELATIVE = re.compile(r"\byang\s+$", re.IGNORECASE)
# How many words back a negation or plan word still governs the event word
# ("akan mengusulkan pembentukan pos layanan pemulangan").
_MODALITY_REACH = 5


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """One event word: offsets into the document text."""

    start: int
    end: int
    surface: str
    event_type: str
    cameo_code: str | None
    strong: bool
    completion: bool      # "tiba di": dates a reported repatriation, never an event itself
    needs_own_date: bool  # "laporan": an event only with a date in its own clause
    descriptive: bool     # "WNI yang ditahan": a relative clause describing someone
    refers_back: bool     # "pertemuan tersebut": a later mention of an earlier event
    modality: str | None  # None (asserted) or a cue's modality: "negated", "topic", "planned", ...

    @property
    def hypothetical(self) -> bool:
        """Planned or hypothetical: an event only when a date of its own clause governs it."""
        return self.modality in ("planned", "hypothetical")


# When cues of several kinds precede an event word, the one that says least happened wins:
# "tidak akan bertemu" is negated, "akan menghentikan kerja sama" suspended.
_MODALITY_ORDER = ("negated", "topic", "suspended", "hypothetical", "planned", "reported", "ongoing")


def _modality(text: str, sentence_start: int, trigger_start: int) -> str | None:
    before = text[sentence_start:trigger_start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    words = _WORDS.findall(clause)[-_MODALITY_REACH:]
    kinds = {lexicon().modality.get(w.lower()) for w in words}
    if breaks and breaks[-1].group().lower() == "yang" and _topic_of_relative(before[:breaks[-1].start()]):
        # "membahas PMI yang ditahan di Sabah": the relative clause describes what is talked
        # about; the detention is not reported here.
        kinds.add("topic")
    return next((kind for kind in _MODALITY_ORDER if kind in kinds), None)


def _topic_of_relative(head: str) -> bool:
    """True when the noun phrase before a "yang" (same clause; an acronym in brackets is part
    of it) follows a topic cue: "membahas percepatan pemulangan pekerja migran Indonesia (PMI)"."""
    head = _BRACKETED_END.sub("", head)
    breaks = list(_CLAUSE_BREAK.finditer(head))
    clause = head[breaks[-1].end():] if breaks else head
    modality = lexicon().modality
    return any(modality.get(w.lower()) == "topic" for w in _WORDS.findall(clause)[-_TOPIC_REACH:])


_BRACKETED_END = re.compile(r"\([^()]*\)\s*$")
# A topic's noun phrase is longer than the words between a negation or plan and its verb.
_TOPIC_REACH = 8


def find_triggers(text: str, tokens: Tokens, start: int, end: int) -> list[TriggerHit]:
    """Event words in text[start:end], left to right, longest phrase first at a position."""
    lex = lexicon()
    hits: list[TriggerHit] = []
    for t_start, t_end, info in lex.triggers.find(tokens, start, end):
        if info.event_type == "none":
            continue
        after = text[t_end:min(end, t_end + 30)]
        hits.append(TriggerHit(
            start=t_start, end=t_end, surface=text[t_start:t_end],
            event_type=info.event_type, cameo_code=info.cameo_code, strong=info.strong,
            completion=info.strength == "completion", needs_own_date=info.strength == "dated",
            descriptive=_RELATIVE.search(text, max(start, t_start - 8), t_start) is not None,
            refers_back=bool(lex.demonstrative_re.match(after)),
            modality=_modality(text, start, t_start),
        ))
    return hits


def reference_types(surface: str) -> tuple[str, ...]:
    """Other event types an event word may refer back to ("kunjungan ini" → a meeting too)."""
    return lexicon().coref_types.get(_key(surface), ())


def find_generic_references(text: str, tokens: Tokens, start: int, end: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """Generic nouns with a demonstrative ("operasi itu", "kegiatan tersebut"): offsets and
    the event types they may refer to."""
    lex = lexicon()
    return [
        (n_start, n_end, types)
        for n_start, n_end, types in lex.coref_nouns.find(tokens, start, end)
        if lex.demonstrative_re.match(text[n_end:min(end, n_end + 30)])
    ]


def refine_cameo(event_type: str, cameo_code: str | None, tokens: Tokens, start: int, end: int) -> str | None:
    """A more specific CAMEO code when the sentence names what the event is about."""
    cues = lexicon().refinements.get(event_type)
    found = cues.find(tokens, start, end) if cues else []
    return found[0][2] if found else cameo_code
