"""Merge per-document sightings (and the reference seeds) into one row per actor and place.

The same organisation or person seen in many stories is one actor_id; the name most
stories use wins, and a seed entry always wins over what the text taught.

One entity, one id, across stories. An actor's id is its type and its normalised name
(`per:joko-widodo`: case, accents and punctuation folded, rank, title and honorific kept
apart), so "José Mourinho" and "Jose Mourinho" meet by construction. Beyond that, one merge
rule, applied here because it needs every story (`actor_merges`):

    an actor found in the text whose name another story ties to a second actor of the same
    type (by nickname "Joko Widodo (Jokowi)", acronym or long form "BMKG", a definition in
    brackets, or a spelling slip) is that actor, provided stories tie the name to it at least
    twice as often as to all other actors together, the name is no title and no part of the
    actor's name, and, when only one story ties them, no story names the two apart; and an
    organisation named like a country is the country.

First names, surnames and initials tie names within one story only (two stories' "Febri" or
"AR" need not be one person), and a shared title never merges anyone. Mentions and
participants keep the id their story gave them (`sighted_actor_id`); `actor_id` is the
merged one, recomputed from scratch on every rebuild, and `actor_aliases` says for every name
why it is that actor's (reason, n_documents, merged_actor_id).
"""
from __future__ import annotations

import pandas as pd

# How a story ties a name to an actor that holds in every story (actor_mentions.resolution).
CROSS_DOCUMENT_TIES = ("nickname", "acronym", "long_form", "alias", "variant")

# Every pick below ends its ordering key with the value itself, so that two candidates
# with equal votes resolve the same way in every run: arg_max and mode alone return
# whichever tied row DuckDB's threads met first. Of "POLRI" and "Polri", both seen in one
# story each, the greater string ("Polri": lower case sorts after upper) wins every time.
MERGE_ACTORS = """
with seen as (
    select coalesce(merged.target, sighting.actor_id) as actor_id, name, actor_type, country_code,
           coalesce(parent.target, parent_actor_id) as parent_actor_id,
           coalesce(body.target, affiliation_id) as affiliation_id,
           origin, no_country_reason, document_id,
           merged.target is null as own_name
    from actor_sightings as sighting
    left join actor_merges as merged on merged.source = sighting.actor_id
    left join actor_merges as parent on parent.source = sighting.parent_actor_id
    left join actor_merges as body on body.source = sighting.affiliation_id
    where merged.target is null or not (sighting.actor_type = 'organization' and merged.target like 'ctry:%')
    union all
    select actor_id, name, actor_type, country_code, parent_actor_id, affiliation_id,
           'seed' as origin, no_country_reason, null as document_id, true as own_name
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
        arg_max(name, (origin = 'seed', own_name, name_votes, -length(name), name)) as name,
        arg_max(actor_type, (origin = 'seed', own_name, type_votes, coalesce(actor_type, ''))) as actor_type,
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

# One row per actor and name. A name's reason is the strongest way any story (or the seeds) tied
# it to the actor, in the order of `priority`; its merged_actor_id is the id the name had on its
# own when only the merge rule joined the two.
MERGE_ALIASES = """
with names as (
    select actor_id, alias, 'reference' as reason, null as document_id, null as merged_actor_id
    from seed_aliases
    union all
    select actor_id, name, 'reference', null, null from seed_actors
    union all
    select actor_id, surface,
           case when actor_id <> sighted_actor_id then 'merged'
                when resolution = 'alias' then 'defined'
                else resolution end,
           document_id,
           case when actor_id <> sighted_actor_id then sighted_actor_id end
    from actor_mentions
    where resolution in ('name', 'alias', 'acronym', 'short_name', 'nickname', 'initials', 'variant', 'long_form')
    union all
    select coalesce(merged.target, sighting.actor_id), alias.name,
           case when merged.target is not null then 'merged' when alias.name = sighting.name then 'name'
                else 'defined' end,
           sighting.document_id, case when merged.target is not null then sighting.actor_id end
    from actor_sightings as sighting
    cross join unnest(list_append(sighting.aliases, sighting.name)) as alias(name)
    left join actor_merges as merged on merged.source = sighting.actor_id
),
priority as (
    select * from (values ('reference', 1), ('name', 2), ('nickname', 3), ('acronym', 4), ('long_form', 5),
                          ('variant', 6), ('initials', 7), ('defined', 8), ('short_name', 9), ('merged', 10))
        as p(reason, rank)
),
cleaned as (
    select actor_id, trim(alias) as alias, names.reason, priority.rank, document_id, merged_actor_id
    from names
    join priority on priority.reason = names.reason
    where alias is not null and trim(alias) <> ''
)
select actor_id, alias,
       arg_min(reason, (rank, reason)) as reason,
       count(distinct document_id) as n_documents,
       max(merged_actor_id) as merged_actor_id
