"""Actor scoring: `linimasa entities --jsonl` on the project's actor gold for real news articles.

Gold: tests/gold/actors_news/{dev,heldout}.jsonl; texts are read from indosum/articles.jsonl in
the corpus. Mention level, exact character spans, per type (see scripts/eval_actors.py, the
command line, for the counting rules).
"""
from __future__ import annotations

import io
import json
from collections import Counter

from pipelines.corpus import corpus_dir
from pipelines.evaluation.ner import per_type
from pipelines.language.entities import analyse_actors
from pipelines.language.entities.command import run_jsonl
from pipelines.settings import PROJECT_ROOT

GOLD_DIR = PROJECT_ROOT / "tests" / "gold" / "actors_news"
TYPES = ("person", "organization", "country")
_GOLD_TYPE = {"group": "organization"}
_PREDICTED_TYPE = {"location": "country"}


def load(split: str) -> tuple[list[dict], dict[str, str]]:
    gold = [json.loads(line) for line in (GOLD_DIR / f"{split}.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    wanted = {g["article_id"] for g in gold}
    texts = {}
    with open(corpus_dir() / "indosum" / "articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    return gold, texts


def score(split: str, errors: list | None = None) -> dict[str, dict[str, float]]:
    gold, texts = load(split)
    lines = "".join(json.dumps({"id": g["article_id"], "text": texts[g["article_id"]]}) + "\n"
                    for g in gold)
    out = io.StringIO()
    run_jsonl(io.StringIO(lines), out)
    predicted = {r["id"]: r["entities"] for r in map(json.loads, out.getvalue().splitlines())}
    tp, fp, fn = Counter(), Counter(), Counter()
    for g in gold:
        truth = {(m["start"], m["end"]): _GOLD_TYPE.get(m["type"], m["type"]) for m in g["mentions"]}
        guessed = {}
        for e in predicted[g["article_id"]]:
            kind = _PREDICTED_TYPE.get(e["type"], e["type"])
            span = (e["start"], e["end"])
            if kind == "country" and truth.get(span) != "country":
                continue  # a city or region: places other than countries are not in the gold
            guessed[span] = kind
        for span, kind in guessed.items():
            if truth.get(span) == kind:
                tp[kind] += 1
            else:
                fp[kind] += 1
                if errors is not None:
                    errors.append(("fp", kind, g["article_id"], span, texts[g["article_id"]][slice(*span)],
                                   truth.get(span)))
        for span, kind in truth.items():
            if guessed.get(span) != kind:
                fn[kind] += 1
                if errors is not None:
                    errors.append(("fn", kind, g["article_id"], span,
                                   texts[g["article_id"]][slice(*span)], guessed.get(span)))
    return per_type(tp, fp, fn, TYPES)


def _overlapping(mentions, start: int, end: int):
    """The actor mention sharing most characters with a gold span (None when none overlaps)."""
    best, shared = None, 0
    for m in mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > shared:
            best, shared = m, overlap
    return best


def _climb(actors: dict, actor_id: str | None) -> list[str]:
    """The actor, the body it acts for and every parent above them."""
    chain, seen = [], set()
    while actor_id and actor_id not in seen:
        seen.add(actor_id)
        chain.append(actor_id)
        actor = actors.get(actor_id)
        if actor is None:
            break
        actor_id = actor.affiliation_id or actor.parent_actor_id
    return chain


def score_identity(split: str, errors: list | None = None) -> dict[str, tuple[int, int]]:
    """(right, total) for each identity measure described in the module docstring."""
    gold, texts = load(split)
    found = resolved = total = 0
    cross_ids: dict[str, set[str]] = {}
    affiliation = [0, 0]
    country = [0, 0]
    for g in gold:
        analysis = analyse_actors(texts[g["article_id"]])
        ids: dict[str, list[str]] = {}
        picked: dict[tuple[int, int], str] = {}
        for m in g["mentions"]:
            total += 1
            hit = _overlapping(analysis.mentions, m["start"], m["end"])
            if hit is not None:
                found += 1
                ids.setdefault(m["key"], []).append(hit.actor_id)
                picked[(m["start"], m["end"])] = hit.actor_id
        owner: dict[str, str] = {}
        claims = sorted(((Counter(v).most_common(1)[0][1], k, Counter(v).most_common(1)[0][0])
                         for k, v in ids.items()), reverse=True)
        taken = set()
        for _votes, key, actor_id in claims:
            if actor_id not in taken:
                owner[key] = actor_id
                taken.add(actor_id)
        for m in g["mentions"]:
            got = picked.get((m["start"], m["end"]))
            if got is None:
                continue
            if owner.get(m["key"]) == got:
                resolved += 1
            elif errors is not None:
                errors.append(("identity", g["article_id"], m["surface"], m["key"], got,
                               owner.get(m["key"])))
        entities = {e["key"]: e for e in g["entities"]}
        for key, actor_id in owner.items():
            cross_ids.setdefault(key, set()).add(actor_id)
        for key, e in entities.items():
            actor = analysis.actors.get(owner.get(key, ""))
            if e.get("affiliation"):
                affiliation[1] += 1
                target = e["affiliation"]
                chain = _climb(analysis.actors, actor.actor_id)[1:] if actor else []
                if target in entities:
                    right = owner.get(target) in chain
                else:  # a country: the body the person acts for carries it
                    right = any(analysis.actors[a].country_code == target for a in chain
                                if a in analysis.actors)
                affiliation[0] += right
                if not right and errors is not None:
                    errors.append(("affiliation", g["article_id"], key, target,
                                   actor.actor_id if actor else None, chain))
            if e.get("country"):
                country[1] += 1
                right = actor is not None and actor.country_code == e["country"]
                country[0] += right
                if not right and errors is not None:
                    errors.append(("country", g["article_id"], key, e["country"],
                                   actor.actor_id if actor else None,
                                   actor.country_code if actor else None))
    shared = {k: v for k, v in cross_ids.items()
              if sum(k in {e["key"] for e in g["entities"]} for g in gold) > 1}
    if errors is not None:
        errors.extend(("across", key, sorted(ids)) for key, ids in sorted(shared.items()) if len(ids) > 1)
    return {
        "gold mentions found (an actor mention overlaps)": (found, total),
        "found mentions resolved to their entity's one id": (resolved, found),
        "entities in 2+ documents under one id": (sum(len(v) == 1 for v in shared.values()), len(shared)),
        "affiliation right (persons and units with one)": tuple(affiliation),
        "country right (entities with one)": tuple(country),
    }
