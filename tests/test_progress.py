"""What `linimasa run` prints while it works: step lines from Dagster's events, and a
progress bar over extracted documents only where someone watches a terminal."""
from __future__ import annotations

import io

import dagster as dg
import pytest

from pipelines import progress, runner


def run_with_step_lines(assets, checks=()) -> str:
    out = io.StringIO()
    job = dg.Definitions(assets=assets, asset_checks=list(checks)).resolve_implicit_global_asset_job_def()
    job = job.with_logger_defs({**job.loggers, "step_lines": progress.step_lines_logger(out)})
    job.execute_in_process(run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}},
                                                   "step_lines": {}}},
                           instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    return out.getvalue()


def test_each_step_says_when_it_starts_and_ends_with_its_rows():
    @dg.asset
    def berita():
        return dg.MaterializeResult(metadata={"dagster/row_count": 1234})

    @dg.asset(deps=[berita])
    def peristiwa():
        return dg.MaterializeResult(metadata={"dagster/row_count": 7})

    @dg.asset_check(asset=peristiwa)
    def peristiwa_ada():
        return dg.AssetCheckResult(passed=True)

    lines = run_with_step_lines([berita, peristiwa], [peristiwa_ada]).splitlines()
    assert lines[0] == "berita ..."
    assert lines[1].startswith("berita done in ") and lines[1].endswith(" s: berita 1,234")
    assert lines[2] == "peristiwa ..."
    assert lines[3].endswith(": peristiwa 7")
    assert any(line.endswith("1 checks passed") for line in lines)


def test_a_failed_step_and_what_it_stopped_are_named():
    @dg.asset
    def rusak():
        raise ValueError("berkas rusak")

    @dg.asset(deps=[rusak])
    def hilir():
        return None

    lines = run_with_step_lines([rusak, hilir]).splitlines()
    assert lines[:2] == ["rusak ...", "rusak FAILED"]
    assert not any(line.startswith("hilir") for line in lines)  # never started


def test_extraction_bar_counts_documents_with_a_rate():
    out = io.StringIO()
    with progress.show_bars(out, every=0):
        with progress.extraction_progress("date_mentions", 3) as advance:
            for _ in range(3):
                advance(1)
    text = out.getvalue()
    assert "date_mentions" in text and "3/3" in text and "doc/s" in text


def test_no_bar_unless_the_runner_asks_for_one(capsys):
    with progress.extraction_progress("date_mentions", 3) as advance:
        advance(3)
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(("argv", "tty", "bars"), [
    ([], True, True),
    (["--no-progress"], True, False),
    ([], False, False),   # piped into a file or a log: lines only
])
def test_bar_only_on_a_terminal_and_not_when_turned_off(monkeypatch, argv, tty, bars):
    asked = {}

    class Result:
        success = True
        all_events = []

    def fake_run_job(bars):
        asked["bars"] = bars
        return Result()

    monkeypatch.setattr(runner, "run_job", fake_run_job)
    monkeypatch.setattr(runner, "print_summary", lambda *args, **kwargs: None)
    for stream in ("stdout", "stderr"):
        monkeypatch.setattr(f"sys.{stream}.isatty", lambda: tty)
    assert runner.main(argv) == 0
    assert asked["bars"] is bars
