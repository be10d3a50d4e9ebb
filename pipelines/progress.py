"""What `linimasa run` shows while it works: one line per step as it starts and as it ends
(rows written, seconds), and a progress bar with a rate over the documents being extracted.

Assets only call `extraction_progress`; it does nothing unless the runner installed a bar
factory (`show_bars`), so runs in the UI or from the daemon draw nothing. Step lines come
from Dagster's own events through a logger the runner adds to the job (`step_lines_logger`).
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

# (step, total documents) -> a bar with update(n) and close(); None: no bars (the default).
_bar_factory: Callable[[str, int], object] | None = None


@contextmanager
def extraction_progress(step: str, total: int) -> Iterator[Callable[[int], None]]:
    """`advance(n)` to call after every n documents (or a batch of n) of `step` are extracted."""
    if _bar_factory is None or total == 0:
        yield lambda n=1: None
        return
    bar = _bar_factory(step, total)
    try:
        yield bar.update
    finally:
        bar.close()


@contextmanager
def show_bars(out: TextIO | None = None, every: float = 0.5) -> Iterator[None]:
    """Draw a tqdm bar for each extraction while inside this block, redrawn at most every `every` s."""
    global _bar_factory
    from tqdm import tqdm

    def bar(step: str, total: int):
        return tqdm(total=total, desc=f"  {step}", unit="doc", file=out or sys.stderr, leave=False,
                    dynamic_ncols=True, mininterval=every, miniters=1)

    previous, _bar_factory = _bar_factory, bar
    try:
        yield
    finally:
        _bar_factory = previous


class StepLines(logging.Handler):
    """Turns Dagster events into one line when a step starts and one when it ends:

        mentions_and_events ...
        mentions_and_events done in 12.3 s: events 128, event_participants 301, ... (8 tables)
    """

    def __init__(self, out: TextIO | None = None):
        super().__init__(level=logging.DEBUG)
        self.out = out
        self.rows: dict[str, dict[str, int]] = {}
        self.checks: dict[str, list[bool]] = {}

    def print(self, text: str) -> None:
        out = self.out or sys.stdout
        out.write(text + "\n")
        out.flush()

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        if event is None or not event.step_key:
            return
        step, kind = event.step_key, event.event_type_value
        if kind == "STEP_START":
            self.rows[step], self.checks[step] = {}, []
            self.print(f"{step} ...")
        elif kind == "ASSET_MATERIALIZATION":
            materialization = event.event_specific_data.materialization
            count = materialization.metadata.get("dagster/row_count")
            if count is not None:
                self.rows.setdefault(step, {})[materialization.asset_key.to_user_string()] = int(count.value)
        elif kind == "ASSET_CHECK_EVALUATION":
            self.checks.setdefault(step, []).append(bool(event.event_specific_data.passed))
        elif kind == "STEP_SUCCESS":
            seconds = event.event_specific_data.duration_ms / 1000
            self.print(f"{step} done in {seconds:.1f} s{self.outcome(step)}")
        elif kind == "STEP_FAILURE":
            self.print(f"{step} FAILED{self.outcome(step)}")

    def outcome(self, step: str) -> str:
        rows, checks = self.rows.get(step, {}), self.checks.get(step, [])
        parts = []
        if rows:
            shown = [f"{table} {count:,}" for table, count in list(rows.items())[:4]]
            more = f", ... ({len(rows)} tables, {sum(rows.values()):,} rows)" if len(rows) > 4 else ""
            parts.append(", ".join(shown) + more)
        if checks:
            failed = checks.count(False)
            parts.append(f"{len(checks)} checks, {failed} failed" if failed else f"{len(checks)} checks passed")
        return ": " + "; ".join(parts) if parts else ""


def step_lines_logger(out: TextIO | None = None):
    """A Dagster logger printing `StepLines`; add it to a job with `with_logger_defs`."""
    import dagster as dg

    @dg.logger(description="One line per step as it starts and ends, for the terminal.")
    def step_lines(_init_context) -> logging.Logger:
        logger = logging.Logger("linimasa.steps", level=logging.DEBUG)
        logger.addHandler(StepLines(out))
        return logger

    return step_lines
