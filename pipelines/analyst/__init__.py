"""Analyst tools over the warehouse: read-only SQL, exports, and the HTML report."""
from pipelines.analyst.export import export_all
from pipelines.analyst.query import run_query
from pipelines.analyst.report import write_report

__all__ = ["run_query", "export_all", "write_report"]
