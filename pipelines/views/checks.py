"""Data checks on the warehouse tables the views read.

Each check is a query for the rows that break one rule; it passes when there are none,
and shows how many rows it looked at, how many break the rule, and a sample of them.
Blocking checks guard rules whose breach would make the views mislead (an event with no
type, a date range running backwards, evidence offsets pointing at the wrong text, a
participant of an event that does not exist, a duplicated event counted twice): when one
fails, Dagster does not build the views downstream, and analysts keep the last good ones.
"""

from dataclasses import dataclass

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.views.assets import WRITER_POOL
from pipelines.warehouse.metadata import markdown_table

SAMPLE_ROWS = 10

def known_event_types() -> tuple[str, ...]:
    """The event type vocabulary (seeds/event_plover.csv), plus any type an analyst introduced
    in seeds/event_triggers.csv: extending the reference data must not make the checks block
    the views."""
    from pipelines.language.events.cues import event_types
    from pipelines.language.seeds import read_seed

    seeded = {row.get("event_type", "") for row in read_seed("event_triggers")}
    return tuple(sorted(set(event_types()) | (seeded - {"", "none"})))


DATE_PRECISIONS = ("day", "week", "month", "quarter", "half", "year", "decade", "vague")
DATE_SOURCES = ("clause", "attribution", "reference_time", "publication")
MODALITIES = ("asserted", "negated", "hypothetical", "planned", "ongoing", "suspended", "reported")


