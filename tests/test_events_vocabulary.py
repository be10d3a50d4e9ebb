"""Every event type the triggers can produce has a PLOVER root category (or an explicit none)."""
from __future__ import annotations

from pipelines.language.events.cues import lexicon
from pipelines.language.seeds import read_seed

PLOVER_ROOTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_every_trigger_type_has_a_plover_row():
    produced = {row["event_type"] for row in read_seed("event_triggers")} - {"none"}
    assert produced <= set(lexicon().plover) | {"statement"}


def test_the_seed_holds_the_design_vocabulary_in_its_order(corpus_dir):
    """seeds/event_plover.csv is the one list of event types; it is DESIGN's, type for type."""
    import re

    from pipelines.language.events.cues import event_types

    design = (corpus_dir.parent / "DESIGN.md").read_text(encoding="utf-8")
    listed = re.search(r"- `event_type`: (.*?)\. `cameo_code`", design, re.S).group(1)
    names = [re.sub(r"\s*\(.*", "", name).strip() for name in re.split(r",\s*", " ".join(listed.split()))]
    assert list(event_types()) == names


def test_column_description_and_checks_list_every_type_of_the_seed():
    from pipelines.language.events.cues import event_types
    from pipelines.views.checks import known_event_types
    from pipelines.warehouse.schema import COLUMN_DESCRIPTIONS

    description = COLUMN_DESCRIPTIONS["events"]["event_type"]
    assert all(f" {t}" in description for t in event_types())
    assert set(event_types()) <= set(known_event_types())


def test_plover_values_are_roots_and_speech_has_none():
    plover = lexicon().plover
    assert {value for value in plover.values() if value} <= PLOVER_ROOTS
    assert plover["statement"] == "" and plover["report"] == ""


def test_modality_cues_use_the_contract_vocabulary():
    kinds = set(lexicon().modality.values())
    assert kinds <= {"negated", "topic", "planned", "hypothetical", "suspended", "ongoing", "reported"}
    assert {"negated", "planned", "suspended", "ongoing"} <= kinds


def _sql_values(cte: str) -> set[str]:
    """The quoted values of one `name as (select * from (values ...))` CTE of the cooperation SQL."""
    import re
    from pathlib import Path

    sql = (Path(__file__).resolve().parents[1] / "sql" / "cooperation_participants.sql").read_text(encoding="utf-8")
    body = re.search(rf"{cte} as \(\s*select \* from \(values(.*?)\) as t", sql, re.S).group(1)
    return set(re.findall(r"'(\w+)'", body))


def test_the_cooperation_view_counts_the_types_and_roles_the_extractor_gives_roles_for():
    from pipelines.language.events.roles import COOPERATING, COOPERATION_TYPES

    assert _sql_values("cooperation_types") == set(COOPERATION_TYPES)
    assert _sql_values("cooperating_roles") == set(COOPERATING)
