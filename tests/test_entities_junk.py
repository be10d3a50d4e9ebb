"""Bylines, datelines, credits, glued conjunctions and place names never become actors
(seeds/entity_junk_patterns.csv, entity_outlets.csv, entity_edge_words.csv; gazetteer.py).
Texts are written for these tests."""
from __future__ import annotations

import pytest

from pipelines.language.entities import recognise_entities
from pipelines.language.entities.gazetteer import names, never_person
from pipelines.language.entities.junk import junk_ranges, outside_junk, tidy
from pipelines.language.seeds import read_seed


def entities(text):
    found = recognise_entities(text)
    for e in found:
        assert text[e.start:e.end] == e.text  # offsets always slice back to the surface
    return found


def test_every_junk_pattern_matches_its_own_example():
    for row in read_seed("entity_junk_patterns"):
        kinds = {kind for _, _, kind in junk_ranges(row["example"])}
        assert row["kind"] in kinds, row


def test_outlet_dateline_is_cut_from_the_name_that_follows():
    text = ("Jakarta, CNN Indonesia - - Partai Golkar menggelar rapat pleno di kantor pusatnya, "
            "Senin (4/9). Ketua Harian Partai Golkar Nurdin Halid memimpin rapat itu.")
    found = entities(text)
    assert found
    assert not any("CNN" in e.text or "- -" in e.text for e in found)


def test_web_address_and_photo_credit_are_not_actors():
    text = ("Warga memadati alun-alun kota, Minggu (3/9). AFP PHOTO / Bay Ismoyo. "
            "Berita selengkapnya dapat dibaca di cnnindonesia.com setiap hari.")
    found = entities(text)
    assert not any(e.text.lower().endswith(".com") or "PHOTO" in e.text or "Bay Ismoyo" in e.text
                   for e in found)


def test_a_conjunction_never_opens_a_name():
    text = ("Presiden Joko Widodo membuka pertemuan itu. Sedangkan Donald Trump membatalkan "
            "kunjungannya ke Manila, kata juru bicaranya.")
    found = entities(text)
    assert any(e.text == "Donald Trump" and e.type == "person" for e in found)
    assert not any(e.text.startswith("Sedangkan") for e in found)


def test_a_bracketed_nickname_is_the_name_without_its_brackets():
    text = "Presiden Joko Widodo (Jokowi) meresmikan bendungan baru di Jawa Tengah, Selasa."
    found = entities(text)
    assert not any(e.text.startswith("(") or e.text.endswith(")") for e in found)


def test_an_organisation_does_not_keep_the_next_persons_initial():
    text = "Sekretaris Jenderal Kementerian Agama M Nur Kholis membuka rapat kerja itu di Bogor."
    found = entities(text)
    assert not any(e.type == "organization" and e.text.endswith(" M") for e in found)


def test_a_large_city_glued_before_a_name_is_not_part_of_it():
    text = "Kairo Helmy Fauzi menerima rombongan mahasiswa itu di kantornya, Kamis (7/9)."
    found = entities(text)
    assert not any(e.type == "person" and e.text.startswith("Kairo") for e in found)


@pytest.mark.parametrize("place", ["Teheran", "Kairo", "Jerman", "Jawa Tengah", "Jepang"])
def test_countries_provinces_and_large_cities_are_never_persons(place):
    assert never_person(place)
    text = f"{place} menolak usulan itu, ujar seorang pejabat kepada wartawan, Rabu."
    assert not any(e.type == "person" and place in e.text for e in entities(text))


def test_gazetteer_lists_are_shipped_with_the_model():
    assert {"Indonesia", "Jerman", "Malaysia"} <= names("country")
    assert "Jawa Barat" in names("region")
    assert {"Surabaya", "Teheran"} <= names("city")
    assert not ({"Budi", "Joko"} & names("bigcity"))


def test_junk_is_cut_from_span_edges_only():
    text = "CNN Indonesia - - Partai Golkar"
    ranges = junk_ranges(text)
    assert text[slice(*outside_junk((0, len(text)), ranges))] == "Partai Golkar"
    assert outside_junk((0, 13), ranges) is None  # the outlet alone


@pytest.mark.parametrize("surface,kind,expected", [
    ("Sedangkan Donald", "person", "Donald"),
    ("(Jokowi)", "person", "Jokowi"),
    ("PPP)", "organization", "PPP"),
    ("Bank Indonesia (BI)", "organization", "Bank Indonesia (BI)"),
    ("Kementerian Agama M", "organization", "Kementerian Agama"),
    ("Dan", "organization", None),
])
def test_tidy_strips_only_what_never_belongs_to_a_name(surface, kind, expected):
    span = tidy(surface, (0, len(surface)), kind)
    assert (surface[slice(*span)] if span else None) == expected


def test_events_are_neither_actors_nor_places():
    text = ("Pebalap itu finis ketiga di GP Italia, Minggu. Klub asal Madrid itu lolos ke "
            "Liga Champions setelah menang 2-0, kata pelatih Carlo Ancelotti.")
    found = entities(text)
    assert any(e.text == "Carlo Ancelotti" for e in found)
    assert not any(e.text.startswith(("GP", "Liga")) for e in found)
