"""tag_dates(): scan for places a date can start, match the grammar there, resolve in order.

`rule_readings` gives the same with the rule behind each match (the rules' examples are
checked through it)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

from pipelines.language.dates.context import Context
from pipelines.language.dates.mention import DateMention
from pipelines.language.dates.patterns import Grammar, grammar
from pipelines.language.dates.resolution import resolve


def tag_dates(text: str, anchor: dt.date | None = None) -> list[DateMention]:
    """Every date expression in `text`, sorted by start and non-overlapping.

    `anchor` (usually the publication date) resolves relative and year-less expressions.
    Without it they resolve against the latest explicit day-level date earlier in the text,
    or are emitted with empty dates. Narrative expressions ("keesokan harinya", a bare
    "pukul 06.12") always count from the story's latest explicit date when there is one.
    """
    return [reading.mention for reading in rule_readings(text, anchor) if reading.mention is not None]


class RuleReading(NamedTuple):
    """One grammar match: the rule that made it, its span, and its mention (None for a
    blocker, or a match that is no date after all: "31 Februari")."""

    rule: str
    start: int
    end: int
    mention: DateMention | None


def rule_readings(text: str, anchor: dt.date | None = None) -> Iterator[RuleReading]:
    """Each grammar match in `text`, in order, with the rule behind it."""
    if not text:
        return
    gram = grammar()
    ctx = Context(text, anchor, tag_dates)
    for match in _matches(text, gram):
        rule = match.lastgroup
        local, prefix = gram.groups[rule], rule + "__"

        def group(name: str, _match=match, _prefix=prefix, _local=local):
            return _match.group(_prefix + name) if name in _local else None

        start, end = match.span()
        resolved = resolve(rule, group, ctx, start, end)
        if resolved is None:
            yield RuleReading(rule, start, end, None)
            continue
        mention = DateMention(
            start=start,
            end=end,
            text=match.group(),
            date_start=resolved.date_start,
            date_end=resolved.date_end,
            granularity=resolved.granularity,
            kind=resolved.kind,
            time=resolved.time,
            weekday_mismatch=resolved.weekday_mismatch,
            anchor=resolved.anchor if resolved.anchor is not None else ctx.base(),
            value=resolved.value,
            anchored_by=resolved.anchored_by,
        )
        yield RuleReading(rule, start, end, mention)
        if resolved.sets_reference and resolved.date_end is not None:
            ctx.reference = resolved.date_end
            ctx.reference_span = (start, end)
        if resolved.sets_period and resolved.date_start is not None and resolved.date_end is not None:
            ctx.period_reference = (resolved.date_start, resolved.date_end)
            ctx.period_span = (start, end)
        if (resolved.sets_reference or resolved.sets_period) and resolved.date_start is not None:
            ctx.last_explicit = (resolved.date_start, resolved.date_end or resolved.date_start,
                                 resolved.granularity, (start, end))


def _matches(text: str, gram: Grammar) -> Iterator:
    """Grammar matches from left to right, tried only where a trigger word starts."""
    lowered = text.lower()
    if len(lowered) == len(text):
        scan, trigger, at_start = lowered, gram.trigger, gram.at_text_start
    else:   # lower-casing changed offsets (e.g. "İ"): match case-insensitively instead
        scan, trigger, at_start = text, gram.trigger_any_case, gram.at_text_start_any_case
    by_key = gram.by_key
    position = 0
    first = at_start.match(scan)
    candidate = 0 if first else None
    while True:
        if candidate is None:
            found = trigger.search(scan, position)
            if found is None:
                return
            candidate = found.start("start")
        char = scan[candidate]
        # Digits and "(" have already passed the digit gate inside the trigger.
        key = "#" if char == "(" or char.isdigit() else scan[candidate:candidate + 2]
        rules = by_key[key] if key in by_key else gram.rules_at(key)
        match = rules.match(text, candidate) if rules is not None else None
        if match is not None and match.end() > candidate:
            yield match
            position = match.end()
        else:
            position = candidate
        candidate = None
