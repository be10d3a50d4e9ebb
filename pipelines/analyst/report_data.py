"""What the interactive report shows, read from the warehouse into plain lists and dicts.

One entry per event of the `timeline` view, with its evidence sentence cut from the
article body and the date, actor and place spans inside it (offsets relative to the
sentence), so the page can highlight them without the whole article. Sentences, articles,
actors and countries are stored once and referred to by index: 10,000 events stay a few MB.
The cooperation network comes from `actor_cooperation`, laid out here (networkx, fixed
seed) so the page only draws it.

Article URLs are kept only for http and https; any other scheme (`javascript:`, `data:`,
`file:`) is kept as text to show, never as a link.
"""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import duckdb
import networkx as nx

from pipelines.language.seeds import read_seed

# The network shows at most this many parties (most connected first): beyond that neither
# labels nor a spring layout stay readable, and the filters narrow it anyway.
MAX_PARTIES = 150

EVENTS_SQL = """
with

event_rows as (
    select
        timeline.timeline_position,
        timeline.event_id,
        timeline.sort_date,
        timeline.date_label,
        timeline.date_precision,
        timeline.event_type,
        timeline.summary,
        timeline.topics,
        timeline.participant_ids,
        timeline.places,
        timeline.place_countries,
        timeline.document_id,
        timeline.evidence_start,
        timeline.evidence_end,
        {confidence} as confidence
    from timeline
    join events on events.event_id = timeline.event_id
)

select * from event_rows order by timeline_position
"""

SPANS_SQL = """
with

evidence as (
    select event_id, char_start, char_end, date_mention_id from events
),

date_spans as (
    select evidence.event_id, date_mentions.char_start, date_mentions.char_end, 'date' as kind
    from evidence
    join date_mentions on date_mentions.mention_id = evidence.date_mention_id
),

actor_spans as (
    select event_id, char_start, char_end, 'actor' as kind
    from event_participants
    where char_start is not null and char_end is not null
),

place_spans as (
    select event_id, char_start, char_end, 'place' as kind
    from event_locations
    where char_start is not null and char_end is not null
),

spans as (
    select * from date_spans
    union all select * from actor_spans
    union all select * from place_spans
)

select spans.event_id, spans.char_start - evidence.char_start as span_start,
       spans.char_end - evidence.char_start as span_end, spans.kind
from spans
join evidence on evidence.event_id = spans.event_id
where spans.char_start >= evidence.char_start and spans.char_end <= evidence.char_end
    and spans.char_end > spans.char_start
order by spans.event_id, span_start, span_end desc
"""

COOPERATION_SQL = """
select actor_a_id, actor_a, actor_a_type, actor_a_country,
       actor_b_id, actor_b, actor_b_type, actor_b_country,
       n_events, n_forum_events, first_date, last_date, event_ids
from actor_cooperation
order by n_events desc, n_forum_events desc, actor_a_id, actor_b_id
"""


def safe_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address with a host, else None.

    `javascript:alert(1)`, `JaVaScRiPt:...`, `data:text/html,...` and `//host/path` give None;
    urlsplit drops the tabs and newlines that browsers also ignore (`java\\tscript:`)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return parts.geturl()
    return None


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else None


def _has_column(conn, table: str, column: str) -> bool:
    return conn.execute(
        "select count(*) from information_schema.columns where table_name = ? and column_name = ?",
        [table, column]).fetchone()[0] > 0


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[list]:
    """Spans in text order with any span that overlaps an earlier one dropped (the longer
    one, which comes first at a shared start, wins: "Kepolisian Kamboja" over "Kamboja")."""
    kept: list[list] = []
    for start, end, kind in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append([start, end, kind])
    return kept


class _Index:
    """Values stored once in a list, referred to by position."""

    def __init__(self):
        self.items: list = []
        self.positions: dict = {}

    def add(self, key, make) -> int:
        if key not in self.positions:
            self.positions[key] = len(self.items)
            self.items.append(make())
        return self.positions[key]


def _events(conn, data: dict) -> None:
    confidence = "events.confidence" if _has_column(conn, "events", "confidence") else "null"
    rows = conn.execute(EVENTS_SQL.format(confidence=confidence)).fetchall()
    names = [item[0] for item in conn.description]
    spans: dict[str, list] = {}
    for event_id, start, end, kind in conn.execute(SPANS_SQL).fetchall():
        spans.setdefault(event_id, []).append((start, end, kind))

    document_ids = sorted({row[names.index("document_id")] for row in rows})
    documents = {}
    for start in range(0, len(document_ids), 2000):
        chunk = document_ids[start:start + 2000]
        for document_id, title, url, source, published_at, body in conn.execute(
                "select document_id, title, url, source, published_at, body from documents "
                "where document_id in (select unnest(?))", [chunk]).fetchall():
            documents[document_id] = (title, url, source, published_at, body)

    articles, sentences = _Index(), _Index()
    events, lane_counts = [], {}
    for row in rows:
        record = dict(zip(names, row))
        title, url, source, published_at, body = documents.get(record["document_id"], (None,) * 5)
        article = articles.add(record["document_id"], lambda: {
            "id": record["document_id"], "title": title or record["document_id"], "source": source or "",
            "url": safe_url(url), "url_text": url or "", "published": _iso(published_at)})
        begin, finish = record["evidence_start"], record["evidence_end"]
        sentence = sentences.add((record["document_id"], begin, finish), lambda: {
            "a": article, "t": (body or "")[begin:finish] if begin is not None else record["summary"] or ""})
        day = _iso(record["sort_date"])
        # events of one day and type stack in their lane instead of hiding one another
        lane_key = (day, record["event_type"])
        stack = lane_counts.get(lane_key, 0)
        lane_counts[lane_key] = stack + 1
        summary = record["summary"] or ""
        events.append({
            "id": record["event_id"], "d": day, "dl": record["date_label"], "p": record["date_precision"],
            # most summaries are the evidence sentence itself: sent once, as the sentence
            "t": record["event_type"], "sum": None if summary == sentences.items[sentence]["t"] else summary,
            "top": list(record["topics"] or []),
            "act": list(record["participant_ids"] or []), "pl": list(record["places"] or []),
            "pc": list(record["place_countries"] or []), "s": sentence,
            "h": _non_overlapping(spans.get(record["event_id"], [])),
            "c": None if record["confidence"] is None else round(float(record["confidence"]), 3),
            "j": stack,
        })
    data["events"] = events
    data["articles"] = articles.items
    data["sentences"] = sentences.items
    data["has_confidence"] = confidence != "null"


