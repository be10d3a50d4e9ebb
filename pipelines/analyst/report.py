"""One self-contained HTML report: timeline chart, cooperation network, top tables.

Pictures are inline base64 PNGs and the style sheet is inline, so the file opens
anywhere, offline, and can be mailed as it is. Links to source articles are the only
URLs, and nothing is fetched from them.
"""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import duckdb

from pipelines.analyst.pictures import data_uri, network_png, timeline_png
from pipelines.analyst.query import _cell

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1300px; color: #222; }
h1 { margin-bottom: 0.2rem; } .muted { color: #666; }
.figures img { max-width: 100%; border: 1px solid #ddd; margin: 0.5rem 0 1.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0 2rem; font-size: 0.85rem; width: 100%; }
th, td { border: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } tr:nth-child(even) td { background: #fafafa; }
.counts span { display: inline-block; margin-right: 1.5rem; font-size: 1.1rem; }
"""

# The page announces when it is fully drawn: <html data-rendered="true"> once every picture
# is decoded and a frame has been painted after it (two animation frames). Screenshots and
# browser tests wait for this flag rather than for a fixed time, which a busy machine overruns.
RENDERED_SCRIPT = """
Promise.all([document.fonts.ready, ...Array.from(document.images, img => img.decode().catch(() => null))])
  .then(() => requestAnimationFrame(() => requestAnimationFrame(() => {
    document.documentElement.dataset.rendered = "true";
  })));
"""

# (title, query, row limit) of the tables shown; each query reads only a view.
SECTIONS = [
    ("Timeline", "select date_label as date, date_precision as precision, event_type, summary, places, "
                 "participants, title as source, url from timeline order by timeline_position", 200),
    ("Who cooperates with whom", "select actor_a, actor_b, n_events, n_forum_events as at_forums, "
                                 "first_date, last_date, event_types, topics, places "
                                 "from actor_cooperation order by n_events desc, n_forum_events desc, first_date", 30),
    ("Cooperation between countries", "select coalesce(country_a_name, country_a) as country_a, "
                                      "coalesce(country_b_name, country_b) as country_b, "
                                      "n_events, n_forum_events as at_forums, "
                                      "first_date, last_date, event_types, topics "
                                      "from country_cooperation order by n_events desc, n_forum_events desc", 30),
    ("Most active actors", "select name, actor_type, country_code, n_events, n_mentions, first_date, last_date, "
                           "event_types, cooperation_partners from actor_profile where n_events > 0 "
                           "order by n_events desc, n_mentions desc limit 25", 25),
    ("Events per month and topic", "select month, topic, n_events, event_types from monthly_topics "
                                   "order by month desc, n_events desc", 60),
]


def _html_table(conn, query: str, limit: int) -> str:
    cursor = conn.execute(query)
    columns = [item[0] for item in cursor.description]
    rows = cursor.fetchmany(limit)
    head = "".join(f"<th>{html.escape(name)}</th>" for name in columns if name != "url")
    body = []
    for row in rows:
        record = dict(zip(columns, row))
        cells = []
        for name in columns:
            if name == "url":
                continue
            text = html.escape(_cell(record[name]))
            if name == "source" and record.get("url"):
                text = f'<a href="{html.escape(str(record["url"]), quote=True)}">{text}</a>'
            cells.append(f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _count(conn, table: str) -> int | None:
    try:
        return conn.execute(f'select count(*) from "{table}"').fetchone()[0]
    except duckdb.Error:
        return None


def render_report(conn) -> str:
    """The report's HTML for an open warehouse connection."""
    counts = {label: _count(conn, table) for label, table in
              (("articles", "documents"), ("events", "events"), ("actors", "actors"),
               ("cooperating pairs", "actor_cooperation"), ("country pairs", "country_cooperation"))}
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>Linimasa report</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Linimasa report</h1>",
        f"<p class='muted'>Generated {html.escape(dt.datetime.now().strftime('%Y-%m-%d %H:%M'))} "
        "from the event warehouse. Every row traces back to the article sentence it came from.</p>",
        "<p class='counts'>" + "".join(
            f"<span><b>{'–' if value is None else value}</b> {html.escape(label)}</span>"
            for label, value in counts.items()) + "</p>",
        "<div class='figures'>",
    ]
    for section_id, title, draw in (("timeline-chart", "Timeline", timeline_png),
                                    ("network-chart", "Cooperation network", network_png)):
        try:
            picture = f"<img id='{section_id}' alt='{title}' src='{data_uri(draw(conn))}'>"
        except duckdb.Error as error:
            picture = f"<p class='muted'>Not available: {html.escape(str(error).splitlines()[0])}</p>"
        parts.append(f"<h2>{title}</h2>{picture}")
    parts.append("</div>")
    for title, query, limit in SECTIONS:
        parts.append(f"<h2>{html.escape(title)}</h2>")
        try:
            parts.append(_html_table(conn, query, limit))
        except duckdb.Error as error:
            parts.append(f"<p class='muted'>Not available: {html.escape(str(error).splitlines()[0])}</p>")
    parts.append(f"<script>{RENDERED_SCRIPT}</script></body></html>")
    return "\n".join(parts)


def write_report(db_path: Path | str, out_path: Path | str) -> Path:
    """Write the HTML report of the warehouse at `db_path` (opened read-only) to `out_path`."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(db_path), read_only=True) as conn:
        out.write_text(render_report(conn), encoding="utf-8")
    return out
