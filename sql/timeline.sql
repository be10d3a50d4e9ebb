-- What happened, when, in order: one row per event with its places, parties and source.
-- Order: by date (the start of the event's date range), then by precision (a day before a
-- week, a month, ... so a dated event comes before a vaguer one that starts the same day),
-- then by document and position in the document.
-- Vague-dated events ("baru-baru ini") have no start; they sit at their upper bound, the
-- date they are known to precede (date_end, else their document's anchor or publication
-- date), after the dated events of that day; date_label says "on or before ..." or
-- "undated, reported ...".
-- Keeping them beside the story that reports them reads better than a pile at the end.
-- date_source says where each date came from (docs/time.md): a "publication" date only
-- means nothing in the text dated the statement.

-- columns:
--   timeline_position: Place of the event on the timeline, from 1: by date, then precision, then document and position.
--   event_id: The event (events.event_id).
--   sort_date: Date the event is ordered by: date_start, or for a vague date the date it is known to precede.
--   date_start: First day of the event's date range; empty for a vague date.
--   date_end: Last day of the event's date range.
--   date_precision: How fine the date is: day, week, month, quarter, half, year, decade or vague.
--   date_label: The date as people read it ('7–13 April 2025', 'on or before 14 April 2025').
--   date_source: Where the date came from: clause, attribution, reference_time or publication (docs/time.md).
--   event_type: What happened: meeting, visit, agreement, arrest, rescue, ... (events.event_type).
--   cameo_code: CAMEO code of the event type.
--   summary: The evidence sentence, exactly as in the article.
--   trigger: The word that signals the event ('menangkap', 'bertemu').
--   places: Names of the event's places, in the order the text names them.
--   place_ids: Ids of those places (loc:...), in the same order.
--   place_countries: Countries (ISO alpha-3) of those places, in the same order.
--   participants: Names of the actors taking part.
--   participant_ids: Ids of the actors taking part, in the same order.
--   topics: Crime and cooperation topics of the event.
--   document_id: Document the event comes from.
--   title: Headline of the article.
--   url: Address of the article online.
--   source: Publisher of the article.
--   published_at: When the article was published.
--   evidence_start: Start offset of the evidence sentence into documents.body, end exclusive.
--   evidence_end: End offset of the evidence sentence into documents.body (exclusive).

with

precision_order as (
    select * from (values
        ('day', 0), ('week', 1), ('month', 2), ('quarter', 3), ('half', 4),
        ('year', 5), ('decade', 6), ('vague', 7)
    ) as t (date_precision, precision_rank)
),

event_place_rows as (
    -- one row per event and place, at its first mention, so places read in text order
    select
        event_locations.event_id,
        locations.location_id,
        locations.name,
        locations.country_code,
        min(event_locations.char_start) as first_start
    from event_locations
    join locations on locations.location_id = event_locations.location_id
    group by all
),

event_places as (
    select
        event_id,
        list(name order by first_start nulls last, name, location_id) as places,
        list(location_id order by first_start nulls last, name, location_id) as place_ids,
        list(distinct country_code order by country_code)
            filter (where country_code is not null) as place_countries
    from event_place_rows
    group by event_id
),

event_parties as (
    select
        event_participants.event_id,
        list(
            actors.name || ' (' || coalesce(event_participants.role, 'participant') || ')'
            order by event_participants.char_start nulls last, actors.name, actors.actor_id, event_participants.role
        ) as participants,
        list(actors.actor_id order by event_participants.char_start nulls last, actors.name, actors.actor_id, event_participants.role)
            as participant_ids
    from event_participants
    join actors on actors.actor_id = event_participants.actor_id
    group by event_participants.event_id
),

event_topic_lists as (
    select event_id, list(distinct topic order by topic) as topics
    from event_topics
    group by event_id
),

placed_events as (
    select
        events.*,
        coalesce(
            events.date_start, events.date_end, documents.anchor_date, cast(documents.published_at as date)
        ) as sort_date,
        coalesce(precision_order.precision_rank, 8) as precision_rank,
        case
            when events.date_start is null and events.date_end is null
                then 'undated, reported ' || coalesce(
                    strftime(documents.anchor_date, '%Y-%m-%d'), strftime(documents.published_at, '%Y-%m-%d'), '?')
            when events.date_start is null then 'on or before ' || strftime(events.date_end, '%Y-%m-%d')
            when events.date_end is null or events.date_end = events.date_start
                then strftime(events.date_start, '%Y-%m-%d')
            else strftime(events.date_start, '%Y-%m-%d') || ' – ' || strftime(events.date_end, '%Y-%m-%d')
        end as date_label,
        documents.title,
        documents.url,
        documents.source,
        documents.published_at
    from events
    join documents on documents.document_id = events.document_id
    left join precision_order on precision_order.date_precision = events.date_precision
),

timeline as (
    select
        row_number() over (
            order by placed_events.sort_date nulls last, placed_events.precision_rank,
                placed_events.document_id, placed_events.char_start, placed_events.event_id
        ) as timeline_position,
        placed_events.event_id,
        placed_events.sort_date,
        placed_events.date_start,
        placed_events.date_end,
        placed_events.date_precision,
        placed_events.date_label,
        -- clause / attribution / reference_time / publication: how far to trust the date
        placed_events.date_source,
        placed_events.event_type,
        placed_events.cameo_code,
        placed_events.summary,
        placed_events.trigger,
        coalesce(event_places.places, []) as places,
        coalesce(event_places.place_ids, []) as place_ids,
        coalesce(event_places.place_countries, []) as place_countries,
        coalesce(event_parties.participants, []) as participants,
        coalesce(event_parties.participant_ids, []) as participant_ids,
        coalesce(event_topic_lists.topics, []) as topics,
        placed_events.document_id,
        placed_events.title,
        placed_events.url,
        placed_events.source,
        placed_events.published_at,
        placed_events.char_start as evidence_start,
        placed_events.char_end as evidence_end
    from placed_events
    left join event_places on event_places.event_id = placed_events.event_id
    left join event_parties on event_parties.event_id = placed_events.event_id
    left join event_topic_lists on event_topic_lists.event_id = placed_events.event_id
    order by timeline_position
)

select * from timeline
