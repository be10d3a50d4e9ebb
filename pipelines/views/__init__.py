"""Downstream of the warehouse tables: `sql/*.sql` views as Dagster assets, and data checks.

`view_assets` holds one asset per SQL file (group `views`); `view_checks` the asset checks
on the upstream tables, blocking where bad rows would make the views mislead.
"""
from pipelines.views.assets import build_view_assets
from pipelines.views.checks import build_view_checks

view_assets = build_view_assets()
view_checks = build_view_checks()

__all__ = ["view_assets", "view_checks", "build_view_assets", "build_view_checks"]
