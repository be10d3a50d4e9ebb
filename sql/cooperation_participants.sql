-- The parties to cooperation-type events, each counted as the organisation it rolls up to.
-- One row per event and party. Victims, suspects and targets are the object of an event,
-- not a party cooperating in it, so they are left out; a rescue therefore counts only
-- when two or more parties carry it out together.
-- is_multilateral marks events whose parties come from three or more countries (a
-- regional conference), so pair views can tell a forum from a two-country contact.
-- Countries are counted from the organisations and people taking part, not from country
-- names: a story often names the countries a case touches ("korban dari Kamboja dan
-- Myanmar") without those states joining a two-police meeting.
with

cooperation_types as (
    select * from (values
        ('meeting'), ('visit'), ('agreement'), ('cooperation'),
        ('deportation'), ('repatriation'), ('rescue')
    ) as t (event_type)
),

object_roles as (
    select * from (values
        ('victim'), ('suspect'), ('target'), ('perpetrator'), ('detainee'), ('deceased'), ('subject')
    ) as t (role)
),

cooperation_events as (
    select
        events.event_id, events.document_id, events.event_type,
        events.date_start, events.date_end, events.date_precision
    from events
    join cooperation_types on cooperation_types.event_type = events.event_type
),

parties as (
    select distinct
        cooperation_events.event_id,
        cooperation_events.document_id,
        cooperation_events.event_type,
        cooperation_events.date_start,
        cooperation_events.date_end,
        cooperation_events.date_precision,
        actor_rollup.rollup_actor_id as actor_id,
        actor_rollup.rollup_name as actor_name,
        actor_rollup.rollup_type as actor_type,
        actor_rollup.rollup_country_code as country_code
    from cooperation_events
    join event_participants on event_participants.event_id = cooperation_events.event_id
    join actor_rollup on actor_rollup.actor_id = event_participants.actor_id
    where coalesce(lower(event_participants.role), '') not in (select role from object_roles)
),

joint_events as (
    select
        event_id,
        count(distinct actor_id) as n_event_parties,
        count(distinct country_code) filter (where actor_type <> 'country') as n_event_countries
    from parties
    group by event_id
    having count(distinct actor_id) >= 2
),

joint_parties as (
    select
        parties.*,
        joint_events.n_event_parties,
        joint_events.n_event_countries,
        joint_events.n_event_countries >= 3 as is_multilateral
    from parties
    join joint_events on joint_events.event_id = parties.event_id
)

select * from joint_parties
