"""`linimasa entities --jsonl` keeps its keys and adds rank, title and actor_id per entity."""
from __future__ import annotations

import io
import json

from pipelines.language.entities.command import run_jsonl


def run(text: str) -> list[dict]:
    out = io.StringIO()
    run_jsonl(io.StringIO(json.dumps({"id": "t", "text": text}) + "\n"), out)
    (record,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert record["id"] == "t"
    return record["entities"]


def test_every_entity_has_the_contract_keys():
    found = run("Menteri Luar Negeri Retno Marsudi bertemu Duta Besar Jepang di Jakarta, Senin.")
    assert found
    for e in found:
        assert {"start", "end", "text", "type", "rank", "title", "actor_id"} == set(e)


def test_title_rank_and_one_actor_id_for_the_full_and_the_short_name():
    text = ("Kapolda Jawa Barat Irjen Budi Hartono Wibowo meninjau pos pengamanan di Bandung. "
            "Budi mengatakan pengamanan berjalan lancar.")
    found = run(text)
    persons = [e for e in found if e["type"] == "person"]
    full = next(e for e in persons if e["text"] == "Budi Hartono Wibowo")
    assert full["title"].startswith("Kapolda") and full["rank"] and full["actor_id"].startswith("per:")
    short = next(e for e in persons if e["text"] == "Budi")
    assert short["actor_id"] == full["actor_id"]
    assert all(e["actor_id"] is None for e in found if e["text"] == "Bandung")
