"""`linimasa dates`: argument, stdin and --jsonl modes, and a light import."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from pipelines.language.dates.command import main

ROOT = Path(__file__).resolve().parents[1]


def run(argv, stdin=""):
    out = io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


def test_text_argument_gives_a_json_array():
    code, out = run(["--anchor", "2025-04-16", "Tersangka ditangkap kemarin di Batam."])
    assert code == 0
    assert json.loads(out) == [{
        "start": 20, "end": 27, "text": "kemarin", "date_start": "2025-04-15", "date_end": "2025-04-15",
        "granularity": "day", "kind": "relative", "time": None, "weekday_mismatch": False, "anchor": "2025-04-16",
        "value": None, "anchored_by": None,
    }]


def test_stdin_and_inferred_anchor():
    code, out = run([], stdin="Jakarta, Senin (14/4/2025) - Polisi menangkap dua orang kemarin.")
    assert code == 0
    assert [(m["text"], m["date_start"]) for m in json.loads(out)] == [
        ("Senin (14/4/2025)", "2025-04-14"), ("kemarin", "2025-04-13")]


def test_jsonl_keeps_going_past_bad_lines():
    lines = "\n".join([
        json.dumps({"id": "a", "text": "Polisi datang besok.", "anchor": "2025-01-31"}),
        "{not json",
        json.dumps({"id": "c", "text": 5}),
        json.dumps({"id": "d", "text": "Razia 7-13 April 2025."}),
    ])
    code, out = run(["--jsonl"], stdin=lines)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1  # every line answered; the exit status says some failed
    assert records[0] == {"id": "a", "mentions": [{
        "start": 14, "end": 19, "text": "besok", "date_start": "2025-02-01", "date_end": "2025-02-01",
        "granularity": "day", "kind": "relative", "time": None, "weekday_mismatch": False, "anchor": "2025-01-31",
        "value": None, "anchored_by": None}]}
    assert records[1]["id"] is None and "error" in records[1]
    assert records[2]["id"] == "c" and "error" in records[2]
    assert records[3]["mentions"][0]["date_end"] == "2025-04-13"


def test_jsonl_with_only_good_lines_exits_zero():
    code, out = run(["--jsonl"], stdin=json.dumps({"id": "a", "text": "Senin (14/4/2025)"}) + "\n")
    assert code == 0 and json.loads(out)["mentions"][0]["date_start"] == "2025-04-14"


def test_command_module_imports_nothing_heavy():
    code = ("import sys, pipelines.language.dates.command; "
            "heavy = {'dagster', 'duckdb', 'pandas', 'dateparser'} & {m.split('.')[0] for m in sys.modules}; "
            "print(sorted(heavy))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert result.stdout.strip() == "[]"
