"""The DuckDB warehouse: its resource, table schemas, and the dimension tables."""
