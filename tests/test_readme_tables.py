"""README's "Tables" section lists each warehouse table's columns as
pipelines/warehouse/schema.py defines them: the schema module is the one column list, and
the README table is checked against it rather than kept in step by hand."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipelines.warehouse.schema import INTERNAL_TABLES, TABLES, columns

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_tables() -> dict[str, list[str]]:
    """table name -> the columns its row of README's "Tables" section lists, notes in
    parentheses dropped ("country_code (ISO alpha-3)" is country_code); views left out, and
    rows that describe tables in words ("actor_sightings, location_sightings") give []."""
    section = README.read_text(encoding="utf-8").split("\n## Tables\n", 1)[1].split("\n## ", 1)[0]
    listed = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("table", "---") or "(view)" in cells[0]:
            continue
        without_notes = re.sub(r"\([^()]*\)", "", cells[2])
        named = [column.strip() for column in without_notes.split(",")]
        for name in cells[0].split(","):
            listed[name.strip()] = named if all(re.fullmatch(r"\w+", column) for column in named) else []
    return listed


def test_readme_lists_every_table_analysts_query():
    assert sorted(set(TABLES) - INTERNAL_TABLES - set(readme_tables())) == []


@pytest.mark.parametrize("table", sorted(set(TABLES) - INTERNAL_TABLES))
def test_readme_columns_are_the_schema_columns(table):
    assert readme_tables()[table] == columns(table)


def test_bookkeeping_tables_the_readme_lists_have_the_schema_columns():
    listed = {name: named for name, named in readme_tables().items() if name in INTERNAL_TABLES and named}
    assert listed, "README lists no bookkeeping table's columns"
    assert listed == {name: columns(name) for name in listed}
