-- Event counts per calendar month and topic, for trend charts.
-- Only events dated to a day, week or month are binned: an event known only to its year
-- or quarter would otherwise pile up in that period's first month. Events without a topic
-- count under 'untagged' so the monthly totals stay honest.

-- columns:
--   month: First day of the calendar month.
--   topic: Topic of the events; 'untagged' for events without one.
--   n_events: Events of the topic dated within the month (to a day, week or month).
--   n_documents: Documents reporting those events.
--   event_types: Types of those events.

with

monthly_events as (
    select
        events.event_id,
        events.document_id,
        events.event_type,
        cast(date_trunc('month', events.date_start) as date) as month
    from events
    where events.date_start is not null
      and events.date_precision in ('day', 'week', 'month')
),

topic_events as (
    select
        monthly_events.*,
        coalesce(event_topics.topic, 'untagged') as topic
    from monthly_events
    left join event_topics on event_topics.event_id = monthly_events.event_id
),

monthly_topics as (
    select
        month,
        topic,
        count(distinct event_id) as n_events,
        count(distinct document_id) as n_documents,
        list(distinct event_type order by event_type) as event_types
    from topic_events
    group by month, topic
    order by month, topic
)

select * from monthly_topics
