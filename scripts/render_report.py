"""Open the HTML report in headless Chromium, wait until it says it is drawn, and check it.

    python scripts/render_report.py [--db FILE] [--out DIR]

Writes the report of the warehouse (default: the published one), opens it in the system
Chromium driven through its DevTools protocol (websocket-client; no browser is downloaded),
waits for the page's own signal `document.body.dataset.ready == "1"` (never for a length
of time), and prints what was drawn: timeline points, network parties and pairs, the share
of drawn pixels over each chart, and a screenshot. Exits 1 if a chart is missing or blank.
Installs Debian's `chromium` with apt-get when there is none.

The `Page` class is also what the browser tests use to filter, click and read the page.
"""
from __future__ import annotations

import argparse
import base64
import io
import json
import os
import signal
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import websocket
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WINDOW = (1400, 1400)
# How long a page may take to reach a state before the wait fails: an upper bound for a
# stuck page on a busy 2-core machine, not a pause; every wait returns as soon as the state holds.
PATIENCE = 90.0


def ensure_chromium() -> str | None:
    """Path of a Chromium binary, installing Debian's package if there is none."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, capture_output=True,
                       env={"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})
    return shutil.which("chromium")


class PageError(RuntimeError):
    pass


class Page:
    """One headless Chromium with one tab, driven over the DevTools protocol.

    WebGL (Plotly's scattergl draws the timeline with it) comes from SwiftShader, Chromium's
    software renderer, since the machine has no GPU."""

    def __init__(self, chromium: str, window: tuple[int, int] = WINDOW):
        self.profile = tempfile.TemporaryDirectory(ignore_cleanup_errors=True)
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
             "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
             "--disable-breakpad", "--disable-crash-reporter", "--hide-scrollbars", f"--window-size={window[0]},{window[1]}", f"--user-data-dir={self.profile.name}",
             "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            start_new_session=True)  # its own process group: closing ends its helper processes too
        try:
            self.socket = websocket.create_connection(self._page_socket(), timeout=PATIENCE, suppress_origin=True)
        except Exception:
            self.close()
            raise
        self.next_id = 0
        self.events: list[dict] = []
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Log.enable")

    def _page_socket(self) -> str:
        """The tab's DevTools address. Chromium prints the port it picked on stderr
        ("DevTools listening on ws://127.0.0.1:PORT/...") once it listens."""
        for line in self.process.stderr:
            if "DevTools listening on ws://" in line:
                port = line.split("ws://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1]
                break
        else:
            raise PageError(f"chromium ended before listening (exit {self.process.wait()})")
        _drain(self.process)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=PATIENCE) as answer:
            targets = json.load(answer)
        return next(target["webSocketDebuggerUrl"] for target in targets if target["type"] == "page")

    def send(self, method: str, params: dict | None = None) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params or {}}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise PageError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (a promise is awaited)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True})
        if "exceptionDetails" in result:
            raise PageError(f"{expression[:80]}: {result['exceptionDetails'].get('exception', {}).get('description')}")
        return result["result"].get("value")

    def wait_for(self, condition: str) -> None:
        """Return once the JavaScript `condition` is true, checked on every animation frame
        (a page that never gets there fails after PATIENCE seconds)."""
        self.evaluate(
            "new Promise((done, fail) => { const until = Date.now() + %d;"
            " const check = () => { let ok = false; try { ok = Boolean(%s); } catch (e) {}"
            " if (ok) done(true); else if (Date.now() > until) fail(new Error('page never reached: ' + %s));"
            " else requestAnimationFrame(check); }; check(); })" % (PATIENCE * 1000, condition, json.dumps(condition)))

    def problems(self) -> list[str]:
        """Uncaught exceptions and error messages (a blocked fetch, a policy violation) seen so far."""
        found = []
        for message in self.events:
            if message.get("method") == "Runtime.exceptionThrown":
                details = message["params"]["exceptionDetails"]
                found.append(details.get("exception", {}).get("description") or details.get("text", ""))
            elif message.get("method") == "Log.entryAdded" and message["params"]["entry"]["level"] == "error":
                found.append(message["params"]["entry"]["text"])
            elif message.get("method") == "Runtime.consoleAPICalled" and message["params"]["type"] == "error":
                found.append(" ".join(str(arg.get("value", arg.get("description", "")))
                                      for arg in message["params"]["args"]))
        return found

    def open(self, path: Path) -> None:
        """Load the report and wait until it says its charts are drawn. The page being left is
        marked first, so its own `ready` can never be taken for the new one's."""
        if self.evaluate("document.readyState") is not None:
            self.evaluate("window.__leaving = true")
        self.events.clear()
        self.send("Page.navigate", {"url": Path(path).resolve().as_uri()})
        self.wait_for("!window.__leaving && document.readyState === 'complete' && document.body.dataset.ready === '1'")

    def renders(self) -> int:
        return int(self.evaluate("Number(document.body.dataset.renders || 0)"))

    def choose(self, select_id: str, value: str) -> None:
        """Pick `value` in a filter as a user would, and wait for the charts to be redrawn."""
        before = self.renders()
        self.evaluate(f"(() => {{ const s = document.getElementById({json.dumps(select_id)});"
                      f" s.value = {json.dumps(value)}; s.dispatchEvent(new Event('change')); }})()")
        self.wait_for(f"Number(document.body.dataset.renders) > {before}")

    def click(self, x: float, y: float) -> None:
        """A real mouse click at page coordinates (the browser's own event path, so Plotly's
        hover-then-click picking is exercised as a user's click would)."""
        for kind, extra in (("mouseMoved", {}), ("mousePressed", {"button": "left", "clickCount": 1}),
                            ("mouseReleased", {"button": "left", "clickCount": 1})):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, **extra})

    def click_and_wait(self, x: float, y: float) -> None:
        """Click, then wait until the evidence panel shows what the click chose."""
        before = int(self.evaluate("Number(document.getElementById('evidence').dataset.shown || 0)"))
        self.click(x, y)
        self.wait_for(f"Number(document.getElementById('evidence').dataset.shown || 0) > {before}")

    def screenshot(self) -> Image.Image:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        return Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")

    def close(self) -> None:
        try:
            if getattr(self, "socket", None) is not None:
                self.socket.close()
        finally:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
            self.profile.cleanup()

    def __enter__(self) -> "Page":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _drain(process: subprocess.Popen) -> None:
    """Keep reading Chromium's stderr in the background so a chatty browser never blocks on a full pipe."""
    import threading

    threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()


