"""DDL of the warehouse tables the Python assets write (see README, "Tables").

The only column list: column order here is the order analysts see, and README's "Tables"
section is checked against it (tests/test_readme_tables.py).
"""
from __future__ import annotations


def _event_types() -> str:
    from pipelines.language.events.cues import event_types

    types = event_types()
    return ", ".join(types[:-1]) + " or " + types[-1]


TABLES: dict[str, str] = {
    "documents": """
        document_id varchar not null,
        title varchar,
        url varchar,
        source varchar,
        published_at timestamptz,
        language varchar,
        body varchar not null,
        source_path varchar not null,
        source_paths varchar[] not null,
        content_hash varchar not null,
        external_id varchar,
        anchor_date date,
        anchor_origin varchar not null,
        char_count integer not null
    """,
    "rejected_documents": """
        source_path varchar not null,
        reason varchar not null,
        detail varchar not null,
        size_bytes bigint
    """,
    "date_mentions": """
        mention_id varchar not null,
        document_id varchar not null,
        char_start integer not null,
        char_end integer not null,
        surface varchar not null,
        date_start date,
        date_end date,
        granularity varchar not null,
        kind varchar not null,
        time varchar,
        weekday_mismatch boolean not null,
        anchor_date date,
        value varchar,
        anchor_mention_id varchar
    """,
    "actor_sightings": """
        document_id varchar not null,
        actor_id varchar not null,
        name varchar not null,
        actor_type varchar not null,
        country_code varchar,
        parent_actor_id varchar,
        affiliation_id varchar,
        origin varchar not null,
        no_country_reason varchar,
        aliases varchar[] not null
    """,
    "actor_mentions": """
        mention_id varchar not null,
        document_id varchar not null,
        actor_id varchar not null,
        char_start integer not null,
        char_end integer not null,
        surface varchar not null,
        rank varchar,
        title varchar,
        resolution varchar,
        sighted_actor_id varchar
    """,
    "location_sightings": """
        document_id varchar not null,
        location_id varchar not null,
        name varchar not null,
        country_code varchar,
        latitude double,
        longitude double,
        feature_type varchar,
        origin varchar not null
    """,
    "location_mentions": """
        mention_id varchar not null,
        document_id varchar not null,
        location_id varchar not null,
        char_start integer not null,
        char_end integer not null,
        surface varchar not null,
        is_dateline boolean not null
    """,
    "events": """
        event_id varchar not null,
        document_id varchar not null,
        event_type varchar not null,
        cameo_code varchar,
        date_start date,
        date_end date,
        date_precision varchar not null,
        date_mention_id varchar,
        summary varchar not null,
        char_start integer not null,
        char_end integer not null,
        trigger varchar,
        trigger_start integer,
        trigger_end integer,
        date_source varchar,
        modality varchar,
        plover_type varchar
    """,
    "event_participants": """
        event_id varchar not null,
        actor_id varchar not null,
        role varchar not null,
        rank varchar,
        title varchar,
        char_start integer,
        char_end integer,
        sighted_actor_id varchar
    """,
    "event_locations": """
        event_id varchar not null,
        location_id varchar not null,
        char_start integer,
        char_end integer
    """,
    "event_topics": """
        event_id varchar not null,
        topic varchar not null
    """,
    "actors": """
        actor_id varchar not null,
        name varchar not null,
        actor_type varchar not null,
        country_code varchar,
        parent_actor_id varchar,
        affiliation_id varchar,
        origin varchar not null,
        no_country_reason varchar,
        n_documents integer not null
    """,
    "actor_aliases": """
        actor_id varchar not null,
        alias varchar not null,
        reason varchar not null,
        n_documents integer not null,
        merged_actor_id varchar
    """,
    # Who held which title when, from the titles stories give with a person's name.
    "actor_titles": """
        actor_id varchar not null,
        title varchar not null,
        body_actor_id varchar,
        first_seen date,
        last_seen date,
        n_documents integer not null
    """,
    "locations": """
        location_id varchar not null,
        name varchar not null,
        country_code varchar,
        latitude double,
        longitude double,
        feature_type varchar,
        origin varchar not null,
        n_documents integer not null
    """,
    # The state of the article folder the last ingest read (see pipelines/ingest/fingerprint.py):
    # the sensor compares the folder with it, so what is already loaded launches no run.
    "ingested_folder": """
        fingerprint varchar not null,
        files integer not null,
        folder varchar not null
    """,
    # Every file of the article folder as the last ingest saw it: a file whose size and
    # modification time are unchanged is not read again.
    "source_files": """
        file_path varchar not null,
        size_bytes bigint,
        mtime_ns bigint
    """,
    # Every record (article or rejection) read from those files; a document's row is
    # rebuilt from its records when a file holding one of them changes. Rejections have
    # no document_id.
    "source_records": """
        file_path varchar not null,
        source_path varchar not null,
        document_id varchar,
        content_hash varchar,
        title varchar,
        url varchar,
        source varchar,
        published_at timestamptz,
        language varchar,
        external_id varchar,
        anchor_date date,
        anchor_origin varchar
    """,
    # Which documents each extraction step has processed, and with which version of the
    # language code and seeds: the basis of incremental, idempotent runs.
    "extraction_log": """
        step varchar not null,
        document_id varchar not null,
        content_hash varchar not null,
        extractor_version varchar not null,
        error varchar
    """,
}

