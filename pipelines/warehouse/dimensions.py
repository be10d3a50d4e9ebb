"""Merge per-document sightings (and the reference seeds) into one row per actor and place.

The same organisation or person seen in many stories is one actor_id; the name most
stories use wins, and a seed entry always wins over what the text taught.
"""
from __future__ import annotations

import pandas as pd

# Every pick below ends its ordering key with the value itself, so that two candidates
# with equal votes resolve the same way in every run: arg_max and mode alone return
# whichever tied row DuckDB's threads met first. Of "POLRI" and "Polri", both seen in one
# story each, the greater string ("Polri": lower case sorts after upper) wins every time.
MERGE_ACTORS = """
with seen as (
    select actor_id, name, actor_type, country_code, parent_actor_id, affiliation_id,
           origin, no_country_reason, document_id
    from actor_sightings
    union all
    select actor_id, name, actor_type, country_code, parent_actor_id, affiliation_id,
           'seed' as origin, no_country_reason, null as document_id
    from seed_actors
),
ranked as (
    select *,
           count(*) over (partition by actor_id, name) as name_votes,
           count(*) over (partition by actor_id, actor_type) as type_votes,
           count(*) over (partition by actor_id, affiliation_id) as affiliation_votes,
           count(*) over (partition by actor_id, no_country_reason) as reason_votes
    from seen
),
merged as (
    select
        actor_id,
        arg_max(name, (origin = 'seed', name_votes, -length(name), name)) as name,
        arg_max(actor_type, (origin = 'seed', name_votes, type_votes, coalesce(actor_type, ''))) as actor_type,
        arg_max(country_code, (origin = 'seed', country_code is not null, coalesce(country_code, ''))) as country_code,
        arg_max(parent_actor_id, (origin = 'seed', parent_actor_id is not null, coalesce(parent_actor_id, ''))) as parent_actor_id,
        arg_max(affiliation_id, (affiliation_votes, affiliation_id)) filter (where affiliation_id is not null)
            as affiliation_id,
        case when bool_or(origin = 'seed') then 'seed' else 'text' end as origin,
        arg_max(no_country_reason, (reason_votes, no_country_reason)) filter (where no_country_reason is not null)
            as no_country_reason,
        count(distinct document_id) as n_documents
    from ranked
    group by actor_id
)
select actor_id, name, actor_type, country_code, parent_actor_id, affiliation_id, origin,
       case when country_code is null then coalesce(no_country_reason, 'country not stated in the text') end
           as no_country_reason,
       n_documents
from merged
order by actor_id
"""

MERGE_ALIASES = """
with names as (
    select actor_id, unnest(aliases) as alias from actor_sightings
    union select actor_id, name from actor_sightings
    union select actor_id, alias from seed_aliases
    union select actor_id, name from seed_actors
)
select distinct actor_id, trim(alias) as alias
from names
where alias is not null and trim(alias) <> ''
order by actor_id, alias
"""

# Coordinates come as a pair from one sighting (the same key picks both), never the
# latitude of one gazetteer hit with the longitude of another.
MERGE_LOCATIONS = """
with seen as (
    select location_id, name, country_code, latitude, longitude, feature_type, origin, document_id,
           (latitude is not null and longitude is not null, origin = 'seed',
            coalesce(latitude, 0), coalesce(longitude, 0)) as point_key
    from location_sightings
),
merged as (
    select
        location_id,
        arg_max(name, (origin = 'seed', length(name), name)) as name,
        arg_max(country_code, (country_code is not null, origin = 'seed', coalesce(country_code, ''))) as country_code,
        arg_max(latitude, point_key) as latitude,
        arg_max(longitude, point_key) as longitude,
        arg_max(feature_type, (feature_type is not null, origin = 'seed', coalesce(feature_type, ''))) as feature_type,
        case when bool_or(origin = 'seed') then 'seed' else 'text' end as origin,
        count(distinct document_id) as n_documents
    from seen
    group by location_id
)
select * from merged order by location_id
"""


def rebuild_dimensions(conn, seed_actors: pd.DataFrame, seed_aliases: pd.DataFrame) -> None:
    """Replace actors, actor_aliases and locations from the sightings and the seeds."""
    conn.register("seed_actors", seed_actors)
    conn.register("seed_aliases", seed_aliases)
    try:
        conn.execute("begin transaction")
        for table, query in (("actors", MERGE_ACTORS), ("actor_aliases", MERGE_ALIASES), ("locations", MERGE_LOCATIONS)):
            conn.execute(f"delete from {table}")
            conn.execute(f"insert into {table} by name {query}")
        conn.execute("commit")
    finally:
        conn.unregister("seed_actors")
        conn.unregister("seed_aliases")
