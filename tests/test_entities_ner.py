"""`linimasa entities` and the NER bar on real data, plus the real seed article.

Corpus-dependent tests skip when ../shared/corpus (or $LINIMASA_CORPUS) is absent."""
from __future__ import annotations

import io
import json

import pytest

from pipelines.language.entities import analyse_actors, recognise_entities
from pipelines.language.entities.command import main, run_jsonl
from pipelines.corpus import corpus_dir, kumparan_articles
from pipelines.evaluation import ner as evaluation
from pipelines.language.entities.conll import read_conll

TEST_SET = corpus_dir() / "idner-news-2k" / "test.txt"
SEED_ARTICLE = corpus_dir() / "seed" / "polri-cnp-2025-04.txt"


def test_jsonl_command_round_trip(monkeypatch):
    lines = [{"id": "a", "text": "Kapolri Jenderal Listyo Sigit Prabowo bertemu PDRM di Kuala Lumpur."},
             {"id": "b", "text": ""}]
    source = io.StringIO("".join(json.dumps(line) + "\n" for line in lines))
    sink = io.StringIO()
    assert run_jsonl(source, sink) == 0
    records = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[1]["entities"] == []
    text = lines[0]["text"]
    found = {(e["text"], e["type"]) for e in records[0]["entities"]}
    assert ("Listyo Sigit Prabowo", "person") in found
    assert ("Kuala Lumpur", "location") in found
    for entity in records[0]["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
        assert set(entity) == {"start", "end", "text", "type", "rank", "title", "actor_id"}


def test_jsonl_command_survives_a_broken_line():
    sink = io.StringIO()
    assert run_jsonl(io.StringIO('{"id": 1, "text": "Polri"}\nnot json\n'), sink) == 1
    records = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert records[0]["entities"] and "error" in records[1]


def test_text_command_prints_a_json_array(capsys):
    assert main(["Irjen", "Krishna", "Murti", "tiba", "di", "Phnom", "Penh."]) == 0
    entities = json.loads(capsys.readouterr().out)
    assert {"text": "Krishna Murti", "type": "person", "start": 6, "end": 19} in [
        {k: e[k] for k in ("text", "type", "start", "end")} for e in entities]
    krishna = next(e for e in entities if e["text"] == "Krishna Murti")
    assert krishna["rank"] and krishna["actor_id"].startswith("per:")


def test_types_are_the_contract_vocabulary():
    text = "Menlu Sugiono bertemu Interpol dan Kemlu di Bangkok, Thailand."
    assert {e.type for e in recognise_entities(text)} <= {"person", "organization", "location"}


@pytest.mark.skipif(not TEST_SET.exists(), reason="idner-news-2k corpus not available")
def test_ner_bar_on_the_idner_test_split():
    result = evaluation.score(TEST_SET)
    assert result["person"]["f1"] >= 0.85, result["person"]
    assert result["overall"]["f1"] >= 0.75, result["overall"]


@pytest.mark.skipif(not TEST_SET.exists(), reason="idner-news-2k corpus not available")
def test_conll_reader_rebuilds_offsets():
    for sentence in read_conll(TEST_SET)[:200]:
        for start, end, kind in sentence.gold:
            assert sentence.text[start:end].strip() == sentence.text[start:end]
            assert kind in {"person", "organization", "location"}


@pytest.fixture(scope="module")
def seed_article():
    if not SEED_ARTICLE.exists():
        pytest.skip("seed article not available")
    from pipelines.language.text import normalise
    text = normalise(SEED_ARTICLE.read_text(encoding="utf-8"))
    return text, analyse_actors(text)


def test_seed_article_actors(seed_article):
    _, analysis = seed_article
    actors = analysis.actors
    for actor_id in ("org:polri", "org:divhubinter-polri", "org:cambodia-national-police",
                     "per:krishna-murti", "per:pheanuk-kolkomar", "per:untung-widyatmoko",
                     "org:kbri-phnom-penh", "org:aseanapol", "org:interpol", "ctry:KHM"):
        assert actor_id in actors, actor_id
    assert actors["org:divhubinter-polri"].parent_actor_id == "org:polri"
    assert actors["org:kbri-phnom-penh"].parent_actor_id == "org:kemlu"
    assert actors["per:krishna-murti"].affiliation_id == "org:divhubinter-polri"
    assert "Cambodia National Police" in {actors["org:cambodia-national-police"].name,
                                          *actors["org:cambodia-national-police"].aliases}
    assert "CNP" in actors["org:cambodia-national-police"].aliases


def test_seed_article_ranks_titles_and_short_name(seed_article):
    _, analysis = seed_article
    first = {}
    for m in analysis.mentions:
        first.setdefault(m.actor_id, m)
    assert (first["per:krishna-murti"].rank, first["per:krishna-murti"].title) == (
        "Inspektur Jenderal Polisi", "Kadiv Hubinter")
    assert (first["per:pheanuk-kolkomar"].rank, first["per:pheanuk-kolkomar"].title) == (
        "Major General", "Deputy Chief of Staff Cambodia National Police")
    untung = first["per:untung-widyatmoko"]
    assert untung.rank.startswith("Brigadir Jenderal")
    assert untung.title == "Sekretaris NCB Interpol Divhubinter Polri"
    later = [m for m in analysis.mentions if m.surface == "Untung"]
    assert len(later) == 2 and all(m.actor_id == "per:untung-widyatmoko" for m in later)


def test_seed_article_places(seed_article):
    _, analysis = seed_article
    found = {p.location_id for p in analysis.places}
    assert {"loc:phnom-penh", "loc:poipet", "loc:bavet", "loc:sihanoukville", "loc:bekasi",
            "loc:khm"} <= found
    datelines = [p for p in analysis.places if p.is_dateline]
    assert [(p.location_id, p.start) for p in datelines] == [("loc:jakarta", 0)]


KUMPARAN = corpus_dir() / "kumparan" / "sentences-postag.txt"


@pytest.mark.skipif(not KUMPARAN.exists(), reason="kumparan corpus not available")
def test_invariants_hold_on_real_news_text():
    """Text no rule was written for: offsets slice back, every person and organisation has a
    country or a reason, parents and places resolve, and ids look like the contract's."""
    for text in kumparan_articles(15, 60):
        analysis = analyse_actors(text)
        for mention in analysis.mentions:
            assert text[mention.start:mention.end] == mention.surface
        for place in analysis.places:
            assert text[place.start:place.end] == place.surface
            assert place.location_id in analysis.locations
        for actor in analysis.actors.values():
            assert actor.actor_id.split(":")[0] in {"per", "org", "ctry"}
            if actor.actor_type in ("person", "organization", "group"):
                assert actor.country_code or actor.no_country_reason
            assert actor.parent_actor_id is None or actor.parent_actor_id in analysis.actors
        for entity in recognise_entities(text):
            assert text[entity.start:entity.end] == entity.text
