-- One row per actor: who they are, how often the articles name them, and their events over
-- time. An organisation's events include those of its units and of the people acting for
-- it (through actor_rollup), so Polri's profile covers Divhubinter's meetings;
-- n_direct_events counts only the events naming the actor itself.

-- columns:
--   actor_id: The actor (actors.actor_id).
--   name: The actor's name.
--   actor_type: person, organization, country or group.
--   country_code: Country (ISO alpha-3) of the actor.
--   parent_actor_id: Organisation the actor is a unit of.
--   rollup_actor_id: Top organisation the actor counts for (actor_rollup).
--   rollup_name: Name of that organisation.
--   aliases: Every name the actor goes by.
--   n_mentions: Times the articles name the actor.
--   n_documents: Documents that name the actor.
--   n_events: Events of the actor, including those of its units and of the people acting for it.
--   n_direct_events: Events naming the actor itself.
--   first_date: Start of the actor's first dated event.
--   last_date: End of the actor's last dated event.
--   event_types: Types of the actor's events.
--   roles: Roles the actor played (participant, host, speaker, suspect, ...).
--   topics: Topics of the actor's events.
--   places: Places of the actor's events.
--   cooperation_partners: Parties the actor cooperated with (actor_cooperation).
--   events_over_time: The actor's events in date order, as 'YYYY-MM-DD event_type' ('undated' when there is no start).

with

actor_event_links as (
    -- the actor named in the event, and the organisation it rolls up to, both take part
    select event_participants.event_id, event_participants.actor_id, event_participants.role, true as is_direct
    from event_participants
    union all
    select event_participants.event_id, actor_rollup.rollup_actor_id, event_participants.role, false as is_direct
    from event_participants
    join actor_rollup on actor_rollup.actor_id = event_participants.actor_id
    where actor_rollup.rollup_actor_id <> event_participants.actor_id
),

actor_events as (
    select
        actor_event_links.actor_id,
        events.event_id,
        events.document_id,
        events.event_type,
        events.date_start,
        events.date_end,
        events.date_precision,
        bool_or(actor_event_links.is_direct) as is_direct,
        list(distinct actor_event_links.role order by actor_event_links.role) as roles
    from actor_event_links
    join events on events.event_id = actor_event_links.event_id
    group by all
),

event_lines as (
    -- a readable line per event, e.g. "2025-04-07 meeting", in date order
    select
        actor_events.actor_id,
        count(distinct actor_events.event_id) as n_events,
        count(distinct actor_events.event_id) filter (where actor_events.is_direct) as n_direct_events,
        min(actor_events.date_start) filter (where actor_events.date_precision <> 'vague') as first_date,
        max(coalesce(actor_events.date_end, actor_events.date_start))
            filter (where actor_events.date_precision <> 'vague') as last_date,
        list(distinct actor_events.event_type order by actor_events.event_type) as event_types,
        list(
            coalesce(strftime(actor_events.date_start, '%Y-%m-%d'), 'undated') || ' ' || actor_events.event_type
            order by actor_events.date_start nulls last, actor_events.event_id
        ) as events_over_time
    from actor_events
    group by actor_events.actor_id
),

actor_roles as (
    select actor_id, list(distinct role order by role) as roles
    from (select actor_id, unnest(roles) as role from actor_events)
    group by actor_id
),

actor_topics as (
    select actor_events.actor_id, list(distinct event_topics.topic order by event_topics.topic) as topics
    from actor_events
    join event_topics on event_topics.event_id = actor_events.event_id
    group by actor_events.actor_id
),

actor_places as (
    select actor_events.actor_id, list(distinct locations.name order by locations.name) as places
    from actor_events
    join event_locations on event_locations.event_id = actor_events.event_id
    join locations on locations.location_id = event_locations.location_id
    group by actor_events.actor_id
),

partner_links as (
    select actor_a_id as actor_id, actor_b as partner, n_events from actor_cooperation
    union all
    select actor_b_id as actor_id, actor_a as partner, n_events from actor_cooperation
),

actor_partners as (
    select actor_id, list(partner order by n_events desc, partner) as cooperation_partners
    from partner_links
    group by actor_id
),

mention_counts as (
    select actor_id, count(*) as n_mentions, count(distinct document_id) as n_documents
    from actor_mentions
    group by actor_id
),

alias_lists as (
    select actor_id, list(distinct alias order by alias) as aliases
    from actor_aliases
    group by actor_id
),

actor_profile as (
    select
        actors.actor_id,
        actors.name,
        actors.actor_type,
        actors.country_code,
        actors.parent_actor_id,
        actor_rollup.rollup_actor_id,
        actor_rollup.rollup_name,
        coalesce(alias_lists.aliases, []) as aliases,
        coalesce(mention_counts.n_mentions, 0) as n_mentions,
        coalesce(mention_counts.n_documents, 0) as n_documents,
        coalesce(event_lines.n_events, 0) as n_events,
        coalesce(event_lines.n_direct_events, 0) as n_direct_events,
        event_lines.first_date,
        event_lines.last_date,
        coalesce(event_lines.event_types, []) as event_types,
        coalesce(actor_roles.roles, []) as roles,
        coalesce(actor_topics.topics, []) as topics,
        coalesce(actor_places.places, []) as places,
        coalesce(actor_partners.cooperation_partners, []) as cooperation_partners,
        coalesce(event_lines.events_over_time, []) as events_over_time
    from actors
    left join actor_rollup on actor_rollup.actor_id = actors.actor_id
    left join alias_lists on alias_lists.actor_id = actors.actor_id
    left join mention_counts on mention_counts.actor_id = actors.actor_id
    left join event_lines on event_lines.actor_id = actors.actor_id
    left join actor_roles on actor_roles.actor_id = actors.actor_id
    left join actor_topics on actor_topics.actor_id = actors.actor_id
    left join actor_places on actor_places.actor_id = actors.actor_id
    left join actor_partners on actor_partners.actor_id = actors.actor_id
    order by n_events desc, n_mentions desc, actors.actor_id
)

select * from actor_profile
