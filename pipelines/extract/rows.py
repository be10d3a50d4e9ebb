"""Language-core results → warehouse rows, with ids stable across runs."""
from __future__ import annotations


def date_mention_id(document_id: str, mention) -> str:
    return f"{document_id}:d{mention.start}-{mention.end}"


def date_mention_rows(document_id: str, mentions) -> list[dict]:
    return [
        {
            "mention_id": date_mention_id(document_id, m),
            "document_id": document_id,
            "char_start": m.start,
            "char_end": m.end,
            "surface": m.text,
            "date_start": m.date_start,
            "date_end": m.date_end,
            "granularity": m.granularity,
            "kind": m.kind,
            "time": m.time,
            "weekday_mismatch": bool(m.weekday_mismatch),
            "anchor_date": m.anchor,
            "value": m.value,
            "anchor_mention_id": f"{document_id}:d{m.anchored_by[0]}-{m.anchored_by[1]}" if m.anchored_by else None,
        }
        for m in mentions
    ]


def actor_rows(document_id: str, analysis) -> dict[str, list[dict]]:
    sightings = [
        {
            "document_id": document_id,
            "actor_id": actor.actor_id,
            "name": actor.name,
            "actor_type": actor.actor_type,
            "country_code": actor.country_code,
            "parent_actor_id": actor.parent_actor_id,
            "affiliation_id": getattr(actor, "affiliation_id", None),
            "origin": actor.origin,
            "no_country_reason": actor.no_country_reason,
            "aliases": list(actor.aliases),
        }
        for actor in sorted(analysis.actors.values(), key=lambda actor: actor.actor_id)
    ]
    mentions = [
        {
            "mention_id": f"{document_id}:a{m.start}-{m.end}:{m.actor_id}",
            "document_id": document_id,
            "actor_id": m.actor_id,
            "char_start": m.start,
            "char_end": m.end,
            "surface": m.surface,
            "rank": m.rank,
            "title": m.title,
            "resolution": m.resolution,
            "sighted_actor_id": m.actor_id,
        }
        for m in _unique(analysis.mentions, lambda m: (m.start, m.end, m.actor_id))
    ]
    locations = [
        {
            "document_id": document_id,
            "location_id": loc.location_id,
            "name": loc.name,
            "country_code": loc.country_code,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
            "feature_type": loc.feature_type,
            "origin": loc.origin,
        }
        for loc in sorted(analysis.locations.values(), key=lambda loc: loc.location_id)
    ]
    places = [
        {
            "mention_id": f"{document_id}:l{p.start}-{p.end}:{p.location_id}",
            "document_id": document_id,
            "location_id": p.location_id,
            "char_start": p.start,
            "char_end": p.end,
            "surface": p.surface,
            "is_dateline": bool(p.is_dateline),
        }
        for p in _unique(analysis.places, lambda p: (p.start, p.end, p.location_id))
    ]
    return {
        "actor_sightings": sightings,
        "actor_mentions": mentions,
        "location_sightings": locations,
        "location_mentions": places,
    }


def event_rows(document_id: str, events) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {"events": [], "event_participants": [], "event_locations": [], "event_topics": []}
    for index, event in enumerate(events):
        event_id = f"{document_id}:e{index:03d}"
        mention = event.date_mention
        rows["events"].append(
            {
                "event_id": event_id,
                "document_id": document_id,
                "event_type": event.event_type,
                "cameo_code": event.cameo_code,
                "date_start": event.date_start,
                "date_end": event.date_end,
                "date_precision": event.date_precision,
                "date_mention_id": date_mention_id(document_id, mention) if mention is not None else None,
                "summary": event.summary,
                "char_start": event.start,
                "char_end": event.end,
                "trigger": event.trigger,
                "trigger_start": event.trigger_start,
                "trigger_end": event.trigger_end,
                "date_source": event.date_source,
                "modality": event.modality,
                "plover_type": event.plover_type,
            }
        )
        for p in _unique(event.participants, lambda p: (p.actor_id, p.role)):
            rows["event_participants"].append(
                {
                    "event_id": event_id,
                    "actor_id": p.actor_id,
                    "role": p.role,
                    "rank": p.rank,
                    "title": p.title,
                    "char_start": p.start,
                    "char_end": p.end,
                    "sighted_actor_id": p.actor_id,
                }
            )
        for place in _unique(event.locations, lambda place: place.location_id):
            rows["event_locations"].append(
                {"event_id": event_id, "location_id": place.location_id, "char_start": place.start, "char_end": place.end}
            )
        for topic in sorted(set(event.topics)):
            rows["event_topics"].append({"event_id": event_id, "topic": topic})
    return rows


def _unique(items, key):
    seen = set()
    for item in items:
        marker = key(item)
        if marker not in seen:
            seen.add(marker)
            yield item