def _sql_list(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


def _slice_mismatch_sql(table: str) -> str:
    """Mentions whose [char_start, char_end) in their document's body is not their surface."""
    return f"""
        select m.mention_id, m.document_id, m.char_start, m.char_end, m.surface,
               substring(d.body, m.char_start + 1, m.char_end - m.char_start) as body_slice
        from {table} as m
        left join documents as d on d.document_id = m.document_id
        where d.document_id is null
           or m.char_start is null or m.char_end is null
           or m.char_start < 0 or m.char_end > length(d.body) or m.char_end < m.char_start
           or substring(d.body, m.char_start + 1, m.char_end - m.char_start) is distinct from m.surface
    """


@dataclass(frozen=True)
class RowCheck:
    """A rule on `asset`'s rows: `offending_sql` selects the rows that break it."""

    name: str
    asset: str
    description: str
    offending_sql: str
    reads: tuple[str, ...] = ()
    blocking: bool = True
    severity: dg.AssetCheckSeverity = dg.AssetCheckSeverity.ERROR
    count_table: str | None = None  # the table whose rows are checked, when not `asset`

    @property
    def counts(self) -> str:
        return self.count_table or self.asset


ROW_CHECKS: tuple[RowCheck, ...] = (
    RowCheck(
        "events_have_type_and_precision", "events",
        "Every event has an event_type (from seeds/event_plover.csv or seeds/event_triggers.csv), a "
        "date_precision and a modality from the vocabulary, and a dated (non-vague) event has both ends of "
        "its date range.",
        f"""
        select event_id, document_id, event_type, date_precision, modality, date_start, date_end
        from events
        where event_type is null or event_type not in ({_sql_list(known_event_types())})
           or modality is null or modality not in ({_sql_list(MODALITIES)})
           or date_precision is null or date_precision not in ({_sql_list(DATE_PRECISIONS)})
           or (date_precision <> 'vague' and (date_start is null or date_end is null))
        """,
    ),
    RowCheck(
        "events_dates_in_order", "events",
        "Every event's date_start is on or before its date_end.",
        "select event_id, document_id, date_start, date_end, date_precision from events where date_start > date_end",
    ),
    RowCheck(
        "events_evidence_matches_body", "events",
        "Every event's summary is the slice [char_start, char_end) of its document's body, and its "
        "trigger the slice [trigger_start, trigger_end), so the evidence shown is the text it came from.",
        """
        select e.event_id, e.document_id, e.char_start, e.char_end, e.summary,
               substring(d.body, e.char_start + 1, e.char_end - e.char_start) as body_slice,
               e.trigger, substring(d.body, e.trigger_start + 1, e.trigger_end - e.trigger_start) as trigger_slice
        from events as e
        left join documents as d on d.document_id = e.document_id
        where d.document_id is null
           or e.char_start is null or e.char_end is null
           or e.char_start < 0 or e.char_end > length(d.body) or e.char_end < e.char_start
           or substring(d.body, e.char_start + 1, e.char_end - e.char_start) is distinct from e.summary
           or (e.trigger_start is not null and
               substring(d.body, e.trigger_start + 1, e.trigger_end - e.trigger_start) is distinct from e.trigger)
        """,
        reads=("documents",),
    ),
    RowCheck(
        "events_date_source_traceable", "events",
        "Every dated event says where its date came from (clause, attribution, reference_time or "
        "publication; see docs/time.md) and an undated one says nothing; a date from the text points at "
        "an existing date mention with the same interval ends, and only statements fall back to the "
        "publication day, which is then their document's anchor.",
        f"""
        select e.event_id, e.document_id, e.event_type, e.date_start, e.date_end, e.date_source,
               e.date_mention_id, d.anchor_date
        from events as e
        left join documents as d on d.document_id = e.document_id
        left join date_mentions as m on m.mention_id = e.date_mention_id
        where (e.date_start is null) <> (e.date_source is null)
           or e.date_source not in ({_sql_list(DATE_SOURCES)})
           or (e.date_source in ('clause', 'attribution', 'reference_time') and m.mention_id is null)
           or (e.date_source = 'publication' and (e.event_type <> 'statement' or e.date_mention_id is not null
                                                  or e.date_start is distinct from d.anchor_date))
        """,
        reads=("documents", "date_mentions"),
    ),
    RowCheck(
        "date_mentions_slice_back", "date_mentions",
        "Every date mention's offsets slice its document's body back to its surface text.",
        _slice_mismatch_sql("date_mentions"), reads=("documents",),
    ),
    RowCheck(
        "actor_mentions_slice_back", "actor_mentions",
        "Every actor mention's offsets slice its document's body back to its surface text.",
        _slice_mismatch_sql("actor_mentions"), reads=("documents",),
    ),
    RowCheck(
        "location_mentions_slice_back", "location_mentions",
        "Every location mention's offsets slice its document's body back to its surface text.",
        _slice_mismatch_sql("location_mentions"), reads=("documents",),
    ),
    RowCheck(
        "participants_not_orphaned", "event_participants",
        "Every participant row points at an existing event and an existing actor.",
        """
        select p.event_id, p.actor_id, p.role,
               e.event_id is null as missing_event, a.actor_id is null as missing_actor
        from event_participants as p
        left join events as e on e.event_id = p.event_id
        left join actors as a on a.actor_id = p.actor_id
        where e.event_id is null or a.actor_id is null
        """,
        reads=("actors",),
    ),
    RowCheck(
        "event_locations_not_orphaned", "event_locations",
        "Every event location row points at an existing event and an existing location.",
        """
        select el.event_id, el.location_id,
               e.event_id is null as missing_event, l.location_id is null as missing_location
        from event_locations as el
        left join events as e on e.event_id = el.event_id
        left join locations as l on l.location_id = el.location_id
        where e.event_id is null or l.location_id is null
        """,
        reads=("locations",),
    ),
    RowCheck(
        "event_topics_not_orphaned", "event_topics",
        "Every topic row points at an existing event.",
        """
        select t.event_id, t.topic
        from event_topics as t
        left join events as e on e.event_id = t.event_id
        where e.event_id is null or t.topic is null or trim(t.topic) = ''
        """,
    ),
    RowCheck(
        "actors_have_country_or_reason", "actors",
        "Every organisation and person has an ISO 3166-1 alpha-3 country_code, or a no_country_reason "
        "saying why not. Not blocking: an actor without a country makes no row wrong, it only drops "
        "out of country_cooperation, which says it leaves such parties out.",
        """
        select actor_id, name, actor_type, country_code, no_country_reason
        from actors
        where actor_type in ('organization', 'person')
          and (
            (nullif(trim(country_code), '') is null and nullif(trim(no_country_reason), '') is null)
            or (nullif(trim(country_code), '') is not null and not regexp_full_match(country_code, '[A-Z]{3}'))
          )
        """,
        blocking=False,
        severity=dg.AssetCheckSeverity.WARN,
    ),
    RowCheck(
        "actor_ids_unique", "actors",
        "Each actor_id appears once in actors: a repeated id would repeat its events' rows in every view.",
        """
        select actor_id, count(*) as n_rows, list(distinct name) as names
        from actors group by actor_id having count(*) > 1
        """,
    ),
    RowCheck(
        "location_ids_unique", "locations",
        "Each location_id appears once in locations: a repeated id would repeat places in the views.",
        """
        select location_id, count(*) as n_rows, list(distinct name) as names
        from locations group by location_id having count(*) > 1
        """,
    ),
    RowCheck(
        # On event_participants, the last of the tables it reads: a blocking check on events
        # that read event_participants would wait for that table's own checks, which wait
        # for events' checks, a cycle Dagster refuses.
        "no_duplicate_events", "event_participants",
        "No event_id repeats, and no document holds two events of the same type, dates, "
        "participants and places: a duplicate would be counted twice in every view.",
        """
        with participant_sets as (
            select event_id, string_agg(distinct actor_id, ',' order by actor_id) as actor_ids
            from event_participants group by event_id
        ),
        place_sets as (
            select event_id, string_agg(distinct location_id, ',' order by location_id) as location_ids
            from event_locations group by event_id
        ),
        keyed as (
            select e.event_id, e.document_id, e.event_type, e.date_start, e.date_end,
                   coalesce(p.actor_ids, '') as actor_ids, coalesce(l.location_ids, '') as location_ids
            from events as e
            left join participant_sets as p on p.event_id = e.event_id
            left join place_sets as l on l.event_id = e.event_id
        ),
        grouped as (
            select document_id, event_type, date_start, date_end, actor_ids, location_ids,
                   list(event_id order by event_id) as event_ids, count(*) as n
            from keyed
            group by all
            having count(*) > 1
            union all
            select any_value(document_id), 'repeated event_id', null, null, null, null,
                   list(event_id order by event_id), count(*)
            from events
            group by event_id
            having count(*) > 1
        )
        select * from grouped
        """,
        reads=("events", "event_locations"),
        count_table="events",
    ),
)


def _check_result(conn, check: RowCheck) -> dg.AssetCheckResult:
    total = conn.execute(f'select count(*) from "{check.counts}"').fetchone()[0]
    cursor = conn.execute(check.offending_sql)
    columns = [item[0] for item in cursor.description]
    offending = cursor.fetchall()
    metadata = {
        "rows_checked": total,
        "rows_offending": len(offending),
    }
    if offending:
        metadata["sample"] = dg.MetadataValue.md(markdown_table(columns, offending[:SAMPLE_ROWS]))
    return dg.AssetCheckResult(
        passed=not offending,
        severity=check.severity,
        metadata=metadata,
        description=check.description if not offending else f"{len(offending)} of {total} rows break: {check.description}",
    )


def _run_check(conn, check: RowCheck) -> dg.AssetCheckResult:
    try:
        result = _check_result(conn, check)
    except Exception as error:  # e.g. a table not built yet: report it, don't crash the run
        result = dg.AssetCheckResult(
            passed=False, severity=check.severity,
            metadata={"error": str(error)}, description=f"could not run: {error}",
        )
    return result._replace(asset_key=dg.AssetKey(check.asset), check_name=check.name)


def producing_step(asset: str) -> str:
    """The step that writes `asset` in the main job. Checks run in one step per writing step:
    a run has fewer steps that way, and a blocking check on date_mentions never waits for
    the events that are built from the date mentions (which would be a cycle)."""
    from pipelines.extract.assets import MENTION_AND_EVENT_TABLES
    from pipelines.warehouse.assets import DIMENSIONS

    if asset in MENTION_AND_EVENT_TABLES:
        return "mentions_and_events"
    if asset in DIMENSIONS:
        return "dimensions"
    return asset


def build_check_step(step: str, checks: list[RowCheck]) -> dg.AssetChecksDefinition:
    @dg.multi_asset_check(
        name=f"check_{step}",
        specs=[
            dg.AssetCheckSpec(
                name=check.name,
                asset=check.asset,
                description=check.description,
                blocking=check.blocking,
                additional_deps=[dg.AssetKey(name) for name in check.reads],
            )
            for check in checks
        ],
        pool=WRITER_POOL,
    )
    def _checks(duckdb: DuckDBResource):
        with duckdb.get_connection() as conn:
            results = [_run_check(conn, check) for check in checks]
        yield from results

    return _checks


def build_view_checks() -> list[dg.AssetChecksDefinition]:
    steps: dict[str, list[RowCheck]] = {}
    for check in ROW_CHECKS:
        steps.setdefault(producing_step(check.asset), []).append(check)
    return [build_check_step(step, checks) for step, checks in steps.items()]
