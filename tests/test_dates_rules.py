"""Every date rule reads its own examples: the rule records in `dates/rules.py` carry
examples with the span marked in [brackets] and the reading expected there, so a rule
without an example that exercises it, or an example another rule takes over, fails here."""
from __future__ import annotations

import datetime as dt

import pytest

from pipelines.language.dates.mention import DateMention
from pipelines.language.dates.rules import EXAMPLE_ANCHOR, RULES
from pipelines.language.dates.tagger import rule_readings

ANCHOR = dt.date.fromisoformat(EXAMPLE_ANCHOR)


def reading(mention: DateMention | None) -> str | None:
    """A mention as an example writes it: its ISO value ("P3D", "XXXX-WXX-1"), else its day
    or interval ("2025-04-12/2025-04-14", ".." for an open end) and any clock time."""
    if mention is None:
        return None
    if mention.value is not None:
        return mention.value
    start = mention.date_start.isoformat() if mention.date_start else ".."
    end = mention.date_end.isoformat() if mention.date_end else ".."
    written = start if start == end else f"{start}/{end}"
    return written + (f"T{mention.time}" if mention.time else "")


def test_every_rule_has_an_example():
    assert [rule.name for rule in RULES if not rule.examples] == []


def test_rule_names_are_unique():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name,marked,expected", [
    (rule.name, marked, expected) for rule in RULES for marked, expected in rule.examples])
def test_the_rule_reads_its_example(name, marked, expected):
    text = marked.replace("[", "").replace("]", "")
    span = (marked.index("["), marked.index("]") - 1)
    readings = list(rule_readings(text, ANCHOR))
    at_span = [r for r in readings if (r.start, r.end) == span]
    assert at_span, f"no rule matched {text[span[0]:span[1]]!r}; matches: {readings}"
    assert at_span[0].rule == name
    assert reading(at_span[0].mention) == expected

