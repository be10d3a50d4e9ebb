"""Every SQL example in the README's analyst guide (its "Ten questions") runs on the views and
answers its question."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from pipelines.analyst.query import run_query
from pipelines.views.assets import build_all_views

try:
    from tests.test_views_fixture import build_warehouse
except ImportError:  # tests/ run as a plain directory
    from test_views_fixture import build_warehouse

README = Path(__file__).resolve().parents[1] / "README.md"


def ten_questions() -> str:
    """The text of the `### Ten questions` section of the analyst guide, up to the next heading
    of its level or above."""
    text = README.read_text(encoding="utf-8")
    guide = re.search(r"^## Analyst guide\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert guide, "README.md has no '## Analyst guide' section"
    section = re.search(r"^### Ten questions\n(.*?)(?=^#{1,3} |\Z)", guide.group(1), flags=re.M | re.S)
    assert section, "the analyst guide has no '### Ten questions' section"
    return section.group(1)


def examples() -> dict[str, str]:
    """Question heading -> the first ```sql block under it."""
    found = {}
    for section in re.split(r"^#### ", ten_questions(), flags=re.M)[1:]:
        heading = section.splitlines()[0].strip()
        block = re.search(r"```sql\n(.*?)```", section, flags=re.S)
        if block:
            found[heading] = block.group(1)
    return found


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    path = tmp_path_factory.mktemp("guide") / "w.duckdb"
    with duckdb.connect(str(build_warehouse(path))) as conn:
        build_all_views(conn)
    return path


def test_the_guide_has_ten_questions_and_more():
    assert len(examples()) >= 10
    numbers = [heading.split(".")[0] for heading in examples() if heading[0].isdigit()]
    assert numbers == [str(number) for number in range(1, 11)]


@pytest.mark.parametrize("heading", list(examples()))
def test_example_runs_read_only(warehouse, heading):
    out = run_query(warehouse, examples()[heading], "json")
    assert out.startswith("[")


def answer(warehouse, number: int) -> list[dict]:
    import json

    heading = next(h for h in examples() if h.startswith(f"{number}."))
    return json.loads(run_query(warehouse, examples()[heading], "json"))


def test_answers_on_the_test_warehouse(warehouse):
    met = {row["met"] for row in answer(warehouse, 1)}
    assert {"Cambodia National Police", "Philippine National Police", "KBRI Phnom Penh"} <= met
    assert {row["event_type"] for row in answer(warehouse, 2)} == {"meeting"}
    scams = answer(warehouse, 3)
    assert scams[0]["n_events"] >= 1 and all(row["n_events"] >= 1 for row in scams)  # met directly on scams
    contact = answer(warehouse, 4)[0]
    assert contact["first_date"] == "2025-04-07" and contact["last_date"] == "2025-06-19"
    assert contact["n_events"] == 3 and contact["n_forum_events"] == 1 and contact["first_forum_date"] == "2024-09-10"
    april = answer(warehouse, 5)
    assert [row["timeline_position"] for row in april] == sorted(row["timeline_position"] for row in april)
    assert [row["speaker"] for row in answer(warehouse, 6)] == ["Untung Widyatmoko"]
    assert {row["country_code"] for row in answer(warehouse, 7)} >= {"MMR", "THA", "KHM"}
    assert all(row["offsets_match"] for row in answer(warehouse, 9))
    assert {row["date_precision"] for row in answer(warehouse, 10)} == {"vague", "year"}
