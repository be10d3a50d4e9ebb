"""The HTML report renders in headless Chromium with its chart and network drawn.

Uses scripts/render_report.py: the report and a twin with the pictures replaced by solid
placeholders are screenshot; where they differ is where the pictures sit, and there the
real screenshot must be drawn, not blank. Each screenshot is taken once the page has set
<html data-rendered="true"> (pictures decoded and painted), never after a fixed time, so a
busy machine cannot catch a half-painted page.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.analyst import write_report
from pipelines.views.assets import build_all_views

try:
    from tests.test_views_fixture import build_warehouse
except ImportError:  # tests/ run as a plain directory
    from test_views_fixture import build_warehouse

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "render_report.py"


def load_script():
    spec = importlib.util.spec_from_file_location("render_report", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def render():
    module = load_script()
    chromium = module.ensure_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed and apt-get could not install it")
    return module, chromium


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("render")
    with duckdb.connect(str(build_warehouse(folder / "w.duckdb"))) as conn:
        build_all_views(conn)
    return write_report(folder / "w.duckdb", folder / "report.html")


def test_chart_and_network_are_drawn_in_chromium(render, report):
    module, chromium = render
    regions, screenshot, _ = module.measure_pictures(chromium, report)
    assert screenshot.stat().st_size > 10_000
    assert len(regions) == 2, regions
    timeline, network = regions
    assert timeline.bottom < network.top                   # the chart first, then the network
    for region in regions:
        assert region.area > 100_000                       # a picture of real size on the page
        assert region.drawn_fraction > 0.02, region        # and something drawn in it
    assert module.pictures_drawn(regions)


def test_page_announces_when_it_is_drawn(render, report):
    """The flag the screenshots wait for is set by the page itself, after its pictures are decoded."""
    module, chromium = render
    from headless_chromium import ChromiumPage

    with ChromiumPage(chromium) as page:
        page.open(report)
        state = page.evaluate("[document.documentElement.dataset.rendered, "
                              "Array.from(document.images).every(img => img.complete && img.naturalWidth > 0)]")
    assert state == ["true", True]


def test_blank_pictures_are_caught(render, report, tmp_path):
    """The same measurement on a report whose pictures are plain white must fail."""
    module, chromium = render
    blank = tmp_path / "blank.html"
    blank.write_text(module.replace_pictures(report.read_text(encoding="utf-8"), colour=(255, 255, 255)),
                     encoding="utf-8")
    regions, _, _ = module.measure_pictures(chromium, blank)
    assert len(regions) == 2                               # found where they should be ...
    assert all(region.drawn_fraction < 0.005 for region in regions)  # ... and seen to be blank
    assert not module.pictures_drawn(regions)
