-- Every actor with the party it counts for in cooperation analysis.
-- Organisations climb parent_actor_id to their top organisation (Divhubinter counts for
-- Polri); persons count for the organisation they act for (affiliation_id, else their
-- parent_actor_id), rolled up the same way; everyone else counts for themselves.

-- columns:
--   actor_id: The actor (actors.actor_id).
--   name: The actor's name.
--   actor_type: person, organization, country or group.
--   country_code: Country (ISO alpha-3) of the actor.
--   rollup_actor_id: Top organisation the actor counts for; the actor itself when it has none.
--   rollup_name: Name of that organisation.
--   rollup_type: Actor type of that organisation.
--   rollup_country_code: Country (ISO alpha-3) of that organisation.
--   rollup_depth: Steps climbed to reach it (0: the actor counts for itself).

with recursive

actors_with_affiliation as (
    -- affiliation_id is optional in the actors table: union by name supplies it as null when absent
    select * from actors
    union all by name
    select null::varchar as actor_id, null::varchar as affiliation_id where false
),

starting_points as (
    -- an affiliation or parent missing from actors is ignored rather than followed
    select
        person.actor_id,
        case
            when person.actor_type = 'person' then coalesce(affiliation.actor_id, parent.actor_id, person.actor_id)
            else person.actor_id
        end as start_id
    from actors_with_affiliation as person
    left join actors as affiliation on affiliation.actor_id = person.affiliation_id
    left join actors as parent on parent.actor_id = person.parent_actor_id
),

organisation_parents as (
    select child.actor_id, child.parent_actor_id
    from actors as child
    join actors as parent on parent.actor_id = child.parent_actor_id
    where child.actor_type = 'organization'
      and parent.actor_type = 'organization'
      and child.parent_actor_id <> child.actor_id
),

climb (actor_id, ancestor_id, depth) as (
    select actor_id, start_id, 0
    from starting_points
    union all
    select climb.actor_id, organisation_parents.parent_actor_id, climb.depth + 1
    from climb
    join organisation_parents on organisation_parents.actor_id = climb.ancestor_id
    -- a parent cycle in the reference data must not loop forever
    where climb.depth < 12
),

top_ancestor as (
    select actor_id, arg_max(ancestor_id, (depth, ancestor_id)) as rollup_actor_id, max(depth) as rollup_depth
    from climb
    group by actor_id
),

rolled_up as (
    select
        actor.actor_id,
        actor.name,
        actor.actor_type,
        actor.country_code,
        top_ancestor.rollup_actor_id,
        coalesce(rollup.name, actor.name) as rollup_name,
        coalesce(rollup.actor_type, actor.actor_type) as rollup_type,
        coalesce(rollup.country_code, actor.country_code) as rollup_country_code,
        top_ancestor.rollup_depth
    from actors as actor
    join top_ancestor on top_ancestor.actor_id = actor.actor_id
    left join actors as rollup on rollup.actor_id = top_ancestor.rollup_actor_id
)

select * from rolled_up
order by actor_id
