"""The language core: pure functions over Indonesian news text.

Nothing under this package may import Dagster or DuckDB; the CLI's `dates` and
`entities` commands rely on that to start fast, and the tests exercise it alone.
"""
