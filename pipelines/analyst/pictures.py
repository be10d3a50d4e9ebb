"""The timeline chart and the cooperation network drawing, as PNG bytes.

Shared by the HTML report and the `timeline` / `actor_cooperation` assets' metadata.
Drawn with matplotlib's object API (no pyplot) so no global backend state is touched
and it works in headless processes.
"""
from __future__ import annotations

import base64
import datetime as dt
import io

import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from pipelines.analyst.network import actor_graph

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f"]


def figure_png(figure: Figure, dpi: int = 110) -> bytes:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def markdown_image(alt: str, png: bytes) -> str:
    """Markdown the Dagster UI renders as an inline picture (no file or URL needed)."""
    return f"![{alt}]({data_uri(png)})"


def _empty(figure: Figure, message: str) -> Figure:
    axes = figure.add_subplot()
    axes.text(0.5, 0.5, message, ha="center", va="center", fontsize=14, color="#555555")
    axes.set_axis_off()
    return figure


def timeline_figure(conn, width: float = 12.0) -> Figure:
    """Events on a date axis, one lane per event type: a bar spans a date range, a dot a
    single day, a hollow dot a vague date placed at the date it is known to precede."""
    rows = conn.execute(
        "select event_type, date_start, date_end, sort_date, date_precision from timeline "
        "where sort_date is not null order by timeline_position"
    ).fetchall()
    lanes = sorted({row[0] or "unknown" for row in rows})
    figure = Figure(figsize=(width, max(2.5, 0.55 * len(lanes) + 1.5)))
    if not rows:
        return _empty(figure, "No dated events yet")
    axes = figure.add_subplot()
    # one drawing call per lane and mark, not per event: thousands of events stay fast
    for lane, event_type in enumerate(lanes):
        colour = PALETTE[lane % len(PALETTE)]
        mine = [row for row in rows if (row[0] or "unknown") == event_type]
        vague = [row[3] for row in mine if row[1] is None]
        days = [row[1] for row in mine if row[1] is not None and (row[2] is None or row[2] <= row[1])]
        for coarse in (False, True):
            # a range known only to its quarter, half or year is drawn faint: the event sits
            # somewhere in it, not all along it
            spans = [(row[1], row[2] + dt.timedelta(days=1)) for row in mine
                     if row[1] is not None and row[2] is not None and row[2] > row[1]
                     and (row[4] in ("quarter", "half", "year", "decade")) is coarse]
            if spans:
                axes.hlines([lane] * len(spans), [a for a, _ in spans], [b for _, b in spans], colors=colour,
                            linewidth=3 if coarse else 7, alpha=0.3 if coarse else 0.8)
        if days:
            axes.plot(days, [lane] * len(days), marker="o", markersize=9, color=colour, linestyle="none")
        if vague:
            axes.plot(vague, [lane] * len(vague), marker="o", markersize=9, markerfacecolor="white",
                      markeredgecolor=colour, markeredgewidth=2, linestyle="none")
    axes.set_yticks(range(len(lanes)), lanes)
    axes.set_ylim(-0.7, len(lanes) - 0.3)
    axes.grid(axis="x", color="#dddddd")
    axes.set_title(f"Timeline: {len(rows)} events\n"
                   "bar: date range (faint: known only to its quarter or year); dot: one day; "
                   "hollow dot: vague date, at the date it precedes")
    figure.autofmt_xdate()
    return figure


def network_figure(conn, size: float = 11.0, max_parties: int = 40) -> Figure:
    """Cooperating parties: node area by direct contacts, edge width by direct contacts, colour by
    country; dashed edges are pairs seen together only at multilateral (3+ country) forums
    (n_events = 0). Only the `max_parties` most connected parties are drawn (by direct
    contacts, then by forums), so labels stay readable."""
    graph = actor_graph(conn)
    figure = Figure(figsize=(size, size * 0.75))
    if graph.number_of_edges() == 0:
        return _empty(figure, "No cooperation pairs yet")
    strength = dict(graph.degree(weight="weight"))
    forums = dict(graph.degree(weight="n_forum_events"))
    kept = sorted(graph.nodes, key=lambda node: (-strength[node], -forums[node], node))[:max_parties]
    # Built node by node in id order: `graph.subgraph(kept)` iterates a set, whose order
    # changes with the interpreter's hash seed, and the spring layout follows node order.
    shown = nx.Graph()
    shown.add_nodes_from((node, graph.nodes[node]) for node in sorted(kept))
    shown.add_edges_from((a, b, graph.edges[a, b]) for a in sorted(kept) for b in sorted(graph[a]) if a < b and b in shown)
    axes = figure.add_subplot()
    countries = sorted({data.get("country") or "no country" for _, data in shown.nodes(data=True)})
    colours = [PALETTE[countries.index(data.get("country") or "no country") % len(PALETTE)]
               for _, data in shown.nodes(data=True)]
    top = max(strength[node] for node in kept) or 1  # every pair only at forums: all nodes small
    layout = nx.spring_layout(shown, seed=7, weight=None, k=2.5 / max(1, len(shown)) ** 0.5, iterations=300)
    # solid: the pair met outside regional forums; dashed: only at forums of 3+ countries
    for forum_only in (False, True):
        edges = [(a, b) for a, b, data in shown.edges(data=True)
                 if (data["n_events"] == 0) is forum_only]
        nx.draw_networkx_edges(shown, layout, ax=axes, edgelist=edges, edge_color="#888888",
                               width=[0.8 + 1.2 * shown.edges[edge]["weight"] for edge in edges],
                               style="dashed" if forum_only else "solid", alpha=0.35 if forum_only else 0.8)
    nx.draw_networkx_nodes(shown, layout, ax=axes, node_color=colours, alpha=0.9,
                           node_size=[120 + 900 * (strength[node] / top) ** 0.5 for node in shown.nodes])
    nx.draw_networkx_labels(shown, layout, ax=axes, font_size=8,
                            labels={node: data.get("label") or node for node, data in shown.nodes(data=True)})
    for index, country in enumerate(countries):
        axes.scatter([], [], color=PALETTE[index % len(PALETTE)], label=country)
    axes.legend(title="country", loc="lower left", fontsize=8, frameon=False)
    hidden = graph.number_of_nodes() - shown.number_of_nodes()
    axes.set_title(f"Cooperation network: {graph.number_of_nodes()} parties, {graph.number_of_edges()} pairs"
                   + (f" ({hidden} least connected parties not drawn)" if hidden else "")
                   + "\nsolid: direct contact; dashed: only at multilateral forums")
    axes.margins(0.12)
    axes.set_axis_off()
    return figure


def timeline_png(conn, dpi: int = 110) -> bytes:
    return figure_png(timeline_figure(conn), dpi=dpi)


def network_png(conn, dpi: int = 110) -> bytes:
    return figure_png(network_figure(conn), dpi=dpi)
