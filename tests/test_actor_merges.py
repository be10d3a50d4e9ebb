"""One actor id per entity across stories, the names that say why, and who held which title
when: the dimension rebuild on a small warehouse of composed stories."""
from __future__ import annotations

import datetime

import duckdb
import pandas as pd
import pytest

from pipelines.extract.rows import actor_rows, event_rows
from pipelines.language.document import analyse_document
from pipelines.warehouse.assets import seed_actor_frames
from pipelines.warehouse.dimensions import rebuild_dimensions
from pipelines.warehouse.schema import columns, create_tables

STORIES = {
    "d1": ("2017-05-02", "Jakarta - Presiden Joko Widodo (Jokowi) bertemu Kapolri Jenderal Tito Karnavian di "
                         "Istana. Jokowi meminta polisi menindak tegas penipuan daring."),
    "d2": ("2017-08-10", "Jakarta - Jokowi meresmikan jalan tol di Medan bersama Kapolri Jenderal Tito Karnavian. "
                         "Kapolri mengatakan jalur mudik aman."),
    "d3": ("2025-04-14", "Jakarta - Kapolri Jenderal Listyo Sigit Prabowo bertemu Menlu Jepang Taro Kono di Tokyo. "
                         "Kapolri mengatakan kerja sama diperluas."),
    "d4": ("2025-04-15", "Jakarta - Tersangka Febri Santoso ditangkap. Febri mengaku. Di kota lain, Febri Diansyah "
                         "memberi keterangan kepada wartawan."),
    "d5": ("2025-04-16", "Jakarta - Febri mengatakan penyidik masih bekerja."),
}


def load(conn, stories: dict) -> None:
    rows: dict[str, list[dict]] = {}
    for document_id, (day, body) in stories.items():
        conn.execute(
            "insert into documents (document_id, body, source_path, source_paths, content_hash, anchor_origin,"
            " char_count, published_at, anchor_date) values (?, ?, ?, [?], ?, 'published', ?, ?, ?)",
            [document_id, body, document_id, document_id, document_id, len(body), f"{day} 10:00:00+07", day])
        analysis = analyse_document(body, datetime.date.fromisoformat(day))
        for table, table_rows in {**actor_rows(document_id, analysis.actors),
                                  **event_rows(document_id, analysis.events)}.items():
            rows.setdefault(table, []).extend(table_rows)
    for table, table_rows in rows.items():
        if table_rows:
            conn.register("incoming", pd.DataFrame.from_records(table_rows, columns=columns(table)))
            conn.execute(f"insert into {table} by name select * from incoming")
            conn.unregister("incoming")


@pytest.fixture
def warehouse():
    conn = duckdb.connect()
    create_tables(conn)
    load(conn, STORIES)
    rebuild_dimensions(conn, *seed_actor_frames())
    yield conn
    conn.close()


def test_a_nickname_one_story_teaches_merges_the_story_that_uses_it_alone(warehouse):
    [(sighted, merged)] = warehouse.execute(
        "select sighted_actor_id, actor_id from actor_mentions where document_id = 'd2' and surface = 'Jokowi'").fetchall()
    assert (sighted, merged) == ("per:jokowi", "per:joko-widodo")
    assert warehouse.execute("select count(*) from actors where actor_id = 'per:jokowi'").fetchone() == (0,)
    reason, n_documents, merged_from = warehouse.execute(
        "select reason, n_documents, merged_actor_id from actor_aliases "
        "where actor_id = 'per:joko-widodo' and alias = 'Jokowi'").fetchone()
    assert (reason, n_documents, merged_from) == ("nickname", 2, "per:jokowi")
    name, n_documents = warehouse.execute(
        "select name, n_documents from actors where actor_id = 'per:joko-widodo'").fetchone()
    assert (name, n_documents) == ("Joko Widodo", 2)
    assert not warehouse.execute(
        "select * from event_participants where actor_id = 'per:jokowi'").fetchall()


def test_a_first_name_is_never_merged_across_stories(warehouse):
    ids = dict(warehouse.execute(
        "select document_id || ':' || surface, actor_id from actor_mentions where surface like 'Febri%'").fetchall())
    assert ids["d4:Febri"] == "per:febri-santoso"  # a short name within its own story
    assert ids["d4:Febri Diansyah"] == "per:febri-diansyah"
    assert ids["d5:Febri"] == "per:febri"  # alone in its story: no other story's Febri claims it


def test_title_history_tells_two_holders_of_one_title_apart_by_date(warehouse):
    rows = warehouse.execute(
        "select actor_id, body_actor_id, first_seen, last_seen, n_documents from actor_titles "
        "where title = 'Kapolri' order by first_seen").fetchall()
    assert rows == [("per:tito-karnavian", "org:polri", datetime.date(2017, 5, 2), datetime.date(2017, 8, 10), 2),
                    ("per:listyo-sigit-prabowo", "org:polri", datetime.date(2025, 4, 14), datetime.date(2025, 4, 14), 1)]

    def holder(day: str) -> list[tuple]:
        return warehouse.execute(
            "select actor_id from actor_titles where title = 'Kapolri' and ? between first_seen and last_seen",
            [day]).fetchall()
    assert holder("2017-06-01") == [("per:tito-karnavian",)]
    assert holder("2025-04-14") == [("per:listyo-sigit-prabowo",)]


