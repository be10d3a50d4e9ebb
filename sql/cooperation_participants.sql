-- The parties to cooperation-type events, each counted as the organisation it rolls up to.
-- One row per event and party. Only the sides of a cooperation count (event_participants.role
-- agent, partner or host, read from the sentence: "Polri bertemu dengan PNP"): victims,
-- suspects and targets are its object, a framework ("di bawah kerangka ASEANAPOL") is the
-- arrangement it happens under, and whoever is merely mentioned (a commentator, a country
-- named in passing, a body in an officer's title) took no part. A rescue therefore counts
-- only when two or more parties carry it out together.
-- is_multilateral marks events whose parties come from three or more countries (a
-- regional conference), so pair views can tell a forum from a two-country contact.
-- A story often names the countries a case touches ("korban dari Kamboja dan Myanmar")
-- without those states joining the meeting of two police forces. So when the bodies taking
-- part (organisations, people) come from exactly two countries, the event is between those
-- two, and country-type parties do not add to it. Otherwise country-type parties count: as
-- the counterpart of one country's bodies ("Polri bertemu otoritas Kamboja"), as the parties
-- themselves ("Indonesia dan Kamboja sepakat ..."), or as delegations listed at a forum.
-- counts_for_country marks the rows that speak for a country.
-- side and has_counterpart tell who met whom: in "Nguyen Phu Trong menemui pimpinan MPR, DPR
-- dan DPD" the three bodies are all on the side that was met, and met each other no more
-- than any three hosts do. Two parties pair when they are on different sides, or both
-- agents named together in the sentence that reports the event when it names no partner or
-- host (in_report, has_counterpart: "Polri dan PNP menandatangani ..."; but in "X dan Y
-- mengunjungi Z" X and Y came together, they did not meet each other). Agents gathered from
-- later sentences of a story are often the subjects of other meetings the story tells.

-- columns:
--   event_id: The cooperation-type event.
--   document_id: Document the event comes from.
--   event_type: meeting, visit, agreement, cooperation, deportation, repatriation or rescue.
--   date_start: First day of the event's date range.
--   date_end: Last day of the event's date range.
--   date_precision: How fine the date is.
--   actor_id: The party, as the organisation it rolls up to.
--   actor_name: Name of the party.
--   actor_type: Actor type of the party.
--   country_code: Country (ISO alpha-3) of the party.
--   counts_for_country: True when the row speaks for a country in country_cooperation.
--   n_event_parties: Parties of the event.
--   n_event_countries: Countries of the event's parties.
--   is_multilateral: True when the parties come from three or more countries (a forum).
--   side: agent (the subject of the event word) or counterpart (its partner or host).
--   in_report: True when the party is named in the sentence that reports the event.
--   has_counterpart: True when that sentence names a partner or host of the event.
--   body_id: The body the party stands for in pairing: the body its officer's title names, else the party itself.

with

cooperation_types as (
    select * from (values
        ('meeting'), ('visit'), ('agreement'), ('cooperation'),
        ('deportation'), ('repatriation'), ('rescue')
    ) as t (event_type)
),

cooperating_roles as (
    select * from (values ('agent'), ('partner'), ('host')) as t (role)
),

cooperation_events as (
    -- only what the text says happened or is happening: a planned signing ("akan
    -- menandatangani"), a hypothetical meeting ("jika bertemu") or a suspended cooperation
    -- ("menghentikan kerja sama") is no cooperation (events.modality)
    select
        events.event_id, events.document_id, events.event_type,
        events.date_start, events.date_end, events.date_precision,
        events.char_start as sentence_start, events.char_end as sentence_end
    from events
    join cooperation_types on cooperation_types.event_type = events.event_type
    where events.modality in ('asserted', 'ongoing')
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
        actor_rollup.rollup_country_code as country_code,
        -- the two sides of the event: the agents, and the partners or hosts they act with
        case when lower(event_participants.role) = 'agent' then 'agent' else 'counterpart' end as side,
        event_participants.title,
        -- named in the sentence that reports the event (not only in a later one)
        coalesce(event_participants.char_start >= cooperation_events.sentence_start
                 and event_participants.char_end <= cooperation_events.sentence_end, false) as in_report
    from cooperation_events
    join event_participants on event_participants.event_id = cooperation_events.event_id
    join actor_rollup on actor_rollup.actor_id = event_participants.actor_id
    where lower(event_participants.role) in (select role from cooperating_roles)
),

body_countries as (
    select event_id, count(distinct country_code) as n_body_countries
    from parties
    where actor_type <> 'country' and country_code is not null
    group by event_id
),

country_voices as (
    select
        parties.*,
        parties.country_code is not null
            and (parties.actor_type <> 'country' or coalesce(body_countries.n_body_countries, 0) <> 2)
            as counts_for_country
    from parties
    left join body_countries on body_countries.event_id = parties.event_id
),

joint_events as (
    select
        event_id,
        count(distinct actor_id) as n_event_parties,
        count(distinct country_code) filter (where counts_for_country) as n_event_countries
    from country_voices
    group by event_id
    having count(distinct actor_id) >= 2
),

title_words as (
    -- the last one and two words of a person's title name the body they serve, if any
    -- ("Sekjen Golkar" -> Golkar, "Ketua DPR RI" -> DPR RI)
    select distinct event_id, actor_id, lower(regexp_extract(title, '(\S+)$', 1)) as words
    from parties where title is not null
    union
    select distinct event_id, actor_id, lower(regexp_extract(title, '(\S+\s+\S+)$', 1)) as words
    from parties where title is not null
),

title_bodies as (
    select title_words.event_id, title_words.actor_id, min(actor_rollup.rollup_actor_id) as member_of
    from title_words
    join actor_aliases on lower(actor_aliases.alias) = title_words.words
    join actors on actors.actor_id = actor_aliases.actor_id and actors.actor_type = 'organization'
    join actor_rollup on actor_rollup.actor_id = actor_aliases.actor_id
    where title_words.words <> ''
    group by all
),

event_sides as (
    select event_id, bool_or(side = 'counterpart' and in_report) as has_counterpart
    from parties
    group by event_id
),

joint_parties as (
    select
        country_voices.*,
        joint_events.n_event_parties,
        joint_events.n_event_countries,
        joint_events.n_event_countries >= 3 as is_multilateral,
        event_sides.has_counterpart,
        -- the body a party belongs to: itself, or the body its title names; two parties of one
        -- body never pair ("Sekjen Golkar Idrus Marham" with Golkar or with "Ketum Golkar ...")
        coalesce(title_bodies.member_of, country_voices.actor_id) as body_id
    from country_voices
    join joint_events on joint_events.event_id = country_voices.event_id
    join event_sides on event_sides.event_id = country_voices.event_id
    left join title_bodies
      on title_bodies.event_id = country_voices.event_id and title_bodies.actor_id = country_voices.actor_id
)

select distinct * exclude (title) from joint_parties
order by event_id, actor_id
