"""The interactive report, driven in headless Chromium as an analyst would use it.

Uses scripts/render_report.py: the system Chromium (Debian's package, installed with apt-get
when missing) is driven over its DevTools protocol. Every wait is for a state the page
announces (`data-ready`, `data-renders`, the evidence panel's `data-shown`), never for time.
What the page shows is checked against the warehouse itself: the filtered events, the
evidence sentence of the clicked event sliced from the article body at the event's offsets,
and the date, actor and place spans inside it.
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
    from tests.hostile_article import HOSTILE_SENTENCE, HOSTILE_URL, add_hostile_article
    from tests.test_views_fixture import build_warehouse
except ImportError:  # tests/ run as a plain directory
    from hostile_article import HOSTILE_SENTENCE, HOSTILE_URL, add_hostile_article
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
def warehouse(tmp_path_factory):
    path = tmp_path_factory.mktemp("render") / "w.duckdb"
    with duckdb.connect(str(build_warehouse(path))) as conn:
        add_hostile_article(conn)
        # a confidence per event, as the contract allows, for the confidence filter
        conn.execute("alter table events add column confidence double")
        conn.execute("update events set confidence = case when event_type in ('meeting', 'agreement') then 0.9 "
                     "else 0.3 end")
        build_all_views(conn)
    return path


@pytest.fixture(scope="module")
def report(warehouse):
    return write_report(warehouse, warehouse.with_name("report.html"))


@pytest.fixture(scope="module")
def page(render):
    module, chromium = render
    with module.Page(chromium) as opened:
        yield opened


def expected_spans(conn, event_id: str) -> tuple[str, list[tuple[str, str]]]:
    """The event's evidence sentence cut from its article, and the (text, kind) of every date,
    actor and place span inside it, in text order, straight from the warehouse tables."""
    body, start, end, date_mention = conn.execute(
        "select documents.body, events.char_start, events.char_end, events.date_mention_id from events "
        "join documents on documents.document_id = events.document_id where events.event_id = ?",
        [event_id]).fetchone()
    spans = []
    for kind, sql in (("date", "select char_start, char_end from date_mentions where mention_id = ?"),
                      ("actor", "select char_start, char_end from event_participants where event_id = ?"),
                      ("place", "select char_start, char_end from event_locations where event_id = ?")):
        key = date_mention if kind == "date" else event_id
        spans += [(a, b, kind) for a, b in conn.execute(sql, [key]).fetchall()
                  if a is not None and start <= a and b <= end]
    return body[start:end], [(body[a:b], kind) for a, b, kind in sorted(spans)]


def shown_sentence(page) -> dict:
    return page.evaluate("""(() => {
        const panel = document.getElementById('evidence');
        const sentences = [...panel.querySelectorAll('.sentence')];
        return {ids: panel.dataset.eventIds, texts: sentences.map(s => s.textContent),
                marks: sentences.map(s => [...s.querySelectorAll('mark')].map(m => [m.textContent, m.className])),
                links: [...panel.querySelectorAll('a')].map(a => a.getAttribute('href'))}; })()""")


def test_timeline_and_network_are_drawn(render, page, report, warehouse):
    module, _ = render
    drawing = module.measure(page, report)
    assert page.problems() == []          # no exception, nothing blocked by the page's policy
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        dated = conn.execute("select count(*) from timeline where sort_date is not null").fetchone()[0]
        pairs = conn.execute("select count(*) from actor_cooperation").fetchone()[0]
        parties = conn.execute("select count(distinct party) from (select actor_a_id as party from actor_cooperation "
                               "union all select actor_b_id from actor_cooperation)").fetchone()[0]
    assert (drawing.timeline_points, drawing.network_parties, drawing.network_pairs) == (dated, parties, pairs)
    for chart in ("timeline", "network"):
        area = module.plot_area(page, chart)
        assert area["width"] > 500 and area["height"] > 250       # a chart of real size
        assert module.coloured_pixels(page.screenshot(), area) > 3 * module.DRAWN_PIXELS, chart  # painted
    assert drawing.ok


def test_a_blank_chart_is_caught(render, page, report):
    """The pixel measure must see the difference: the same timeline with its points hidden."""
    module, _ = render
    page.open(report)
    area = module.plot_area(page, "timeline")
    before = module.coloured_pixels(page.screenshot(), area)
    page.evaluate("Plotly.restyle('timeline', {visible: false}).then(() => true)")
    after = module.coloured_pixels(page.screenshot(), area)
    assert before > 3 * module.DRAWN_PIXELS and after < module.DRAWN_PIXELS


def test_filter_by_actor_then_click_an_event_shows_its_evidence(render, page, report, warehouse):
    module, _ = render
    page.open(report)
    actor = "org:royal-thai-police"
    page.choose("f-actor", actor)
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        expected = {row[0] for row in conn.execute(
            "select distinct event_id from event_participants where actor_id = ?", [actor]).fetchall()}
        dated = {row[0] for row in conn.execute(
            "select event_id from timeline where sort_date is not null").fetchall()}
    shown = set(page.evaluate("""[].concat(...document.getElementById('timeline')._fullData.map(
        t => [...t.customdata])).map(i => window.__linimasa.events[i].id)"""))
    assert shown == expected & dated and len(shown) >= 2
    assert page.evaluate("document.getElementById('shown').textContent").startswith(f"{len(expected)} of ")

    # click the shown event farthest from the others, so the click can only mean that one
    index = page.evaluate("Object.fromEntries(window.__linimasa.events.map((e, i) => [e.id, i]))")
    positions = {}
    for event_id in sorted(shown):
        trace, point = module.timeline_point(page, index[event_id])
        positions[event_id] = module.point_position(page, "timeline", trace, point)

    def distance(event_id):
        x, y = positions[event_id]
        return min(((x - a) ** 2 + (y - b) ** 2) ** 0.5 for other, (a, b) in positions.items() if other != event_id)

    target = max(sorted(shown), key=distance)
    assert distance(target) > 25                                 # beyond Plotly's hover distance
    page.click_and_wait(*positions[target])
    seen = shown_sentence(page)
    assert seen["ids"] == target
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        sentence, marks = expected_spans(conn, target)
    assert seen["texts"] == [sentence]
    assert [tuple(mark) for mark in seen["marks"][0]] == marks
    assert {kind for _, kind in marks} >= {"actor", "date"}      # the highlight is really exercised
    assert all(link.startswith("https://") for link in seen["links"]) and seen["links"]


def test_clicking_a_pair_shows_the_evidence_of_that_pair(render, page, report, warehouse):
    module, _ = render
    page.open(report)
    pairs = page.evaluate("document.getElementById('network')._fullData[2].customdata.length")
    edges = page.evaluate("window.__linimasa.edges.map(e => [window.__linimasa.nodes[e.a].id, window.__linimasa.nodes[e.b].id])")
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        evidence = {(a, b): events for a, b, events in conn.execute(
            "select actor_a_id, actor_b_id, event_ids from actor_cooperation").fetchall()}
    # the pair with the most events whose midpoint is clear of the others
    candidates = []
    for point in range(pairs):
        edge = page.evaluate(f"document.getElementById('network')._fullData[2].customdata[{point}]")
        a, b = edges[edge]
        key = (a, b) if (a, b) in evidence else (b, a)
        candidates.append((len(evidence[key]), point, key))
    positions = {point: module.point_position(page, "network", 2, point) for _, point, _ in candidates}

    def clear(point):
        x, y = positions[point]
        return all(((x - a) ** 2 + (y - b) ** 2) ** 0.5 > 20 for other, (a, b) in positions.items() if other != point)

    count, point, key = max(candidate for candidate in candidates if clear(candidate[1]))
    page.click_and_wait(*positions[point])
    seen = shown_sentence(page)
    assert sorted(seen["ids"].split()) == sorted(evidence[key])
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        sentences = {event_id: expected_spans(conn, event_id)[0] for event_id in evidence[key]}
    assert sorted(seen["texts"]) == sorted(sentences.values()) and count == len(seen["texts"])


def test_hostile_article_text_and_url_stay_text(page, report, warehouse):
    page.open(report)
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('script').length") == 6  # 4 in the file, 2 run from them
    page.choose("f-search", "tebal")                                       # the search box finds it
    assert page.evaluate("document.getElementById('shown').textContent").startswith("1 of ")
    row = page.evaluate("(() => { const r = document.querySelector('#events tbody tr').getBoundingClientRect();"
                        " window.scrollBy(0, r.top - 200); const s = document.querySelector('#events tbody tr')"
                        ".getBoundingClientRect(); return [s.left + 20, s.top + s.height / 2]; })()")
    page.click_and_wait(*row)
    seen = shown_sentence(page)
    assert seen["ids"] == "ev:hostile" and seen["texts"] == [HOSTILE_SENTENCE]
    assert [tuple(mark) for mark in seen["marks"][0]] == [("PAOCC", "actor"), ("Pasay", "place")]
    assert seen["links"] == []                                              # javascript: is no link
    panel = page.evaluate("document.getElementById('evidence').textContent")
    assert HOSTILE_URL in panel and "</script><img" in panel                # shown as plain text
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("[...document.querySelectorAll('b')].every(b => b.closest('#counts'))")  # no <b>tebal</b>
    assert page.evaluate("typeof window.pwned") == "undefined"


FILTER_CASES = [
    ("f-country", "PHL", """select event_id from timeline where list_contains(place_countries, 'PHL')
                            union select event_id from event_participants join actors using (actor_id)
                            where actors.country_code = 'PHL'"""),
    ("f-type", "meeting", "select event_id from events where event_type = 'meeting'"),
    ("f-topic", "online_scam", "select event_id from event_topics where topic = 'online_scam'"),
    ("f-conf", "0.5", "select event_id from events where confidence >= 0.5"),
    ("f-from", "2025-04-01", "select event_id from timeline where sort_date >= date '2025-04-01'"),
]


@pytest.mark.parametrize("control, value, sql", FILTER_CASES, ids=[case[0] for case in FILTER_CASES])
def test_each_filter_shows_what_the_warehouse_says(page, report, warehouse, control, value, sql):
    page.open(report)
    page.choose(control, value)
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        expected = {row[0] for row in conn.execute(sql).fetchall()}
        dated = {row[0] for row in conn.execute("select event_id from timeline where sort_date is not null").fetchall()}
    shown = set(page.evaluate("""[].concat(...document.getElementById('timeline')._fullData.map(
        t => [...t.customdata])).map(i => window.__linimasa.events[i].id)"""))
    assert shown == expected & dated and 0 < len(expected) < 13
    assert page.evaluate("document.getElementById('shown').textContent").startswith(f"{len(expected)} of ")


def test_the_page_may_fetch_nothing(page, report):
    """Its policy refuses any request, even to this machine, and says so."""
    page.open(report)
    refused = page.evaluate("fetch('http://127.0.0.1:9/probe').then(() => 'fetched', error => 'refused')")
    assert refused == "refused"
    assert any("Content Security Policy" in problem for problem in page.problems()), page.problems()