# Inputs of the dimension merge, the incremental log and the folder state: not what analysts query.
BOOKKEEPING_TABLES = frozenset(
    {"actor_sightings", "location_sightings", "extraction_log", "ingested_folder", "source_files", "source_records"}
)

# Where the article folder is and the stamps of its files: two warehouses built from the same
# articles in two places differ here and nowhere else, so content comparisons leave them out.
FOLDER_STATE_TABLES = frozenset({"ingested_folder", "source_files"})

# Caches the view assets keep beside the views (traced column lineage, drawn pictures), so
# an unchanged run need not redo them: internal, like the bookkeeping tables.
VIEW_CACHE_TABLES = frozenset({"view_column_lineage", "view_pictures"})
# What analysts neither query nor export.
INTERNAL_TABLES = BOOKKEEPING_TABLES | VIEW_CACHE_TABLES

# Per-document tables: rows are deleted and re-inserted when their document changes.
DOCUMENT_TABLES = {
    "date_mentions": ("date_mentions",),
    "mentions": ("actor_sightings", "actor_mentions", "location_sightings", "location_mentions"),
    "events": ("events", "event_participants", "event_locations", "event_topics"),
}
# Child tables keyed by event_id rather than document_id.
EVENT_CHILD_TABLES = ("event_participants", "event_locations", "event_topics")


def create_tables(conn, names=None) -> None:
    for name in names or TABLES:
        conn.execute(f"create table if not exists {name} ({TABLES[name]})")


def columns(name: str) -> list[str]:
    return [line.strip().split()[0] for line in TABLES[name].strip().split(",\n")]


