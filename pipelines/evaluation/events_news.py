"""Event scoring on hand-annotated real news (tests/gold/events_news): strict and type+trigger
matching, per-type recall and modality agreement. The counting rules are told in
scripts/eval_events_news.py, the command line.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from pipelines.corpus import corpus_dir
from pipelines.language.document import analyse_document
from pipelines.settings import PROJECT_ROOT

GOLD = PROJECT_ROOT / "tests" / "gold" / "events_news"
JAKARTA = ZoneInfo("Asia/Jakarta")
# The extractor's older role names, read as DESIGN's: the arresting body ("lead"), a visitor, a
# signatory, a judge or a bare participant is the one who acts.
ROLE_READING = {"lead": "agent", "visitor": "agent", "signatory": "agent", "participant": "agent",
                "judge": "agent"}
COOPERATING = frozenset({"agent", "partner", "host"})


@dataclass
class Tally:
    gold: Counter = field(default_factory=Counter)       # event type -> gold events
    system: Counter = field(default_factory=Counter)     # event type -> system events
    loose: Counter = field(default_factory=Counter)      # event type -> loose matches
    strict: Counter = field(default_factory=Counter)     # event type -> strict matches
    modality_agrees: int = 0
    extra_parties: int = 0
    errors: list[str] = field(default_factory=list)

    def f1(self, matched: Counter, types=None) -> tuple[float, float, float]:
        keep = (lambda t: True) if types is None else types
        m = sum(v for t, v in matched.items() if keep(t))
        g = sum(v for t, v in self.gold.items() if keep(t))
        s = sum(v for t, v in self.system.items() if keep(t))
        p = m / s if s else 0.0
        r = m / g if g else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def articles() -> dict[str, dict]:
    with (corpus_dir() / "indosum" / "articles.jsonl").open(encoding="utf-8") as lines:
        return {record["id"]: record for record in map(json.loads, lines)}


def anchor_of(published: str) -> dt.date:
    return dt.datetime.fromisoformat(published).astimezone(JAKARTA).date()


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


class _Names:
    """Names and mention spans of the document's actors and places, to find a gold name among
    what the system attached."""

    def __init__(self, analysis):
        actors = analysis.actors
        self.actor_names: dict[str, set[str]] = {}
        self.actor_spans: dict[str, list[tuple[int, int]]] = {}
        for actor_id, actor in actors.actors.items():
            self.actor_names[actor_id] = {actor.name.lower(), *(a.lower() for a in actor.aliases)}
        for m in actors.mentions:
            self.actor_names.setdefault(m.actor_id, set()).add(m.surface.lower())
            self.actor_spans.setdefault(m.actor_id, []).append((m.start, m.end))
        self.place_names = {lid: {loc.name.lower()} for lid, loc in actors.locations.items()}
        self.place_spans: dict[str, list[tuple[int, int]]] = {}
        for p in actors.places:
            self.place_names.setdefault(p.location_id, set()).add(p.surface.lower())
            self.place_spans.setdefault(p.location_id, []).append((p.start, p.end))

    def is_actor(self, actor_id: str, gold: dict) -> bool:
        return gold["name"].lower() in self.actor_names.get(actor_id, ()) or any(
            _overlaps(s, e, gold["start"], gold["end"]) for s, e in self.actor_spans.get(actor_id, ()))

    def is_place(self, location_id: str, gold: dict) -> bool:
        return gold["name"].lower() in self.place_names.get(location_id, ()) or any(
            _overlaps(s, e, gold["start"], gold["end"]) for s, e in self.place_spans.get(location_id, ()))


def role_of(role: str) -> str:
    return ROLE_READING.get(role, role)


def _loose(gold: dict, event, names: _Names) -> bool:
    """Same type, told at the gold trigger; a statement is one per speaker and date, so any of
    its attributions will do: the same speaker matches it."""
    if event.event_type != gold["event_type"]:
        return False
    t = gold["trigger"]
    if _overlaps(event.trigger_start, event.trigger_end, t["start"], t["end"]) or event.start <= t["start"] < event.end:
        return True
    speakers = [p for p in gold["participants"] if p["role"] == "speaker"]
    return gold["event_type"] == "statement" and any(
        names.is_actor(p.actor_id, speaker) for speaker in speakers for p in event.participants)


def _strict_misses(gold: dict, event, names: _Names) -> list[str]:
    """What keeps a loose match from being strict (empty when it is strict)."""
    misses = []
    if (_iso(event.date_start), _iso(event.date_end)) != (gold["date_start"], gold["date_end"]):
        misses.append(f"dates {_iso(event.date_start)}..{_iso(event.date_end)} "
                      f"!= {gold['date_start']}..{gold['date_end']}")
    for person in gold["participants"]:
        found = [p for p in event.participants if names.is_actor(p.actor_id, person)]
        if not found:
            misses.append(f"participant {person['name']!r} missing")
        elif not any(role_of(p.role) == person["role"] for p in found):
            misses.append(f"participant {person['name']!r} is {found[0].role}, not {person['role']}")
    for place in gold["places"]:
        if not any(names.is_place(p.location_id, place) for p in event.locations):
            misses.append(f"place {place['name']!r} missing")
    return misses


def score_article(record: dict, text: str, tally: Tally) -> None:
    analysis = analyse_document(text, anchor_of(record["published"]))
    events, gold_events, names = analysis.events, record["events"], _Names(analysis)
    tally.gold.update(g["event_type"] for g in gold_events)
    tally.system.update(e.event_type for e in events)
    candidates = []
    for g, gold in enumerate(gold_events):
        for s, event in enumerate(events):
            if _loose(gold, event, names):
                misses = _strict_misses(gold, event, names)
                exact = _overlaps(event.trigger_start, event.trigger_end,
                                  gold["trigger"]["start"], gold["trigger"]["end"])
                candidates.append((bool(misses), not exact, len(misses), g, s, misses))
    candidates.sort(key=lambda c: c[:5])
    used_g, used_s = set(), set()
    for _, _, _, g, s, misses in candidates:
        if g in used_g or s in used_s:
            continue
        used_g.add(g)
        used_s.add(s)
        gold, event = gold_events[g], events[s]
        tally.loose[gold["event_type"]] += 1
        tally.modality_agrees += (event.modality or "asserted") == gold["modality"]
        gold_names = gold["participants"]
        tally.extra_parties += sum(
            1 for p in event.participants
            if role_of(p.role) in COOPERATING and not any(names.is_actor(p.actor_id, n) for n in gold_names))
        if misses:
            tally.errors.append(f"{record['article_id'][:40]}  {gold['event_type']} "
                                f"{gold['trigger']['surface']!r}: " + "; ".join(misses))
        else:
            tally.strict[gold["event_type"]] += 1
    for g, gold in enumerate(gold_events):
        if g not in used_g:
            tally.errors.append(f"{record['article_id'][:40]}  missed {gold['event_type']} "
                                f"{gold['trigger']['surface']!r} @{gold['trigger']['start']} "
                                f"{gold['date_start']}..{gold['date_end']}")
    for s, event in enumerate(events):
        if s not in used_s:
            tally.errors.append(f"{record['article_id'][:40]}  spurious {event.event_type} {event.trigger!r} "
                                f"@{event.trigger_start} {_iso(event.date_start)}..{_iso(event.date_end)}")


def evaluate(split: str) -> Tally:
    texts, tally = articles(), Tally()
    for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            score_article(record, texts[record["article_id"]]["text"], tally)
    return tally


def summary(tally: Tally) -> dict:
    not_statement = lambda t: t != "statement"  # noqa: E731
    out = {}
    for name, matched in (("strict", tally.strict), ("type_trigger", tally.loose)):
        for scope, types in (("all", None), ("non_statement", not_statement)):
            p, r, f = tally.f1(matched, types)
            out[f"{name}_{scope}"] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
    matched = sum(tally.loose.values())
    out["gold_events"], out["system_events"] = sum(tally.gold.values()), sum(tally.system.values())
    out["modality_agreement"] = round(tally.modality_agrees / matched, 3) if matched else None
    out["extra_cooperating_parties"] = tally.extra_parties
    out["per_type_recall"] = {t: {"gold": n, "type_trigger": tally.loose[t], "strict": tally.strict[t]}
                              for t, n in sorted(tally.gold.items())}
    return out
