"""Warehouse assets: the actor and place dimensions every event points to."""

import pandas as pd
from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from pipelines.warehouse.dimensions import rebuild_dimensions
from pipelines.warehouse.metadata import table_metadata
from pipelines.warehouse.resource import WRITER_POOL, WarehouseResource
from pipelines.warehouse.schema import create_tables

SEED_ACTOR_COLUMNS = ["actor_id", "name", "actor_type", "country_code", "parent_actor_id", "affiliation_id", "no_country_reason"]
DIMENSIONS = {
    "actors": "One row per actor (person, organisation, country, group) across all documents: the reference seeds plus every actor the text taught, with country and parent organisation.",
    "actor_aliases": "Every name an actor goes by (seed aliases, acronyms defined in the text, names used in stories), with why it is that actor's and in how many documents.",
    "actor_titles": "Who held which title when: each person's titles with the body, first and last day seen and the number of documents.",
    "locations": "Every place mentioned, from the gazetteer or found in the text, with country (ISO alpha-3), coordinates and feature type.",
}


@multi_asset(
    specs=[
        AssetSpec(
            table,
            group_name="warehouse",
            kinds={"python", "duckdb"},
            description=description,
            # The sightings come from the step that also writes actor_mentions and event_participants,
            # whose actor_id the merge across stories rewrites: this runs after all of them.
            deps=["actor_sightings", "location_sightings"],
        )
        for table, description in DIMENSIONS.items()
    ],
    pool=WRITER_POOL,
)
def dimensions(context: AssetExecutionContext, duckdb: WarehouseResource):
    """Rebuild actors, actor_aliases and locations from per-document sightings and the reference seeds."""
    seed_actors, seed_aliases = seed_actor_frames()
    with duckdb.get_connection() as conn:
        create_tables(conn, ["documents", "actor_sightings", "actor_mentions", "events", "event_participants",
                             "event_locations", "event_topics",
                             "location_sightings", *DIMENSIONS])
        rebuild_dimensions(conn, seed_actors, seed_aliases)
        results = [
            MaterializeResult(asset_key=table, metadata=table_metadata(conn, table, order_by="1"))
            for table in DIMENSIONS
        ]
    yield from results


def seed_actor_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every reference actor (seeds/actors.csv, countries.csv) and its aliases, as frames for the merge."""
    from pipelines.language.entities.catalog import catalog

    actors = catalog().actors.values()
    seed_actors = pd.DataFrame(
        [{column: getattr(actor, column, None) for column in SEED_ACTOR_COLUMNS} for actor in actors],
        columns=SEED_ACTOR_COLUMNS,
    ).astype("object")
    seed_aliases = pd.DataFrame(
        [{"actor_id": actor.actor_id, "alias": alias} for actor in actors for alias in actor.aliases],
        columns=["actor_id", "alias"],
    ).astype("object")
    return seed_actors, seed_aliases
