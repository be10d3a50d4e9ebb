"""Every event type the triggers can produce has a PLOVER root category (or an explicit none)."""
from __future__ import annotations

from pipelines.language.events.cues import lexicon
from pipelines.language.seeds import read_seed

PLOVER_ROOTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_every_trigger_type_has_a_plover_row():
    produced = {row["event_type"] for row in read_seed("event_triggers")} - {"none"}
    assert produced <= set(lexicon().plover) | {"statement"}


def test_plover_values_are_roots_and_speech_has_none():
    plover = lexicon().plover
    assert {value for value in plover.values() if value} <= PLOVER_ROOTS
    assert plover["statement"] == "" and plover["report"] == ""


def test_modality_cues_use_the_contract_vocabulary():
    kinds = set(lexicon().modality.values())
    assert kinds <= {"negated", "topic", "planned", "hypothetical", "suspended", "ongoing", "reported"}
    assert {"negated", "planned", "suspended", "ongoing"} <= kinds
