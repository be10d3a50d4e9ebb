"""A small, realistic warehouse for testing the views, checks and analyst tools.

The articles are written for these tests (facts after the Polri–Cambodia National Police
meetings of April 2025, plus stories from Thailand and the Philippines). Offsets are
computed from the text, so every mention slices back to its surface, as the real
extraction promises. `build_warehouse(path, breakages=...)` can also damage the data in
named ways, for the checks to catch.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

SCHEMA: dict[str, str] = {
    "documents": """document_id varchar, title varchar, url varchar, source varchar,
        published_at timestamptz, language varchar, body varchar, source_path varchar,
        content_hash varchar, anchor_date date, anchor_origin varchar, char_count integer""",
    "rejected_documents": "source_path varchar, reason varchar, detail varchar, size_bytes bigint",
    "date_mentions": """mention_id varchar, document_id varchar, char_start integer, char_end integer,
        surface varchar, date_start date, date_end date, granularity varchar, kind varchar,
        time varchar, weekday_mismatch boolean, anchor_date date, value varchar, anchor_mention_id varchar""",
    "actors": """actor_id varchar, name varchar, actor_type varchar, country_code varchar,
        parent_actor_id varchar, affiliation_id varchar, origin varchar, no_country_reason varchar""",
    "actor_aliases": "actor_id varchar, alias varchar",
    "actor_mentions": """mention_id varchar, document_id varchar, actor_id varchar, char_start integer,
        char_end integer, surface varchar, rank varchar, title varchar, resolution varchar""",
    "locations": """location_id varchar, name varchar, country_code varchar, latitude double,
        longitude double, feature_type varchar, origin varchar""",
    "location_mentions": """mention_id varchar, document_id varchar, location_id varchar,
        char_start integer, char_end integer, surface varchar, is_dateline boolean""",
    "events": """event_id varchar, document_id varchar, event_type varchar, cameo_code varchar,
        date_start date, date_end date, date_precision varchar, date_mention_id varchar,
        summary varchar, char_start integer, char_end integer, trigger varchar,
        trigger_start integer, trigger_end integer, date_source varchar, modality varchar,
        plover_type varchar""",
    "event_participants": """event_id varchar, actor_id varchar, role varchar, rank varchar,
        title varchar, char_start integer, char_end integer""",
    "event_locations": "event_id varchar, location_id varchar, char_start integer, char_end integer",
    "event_topics": "event_id varchar, topic varchar",
}
UPSTREAM_TABLES = tuple(SCHEMA)

# actor_id, name, type, country, parent, affiliation, no_country_reason
ACTORS = [
    ("org:polri", "Polri", "organization", "IDN", None, None, None),
    ("org:divhubinter", "Divhubinter Polri", "organization", "IDN", "org:polri", None, None),
    ("org:ncb-interpol-jakarta", "NCB Interpol Jakarta", "organization", "IDN", "org:divhubinter", None, None),
    ("org:bareskrim", "Bareskrim Polri", "organization", "IDN", "org:polri", None, None),
    ("org:kbri-phnom-penh", "KBRI Phnom Penh", "organization", "IDN", None, None, None),
    ("org:cambodia-national-police", "Cambodia National Police", "organization", "KHM", None, None, None),
    ("org:royal-thai-police", "Royal Thai Police", "organization", "THA", None, None, None),
    ("org:imigrasi-thailand", "Imigrasi Thailand", "organization", "THA", None, None, None),
    ("org:pnp", "Philippine National Police", "organization", "PHL", None, None, None),
    ("org:paocc", "PAOCC", "organization", "PHL", None, None, None),
    ("org:interpol", "Interpol", "organization", None, None, None, "international organisation"),
    ("org:aseanapol", "ASEANAPOL", "organization", None, None, None, "international organisation"),
    ("ctry:MYS", "Malaysia", "country", "MYS", None, None, None),
    ("per:krishna-murti", "Krishna Murti", "person", "IDN", None, "org:divhubinter", None),
    ("per:untung-widyatmoko", "Untung Widyatmoko", "person", "IDN", None, "org:ncb-interpol-jakarta", None),
    ("per:pheanuk-kolkomar", "Pheanuk Kolkomar", "person", "KHM", None, "org:cambodia-national-police", None),
    ("grp:wni", "WNI", "group", "IDN", None, None, None),
    ("ctry:IDN", "Indonesia", "country", "IDN", None, None, None),
    ("ctry:KHM", "Kamboja", "country", "KHM", None, None, None),
]
ALIASES = [("org:cambodia-national-police", "CNP"), ("org:cambodia-national-police", "Kepolisian Kamboja"),
           ("org:divhubinter", "Divisi Hubungan Internasional"), ("org:polri", "Kepolisian Negara Republik Indonesia")]
# location_id, name, country, lat, lon, feature_type
LOCATIONS = [
    ("loc:jakarta", "Jakarta", "IDN", -6.2, 106.8, "city"),
    ("loc:phnom-penh", "Phnom Penh", "KHM", 11.56, 104.92, "city"),
    ("loc:poipet", "Poipet", "KHM", 13.66, 102.56, "city"),
    ("loc:bavet", "Bavet", "KHM", 11.06, 106.13, "city"),
    ("loc:sihanoukville", "Sihanoukville", "KHM", 10.63, 103.52, "city"),
    ("loc:kamboja", "Kamboja", "KHM", 12.5, 104.9, "country"),
    ("loc:bangkok", "Bangkok", "THA", 13.75, 100.5, "city"),
    ("loc:myawaddy", "Myawaddy", "MMR", 16.69, 98.51, "city"),
    ("loc:manila", "Manila", "PHL", 14.6, 120.98, "city"),
    ("loc:pasay", "Pasay", "PHL", 14.54, 121.0, "city"),
    ("loc:kuala-lumpur", "Kuala Lumpur", "MYS", 3.14, 101.69, "city"),
]


@dataclass
class Ev:
    """An event written against its article: every span is a substring to find in the body."""
    event_id: str
    event_type: str
    cameo: str | None
    dates: tuple[str | None, str | None, str]  # start, end, precision
    sentence: str                            # the evidence sentence, verbatim from the body
    trigger: str
    participants: list[tuple[str, str, str | None]]  # actor_id, role, surface (None: not named here)
    places: list[tuple[str, str]] = field(default_factory=list)  # location_id, surface
    topics: list[str] = field(default_factory=list)
    date_surface: str | None = None


@dataclass
class Doc:
    document_id: str
    title: str
    url: str
    published: str
    body: str
    events: list[Ev]
    actor_surfaces: list[tuple[str, str]]   # actor_id, surface
    place_surfaces: list[tuple[str, str]]   # location_id, surface
    date_surfaces: list[tuple[str, str | None, str | None, str]]  # surface, start, end, granularity


SEED_BODY = (
    "Jakarta - Polri mempererat kerja sama dengan Kepolisian Kamboja untuk menekan judi online "
    "dan penipuan daring yang menjerat banyak WNI. "
    "Divhubinter Polri bertemu Cambodia National Police (CNP) pada 7–13 April 2025 di Phnom Penh, "
    "Poipet, Bavet dan Sihanoukville. "
    "Delegasi Indonesia dipimpin Irjen Krishna Murti dan didampingi KBRI Phnom Penh, sedangkan CNP "
    "diwakili MajGen Pheanuk Kolkomar. "
    "Dalam pertemuan itu Polri dan CNP sepakat saling bertukar informasi intelijen soal jaringan online scam. "
    "Brigjen Untung Widyatmoko menyampaikan hasil pertemuan tersebut pada Senin, 14 April 2025. "
    "Belum lama ini, seorang warga Bekasi yang diduga dijual sindikat TPPO dilaporkan meninggal dunia di Kamboja."
)
THAI_BODY = (
    "Bangkok - Bareskrim Polri dan Royal Thai Police menyelamatkan 25 WNI dari kompleks penipuan daring "
    "di Myawaddy pada 18 Maret 2025. "
    "Sehari kemudian, Imigrasi Thailand menyerahkan para WNI itu kepada Polri di Bangkok. "
    "Operasi tersebut buah koordinasi Bareskrim Polri dan Royal Thai Police sejak Februari 2025."
)
MANILA_BODY = (
    "Manila - PAOCC menggerebek markas judi online di Pasay pada 1 Mei 2025 dan menahan 12 WNI. "
    "Philippine National Police menerima kunjungan delegasi Polri di Manila pada Mei 2025."
)
JUNE_BODY = (
    "Jakarta - Polri dan Cambodia National Police menandatangani nota kesepahaman di Jakarta pada "
    "19 Juni 2025 untuk memberantas judi online. "
    "Sepanjang 2024, Polri memulangkan ratusan WNI dari Kamboja. "
    "Sebelumnya Polri, CNP, Royal Thai Police dan Philippine National Police menghadiri konferensi "
    "ASEANAPOL yang digelar Malaysia di Kuala Lumpur pada 10–12 September 2024."
)


def _sentence(body: str, start_words: str) -> str:
    start = body.index(start_words)
    end = body.find(". ", start)
    return body[start:end + 1] if end != -1 else body[start:]


def documents() -> list[Doc]:
    s = lambda words: _sentence(SEED_BODY, words)  # noqa: E731
    t = lambda words: _sentence(THAI_BODY, words)  # noqa: E731
    m = lambda words: _sentence(MANILA_BODY, words)  # noqa: E731
    j = lambda words: _sentence(JUNE_BODY, words)  # noqa: E731
    seed = Doc(
        "doc:polri-cnp", "Polri dan Kepolisian Kamboja perkuat kerja sama", "https://news.example/polri-cnp",
        "2025-04-15", SEED_BODY,
        [
            Ev("ev:meeting", "meeting", "043", ("2025-04-07", "2025-04-13", "day"), s("Divhubinter Polri bertemu"),
               "bertemu",
               [("org:divhubinter", "agent", "Divhubinter Polri"),
                ("org:cambodia-national-police", "partner", "Cambodia National Police"),
                ("per:krishna-murti", "agent", "Krishna Murti"),
                ("per:pheanuk-kolkomar", "partner", "Pheanuk Kolkomar"),
                ("org:kbri-phnom-penh", "agent", "KBRI Phnom Penh")],
               [("loc:phnom-penh", "Phnom Penh"), ("loc:poipet", "Poipet"), ("loc:bavet", "Bavet"),
                ("loc:sihanoukville", "Sihanoukville")],
               ["online_gambling", "online_scam"], "7–13 April 2025"),
            Ev("ev:agreement", "agreement", "0314", ("2025-04-07", "2025-04-13", "day"), s("Dalam pertemuan itu"),
               "sepakat",
               [("org:polri", "agent", "Polri"), ("org:cambodia-national-police", "agent", "CNP")],
               [], ["online_scam"]),
            Ev("ev:statement", "statement", "010", ("2025-04-14", "2025-04-14", "day"), s("Brigjen Untung"),
               "menyampaikan", [("per:untung-widyatmoko", "speaker", "Untung Widyatmoko")], [], [],
               "Senin, 14 April 2025"),
            Ev("ev:death", "death", None, (None, "2025-04-15", "vague"), s("Belum lama ini"), "meninggal dunia",
               [("grp:wni", "victim", None)], [("loc:kamboja", "Kamboja")], ["human_trafficking"],
               "Belum lama ini"),
        ],
        [("org:polri", "Polri"), ("org:cambodia-national-police", "Kepolisian Kamboja"), ("grp:wni", "WNI"),
         ("org:divhubinter", "Divhubinter Polri"), ("org:cambodia-national-police", "Cambodia National Police"),
         ("per:krishna-murti", "Krishna Murti"), ("org:kbri-phnom-penh", "KBRI Phnom Penh"),
         ("per:pheanuk-kolkomar", "Pheanuk Kolkomar"), ("per:untung-widyatmoko", "Untung Widyatmoko")],
        [("loc:jakarta", "Jakarta"), ("loc:phnom-penh", "Phnom Penh"), ("loc:poipet", "Poipet"),
         ("loc:bavet", "Bavet"), ("loc:sihanoukville", "Sihanoukville"), ("loc:kamboja", "Kamboja")],
        [("7–13 April 2025", "2025-04-07", "2025-04-13", "day"),
         ("Senin, 14 April 2025", "2025-04-14", "2025-04-14", "day"),
         ("Belum lama ini", None, "2025-04-15", "vague")],
    )
    thai = Doc(
        "doc:thai-rescue", "WNI diselamatkan dari Myawaddy", "https://news.example/myawaddy", "2025-03-20",
        THAI_BODY,
        [
            Ev("ev:rescue", "rescue", None, ("2025-03-18", "2025-03-18", "day"), t("Bangkok -"), "menyelamatkan",
               [("org:bareskrim", "agent", "Bareskrim Polri"), ("org:royal-thai-police", "agent", "Royal Thai Police"),
                ("grp:wni", "victim", "WNI")],
               [("loc:myawaddy", "Myawaddy")], ["online_scam", "human_trafficking"], "18 Maret 2025"),
            Ev("ev:handover", "repatriation", None, ("2025-03-19", "2025-03-19", "day"), t("Sehari kemudian"),
               "menyerahkan",
               [("org:imigrasi-thailand", "agent", "Imigrasi Thailand"), ("org:polri", "partner", "Polri"),
                ("grp:wni", "victim", "WNI")],
               [("loc:bangkok", "Bangkok")], ["human_trafficking"], "Sehari kemudian"),
            Ev("ev:coordination", "cooperation", None, ("2025-02-01", "2025-02-28", "month"), t("Operasi tersebut"),
               "koordinasi",
               [("org:bareskrim", "agent", "Bareskrim Polri"), ("org:royal-thai-police", "partner", "Royal Thai Police")],
               [], ["online_scam"], "Februari 2025"),
        ],
        [("org:bareskrim", "Bareskrim Polri"), ("org:royal-thai-police", "Royal Thai Police"), ("grp:wni", "WNI"),
         ("org:imigrasi-thailand", "Imigrasi Thailand")],
        [("loc:bangkok", "Bangkok"), ("loc:myawaddy", "Myawaddy")],
        [("18 Maret 2025", "2025-03-18", "2025-03-18", "day"), ("Sehari kemudian", "2025-03-19", "2025-03-19", "day"),
         ("Februari 2025", "2025-02-01", "2025-02-28", "month")],
    )
    manila = Doc(
        "doc:manila", "Polri berkunjung ke Manila", "https://news.example/manila", "2025-05-25", MANILA_BODY,
        [
            Ev("ev:raid", "raid", "1723", ("2025-05-01", "2025-05-01", "day"), m("Manila -"), "menggerebek",
               [("org:paocc", "agent", "PAOCC"), ("grp:wni", "suspect", "WNI")], [("loc:pasay", "Pasay")],
               ["online_gambling"], "1 Mei 2025"),
            Ev("ev:visit", "visit", "042", ("2025-05-01", "2025-05-31", "month"), m("Philippine National Police"),
               "kunjungan",
               [("org:pnp", "host", "Philippine National Police"), ("org:polri", "agent", "Polri")],
               [("loc:manila", "Manila")], [], "Mei 2025"),
        ],
        [("org:paocc", "PAOCC"), ("grp:wni", "WNI"), ("org:pnp", "Philippine National Police"), ("org:polri", "Polri")],
        [("loc:manila", "Manila"), ("loc:pasay", "Pasay")],
        [("1 Mei 2025", "2025-05-01", "2025-05-01", "day"), ("Mei 2025", "2025-05-01", "2025-05-31", "month")],
    )
    june = Doc(
        "doc:mou", "Polri dan CNP teken nota kesepahaman", "https://news.example/mou", "2025-06-20", JUNE_BODY,
        [
            Ev("ev:mou", "agreement", "057", ("2025-06-19", "2025-06-19", "day"), j("Jakarta -"), "menandatangani",
               [("org:polri", "agent", "Polri"), ("org:cambodia-national-police", "agent", "Cambodia National Police")],
               [("loc:jakarta", "Jakarta")], ["online_gambling"], "19 Juni 2025"),
            Ev("ev:returns-2024", "repatriation", None, ("2024-01-01", "2024-12-31", "year"), j("Sepanjang 2024"),
               "memulangkan", [("org:polri", "agent", "Polri"), ("grp:wni", "victim", "WNI")],
               [("loc:kamboja", "Kamboja")], ["migrant_workers"], "Sepanjang 2024"),
            Ev("ev:conference", "meeting", "043", ("2024-09-10", "2024-09-12", "day"), j("Sebelumnya Polri"),
               "menghadiri",
               [("org:polri", "agent", "Polri"), ("org:cambodia-national-police", "agent", "CNP"),
                ("org:royal-thai-police", "agent", "Royal Thai Police"),
                ("org:pnp", "agent", "Philippine National Police"),
                ("org:aseanapol", "framework", "ASEANAPOL"), ("ctry:MYS", "host", "Malaysia")],
               [("loc:kuala-lumpur", "Kuala Lumpur")], ["online_scam"], "10–12 September 2024"),
        ],
        [("org:polri", "Polri"), ("org:cambodia-national-police", "Cambodia National Police"), ("grp:wni", "WNI"),
         ("org:aseanapol", "ASEANAPOL"), ("ctry:MYS", "Malaysia")],
        [("loc:jakarta", "Jakarta"), ("loc:kamboja", "Kamboja"), ("loc:kuala-lumpur", "Kuala Lumpur")],
        [("19 Juni 2025", "2025-06-19", "2025-06-19", "day"), ("Sepanjang 2024", "2024-01-01", "2024-12-31", "year"),
         ("10–12 September 2024", "2024-09-10", "2024-09-12", "day")],
    )
    return [seed, thai, manila, june]


def _span(body: str, surface: str, within: tuple[int, int] | None = None) -> tuple[int, int]:
    lo, hi = within or (0, len(body))
    start = body.index(surface, lo, hi)
    return start, start + len(surface)


def rows_by_table() -> dict[str, list[tuple]]:
    """Every upstream table's rows, offsets computed from the article text."""
    rows: dict[str, list[tuple]] = {name: [] for name in SCHEMA}
    rows["actors"] = [(a, n, t, c, p, f, "seed", r) for a, n, t, c, p, f, r in ACTORS]
    rows["actor_aliases"] = list(ALIASES)
    rows["locations"] = [(*loc, "seed") for loc in LOCATIONS]
    for doc in documents():
        published = dt.date.fromisoformat(doc.published)
        rows["documents"].append((
            doc.document_id, doc.title, doc.url, "news.example",
            dt.datetime(published.year, published.month, published.day, 9, tzinfo=dt.timezone.utc),
            "id", doc.body, f"seeds/articles/{doc.document_id[4:]}.md", f"hash-{doc.document_id}",
            published, "published", len(doc.body),
        ))
        for n, (surface, start, end, granularity) in enumerate(doc.date_surfaces):
            a, b = _span(doc.body, surface)
            rows["date_mentions"].append((f"{doc.document_id}:d{n}", doc.document_id, a, b, surface,
                                          start, end, granularity, "absolute", None, False, published, None, None))
        for n, (actor_id, surface) in enumerate(doc.actor_surfaces):
            a, b = _span(doc.body, surface)
            rows["actor_mentions"].append((f"{doc.document_id}:a{n}", doc.document_id, actor_id, a, b, surface,
                                           None, None, "seed"))
        for n, (location_id, surface) in enumerate(doc.place_surfaces):
            a, b = _span(doc.body, surface)
            rows["location_mentions"].append((f"{doc.document_id}:l{n}", doc.document_id, location_id, a, b,
                                              surface, surface == "Jakarta" and a < 10))
        date_ids = {surface: f"{doc.document_id}:d{n}" for n, (surface, *_rest) in enumerate(doc.date_surfaces)}
        for ev in doc.events:
            s0, s1 = _span(doc.body, ev.sentence)
            t0, t1 = _span(doc.body, ev.trigger, (s0, s1))
            start, end, precision = ev.dates
            mention_id = date_ids.get(ev.date_surface)
            if mention_id is None and start is not None and ev.event_type != "statement":
                # dated by the event it elaborates: that event's date mention, as the extractor keeps it
                mention_id = next((date_ids[surface] for surface, a, b, _ in doc.date_surfaces
                                   if (a, b) == (start, end)), None)
            rows["events"].append((ev.event_id, doc.document_id, ev.event_type, ev.cameo, start, end, precision,
                                   mention_id, ev.sentence, s0, s1, ev.trigger, t0, t1,
                                   _date_source(ev, start, published), "asserted", None))
            for actor_id, role, surface in ev.participants:
                a, b = _span(doc.body, surface, (s0, len(doc.body))) if surface else (None, None)
                rows["event_participants"].append((ev.event_id, actor_id, role, None, None, a, b))
            for location_id, surface in ev.places:
                a, b = _span(doc.body, surface, (s0, s1))
                rows["event_locations"].append((ev.event_id, location_id, a, b))
            rows["event_topics"].extend((ev.event_id, topic) for topic in ev.topics)
    return rows


