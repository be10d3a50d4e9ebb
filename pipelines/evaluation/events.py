"""Event scoring against the hand-annotated gold articles.

Each `NN-slug.md` is read exactly as ingest reads it (front matter stripped, body kept,
`published` as the anchor) and run through analyse_document. System events are matched
one-to-one to gold events on event_type + date_start + date_end, and only when the system
event's trigger or summary sentence overlaps the gold evidence in the body (an event of the
right type and dates told elsewhere in the article is not the same event); pairs whose
trigger lies inside the evidence are preferred. Gives event P/R/F1, recall of gold
participants and places on matched events, and every article's errors.


The command line is scripts/eval_events.py.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from pipelines.ingest.reader import parse_article
from pipelines.language.dates import infer_anchor
from pipelines.language.document import analyse_document
from pipelines.language.events.cues import lexicon
from pipelines.language.events.model import Event, EventPlace, Participant
from pipelines.language.events.tokens import Tokens
from pipelines.language.text import sentence_spans
from pipelines.settings import PROJECT_ROOT

GOLD_DIR = PROJECT_ROOT / "tests" / "gold" / "events"
JAKARTA = ZoneInfo("Asia/Jakarta")
BARS = {"event_f1": 0.85, "participant_recall": 0.85, "place_recall": 0.85}
# The stricter reading also asks that the system event be told where the gold evidence is
# (its trigger or summary sentence overlaps it). Statements summarised at the speaker's first
# sentence while the gold quotes a later attribution fall out of it; it is a regression floor.
STRICT_FLOOR = 0.75
# The event types tests/gold/events/GUIDELINES.md asks annotators to mark. Events of the types
# added later (charge, investigation, seizure, ...) cannot be judged against that gold and are
# counted apart, with the F1 they would give if every one were wrong.
ANNOTATED_TYPES = frozenset({"meeting", "visit", "agreement", "cooperation", "statement", "arrest", "raid", "rescue",
                             "repatriation", "deportation", "interception", "trial", "sentencing", "death", "report",
                             "other"})


@dataclass
class Scores:
    articles: int = 0
    gold: int = 0
    system: int = 0
    matched: int = 0
    participants_gold: int = 0
    participants_found: int = 0
    places_gold: int = 0
    places_found: int = 0
    matched_at_evidence: int = 0
    unannotated: dict[str, int] = field(default_factory=dict)  # event type -> system events
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def f1_counting_unannotated(self) -> float:
        """F1 if every event of a type the gold does not annotate were spurious."""
        extra = sum(self.unannotated.values())
        p = self.matched / (self.system + extra) if self.system + extra else 0.0
        r = self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_f1(self) -> float:
        p = self.matched_at_evidence / self.system if self.system else 0.0
        r = self.matched_at_evidence / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def participant_recall(self) -> float:
        return self.participants_found / self.participants_gold if self.participants_gold else 1.0

    @property
    def place_recall(self) -> float:
        return self.places_found / self.places_gold if self.places_gold else 1.0


def gold_articles(folder: Path) -> list[tuple[Path, dict]]:
    """(article path, gold dict) for every annotated article in the folder."""
    pairs = []
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = folder / gold.get("article", gold_path.with_suffix(".md").name)
        if article.is_file():
            pairs.append((article, gold))
    return pairs


def _anchor(article) -> dt.date | None:
    if article.published_at is not None:
        published = article.published_at
        return (published.astimezone(JAKARTA) if published.tzinfo else published).date()
    return infer_anchor(article.body)[0]


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _names_by_actor(analysis) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for actor_id, actor in analysis.actors.actors.items():
        names[actor_id] = {actor.name.lower(), *(a.lower() for a in actor.aliases)}
    for mention in analysis.actors.mentions:
        names.setdefault(mention.actor_id, set()).add(mention.surface.lower())
    return names


def _names_by_place(analysis) -> dict[str, set[str]]:
    names = {lid: {loc.name.lower()} for lid, loc in analysis.actors.locations.items()}
    for place in analysis.actors.places:
        names.setdefault(place.location_id, set()).add(place.surface.lower())
    return names


def _evidence_span(body: str, evidence: str) -> tuple[int, int] | None:
    at = body.find(evidence)
    return (at, at + len(evidence)) if at >= 0 else None


def _overlap_score(event, span: tuple[int, int] | None) -> int:
    """2 when the trigger lies inside the evidence, 1 when the trigger or the summary sentence
    overlaps it, 0 when the event is told elsewhere (or the evidence is not in the body)."""
    if span is None:
        return 0
    if span[0] <= event.trigger_start and event.trigger_end <= span[1]:
        return 2
    trigger = event.trigger_start < span[1] and span[0] < event.trigger_end
    summary = event.start < span[1] and span[0] < event.end
    return 1 if trigger or summary else 0


def match_events(
    body: str, gold_events: list[dict], system_events: list, require_evidence: bool = False
) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs agreeing on type and both dates (the bar's
    definition), pairs whose evidence overlaps taken first; with `require_evidence`, only those."""
    pairs = []
    for g, gold in enumerate(gold_events):
        span = _evidence_span(body, gold.get("evidence", ""))
        for s, event in enumerate(system_events):
            if (event.event_type == gold["event_type"] and _iso(event.date_start) == gold.get("date_start")
                    and _iso(event.date_end) == gold.get("date_end")):
                score = _overlap_score(event, span)
                if score or not require_evidence:
                    pairs.append((-score, g, s))
    pairs.sort()
    used_g, used_s, matched = set(), set(), []
    for _, g, s in pairs:
        if g not in used_g and s not in used_s:
            used_g.add(g)
            used_s.add(s)
            matched.append((g, s))
    return matched


