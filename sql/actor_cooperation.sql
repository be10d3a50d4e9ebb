-- Who cooperates with whom: unordered pairs of distinct parties (actor_a_id < actor_b_id)
-- that take part together in cooperation-type events, counted at the organisation they
-- roll up to (see actor_rollup and cooperation_participants).
-- Country-type parties are left to country_cooperation: "Kamboja" as a party says which
-- country took part, not which body.
-- A dyad means direct contact, as in event data (GDELT, PLOVER): n_events, first_date,
-- last_date, event_types, topics and places describe the events where the two met directly,
-- i.e. events that are not multilateral (parties from three or more countries, a regional
-- forum). Sharing a forum goes to n_forum_events, first_forum_date and last_forum_date;
-- pairs that only ever shared forums stay in the view with n_events = 0 and no first_date.
-- first dates are the earliest event start, last dates the latest event end; a vague-dated
-- event counts towards the event counts but not towards the dates, as its date is only a bound.
-- n_documents and event_ids cover every event of the pair, direct or forum.

-- columns:
--   actor_a_id: The party with the smaller id (pairs are stored once).
--   actor_a: Name of party a.
--   actor_b_id: The party with the larger id.
--   actor_b: Name of party b.
--   n_events: Cooperation events where the two met directly (not at a multilateral forum).
--   first_date: Start of their first direct contact; vague dates never set it.
--   last_date: End of their last direct contact.
--   event_types: Types of their direct contacts (meeting, visit, agreement, ...).
--   topics: Topics of their direct contacts.
--   places: Places of their direct contacts.
--   n_forum_events: Multilateral events (parties from three or more countries) both attended.
--   first_forum_date: Start of the first forum they shared.
--   last_forum_date: End of the last forum they shared.
--   n_documents: Documents reporting any event of the pair, forums included.
--   actor_a_type: Actor type of party a (organization, person, group).
--   actor_a_country: Country (ISO alpha-3) of party a.
--   actor_b_type: Actor type of party b.
--   actor_b_country: Country (ISO alpha-3) of party b.
--   event_ids: Every event of the pair, forums included.

with

actor_parties as (
    select * from cooperation_participants where actor_type <> 'country'
),

pairs as (
    select
        a.event_id,
        a.document_id,
        a.event_type,
        a.date_start,
        a.date_end,
        a.date_precision,
        a.is_multilateral,
        a.actor_id as actor_a_id,
        a.actor_name as actor_a,
        a.actor_type as actor_a_type,
        a.country_code as actor_a_country,
        b.actor_id as actor_b_id,
        b.actor_name as actor_b,
        b.actor_type as actor_b_type,
        b.country_code as actor_b_country
    from actor_parties as a
    join actor_parties as b
      on b.event_id = a.event_id
     and a.actor_id < b.actor_id
     -- across the sides of a direct contact, or agents named together in a reporting sentence
     -- that names no partner or host; a forum joins everyone in it (cooperation_participants)
     and (a.side <> b.side or (a.side = 'agent' and a.in_report and b.in_report and not a.has_counterpart)
          or a.is_multilateral)
     and a.body_id <> b.body_id
),

pair_topics as (
    select pairs.actor_a_id, pairs.actor_b_id, list(distinct event_topics.topic order by event_topics.topic) as topics
    from pairs
    join event_topics on event_topics.event_id = pairs.event_id
    where not pairs.is_multilateral
    group by all
),

pair_places as (
    select pairs.actor_a_id, pairs.actor_b_id, list(distinct locations.name order by locations.name) as places
    from pairs
    join event_locations on event_locations.event_id = pairs.event_id
    join locations on locations.location_id = event_locations.location_id
    where not pairs.is_multilateral
    group by all
),

pair_events as (
    select
        actor_a_id,
        min(actor_a) as actor_a,
        min(actor_a_type) as actor_a_type,
        min(actor_a_country) as actor_a_country,
        actor_b_id,
        min(actor_b) as actor_b,
        min(actor_b_type) as actor_b_type,
        min(actor_b_country) as actor_b_country,
        count(distinct event_id) filter (where not is_multilateral) as n_events,
        count(distinct event_id) filter (where is_multilateral) as n_forum_events,
        count(distinct document_id) as n_documents,
        min(date_start) filter (where date_precision <> 'vague' and not is_multilateral) as first_date,
        max(coalesce(date_end, date_start))
            filter (where date_precision <> 'vague' and not is_multilateral) as last_date,
        list(distinct event_type order by event_type) filter (where not is_multilateral) as event_types,
        min(date_start) filter (where date_precision <> 'vague' and is_multilateral) as first_forum_date,
        max(coalesce(date_end, date_start))
            filter (where date_precision <> 'vague' and is_multilateral) as last_forum_date,
        list(distinct event_id order by event_id) as event_ids
    from pairs
    group by actor_a_id, actor_b_id
),

actor_cooperation as (
    select
        pair_events.actor_a_id,
        pair_events.actor_a,
        pair_events.actor_b_id,
        pair_events.actor_b,
        pair_events.n_events,
        pair_events.first_date,
        pair_events.last_date,
        coalesce(pair_events.event_types, []) as event_types,
        coalesce(pair_topics.topics, []) as topics,
        coalesce(pair_places.places, []) as places,
        pair_events.n_forum_events,
        pair_events.first_forum_date,
        pair_events.last_forum_date,
        pair_events.n_documents,
        pair_events.actor_a_type,
        pair_events.actor_a_country,
        pair_events.actor_b_type,
        pair_events.actor_b_country,
        pair_events.event_ids
    from pair_events
    left join pair_topics
      on pair_topics.actor_a_id = pair_events.actor_a_id and pair_topics.actor_b_id = pair_events.actor_b_id
    left join pair_places
      on pair_places.actor_a_id = pair_events.actor_a_id and pair_places.actor_b_id = pair_events.actor_b_id
    order by pair_events.n_events desc, pair_events.n_forum_events desc, pair_events.first_date, pair_events.actor_a_id, pair_events.actor_b_id
)

select * from actor_cooperation
