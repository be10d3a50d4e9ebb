"""The Indonesian date tagger: every date in a story as an interval with offsets.

    from pipelines.language.dates import tag_dates, infer_anchor, DateMention

Lexical data (month names, weekdays, number words, vague phrases) lives in
`seeds/date_*.csv`; the grammar is in `patterns.py`, resolution in `resolution.py`.
Conventions follow DESIGN.md's "Date conventions"; the choices it leaves open are
documented in `tests/gold/dates_README.md`.
"""
from pipelines.language.dates.anchor import infer_anchor
from pipelines.language.dates.mention import DateMention
from pipelines.language.dates.tagger import tag_dates

__all__ = ["DateMention", "infer_anchor", "tag_dates"]