from cleaned
where actor_id in (select actor_id from actors)
group by actor_id, alias
order by actor_id, alias
"""

# Who held which title when: every mention given a title, dated by its story's publication day
# (Asia/Jakarta) or, without one, the story's anchor day; the body is the one the story says the
# person acted for.
MERGE_TITLES = """
with titled as (
    select mention.actor_id, trim(mention.title) as title, mention.document_id,
           coalesce(cast(timezone('Asia/Jakarta', documents.published_at) as date),
                    documents.anchor_date) as day
    from actor_mentions as mention
    join documents on documents.document_id = mention.document_id
    join actors on actors.actor_id = mention.actor_id and actors.actor_type = 'person'
    where mention.title is not null and trim(mention.title) <> ''
),
bodies as (
    select sighting.document_id, coalesce(merged.target, sighting.actor_id) as actor_id,
           max(coalesce(body.target, sighting.affiliation_id)) as body_actor_id
    from actor_sightings as sighting
    left join actor_merges as merged on merged.source = sighting.actor_id
    left join actor_merges as body on body.source = sighting.affiliation_id
    group by all
)
select titled.actor_id, titled.title, bodies.body_actor_id,
       min(day) as first_seen, max(day) as last_seen,
       count(distinct titled.document_id) as n_documents
from titled
left join bodies on bodies.document_id = titled.document_id and bodies.actor_id = titled.actor_id
group by all
order by titled.actor_id, titled.title, bodies.body_actor_id
"""

# Every sighting's names with the ties stories made, for the merge rule.
_TIES = f"""
select sighted_actor_id as target, surface, count(distinct document_id) as n_documents
from actor_mentions
where resolution in ({", ".join(f"'{tie}'" for tie in CROSS_DOCUMENT_TIES)})
  and sighted_actor_id is not null
group by all
union all
select sighting.actor_id, alias.name, count(distinct sighting.document_id)
from actor_sightings as sighting
cross join unnest(sighting.aliases) as alias(name)
group by all
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


def actor_merges(conn) -> pd.DataFrame:
    """(source, target, rule, n_documents): the text actors the merge rule joins to another."""
    from pipelines.language.entities.catalog import catalog, longest
    from pipelines.language.entities.persons import titles_folded
    from pipelines.language.entities.slugs import slugify
    from pipelines.language.entities.tokens import tokenize

    sighted = dict(conn.execute(
        "select actor_id, bool_or(origin = 'seed') from actor_sightings group by actor_id").fetchall())
    types = dict(conn.execute("select actor_id, any_value(actor_type) from actor_sightings group by actor_id").fetchall())
    names = dict(conn.execute("select actor_id, mode(name order by name) from actor_sightings group by actor_id").fetchall())
    countries = {slugify(" ".join(key)): code for key, code in catalog().country_names.items()}
    named_like_country = {a for a in types if a.startswith("org:") and not sighted.get(a) and a[4:] in countries}

    def titled(name: str) -> bool:
        """'Ketua Badan ...', 'Presiden': a title, or a title glued to a body, is no one's name."""
        tokens = tokenize(name)
        return bool(tokens) and longest(titles_folded(), tokens, 0, 5, fold=True) is not None

    claims: dict[str, dict[str, int]] = {}
    for target, surface, n_documents in conn.execute(_TIES).fetchall():
        if not surface or ":" not in target or target.startswith("ctry:") or target in named_like_country:
            continue  # a country's names come from the reference data, never from a story
        source = f"{target.split(':', 1)[0]}:{slugify(surface)}"
        if source == target or source not in sighted or sighted[source] \
                or types.get(source) != types.get(target, types.get(source)):
            continue
        target_name = names.get(target) or ""
        if titled(surface) or titled(target_name) \
                or set(surface.lower().split()) < set(target_name.lower().split()):
            continue  # "Andi" for "Andi Agustinus" is a short name: it holds in its own story only
        claims.setdefault(source, {})
        claims[source][target] = claims[source].get(target, 0) + n_documents
    # A name tied to several actors goes to the one stories tie it to at least twice as often as
    # to all others together ("Jokowi": 13 stories to Joko Widodo, 1 to a name glued to an
    # outlet), else to none.
    chosen: dict[str, tuple[str, int]] = {}
    for source, targets in claims.items():
        target, ties = max(sorted(targets.items()), key=lambda item: item[1])
        if ties >= 2 * (sum(targets.values()) - ties) and (len(targets) == 1 or ties >= 2):
            chosen[source] = (target, ties)
    # A story that names both as two actors, untied, is evidence they are two: a pair tied in
    # one story only is then not merged (two stories' ties outweigh it: "Jokowi" and "Joko Widodo"
    # side by side in a story that never says they are one).
    apart = _named_apart(conn, {(source, target) for source, (target, ties) in chosen.items() if ties < 2})
    rows = {source: (target, "tied_in_a_story", ties) for source, (target, ties) in chosen.items()
            if (source, target) not in apart}
    # An organisation named like a country is the country ("org:malaysia" is ctry:MYS).
    for actor_id in named_like_country:
        rows[actor_id] = (f"ctry:{countries[actor_id[4:]]}", "country_name", 0)
    merges = []
    for source, (target, rule, n_documents) in sorted(rows.items()):
        seen = {source}
        while target in rows and target not in seen:  # a chain ends at an actor nobody merges
            seen.add(target)
            target = rows[target][0]
        if target not in seen:
            merges.append({"source": source, "target": target, "rule": rule, "n_documents": n_documents})
    return pd.DataFrame(merges, columns=["source", "target", "rule", "n_documents"]).astype(
        {"source": "object", "target": "object", "rule": "object", "n_documents": "int64"})