def _describe(event) -> str:
    return (f"{event.event_type} {_iso(event.date_start)}..{_iso(event.date_end)} "
            f"trigger={event.trigger!r} in {event.summary[:70]!r}")


def naive_events(text: str, analysis) -> list:
    """The baseline: every event word of every sentence is an event of its own, dated by the
    sentence's first date mention, with the sentence's actors and places; statements are
    every speech verb with an actor in its sentence. No coreference, no date inheritance,
    no link or headline filtering."""
    lex, tokens, events = lexicon(), Tokens(text), []
    for span in sentence_spans(text):
        dates = [d for d in analysis.dates if span.start <= d.start < span.end and d.date_start]
        people = [Participant(m.actor_id, "participant", m.rank, m.title, m.start, m.end)
                  for m in analysis.actors.mentions if span.start <= m.start < span.end]
        places = [EventPlace(p.location_id, p.start, p.end)
                  for p in analysis.actors.places if span.start <= p.start < span.end]
        words = [(a, b, info.event_type) for a, b, info in lex.triggers.find(tokens, span.start, span.end)
                 if info.event_type != "none"]
        if people:
            words += [(a, b, "statement") for a, b, _ in lex.speech.find(tokens, span.start, span.end)][:1]
        for a, b, event_type in words:
            day = dates[0] if dates else None
            events.append(Event(event_type, None, day.date_start if day else None, day.date_end if day else None,
                                day.granularity if day else "vague", day, text[span.start:span.end], span.start,
                                span.end, text[a:b], a, b, list(people), list(places), []))
    return events


def _attached(what: str, gold_event: dict, gold_names: list[str], attached: list[set[str]],
              in_document: dict[str, set[str]], errors: list[str]) -> tuple[int, int]:
    """(gold names, those found among the names of the `attached` actors or places) for one
    matched event; a miss says whether the document knew the name at all."""
    found = 0
    for name in gold_names:
        if any(name.lower() in names for names in attached):
            found += 1
        else:
            known = any(name.lower() in names for names in in_document.values())
            why = "recognised, not attached" if known else "not recognised in the document"
            errors.append(f"  {what} missing: {name!r} in {gold_event['event_type']} ({why})")
    return len(gold_names), found


def evaluate(folder: Path = GOLD_DIR, baseline: bool = False) -> Scores:
    scores = Scores()
    for path, gold in gold_articles(folder):
        article = parse_article(path.read_text(encoding="utf-8"), str(path))
        analysis = analyse_document(article.body, _anchor(article))
        events = naive_events(article.body, analysis) if baseline else analysis.events
        for event in events:
            if event.event_type not in ANNOTATED_TYPES:
                scores.unannotated[event.event_type] = scores.unannotated.get(event.event_type, 0) + 1
        events = [e for e in events if e.event_type in ANNOTATED_TYPES]
        gold_events = gold.get("events", [])
        errors: list[str] = []
        scores.articles += 1
        scores.gold += len(gold_events)
        scores.system += len(events)
        matched = match_events(article.body, gold_events, events)
        scores.matched += len(matched)
        scores.matched_at_evidence += len(match_events(article.body, gold_events, events, require_evidence=True))
        actor_names, place_names = _names_by_actor(analysis), _names_by_place(analysis)
        for g, s in matched:
            gold_event, event = gold_events[g], events[s]
            attached = [actor_names.get(p.actor_id, set()) for p in event.participants]
            gold, found = _attached("participant", gold_event, gold_event.get("participants", []),
                                    attached, actor_names, errors)
            scores.participants_gold += gold
            scores.participants_found += found
            attached = [place_names.get(p.location_id, set()) for p in event.locations]
            gold, found = _attached("place", gold_event, gold_event.get("locations", []),
                                    attached, place_names, errors)
            scores.places_gold += gold
            scores.places_found += found
        matched_g, matched_s = {g for g, _ in matched}, {s for _, s in matched}
        for g, gold_event in enumerate(gold_events):
            if g not in matched_g:
                errors.append(f"  missed: {gold_event['event_type']} {gold_event.get('date_start')}.."
                              f"{gold_event.get('date_end')} {gold_event.get('evidence', '')[:70]!r}")
        for s, event in enumerate(events):
            if s not in matched_s:
                errors.append(f"  spurious: {_describe(event)}")
        if errors:
            scores.errors[path.name] = errors
    return scores