# Named ways to damage the warehouse; each should trip one check.
def _date_source(ev, start, published) -> str | None:
    """How the fixture's event got its date, as the extractor would say it (docs/time.md)."""
    if start is None:
        return None
    if ev.date_surface is not None:
        return "attribution" if ev.event_type == "statement" else "clause"
    return "publication" if ev.event_type == "statement" else "reference_time"


BREAKAGES = {
    "arrest_dated_by_publication": "update events set date_source = 'publication', date_mention_id = null "
                                   "where event_id = 'ev:raid'",
    "event_without_type": "update events set event_type = null where event_id = 'ev:statement'",
    "dates_reversed": "update events set date_start = date '2025-04-20' where event_id = 'ev:meeting'",
    "shifted_actor_mention": "update actor_mentions set char_start = char_start + 1 where mention_id = 'doc:polri-cnp:a0'",
    "shifted_date_mention": "update date_mentions set char_end = char_end + 2 where mention_id = 'doc:thai-rescue:d0'",
    "shifted_location_mention": "update location_mentions set char_start = char_start - 1 where mention_id = 'doc:manila:l1'",
    "summary_mismatch": "update events set char_end = char_end - 5 where event_id = 'ev:raid'",
    "orphan_participant": "insert into event_participants values ('ev:missing', 'org:polri', 'party', null, null, null, null)",
    "participant_unknown_actor": "insert into event_participants values ('ev:visit', 'org:nowhere', 'party', null, null, null, null)",
    "orphan_location": "insert into event_locations values ('ev:visit', 'loc:atlantis', null, null)",
    "duplicate_actor": "insert into actors select * from actors where actor_id = 'org:polri'",
    "duplicate_location": "insert into locations select * from locations where location_id = 'loc:bavet'",
    "actor_without_country": "update actors set no_country_reason = null where actor_id = 'org:interpol'",
    "duplicate_event": """insert into events select 'ev:meeting-again', document_id, event_type, cameo_code, date_start,
        date_end, date_precision, date_mention_id, summary, char_start, char_end, trigger, trigger_start, trigger_end,
        date_source, modality, plover_type from events where event_id = 'ev:meeting';
        insert into event_participants select 'ev:meeting-again', actor_id, role, rank, title, char_start, char_end
        from event_participants where event_id = 'ev:meeting';
        insert into event_locations select 'ev:meeting-again', location_id, char_start, char_end
        from event_locations where event_id = 'ev:meeting'""",
}