def _actors(conn, data: dict) -> None:
    """Every actor an event names, with the bodies it belongs to, so filtering by Polri also
    finds events where only Divhubinter Polri or one of its officers is named."""
    rows = conn.execute(
        "select actor_id, name, actor_type, country_code, parent_actor_id, affiliation_id from actors"
    ).fetchall()
    known = {row[0]: row for row in rows}
    named = sorted({actor for event in data["events"] for actor in event["act"]} & set(known))

    def bodies(actor_id: str) -> list[str]:
        chain, seen = [], {actor_id}
        current = known.get(actor_id)
        while current is not None:
            up = current[4] or current[5]
            if not up or up in seen or up not in known:
                break
            chain.append(up)
            seen.add(up)
            current = known[up]
        return chain

    needed = set(named)
    for actor_id in named:
        needed.update(bodies(actor_id))
    data["actors"] = {actor_id: {"n": known[actor_id][1], "ty": known[actor_id][2], "cc": known[actor_id][3],
                                 "up": bodies(actor_id)} for actor_id in sorted(needed)}


def _countries() -> dict[str, str]:
    return {row["code"]: row["name_en"] or row["name_id"] for row in read_seed("countries") if row.get("code")}


def _network(conn, data: dict) -> None:
    rows = conn.execute(COOPERATION_SQL).fetchall()
    graph = nx.Graph()
    for (a_id, a, a_type, a_country, b_id, b, b_type, b_country, n_events, n_forum, first, last, event_ids) in rows:
        graph.add_node(a_id, label=a, actor_type=a_type, country=a_country)
        graph.add_node(b_id, label=b, actor_type=b_type, country=b_country)
        graph.add_edge(a_id, b_id, n_events=int(n_events), n_forum=int(n_forum),
                       first=_iso(first), last=_iso(last), events=list(event_ids or []))
    strength = {node: (sum(d["n_events"] for *_, d in graph.edges(node, data=True)),
                       sum(d["n_forum"] for *_, d in graph.edges(node, data=True))) for node in graph}
    kept = sorted(graph.nodes, key=lambda node: (-strength[node][0], -strength[node][1], node))[:MAX_PARTIES]
    shown = graph.subgraph(kept)
    layout = nx.spring_layout(shown, seed=7, weight=None, k=2.5 / max(1, len(shown)) ** 0.5,
                              iterations=200) if len(shown) else {}
    data["nodes"] = [{"id": node, "n": shown.nodes[node]["label"], "cc": shown.nodes[node]["country"],
                      "x": round(float(layout[node][0]), 4), "y": round(float(layout[node][1]), 4),
                      "w": strength[node][0]} for node in sorted(shown.nodes)]
    position = {node["id"]: index for index, node in enumerate(data["nodes"])}
    data["edges"] = [{"a": position[a], "b": position[b], "n": d["n_events"], "f": d["n_forum"],
                      "first": d["first"], "last": d["last"], "ev": d["events"]}
                     for a, b, d in sorted(shown.edges(data=True), key=lambda e: (position[e[0]], position[e[1]]))]
    data["hidden_parties"] = graph.number_of_nodes() - shown.number_of_nodes()


def _count(conn, table: str) -> int | None:
    try:
        return conn.execute(f'select count(*) from "{table}"').fetchone()[0]
    except duckdb.Error:
        return None


def report_data(conn) -> dict:
    """Everything the page shows, as JSON-ready values; a part whose view is missing is
    left empty and its reason recorded under `missing`."""
    data: dict = {
        "generated": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "counts": {label: _count(conn, table) for label, table in
                   (("articles", "documents"), ("events", "events"), ("actors", "actors"),
                    ("cooperating pairs", "actor_cooperation"), ("country pairs", "country_cooperation"))},
        "events": [], "articles": [], "sentences": [], "actors": {}, "nodes": [], "edges": [],
        "countries": _countries(), "has_confidence": False, "hidden_parties": 0, "missing": {},
    }
    for part, load in (("timeline", _events), ("network", _network)):
        try:
            load(conn, data)
        except duckdb.Error as error:
            data["missing"][part] = str(error).splitlines()[0]
    try:
        _actors(conn, data)
    except duckdb.Error as error:
        data["missing"]["actors"] = str(error).splitlines()[0]
    for node in data["nodes"]:  # network parties are filterable too
        data["actors"].setdefault(node["id"], {"n": node["n"], "ty": None, "cc": node["cc"], "up": []})
    return data
