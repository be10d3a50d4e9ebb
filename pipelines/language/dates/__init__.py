"""The Indonesian date tagger: every date in a story as an interval with offsets.

    from pipelines.language.dates import tag_dates, infer_anchor, DateMention

Lexical data (month names, weekdays, number words, vague phrases) lives in
`seeds/date_*.csv`. A date rule lives in `rules.py`, one record each: its name, start words,
pattern, resolver and examples. `patterns.py` compiles the rules into the grammar, `tagger.py`
scans, `resolution.py` hands each match to its rule's resolver in `absolute.py`,
`months_years.py` or `relative.py` (helped by `yearless.py`, `resolved.py`, `periods.py` and the scan state in `context.py`).
Conventions are those of docs/time.md; the finer choices are
documented in `tests/gold/dates_README.md`.
"""
from pipelines.language.dates.anchor import infer_anchor
from pipelines.language.dates.mention import DateMention
from pipelines.language.dates.tagger import tag_dates

__all__ = ["DateMention", "infer_anchor", "tag_dates"]
