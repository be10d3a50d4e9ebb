"""The cooperation network as a networkx graph, from the `actor_cooperation` and
`country_cooperation` views: one node per party, one edge per cooperating pair, weighted by
the events where the pair met directly (n_events); forum co-attendance is n_forum_events, and
a pair seen only at forums has weight 0."""
from __future__ import annotations

import networkx as nx


def _text(value) -> str:
    """GraphML and GEXF attributes must be scalars: lists become `a; b`, dates ISO text."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_text(item) for item in value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def actor_graph(conn) -> nx.Graph:
    """Parties as nodes (label, type, country), pairs as edges weighted by direct contacts.
    Nodes are added in id order: the spring layout of the picture depends on it."""
    graph = nx.Graph(name="actor_cooperation")
    rows = conn.execute(
        """
        select actor_a_id, actor_a, actor_a_type, actor_a_country,
               actor_b_id, actor_b, actor_b_type, actor_b_country,
               n_events, first_date, last_date, event_types, topics, places,
               n_forum_events, first_forum_date, last_forum_date
        from actor_cooperation
        order by actor_a_id, actor_b_id
        """
    ).fetchall()
    for (a_id, a, a_type, a_country, b_id, b, b_type, b_country, n_events, first_date, last_date,
         event_types, topics, places, n_forum_events, first_forum_date, last_forum_date) in rows:
        graph.add_node(a_id, label=_text(a), actor_type=_text(a_type), country=_text(a_country))
        graph.add_node(b_id, label=_text(b), actor_type=_text(b_type), country=_text(b_country))
        graph.add_edge(
            a_id, b_id,
            weight=int(n_events), n_events=int(n_events),
            first_date=_text(first_date), last_date=_text(last_date),
            event_types=_text(event_types), topics=_text(topics), places=_text(places),
            n_forum_events=int(n_forum_events), first_forum_date=_text(first_forum_date),
            last_forum_date=_text(last_forum_date),
        )
    return graph


def country_graph(conn) -> nx.Graph:
    """Countries as nodes, cross-border cooperation as edges weighted by direct contacts."""
    graph = nx.Graph(name="country_cooperation")
    rows = conn.execute(
        "select country_a, country_b, n_events, first_date, last_date, event_types, topics, "
        "n_forum_events, first_forum_date, last_forum_date from country_cooperation order by country_a, country_b"
    ).fetchall()
    for (a, b, n_events, first_date, last_date, event_types, topics,
         n_forum_events, first_forum_date, last_forum_date) in rows:
        graph.add_node(a, label=a)
        graph.add_node(b, label=b)
        graph.add_edge(
            a, b, weight=int(n_events), n_events=int(n_events), first_date=_text(first_date),
            last_date=_text(last_date), event_types=_text(event_types), topics=_text(topics),
            n_forum_events=int(n_forum_events), first_forum_date=_text(first_forum_date),
            last_forum_date=_text(last_forum_date),
        )
    return graph