def build_warehouse(path: Path | str, breakages: tuple[str, ...] = (), conn=None) -> Path:
    """Write every upstream table into the DuckDB file at `path` (replacing them), then apply breakages."""
    own = conn is None
    conn = conn or duckdb.connect(str(path))
    try:
        write_tables(conn, breakages)
    finally:
        if own:
            conn.close()
    return Path(path)


def write_tables(conn, breakages: tuple[str, ...] = ()) -> None:
    rows = rows_by_table()
    for name, columns in SCHEMA.items():
        conn.execute(f"create or replace table {name} ({columns})")
        table_rows = rows[name]
        if table_rows:
            marks = ", ".join("?" for _ in table_rows[0])
            conn.executemany(f"insert into {name} values ({marks})", table_rows)
    for breakage in breakages:
        conn.execute(BREAKAGES[breakage])


def test_fixture_offsets_slice_back_to_their_text():
    """The fixture itself must keep the promise the checks enforce, or the tests prove nothing."""
    rows = rows_by_table()
    bodies = {doc[0]: doc[6] for doc in rows["documents"]}
    for table, doc_col, start_col, surface_col in (("date_mentions", 1, 2, 4), ("actor_mentions", 1, 3, 5),
                                                   ("location_mentions", 1, 3, 5)):
        for row in rows[table]:
            assert bodies[row[doc_col]][row[start_col]:row[start_col + 1]] == row[surface_col]
    for event in rows["events"]:
        assert bodies[event[1]][event[9]:event[10]] == event[8]
