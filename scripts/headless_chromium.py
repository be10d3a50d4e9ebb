"""Drive headless Chromium over its DevTools pipe: open a page, wait until the page says it
is drawn, run JavaScript, take a screenshot. No extra package: Chromium's
`--remote-debugging-pipe` reads JSON commands on fd 3 and writes replies on fd 4, each
message ended by a NUL byte.

Pages announce their own rendered state: the report sets `data-rendered="true"` on <html>
once every picture is decoded and a frame has been painted after it. Waiting for that
attribute, not for a fixed time, is what makes a screenshot complete on a busy machine.
"""
from __future__ import annotations

import base64
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

RENDERED = "rendered"  # the <html data-rendered="true"> flag a page sets when fully drawn

# Resolves with the page's address once <html data-rendered="true"> is set.
_WAIT_RENDERED = f"""
new Promise(resolve => {{
  const root = document.documentElement;
  const done = () => root.dataset.{RENDERED} === "true";
  if (done()) return resolve(location.href);
  new MutationObserver(() => done() && resolve(location.href)).observe(root, {{attributes: true}});
}})
"""


class DevToolsError(RuntimeError):
    pass


class ChromiumPage:
    """One headless Chromium with one page, driven over the DevTools pipe. Use as a context manager."""

    def __init__(self, chromium: str, window: tuple[int, int] = (1400, 2400)):
        self.window = window
        self._profile = tempfile.TemporaryDirectory()
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire_pipe():  # in the child: the command pipe on fd 3, the reply pipe on fd 4
            # Copied aside first: a pipe may already sit on fd 3 or 4, and dup2 onto itself
            # would keep its close-on-exec flag.
            command, reply = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(command, 3)
            os.dup2(reply, 4)

        self._process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--remote-debugging-pipe", f"--user-data-dir={self._profile.name}",
             f"--window-size={window[0]},{window[1]}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipe, close_fds=False,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self._session: str | None = None

    # -- protocol -------------------------------------------------------------------------
    def send(self, method: str, params: dict | None = None, session: bool = True, timeout: float = 60) -> dict:
        """Send one command and return its result; events arriving meanwhile are dropped."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self._session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise DevToolsError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def _read(self, deadline: float) -> dict:
        import select

        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("no reply from chromium")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise DevToolsError("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    # -- page -----------------------------------------------------------------------------
    def open(self, html_file: Path, timeout: float = 60) -> None:
        """Load `html_file` and return once the page has announced it is fully drawn."""
        url = Path(html_file).resolve().as_uri()
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self._session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                  session=False)["sessionId"]
        width, height = self.window
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + timeout
        while True:
            # An evaluation that began in the previous document fails when the navigation
            # replaces it; ask again in the new one.
            try:
                result = self.send("Runtime.evaluate", {"expression": _WAIT_RENDERED, "awaitPromise": True,
                                                        "returnByValue": True},
                                   timeout=max(1.0, deadline - time.monotonic()))
            except DevToolsError:
                result = {}
            except TimeoutError:
                raise TimeoutError(f"{url} never announced data-{RENDERED} within {timeout:.0f} s") from None
            if result.get("result", {}).get("value") == url:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} never announced data-{RENDERED}")

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True})
        if "exceptionDetails" in result:
            raise DevToolsError(str(result["exceptionDetails"].get("text")))
        return result.get("result", {}).get("value")

    def screenshot(self, png_file: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        Path(png_file).write_bytes(base64.b64decode(data))
        return Path(png_file)

    # -- lifetime -------------------------------------------------------------------------
    def close(self) -> None:
        try:
            self.send("Browser.close", session=False, timeout=5)
        except (DevToolsError, TimeoutError, OSError):
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        self._profile.cleanup()

    def __enter__(self) -> "ChromiumPage":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
