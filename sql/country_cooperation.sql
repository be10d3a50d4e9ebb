-- Cooperation at country level: unordered pairs of distinct countries (country_a < country_b)
-- whose parties take part together in cooperation-type events. A party's country is that
-- of the organisation it rolls up to; pairs within one country are left out, and so are
-- parties with no known country. Country-type parties ("Kamboja" as a party) count here
-- unless the bodies taking part already make it a two-country event (counts_for_country in
-- cooperation_participants).
-- A dyad means direct contact, as in event data (GDELT, PLOVER): n_events, first_date,
-- last_date, event_types, topics and places describe the events where the two countries met
-- directly, i.e. events that are not multilateral (three or more countries, a regional forum).
-- Sharing a forum goes to n_forum_events, first_forum_date and last_forum_date; pairs that
-- only ever shared forums stay in the view with n_events = 0 and no first_date.
-- Vague-dated events count but set no dates. n_documents and event_ids cover every event.

-- columns:
--   country_a: The country (ISO alpha-3) that sorts first; pairs are stored once.
--   country_b: The country that sorts second.
--   n_events: Cooperation events where the two countries met directly (not at a multilateral forum).
--   first_date: Start of their first direct contact; vague dates never set it.
--   last_date: End of their last direct contact.
--   event_types: Types of their direct contacts.
--   topics: Topics of their direct contacts.
--   places: Places of their direct contacts.
--   n_forum_events: Multilateral events both countries took part in.
--   first_forum_date: Start of the first forum they shared.
--   last_forum_date: End of the last forum they shared.
--   n_documents: Documents reporting any event of the pair, forums included.
--   event_ids: Every event of the pair, forums included.
--   country_a_name: Name of country a.
--   country_b_name: Name of country b.

with

country_parties as (
    select distinct
        event_id, document_id, event_type, date_start, date_end, date_precision, is_multilateral, country_code,
        side, has_counterpart, bool_or(in_report) over (partition by event_id, country_code) as in_report
    from cooperation_participants
    where counts_for_country
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
        a.country_code as country_a,
        b.country_code as country_b
    from country_parties as a
    join country_parties as b
      on b.event_id = a.event_id
     and a.country_code < b.country_code
     -- across the sides of a direct contact, or agents named together in a reporting sentence
     -- that names no partner or host; a forum joins everyone in it (cooperation_participants)
     and (a.side <> b.side or (a.side = 'agent' and a.in_report and b.in_report and not a.has_counterpart)
          or a.is_multilateral)
),

pair_topics as (
    select pairs.country_a, pairs.country_b, list(distinct event_topics.topic order by event_topics.topic) as topics
    from pairs
    join event_topics on event_topics.event_id = pairs.event_id
    where not pairs.is_multilateral
    group by all
),

pair_places as (
    select pairs.country_a, pairs.country_b, list(distinct locations.name order by locations.name) as places
    from pairs
    join event_locations on event_locations.event_id = pairs.event_id
    join locations on locations.location_id = event_locations.location_id
    where not pairs.is_multilateral
    group by all
),

country_names as (
    -- the name of the country-type actor carrying the code, where the reference data has one
    select country_code, min(name) as country_name
    from actors
    where actor_type = 'country' and country_code is not null
    group by country_code
),

pair_events as (
    select
        country_a,
        country_b,
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
    group by country_a, country_b
),

country_cooperation as (
    select
        pair_events.country_a,
        pair_events.country_b,
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
        pair_events.event_ids,
        name_a.country_name as country_a_name,
        name_b.country_name as country_b_name
    from pair_events
    left join country_names as name_a on name_a.country_code = pair_events.country_a
    left join country_names as name_b on name_b.country_code = pair_events.country_b
    left join pair_topics
      on pair_topics.country_a = pair_events.country_a and pair_topics.country_b = pair_events.country_b
    left join pair_places
      on pair_places.country_a = pair_events.country_a and pair_places.country_b = pair_events.country_b
    order by pair_events.n_events desc, pair_events.n_forum_events desc, pair_events.first_date, pair_events.country_a, pair_events.country_b
)

select * from country_cooperation
