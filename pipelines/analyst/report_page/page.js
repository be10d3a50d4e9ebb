// The report page: filters, a zoomable timeline, the cooperation network and the evidence
// panel, all drawn from the JSON block `linimasa-data` with Plotly (inlined above).
// Article text only ever reaches the page as textContent or as Plotly hover text with
// `<` and `&` escaped, never as HTML; links are made only for http(s) URLs.
// When the charts are drawn the body gets data-ready="1"; every later redraw increments
// data-renders, so a browser test waits for the page, never for time.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("linimasa-data").textContent);
  const EVENTS = DATA.events, ARTICLES = DATA.articles, SENTENCES = DATA.sentences;
  const ACTORS = DATA.actors, NODES = DATA.nodes, EDGES = DATA.edges, COUNTRIES = DATA.countries;
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
                   "#17becf", "#bcbd22", "#7f7f7f"];
  const TABLE_ROWS = 200, EDGE_ITEMS = 50;
  const $ = (id) => document.getElementById(id);
  const byEventId = new Map(EVENTS.map((event, index) => [event.id, index]));
  for (const event of EVENTS) if (event.sum === null) event.sum = SENTENCES[event.s].t;
  let renders = 0;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  // Plotly reads a small subset of HTML in hover text: make article text plain text.
  function plain(text) {
    return String(text == null ? "" : text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function safeUrl(url) {
    if (!url) return null;
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  function actorName(id) { return ACTORS[id] ? ACTORS[id].n : id; }
  function countryName(code) { return COUNTRIES[code] ? COUNTRIES[code] + " (" + code + ")" : code; }

  // --- per-event keys the filters match against, computed once ---------------------------
  const keys = EVENTS.map((event) => {
    const actors = new Set();
    const countries = new Set(event.pc);
    for (const id of event.act) {
      actors.add(id);
      const actor = ACTORS[id];
      if (!actor) continue;
      for (const up of actor.up) actors.add(up);
      if (actor.cc) countries.add(actor.cc);
    }
    const sentence = SENTENCES[event.s];
    const article = ARTICLES[sentence.a];
    const words = [event.sum, sentence.t, article.title, article.source, event.t, event.top.join(" "),
                   event.act.map(actorName).join(" "), event.pl.join(" ")].join(" ").toLowerCase();
    return { actors, countries, words };
  });

  function fill(select, values, label) {
    for (const value of values) {
      const option = el("option", label(value));
      option.value = value;
      select.appendChild(option);
    }
  }

  function setUpFilters() {
    const actorIds = Object.keys(ACTORS).sort((a, b) => actorName(a).localeCompare(actorName(b)));
    fill($("f-actor"), actorIds, (id) => actorName(id) + (ACTORS[id].cc ? " · " + ACTORS[id].cc : ""));
    const countries = new Set();
    keys.forEach((key) => key.countries.forEach((code) => countries.add(code)));
    fill($("f-country"), [...countries].sort(), countryName);
    fill($("f-type"), [...new Set(EVENTS.map((event) => event.t))].sort(), (value) => value);
    fill($("f-topic"), [...new Set(EVENTS.flatMap((event) => event.top))].sort(), (value) => value);
    if (!DATA.has_confidence) {
      $("f-conf").disabled = true;
      $("f-conf").title = "this warehouse records no event confidence";
      $("f-conf-value").textContent = "(not recorded)";
    }
    for (const id of ["f-actor", "f-country", "f-type", "f-topic", "f-from", "f-to", "f-conf"]) {
      $(id).addEventListener("change", update);
    }
    $("f-conf").addEventListener("input", () => { $("f-conf-value").textContent = $("f-conf").value; });
    let typing = null;
    $("f-search").addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(update, 200); });
    $("f-search").addEventListener("change", () => { clearTimeout(typing); update(); });
    $("f-reset").addEventListener("click", () => {
      $("filters").reset();
      $("f-conf-value").textContent = DATA.has_confidence ? "0" : "(not recorded)";
      update();
    });
  }

  function filters() {
    return {
      words: $("f-search").value.trim().toLowerCase().split(/\s+/).filter(Boolean),
      actor: $("f-actor").value, country: $("f-country").value, type: $("f-type").value,
      topic: $("f-topic").value, from: $("f-from").value, to: $("f-to").value,
      confidence: DATA.has_confidence ? parseFloat($("f-conf").value) : 0,
    };
  }

  function passes(index, f) {
    const event = EVENTS[index], key = keys[index];
    if (f.actor && !key.actors.has(f.actor)) return false;
    if (f.country && !key.countries.has(f.country)) return false;
    if (f.type && event.t !== f.type) return false;
    if (f.topic && !event.top.includes(f.topic)) return false;
    if (f.from && (!event.d || event.d < f.from)) return false;
    if (f.to && (!event.d || event.d > f.to)) return false;
    if (f.confidence > 0 && !(event.c >= f.confidence)) return false;
    for (const word of f.words) if (!key.words.includes(word)) return false;
    return true;
  }

  // --- timeline ----------------------------------------------------------------------------
  const LANES = [...new Set(EVENTS.map((event) => event.t))].sort();
  const laneOf = new Map(LANES.map((lane, index) => [lane, index]));

  // two traces, dated and vague, each with one marker symbol: per-point symbols cost WebGL time
  function timelineTraces(shown) {
    const traces = [];
    for (const vague of [false, true]) {
      const points = shown.filter((index) => EVENTS[index].d && (EVENTS[index].p === "vague") === vague);
      const x = new Array(points.length), y = new Array(points.length);
      const text = new Array(points.length), colour = new Array(points.length);
      points.forEach((index, at) => {
        const event = EVENTS[index];
        const lane = laneOf.get(event.t);
        x[at] = event.d;
        y[at] = lane + ((event.j % 7) - 3) * 0.1;
        colour[at] = PALETTE[lane % PALETTE.length];
        text[at] = plain(event.dl) + " · " + plain(event.t) + "<br>" + plain(event.sum.slice(0, 160)) + "<br>" +
                   plain(event.act.map(actorName).join(", ").slice(0, 160));
      });
      traces.push({
        type: "scattergl", mode: "markers", x, y, customdata: points, hovertext: text, hoverinfo: "text",
        name: vague ? "vague" : "dated",
        marker: vague ? { color: "rgba(0,0,0,0)", size: 9, line: { width: 1.5, color: colour } }
                      : { color: colour, size: 9 },
      });
    }
    return traces;
  }

  function timelineLayout() {
    return {
      margin: { l: 110, r: 20, t: 10, b: 40 }, hovermode: "closest", dragmode: "zoom", showlegend: false,
      xaxis: { type: "date", gridcolor: "#e5e5e5" },
      yaxis: { tickvals: LANES.map((_, index) => index), ticktext: LANES, range: [-0.7, LANES.length - 0.3],
               fixedrange: true, zeroline: false, gridcolor: "#f0f0f0" },
      uirevision: "keep-zoom",
    };
  }

  // --- network -----------------------------------------------------------------------------
  function networkTraces(shownSet, f) {
    const edges = [];
    EDGES.forEach((edge, index) => {
      if (edge.ev.some((id) => shownSet.has(byEventId.get(id)))) edges.push(index);
    });
    const nodes = new Set();
    edges.forEach((index) => { nodes.add(EDGES[index].a); nodes.add(EDGES[index].b); });
    const lines = { direct: { x: [], y: [] }, forum: { x: [], y: [] } };
    const mid = { x: [], y: [], text: [], data: [] };
    for (const index of edges) {
      const edge = EDGES[index], a = NODES[edge.a], b = NODES[edge.b];
      const line = edge.n > 0 ? lines.direct : lines.forum;
      line.x.push(a.x, b.x, null);
      line.y.push(a.y, b.y, null);
      mid.x.push((a.x + b.x) / 2);
      mid.y.push((a.y + b.y) / 2);
      mid.data.push(index);
      mid.text.push(plain(a.n) + " – " + plain(b.n) + "<br>" + edge.n + " direct, " + edge.f + " at forums" +
                    (edge.first ? "<br>" + edge.first + " … " + (edge.last || "") : ""));
    }
    const nodeList = [...nodes].sort((p, q) => p - q);
    const countryList = [...new Set(NODES.map((node) => node.cc || "none"))].sort();
    const top = Math.max(1, ...nodeList.map((index) => NODES[index].w));
    return [
      { type: "scatter", mode: "lines", x: lines.direct.x, y: lines.direct.y, hoverinfo: "skip",
        line: { color: "#888", width: 1.6 } },
      { type: "scatter", mode: "lines", x: lines.forum.x, y: lines.forum.y, hoverinfo: "skip",
        line: { color: "#bbb", width: 1, dash: "dash" } },
      { type: "scatter", mode: "markers", x: mid.x, y: mid.y, customdata: mid.data, hovertext: mid.text,
        hoverinfo: "text", marker: { size: 9, color: "#888", opacity: 0.45 }, name: "pairs" },
      { type: "scatter", mode: "markers+text", x: nodeList.map((i) => NODES[i].x), y: nodeList.map((i) => NODES[i].y),
        text: nodeList.map((i) => plain(NODES[i].n)), textposition: "top center", textfont: { size: 10 },
        customdata: nodeList.map((i) => NODES[i].id), hoverinfo: "text",
        hovertext: nodeList.map((i) => plain(NODES[i].n) + (NODES[i].cc ? " · " + NODES[i].cc : "")),
        marker: { size: nodeList.map((i) => 10 + 22 * Math.sqrt(NODES[i].w / top)),
                  color: nodeList.map((i) => PALETTE[countryList.indexOf(NODES[i].cc || "none") % PALETTE.length]),
                  line: { width: nodeList.map((i) => NODES[i].id === f.actor ? 3 : 0.5), color: "#222" } },
        name: "parties" },
    ];
  }

  function networkLayout() {
    return {
      margin: { l: 10, r: 10, t: 10, b: 10 }, hovermode: "closest", showlegend: false, dragmode: "pan",
      xaxis: { visible: false }, yaxis: { visible: false, scaleanchor: "x" }, uirevision: "keep-zoom",
    };
  }

  // --- evidence ----------------------------------------------------------------------------
  function sentenceNode(event) {
    const sentence = SENTENCES[event.s];
    const node = el("p", null, "sentence");
    node.dataset.eventId = event.id;
    let at = 0;
    for (const [start, end, kind] of event.h) {
      if (start < at || end > sentence.t.length) continue;
      node.appendChild(document.createTextNode(sentence.t.slice(at, start)));
      node.appendChild(el("mark", sentence.t.slice(start, end), kind));
      at = end;
    }
    node.appendChild(document.createTextNode(sentence.t.slice(at)));
    return node;
  }

  function articleLine(article) {
    const line = el("div", null, "meta");
    line.appendChild(document.createTextNode((article.source ? article.source + " · " : "") +
                                              (article.published ? article.published.slice(0, 10) + " · " : "")));
    const url = safeUrl(article.url);
    if (url) {
      const link = el("a", article.title);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      line.appendChild(link);
    } else {
      line.appendChild(el("span", article.title));
      if (article.url_text) line.appendChild(el("span", " (" + article.url_text + ")", "url-text"));
    }
    return line;
  }

  function eventItem(index) {
    const event = EVENTS[index];
    const item = el("div", null, "item");
    item.appendChild(el("div", event.dl + " · " + event.t + (event.top.length ? " · " + event.top.join(", ") : "") +
                               (event.c != null ? " · confidence " + event.c : ""), "meta"));
    item.appendChild(sentenceNode(event));
    item.appendChild(el("div", "parties: " + (event.act.map(actorName).join(", ") || "–"), "meta"));
    item.appendChild(articleLine(ARTICLES[SENTENCES[event.s].a]));
    return item;
  }

  function showEvidence(title, indices, total) {
    const panel = $("evidence");
    panel.replaceChildren(el("h3", title));
    for (const index of indices.slice(0, EDGE_ITEMS)) panel.appendChild(eventItem(index));
    if (total > Math.min(indices.length, EDGE_ITEMS)) {
      panel.appendChild(el("p", (total - Math.min(indices.length, EDGE_ITEMS)) + " more not shown (outside the filters or past the first " + EDGE_ITEMS + ")", "muted"));
    }
    panel.dataset.eventIds = indices.slice(0, EDGE_ITEMS).map((index) => EVENTS[index].id).join(" ");
    panel.dataset.shown = String(++renders);
    document.body.dataset.renders = String(renders);
  }

  function showEvent(index) {
    showEvidence("Event " + EVENTS[index].id, [index], 1);
  }

  function showEdge(edgeIndex) {
    const edge = EDGES[edgeIndex], f = filters();
    const indices = edge.ev.map((id) => byEventId.get(id)).filter((index) => index !== undefined && passes(index, f));
    showEvidence(NODES[edge.a].n + " – " + NODES[edge.b].n, indices, edge.ev.length);
  }

  // --- table -------------------------------------------------------------------------------
  function fillTable(shown) {
    const body = document.createElement("tbody");
    for (const index of shown.slice(0, TABLE_ROWS)) {
      const event = EVENTS[index];
      const row = document.createElement("tr");
      row.dataset.index = String(index);
      for (const value of [event.dl, event.t, event.sum, event.act.map(actorName).join(", "), event.pl.join(", "),
                           ARTICLES[SENTENCES[event.s].a].title]) {
        row.appendChild(el("td", value));
      }
      body.appendChild(row);
    }
    $("events").replaceChild(body, $("events").tBodies[0]);
    $("table-note").textContent = shown.length > TABLE_ROWS
      ? "The first " + TABLE_ROWS + " of " + shown.length + " events; narrow the filters to see others. Click a row for its evidence."
      : "Click a row for its evidence.";
  }

  // --- drawing -----------------------------------------------------------------------------
  const config = { responsive: true, scrollZoom: true, displaylogo: false };

  function draw(shown, f) {
    $("shown").textContent = shown.length + " of " + EVENTS.length;
    fillTable(shown);
    const shownSet = new Set(shown);
    return Promise.all([
      DATA.missing.timeline ? null : Plotly.react("timeline", timelineTraces(shown), timelineLayout(), config),
      DATA.missing.network ? null : Plotly.react("network", networkTraces(shownSet, f), networkLayout(), config),
    ]);
  }

  function update() {
    const f = filters();
    const shown = [];
    for (let index = 0; index < EVENTS.length; index++) if (passes(index, f)) shown.push(index);
    return draw(shown, f).then(() => {
      renders += 1;
      document.body.dataset.renders = String(renders);
    });
  }

  function header() {
    $("generated").textContent = "Generated " + DATA.generated + " from the event warehouse. " +
      "Every dot and line traces back to the article sentence it came from.";
    for (const [label, value] of Object.entries(DATA.counts)) {
      const span = el("span");
      span.appendChild(el("b", value == null ? "–" : value));
      span.appendChild(document.createTextNode(" " + label));
      $("counts").appendChild(span);
    }
    for (const [part, reason] of Object.entries(DATA.missing)) {
      const target = part === "network" ? $("network") : part === "timeline" ? $("timeline") : $("counts");
      target.style.height = "auto";
      target.appendChild(el("p", "Not available: " + reason, "missing"));
    }
    if (DATA.hidden_parties) {
      $("network-note").textContent += " The " + DATA.hidden_parties + " least connected parties are not drawn.";
    }
  }

  function wireClicks() {
    const timeline = $("timeline"), network = $("network");
    if (timeline.on) timeline.on("plotly_click", (click) => showEvent(click.points[0].customdata));
    if (network.on) {
      network.on("plotly_click", (click) => {
        const point = click.points[0];
        if (point.data.name === "pairs") showEdge(point.customdata);
        else if (point.data.name === "parties") {
          $("f-actor").value = point.customdata;
          update();
        }
      });
    }
    $("events").addEventListener("click", (click) => {
      const row = click.target.closest("tr[data-index]");
      if (row) showEvent(Number(row.dataset.index));
    });
  }

  // the page's data, for a look from the browser console (and for the browser tests)
  window.__linimasa = { events: EVENTS, nodes: NODES, edges: EDGES };
  header();
  setUpFilters();
  update().then(() => {
    wireClicks();
    $("status").textContent = "";
    performance.mark("linimasa-ready");
    document.body.dataset.ready = "1";
  });
})();