# What every column means: shown beside each column in the Dagster UI (the column schema of
# every materialisation) and by `.schema` in `linimasa sql`. The views' columns are
# described in their SQL files (`-- columns:` block). tests/test_column_descriptions.py
# fails when a column has no description.
_OFFSETS = "into documents.body, end exclusive"
COLUMN_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "documents": {
        "document_id": "Content-addressed id (a hash of the normalised body): the same story under two file names is one document.",
        "title": "Headline, from the front matter or the first line of a plain-text file.",
        "url": "Address of the article online, when the file gives one.",
        "source": "Publisher, when the file gives one.",
        "published_at": "Publication time (Asia/Jakarta when the file gives no zone).",
        "language": "Language code from the front matter ('id' for Indonesian).",
        "body": "Normalised article text; every char_start/char_end offset points into it.",
        "source_path": "First file (relative to the article folder) the text was found in.",
        "source_paths": "Every file, or .jsonl file and line, the same text was found in.",
        "content_hash": "Hash of the body; a change re-extracts the document.",
        "external_id": "The id a .jsonl record carries, if any.",
        "anchor_date": "Date relative expressions ('kemarin', 'pekan lalu') are resolved against.",
        "anchor_origin": "Where anchor_date comes from: published, dateline, latest_date or none.",
        "char_count": "Length of the body in characters.",
    },
    "rejected_documents": {
        "source_path": "File (or file:line of a .jsonl record) that was not loaded.",
        "reason": "Why, as a code: empty, binary, undecodable, broken_front_matter, invalid_published_date, empty_body, too_large, unsupported_format, bad_json_record.",
        "detail": "The reason in words, with the specifics (size, line, parser message).",
        "size_bytes": "Size of the file or record in bytes.",
    },
    "date_mentions": {
        "mention_id": "Id of the date expression: document id and the expression's offsets.",
        "document_id": "Document the expression is in.",
        "char_start": f"Start offset of the expression {_OFFSETS}.",
        "char_end": f"End offset of the expression {_OFFSETS}.",
        "surface": "The expression as written ('7–13 April 2025', 'pekan lalu').",
        "date_start": "First day of the interval the expression means; empty for a vague one.",
        "date_end": "Last day of that interval.",
        "granularity": "How fine the interval is: day, week, month, quarter, half, year, decade, vague or present.",
        "kind": "absolute (a calendar date), range, relative (resolved against the anchor or the story's reference), "
                "vague ('baru-baru ini'), present ('saat ini'), duration ('selama tiga hari') or set ('setiap Senin').",
        "time": "Time of day when given, as HH:MM with the zone (+07:00 for WIB).",
        "weekday_mismatch": "True when a named weekday disagrees with the date ('Senin (15/4/2025)' on a Tuesday).",
        "anchor_date": "Anchor a relative expression was resolved against.",
        "value": "ISO 8601 value of a duration or set ('P3D', 'XXXX-WXX-1'); empty for dates.",
        "anchor_mention_id": "The date expression this one was resolved against ('sehari kemudian' after "
                             "'Senin (7/4)'; a quote's attribution date), when it was one.",
    },
    "actor_sightings": {
        "document_id": "Document that describes the actor.",
        "actor_id": "Actor id (org:, person:, ctry:, group: prefix).",
        "name": "Name as this document gives it.",
        "actor_type": "person, organization, country or group.",
        "country_code": "Country (ISO alpha-3) this document ties the actor to.",
        "parent_actor_id": "Organisation the actor is a unit of, per this document.",
        "affiliation_id": "Organisation a person acts for, per this document.",
        "origin": "seed (reference data) or text (learnt from this document).",
        "no_country_reason": "Why the actor has no country (an international body, for example).",
        "aliases": "Names this document uses for the actor.",
    },
    "actor_mentions": {
        "mention_id": "Id of the mention: document id, offsets and actor id.",
        "document_id": "Document the mention is in.",
        "actor_id": "Actor the mention resolves to.",
        "char_start": f"Start offset of the name {_OFFSETS}.",
        "char_end": f"End offset of the name {_OFFSETS}.",
        "surface": "The name as written, without rank or title.",
        "rank": "Police or military rank before the name ('Irjen'), kept apart from it.",
        "title": "Office before the name ('Kadiv Hubinter'), kept apart from it.",
        "resolution": "How the mention was tied to the actor: name, alias, acronym, short_name, nickname ('Jokowi' after "
                      "'Joko Widodo (Jokowi)'), initials ('WIU' for a person named in full), variant (a one-letter slip in "
                      "a full name), long_form (a long name joined to a reference acronym), title, pronoun or coreference.",
        "sighted_actor_id": "The actor id the story itself gave the mention; actor_id differs when a merge across "
                            "stories joined it to another actor (actor_aliases.merged_actor_id says which and why).",
    },
    "location_sightings": {
        "document_id": "Document that names the place.",
        "location_id": "Place id (loc: prefix).",
        "name": "Name of the place.",
        "country_code": "Country (ISO alpha-3) of the place.",
        "latitude": "Latitude, WGS84 decimal degrees (gazetteer places).",
        "longitude": "Longitude, WGS84 decimal degrees (gazetteer places).",
        "feature_type": "Kind of place: city, province, airport, border_post, ...",
        "origin": "seed (gazetteer) or text (found in this document).",
    },
    "location_mentions": {
        "mention_id": "Id of the mention: document id, offsets and place id.",
        "document_id": "Document the mention is in.",
        "location_id": "Place the mention resolves to.",
        "char_start": f"Start offset of the place name {_OFFSETS}.",
        "char_end": f"End offset of the place name {_OFFSETS}.",
        "surface": "The place name as written.",
        "is_dateline": "True for the dateline ('Jakarta - ...'): where the story was filed, not where events happened.",
    },
    "events": {
        "event_id": "Event id: document id and the event's number in the document.",
        "document_id": "Document the event comes from.",
        "event_type": "What happened, one of the event types of seeds/event_plover.csv: " + _event_types() + ".",
        "cameo_code": "CAMEO code of the event type.",
        "date_start": "First day of the date range the text gives the event.",
        "date_end": "Last day of that range.",
        "date_precision": "How fine the date is: day, week, month, quarter, half, year, decade or vague.",
        "date_mention_id": "Date expression that dates the event (date_mentions.mention_id).",
        "summary": "The evidence sentence, exactly as in the body.",
        "char_start": f"Start offset of the evidence sentence {_OFFSETS}.",
        "char_end": f"End offset of the evidence sentence {_OFFSETS}.",
        "trigger": "The word that signals the event ('menangkap', 'bertemu').",
        "trigger_start": f"Start offset of the trigger {_OFFSETS}.",
        "trigger_end": f"End offset of the trigger {_OFFSETS}.",
        "date_source": "Where the date came from: clause, attribution, reference_time or publication "
                       "(docs/time.md); empty when undated.",
        "modality": "How the text holds the event: asserted, ongoing, planned, hypothetical, suspended or reported.",
        "plover_type": "PLOVER root category of the event type (CONSULT, AGREE, COERCE, ...; seeds/event_plover.csv); "
                       "empty for speech, a death, a crime or other.",
    },
    "event_participants": {
        "event_id": "Event taken part in.",
        "actor_id": "Actor taking part.",
        "role": "Part the actor plays: participant, host, visitor, lead, signatory, speaker, suspect or victim.",
        "rank": "Rank given with the name in this event's sentence.",
        "title": "Office given with the name in this event's sentence.",
        "char_start": f"Start offset of the actor's mention {_OFFSETS}.",
        "char_end": f"End offset of the actor's mention {_OFFSETS}.",
        "sighted_actor_id": "The actor id the story itself gave the participant; actor_id differs when a merge "
                            "across stories joined it to another actor.",
    },
    "event_locations": {
        "event_id": "Event that happened at the place.",
        "location_id": "Place of the event.",
        "char_start": f"Start offset of the place name {_OFFSETS}.",
        "char_end": f"End offset of the place name {_OFFSETS}.",
    },
    "event_topics": {
        "event_id": "Event with the topic.",
        "topic": "Crime or cooperation topic (seeds/topics.csv): online_gambling, online_scam, human_trafficking, ...",
    },
    "actors": {
        "actor_id": "Actor id (org:, person:, ctry:, group: prefix).",
        "name": "Preferred name: the reference name, else the fullest name the text used.",
        "actor_type": "person, organization, country or group.",
        "country_code": "Country (ISO alpha-3) the actor belongs to.",
        "parent_actor_id": "Organisation the actor is a unit of (Divhubinter in Polri).",
        "affiliation_id": "Organisation a person acts for.",
        "origin": "seed (reference data) or text (learnt from the articles).",
        "no_country_reason": "Why an organisation or person has no country (an international body, for example).",
        "n_documents": "Number of documents that name the actor.",
    },
    "actor_aliases": {
        "actor_id": "Actor the name belongs to.",
        "alias": "A name the actor goes by: seed alias, acronym defined in the text, or a name used in a story.",
        "reason": "Why the name is this actor's: reference (seeds), name (the name a story gives), defined (a story "
                  "defines it: 'Divisi Hubungan Internasional (Divhubinter)'), acronym, nickname, initials, variant, "
                  "long_form or short_name (how a story tied it, see actor_mentions.resolution), or merged (another "
                  "actor of that name was joined to this one across stories; merged_actor_id).",
        "n_documents": "Number of documents that call the actor by this name.",
        "merged_actor_id": "For reason merged: the id the name had on its own, before the merge rule joined it "
                           "(same type, and a story that names both ties the two by nickname, acronym, definition "
                           "or spelling; or a country named as an organisation).",
    },
    "actor_titles": {
        "actor_id": "Person who held the title.",
        "title": "The title as stories write it with the person's name ('Kapolri', 'Juru Bicara KPK').",
        "body_actor_id": "Body the person acted for under that title, as the stories say.",
        "first_seen": "Publication day (else anchor day) of the first story giving the person that title.",
        "last_seen": "Publication day (else anchor day) of the last such story.",
        "n_documents": "Number of documents giving the person that title.",
    },
    "locations": {
        "location_id": "Place id (loc: prefix).",
        "name": "Name of the place.",
        "country_code": "Country (ISO alpha-3) of the place.",
        "latitude": "Latitude, WGS84 decimal degrees.",
        "longitude": "Longitude, WGS84 decimal degrees.",
        "feature_type": "Kind of place: province, city, regency, district, airport, border_post, port, special_economic_zone, region, building, country.",
        "origin": "seed (gazetteer) or text (found in the articles).",
        "n_documents": "Number of documents that name the place.",
    },
    "source_files": {
        "file_path": "A file of the article folder, relative to it, as the last ingest saw it.",
        "size_bytes": "Its size then; with mtime_ns, an unchanged file is not read again.",
        "mtime_ns": "Its modification time then, in nanoseconds.",
    },
    "source_records": {
        "file_path": "The file the record was read from.",
        "source_path": "The record's own path: the file, or 'file.jsonl:line' for a .jsonl line.",
        "document_id": "Document the record holds; empty for a rejected record.",
        "content_hash": "Hash of the record's text and metadata.",
        "title": "Title the record gives.",
        "url": "Address the record gives.",
        "source": "Publisher the record gives.",
        "published_at": "Publication time the record gives.",
        "language": "Language the record gives.",
        "external_id": "The record's own id (a .jsonl 'id'), when it has one.",
        "anchor_date": "Date the record's relative expressions resolve against.",
        "anchor_origin": "Where that anchor came from: published, dateline, latest_date or none.",
    },
    "ingested_folder": {
        "fingerprint": "Hash of every file's path, size and modification time, as the last ingest read the folder.",
        "files": "Number of files in the folder then.",
        "folder": "The article folder read (when it ran is in the run history: the same input gives the same table).",
    },
    "extraction_log": {
        "step": "Extraction step: date_mentions or mentions_and_events.",
        "document_id": "Document processed.",
        "content_hash": "Hash of the body processed; a different hash means the document changed.",
        "extractor_version": "Version of the language code and seeds used; a new one re-extracts every document.",
        "error": "Why extraction failed for this document; empty when it succeeded.",
    },
}