def test_a_foreign_minister_keeps_his_country(warehouse):
    assert warehouse.execute(
        "select country_code, affiliation_id from actors where actor_id = 'per:taro-kono'").fetchone() \
        == ("JPN", "ctry:JPN")


def test_rebuilding_twice_gives_the_same_tables(warehouse):
    before = {t: warehouse.execute(f"select * from {t} order by all").fetchall()
              for t in ("actors", "actor_aliases", "actor_titles", "actor_mentions", "event_participants")}
    rebuild_dimensions(warehouse, *seed_actor_frames())
    after = {t: warehouse.execute(f"select * from {t} order by all").fetchall() for t in before}
    assert before == after


def test_a_merge_no_story_teaches_any_more_is_undone(warehouse):
    for table in ("actor_mentions", "actor_sightings"):
        warehouse.execute(f"delete from {table} where document_id = 'd1'")
    rebuild_dimensions(warehouse, *seed_actor_frames())
    assert warehouse.execute(
        "select actor_id from actor_mentions where document_id = 'd2' and surface = 'Jokowi'").fetchall() \
        == [("per:jokowi",)]


def test_an_organisation_named_like_a_country_is_the_country():
    conn = duckdb.connect()
    create_tables(conn)
    conn.execute("insert into actor_sightings values ('d9', 'org:malaysia', 'Malaysia', 'organization', null, null,"
                 " null, 'text', null, [])")
    conn.execute("insert into actor_mentions values ('d9:a0-8:org:malaysia', 'd9', 'org:malaysia', 0, 8,"
                 " 'Malaysia', null, null, 'name', 'org:malaysia')")
    rebuild_dimensions(conn, *seed_actor_frames())
    assert conn.execute("select actor_id from actor_mentions").fetchall() == [("ctry:MYS",)]
    assert conn.execute("select count(*) from actors where actor_id like 'org:malaysia'").fetchone() == (0,)
    assert conn.execute("select actor_type from actors where actor_id = 'ctry:MYS'").fetchone() == ("country",)


def test_two_names_a_story_sights_as_two_actors_are_never_merged():
    conn = duckdb.connect()
    create_tables(conn)
    load(conn, {
        "t1": ("2018-01-05", "Bandung - Gubernur Ahmad Heryawan (Aher) membuka pameran. Aher memuji panitia."),
        "t2": ("2018-01-06", "Bandung - Aher mengatakan pameran ramai. Menurut Ahmad Heryawan, acara itu penting."),
        "t3": ("2018-01-07", "Bandung - Aher kembali hadir di pameran. Aher mengatakan pameran ramai."),
    })
    sighted = {row[0] for row in conn.execute("select actor_id from actor_sightings where document_id = 't2'").fetchall()}
    assert {"per:aher", "per:ahmad-heryawan"} <= sighted  # t2 names the two apart, untied
    rebuild_dimensions(conn, *seed_actor_frames())
    assert conn.execute("select distinct actor_id from actor_mentions where document_id = 't3'").fetchall() \
        == [("per:aher",)]


def test_a_story_naming_one_person_two_ways_keeps_one_event_after_the_merge():
    conn = duckdb.connect()
    create_tables(conn)
    load(conn, {
        "u1": ("2017-03-01", "Jakarta - Presiden Joko Widodo (Jokowi) meresmikan bendungan. Jokowi memuji pekerja."),
        "u2": ("2017-03-02", "Jakarta - Presiden Joko Widodo (Jokowi) meninjau pasar. Jokowi membeli sayur."),
        "u3": ("2017-03-03", "Jakarta - Jokowi mengatakan pembangunan berlanjut. "
                             "Joko Widodo mengatakan pembangunan berlanjut."),
    })
    statements = conn.execute("select count(*) from events where document_id = 'u3'").fetchone()[0]
    sighted = {row[0] for row in conn.execute("select actor_id from actor_sightings where document_id = 'u3'").fetchall()}
    assert {"per:jokowi", "per:joko-widodo"} <= sighted and statements == 2
    rebuild_dimensions(conn, *seed_actor_frames())
    assert conn.execute("select distinct actor_id from actor_mentions where document_id = 'u3'").fetchall() \
        == [("per:joko-widodo",)]  # two stories tie the names: one naming them apart does not block it
    assert conn.execute("select count(*) from events where document_id = 'u3'").fetchone() == (1,)
    assert conn.execute("select count(*) from event_participants where event_id not in "
                        "(select event_id from events)").fetchone() == (0,)