def _named_apart(conn, pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (source, target) pairs some document sights as two actors."""
    if not pairs:
        return set()
    frame = pd.DataFrame(sorted(pairs), columns=["source", "target"]).astype("object")
    conn.register("merge_candidates", frame)
    try:
        return set(conn.execute("""
            select distinct candidate.source, candidate.target
            from merge_candidates as candidate
            join actor_sightings as one on one.actor_id = candidate.source
            join actor_sightings as other on other.actor_id = candidate.target
                                         and other.document_id = one.document_id
        """).fetchall())
    finally:
        conn.unregister("merge_candidates")


# Mentions and participants take the merged id; one no longer merged gets its story's id back.
_REWRITES = [
    """update {table} set actor_id = sighted_actor_id
       where sighted_actor_id is not null and actor_id <> sighted_actor_id
         and sighted_actor_id not in (select source from actor_merges)""",
    """update {table} set actor_id = actor_merges.target from actor_merges
       where {table}.sighted_actor_id = actor_merges.source and {table}.actor_id <> actor_merges.target""",
]
# Two names of one party in one event ("Jokowi" and "Joko Widodo", before the merge two ids)
# are one participant: the row the story gave the merged id itself stays.
_ONE_PARTICIPANT = """
delete from event_participants where rowid in (
    select rowid from (
        select rowid, row_number() over (
            partition by event_id, actor_id, role
            order by actor_id = sighted_actor_id desc, char_start nulls last, char_end nulls last,
                     sighted_actor_id, rank nulls last, title nulls last) as n
        from event_participants)
    where n > 1)
"""


# A story that named one party by two names the merge now joins may hold one event twice
# (the same type, dates, parties and places): the first event of the story stays, as the
# language core keeps one event per occurrence. (Undoing such a merge restores the removed
# event when its story is next extracted.)
_ONE_EVENT = """
create or replace temp table repeated_events as
with participant_sets as (
    select event_id, string_agg(distinct actor_id, ',' order by actor_id) as actor_ids
    from event_participants group by event_id
),
place_sets as (
    select event_id, string_agg(distinct location_id, ',' order by location_id) as location_ids
    from event_locations group by event_id
),
merged_events as (
    select distinct event_id from event_participants where actor_id <> sighted_actor_id
),
keyed as (
    select events.event_id, events.document_id, events.event_type, events.date_start, events.date_end,
           coalesce(participant_sets.actor_ids, '') as actor_ids,
           coalesce(place_sets.location_ids, '') as location_ids
    from events
    left join participant_sets on participant_sets.event_id = events.event_id
    left join place_sets on place_sets.event_id = events.event_id
    where events.document_id in (select events.document_id from events
                                 join merged_events on merged_events.event_id = events.event_id)
),
numbered as (
    select event_id, row_number() over (
        partition by document_id, event_type, date_start, date_end, actor_ids, location_ids
        order by event_id) as n
    from keyed
)
select event_id from numbered where n > 1
"""


def rebuild_dimensions(conn, seed_actors: pd.DataFrame, seed_aliases: pd.DataFrame) -> None:
    """Replace actors, actor_aliases, actor_titles and locations from the sightings and the seeds,
    after joining across stories the actors the merge rule joins."""
    conn.register("seed_actors", seed_actors)
    conn.register("seed_aliases", seed_aliases)
    try:
        merges = actor_merges(conn)
        conn.execute("begin transaction")
        conn.execute("create or replace temp table actor_merges as select * from merges")
        for table in ("actor_mentions", "event_participants"):
            for statement in _REWRITES:
                conn.execute(statement.format(table=table))
        conn.execute(_ONE_PARTICIPANT)
        conn.execute(_ONE_EVENT)
        for table in ("event_participants", "event_locations", "event_topics", "events"):
            conn.execute(f"delete from {table} where event_id in (select event_id from repeated_events)")
        conn.execute("drop table repeated_events")
        for table, query in (("actors", MERGE_ACTORS), ("actor_aliases", MERGE_ALIASES),
                             ("actor_titles", MERGE_TITLES), ("locations", MERGE_LOCATIONS)):
            conn.execute(f"delete from {table}")
            conn.execute(f"insert into {table} by name {query}")
        conn.execute("drop table actor_merges")
        conn.execute("commit")
    finally:
        conn.unregister("seed_actors")
        conn.unregister("seed_aliases")
