"""CSV cells a spreadsheet would run as a formula, made inert.

Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`, `-` or `@`
(or a tab or carriage return before one) as a formula: an article title such as
`=HYPERLINK("http://...","Klik")` would become a live link, and `=cmd|...` worse. Every
CSV writer (`linimasa export`, `linimasa sql --csv`) prefixes such a text cell with `'`,
which spreadsheets show as text and hide. Only text cells: numbers keep their sign.
"""
from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_cell_sql(expression: str) -> str:
    """The same rule as a DuckDB expression over a varchar `expression`."""
    return f"case when regexp_matches({expression}, '^[=+\\-@\\t\\r]') then '''' || {expression} else {expression} end"