# --- where things are on the page ---------------------------------------------------------

def box(page: Page, element_id: str) -> dict:
    return page.evaluate(f"(() => {{ const r = document.getElementById({json.dumps(element_id)})"
                         ".getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width, height: r.height}; })()")


def point_position(page: Page, chart_id: str, trace: int, point: int) -> tuple[float, float]:
    """Viewport coordinates of one point of a Plotly trace, from the chart's own axes; the
    chart is first scrolled into view."""
    return tuple(page.evaluate(f"""(() => {{
        const gd = document.getElementById({json.dumps(chart_id)});
        gd.scrollIntoView({{block: 'center'}});
        const trace = gd._fullData[{trace}], layout = gd._fullLayout;
        const x = layout.xaxis.l2p(layout.xaxis.d2l(trace.x[{point}])) + layout._size.l;
        const y = layout.yaxis.l2p(layout.yaxis.d2l(trace.y[{point}])) + layout._size.t;
        const r = gd.getBoundingClientRect();
        return [r.left + x, r.top + y];
    }})()"""))


def timeline_point(page: Page, event_index: int) -> tuple[int, int] | None:
    """(trace, point) of the event at `event_index` of the data on the timeline, or None if not shown."""
    found = page.evaluate(f"""(() => {{
        const traces = document.getElementById('timeline')._fullData;
        for (let t = 0; t < traces.length; t++) {{
            const at = traces[t].customdata.indexOf({event_index});
            if (at >= 0) return [t, at];
        }}
        return null; }})()""")
    return tuple(found) if found else None


TIMELINE_POINTS = ("document.getElementById('timeline')._fullData"
                   ".reduce((sum, trace) => sum + trace.x.length, 0)")


def coloured_pixels(shot: Image.Image, region: dict) -> int:
    """Pixels of a region in colour: the markers and parties are, grid lines, axes and text are grey."""
    crop = shot.crop((int(region["left"]), int(region["top"]),
                      int(region["left"] + region["width"]), int(region["top"] + region["height"])))
    return crop.convert("HSV").getchannel("S").point(lambda value: 255 if value > 80 else 0).histogram()[255]


def plot_area(page: Page, chart: str) -> dict:
    """Viewport box of a chart's plotting area, after scrolling it into view."""
    page.evaluate(f"document.getElementById('{chart}').scrollIntoView({{block: 'center'}})")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")
    return page.evaluate(f"(() => {{ const r = document.querySelector('#{chart} .nsewdrag').getBoundingClientRect();"
                         " return {left: r.left, top: r.top, width: r.width, height: r.height}; })()")


# one marker of the timeline is about 60 coloured pixels: a chart with fewer than this drew nothing real
DRAWN_PIXELS = 150


@dataclass
class Drawing:
    timeline_points: int
    network_parties: int
    network_pairs: int
    timeline_pixels: int
    network_pixels: int
    seconds_to_ready: float

    @property
    def ok(self) -> bool:
        return (self.timeline_points > 0 and self.network_parties > 0
                and self.timeline_pixels >= DRAWN_PIXELS and self.network_pixels >= DRAWN_PIXELS)


def measure(page: Page, report: Path, shot_path: Path | None = None) -> Drawing:
    page.open(report)
    seconds = page.evaluate("performance.getEntriesByName('linimasa-ready')[0].startTime") / 1000
    counts = page.evaluate("""(() => {
        const t = document.getElementById('timeline')._fullData, n = document.getElementById('network')._fullData;
        return [t.reduce((s, x) => s + x.x.length, 0), n[3].x.length, n[2].x.length]; })()""")
    drawn = []
    for chart in ("timeline", "network"):
        area = plot_area(page, chart)
        shot = page.screenshot()
        if shot_path is not None:
            shot.save(shot_path.with_name(f"{shot_path.stem}-{chart}.png"))
        drawn.append(coloured_pixels(shot, area))
    return Drawing(*counts, *drawn, seconds)


def main(argv: list[str] | None = None) -> int:
    from pipelines import settings
    from pipelines.analyst.report import write_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=Path("build/report-render"))
    args = parser.parse_args(argv)
    chromium = ensure_chromium()
    if chromium is None:
        print("chromium is not installed and could not be installed with apt-get", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    report = write_report(args.db or settings.warehouse_path(), args.out / "report.html")
    with Page(chromium) as page:
        drawing = measure(page, report, args.out / "report.png")
    print(f"report: {report} ({report.stat().st_size / 1e6:.1f} MB); ready after {drawing.seconds_to_ready:.2f} s")
    print(f"timeline: {drawing.timeline_points} points, {drawing.timeline_pixels} coloured pixels")
    print(f"network: {drawing.network_parties} parties, {drawing.network_pairs} pairs, "
          f"{drawing.network_pixels} coloured pixels")
    print("charts drawn" if drawing.ok else "a chart is missing or blank")
    return 0 if drawing.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
