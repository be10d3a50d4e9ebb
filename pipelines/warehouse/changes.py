"""What a run changed in a table, by key: rows added and removed since before the write.

Counts alone hide an edit (one event gone, one new: the same total), so the keys are
compared: an edited article whose "penangkapan" event became a "penggerebekan" shows as
one event removed and one added.
"""
from __future__ import annotations

KEYS = {
    "events": ("event_id",),
    "actor_cooperation": ("actor_a_id", "actor_b_id"),
    "country_cooperation": ("country_a", "country_b"),
}


def keys(conn, table: str) -> set[tuple]:
    """The key of every row of `table` (empty when the table does not exist yet)."""
    exists = conn.execute(
        "select count(*) from information_schema.tables where table_schema = 'main' and table_name = ?", [table]
    ).fetchone()[0]
    if not exists:
        return set()
    columns = ", ".join(f'"{column}"' for column in KEYS[table])
    return set(conn.execute(f'select {columns} from "{table}"').fetchall())


def change_metadata(before: set[tuple], after: set[tuple]) -> dict[str, int]:
    """`rows_added`, `rows_removed`: the run metadata the UI shows and `linimasa run` sums up."""
    return {"rows_added": len(after - before), "rows_removed": len(before - after)}
