"""One self-contained, interactive HTML report: timeline, cooperation network, evidence.

The page is `report_page/page.html` with its style, script, the data (report_data) as a
JSON block, and Plotly's JavaScript bundle (from the pinned `plotly` package) written
inline, so the file opens anywhere, offline, and can be mailed as it is. Its Content
Security Policy forbids every fetch; links to the source articles are the only URLs.
"""
from __future__ import annotations

import importlib.resources
import json
import re
from pathlib import Path

import duckdb

from pipelines.analyst.report_data import report_data

PAGE = importlib.resources.files("pipelines.analyst") / "report_page"


def plotly_bundle() -> str:
    """plotly.min.js as shipped inside the `plotly` wheel (nothing is downloaded)."""
    return (importlib.resources.files("plotly") / "package_data" / "plotly.min.js").read_text(encoding="utf-8")


def script_json(value) -> str:
    """JSON that is inert inside a <script> element: `<`, `>` and `&` are written as \\u escapes,
    so an article containing `</script><img onerror=...>` cannot close the element, and the
    line separators U+2028/2029 are escaped too. JSON.parse gives back the original text."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _inline_script(code: str) -> str:
    # a bundle never holds "</script" today; should one appear, `<\/` means the same in JS
    return code.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def render_report(conn) -> str:
    """The report's HTML for an open warehouse connection."""
    page = (PAGE / "page.html").read_text(encoding="utf-8")
    parts = {
        "/*STYLE*/": (PAGE / "page.css").read_text(encoding="utf-8"),
        "/*DATA*/": script_json(report_data(conn)),
        "/*PLOTLY*/": _inline_script(plotly_bundle()),
        "/*SCRIPT*/": _inline_script((PAGE / "page.js").read_text(encoding="utf-8")),
    }
    # split the template once, then fill: content (article text) can never be taken for a marker
    pieces = re.split(r"(/\*(?:STYLE|DATA|PLOTLY|SCRIPT)\*/)", page)
    if sorted(pieces[1::2]) != sorted(parts):
        raise ValueError("report page template must hold each marker once")
    page = "".join(parts.get(piece, piece) if index % 2 else piece for index, piece in enumerate(pieces))
    return page


def write_report(db_path: Path | str, out_path: Path | str) -> Path:
    """Write the HTML report of the warehouse at `db_path` (opened read-only) to `out_path`."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(db_path), read_only=True) as conn:
        out.write_text(render_report(conn), encoding="utf-8")
    return out
