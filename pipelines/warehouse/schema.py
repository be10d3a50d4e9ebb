"""DDL of the warehouse tables the Python assets write (see README, "Tables").

Column order here is the order analysts see; keep it in step with docs/CONTRACTS.md.
"""
from __future__ import annotations

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
        anchor_date date
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
        resolution varchar
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
        trigger_end integer
    """,
    "event_participants": """
        event_id varchar not null,
        actor_id varchar not null,
        role varchar not null,
        rank varchar,
        title varchar,
        char_start integer,
        char_end integer
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
        alias varchar not null
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

# Inputs of the dimension merge and the incremental log: not what analysts query.
BOOKKEEPING_TABLES = frozenset(
    {"actor_sightings", "location_sightings", "extraction_log", "source_files", "source_records"}
)

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
