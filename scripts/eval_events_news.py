"""Score event extraction on hand-annotated real news (tests/gold/events_news).

The gold marks every event of 40 real IndoSum articles: type, modality, the trigger's offsets,
dates, participants with roles and places (see tests/gold/events_news/README.md); the texts are
read from the shared corpus. Each article is analysed as the pipeline does (publication day in
Jakarta as the anchor).

- type+trigger (loose): a system event matches a gold event of the same type when its trigger
  overlaps the gold trigger or its evidence sentence holds it; a statement (one per speaker and
  date, told in several attributions) also when it has the gold speaker.
- strict: a loose match that also has both dates, every gold participant with the same role and
  every gold place. A participant or place is found when the system attached an actor (place)
  one of whose names is the gold name, or one of whose mentions overlaps the gold mention. Roles
  the extractor gives outside DESIGN's vocabulary are read as their DESIGN role (ROLE_READING).
- Matching is one to one, strict pairs first. Per-type recall is given for both readings, the
  non-statement events on their own, and how often a matched event's modality agrees.

`dev` is tuned on; `heldout` is scored once per release and never tuned on.

    .venv/bin/python scripts/eval_events_news.py [--split dev|heldout] [--errors] [--json]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.language.document import analyse_document  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "events_news"
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
    from pipelines.corpus import corpus_dir
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--errors", action="store_true", help="list misses, spurious events and strict failures")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    tally = evaluate(args.split)
    result = summary(tally)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"{args.split}: gold events {result['gold_events']}  system events {result['system_events']}")
        for key in ("strict_all", "strict_non_statement", "type_trigger_all", "type_trigger_non_statement"):
            v = result[key]
            print(f"  {key:28} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}")
        print(f"  modality agreement on matched events {result['modality_agreement']}; "
              f"cooperating parties not in the gold {result['extra_cooperating_parties']}")
        print("  per-type recall (type+trigger / strict / gold):")
        for t, v in result["per_type_recall"].items():
            print(f"    {t:14} {v['type_trigger']:3} / {v['strict']:3} / {v['gold']:3}")
    if args.errors:
        print("\n".join(tally.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
